using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Tests.Diagnoses;

/// <summary>
/// The watermark-camera rule of seed 002 §4(一) on one visit, 2026年3月10日 09:00-12:30 北京时间, with the programme defaults
/// (15 minutes, 2 km). Expected messages are written from the rule: the time shown in Beijing time, the excess against the
/// nearer end of the span, the tolerance stated.
/// </summary>
public sealed class PhotoVerdictTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly VisitSpan Span = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, Beijing), new DateTimeOffset(2026, 3, 10, 12, 30, 0, Beijing));
    private static readonly GeoPoint Site = new(43.8171, 125.3235);

    private static PhotoFileFacts Photo(DateTime? taken, TimeSpan? offset = null, GeoPoint? at = null, ulong hash = 0x0123_4567_89AB_CDEF, string sha = "a") => new()
    {
        Kind = PhotoKind.Jpeg, SizeBytes = 1000, Sha256 = sha, Width = 800, Height = 600,
        TakenLocal = taken, TakenOffset = offset, Position = at, Hash = hash,
    };

    private static PhotoFileFacts At(int hour, int minute, int second = 0) => Photo(new DateTime(2026, 3, 10, hour, minute, second), Beijing, Site);

    private static IReadOnlyList<PhotoVerdict> Judge(GeoPoint? site, params PhotoFileFacts[] photos) =>
        PhotoVerdicts.Judge(Span, site, PhotoRules.Default, LocalTime.Beijing,
            [.. photos.Select((f, i) => new PhotoToJudge($"{i + 1}.jpg", f, []))]);

    private static PhotoVerdict One(PhotoFileFacts photo, GeoPoint? site = null) => Judge(site ?? Site, photo)[0];

    [Theory]
    [InlineData(9, 0, 0)]
    [InlineData(10, 30, 0)]
    [InlineData(12, 30, 0)]
    [InlineData(12, 45, 0)] // 15 minutes after the end: inside the tolerance
    [InlineData(8, 45, 0)]  // 15 minutes before the start
    public void A_photo_taken_during_the_visit_or_within_the_tolerance_is_ok(int hour, int minute, int second)
    {
        var verdict = One(At(hour, minute, second));
        Assert.True(verdict.Ok, string.Join("; ", verdict.Problems.Select(p => p.Message)));
    }

    [Fact]
    public void Sixteen_minutes_after_the_end_is_outside_with_the_reason_in_numbers()
    {
        var problem = Assert.Single(One(At(12, 46)).Problems);
        Assert.Equal(new PhotoProblem("time-outside", "拍摄时间2026年3月10日 12:46，晚于诊断结束时间12:30共16分钟（允许误差15分钟）"), problem);
    }

    [Fact]
    public void One_second_past_the_tolerance_is_outside_and_says_so()
    {
        var problem = Assert.Single(One(At(12, 45, 1)).Problems);
        Assert.Equal("拍摄时间2026年3月10日 12:45，晚于诊断结束时间12:30共15分钟1秒（允许误差15分钟）", problem.Message);
    }

    [Fact]
    public void Sixteen_minutes_before_the_start_is_outside()
    {
        var problem = Assert.Single(One(At(8, 44)).Problems);
        Assert.Equal(new PhotoProblem("time-outside", "拍摄时间2026年3月10日 08:44，早于诊断开始时间09:00共16分钟（允许误差15分钟）"), problem);
    }

    [Fact]
    public void A_photo_of_another_day_shows_the_date_of_the_visit_end()
    {
        var problem = Assert.Single(One(Photo(new DateTime(2026, 3, 11, 9, 0, 0), Beijing, Site)).Problems);
        Assert.Equal("拍摄时间2026年3月11日 09:00，晚于诊断结束时间2026年3月10日 12:30共20小时30分钟（允许误差15分钟）", problem.Message);
    }

    [Fact]
    public void A_time_without_an_offset_is_read_in_the_programme_zone()
    {
        // 12:46 on the camera's clock, no OffsetTimeOriginal: 12:46 Beijing time, 16 minutes late.
        Assert.Equal("time-outside", Assert.Single(One(Photo(new DateTime(2026, 3, 10, 12, 46, 0), null, Site)).Problems).Code);
        // The same clock reading read as UTC would be 20:46 Beijing time; read as Beijing time it is inside.
        Assert.True(One(Photo(new DateTime(2026, 3, 10, 12, 40, 0), null, Site)).Ok);
    }

    [Fact]
    public void A_time_with_another_offset_is_compared_as_an_instant_and_shown_in_Beijing_time()
    {
        // 04:46 UTC is 12:46 in Beijing.
        var problem = Assert.Single(One(Photo(new DateTime(2026, 3, 10, 4, 46, 0), TimeSpan.Zero, Site)).Problems);
        Assert.StartsWith("拍摄时间2026年3月10日 12:46，晚于诊断结束时间12:30共16分钟", problem.Message);
        Assert.True(One(Photo(new DateTime(2026, 3, 10, 2, 0, 0), TimeSpan.Zero, Site)).Ok);
    }

    [Fact]
    public void Without_a_capture_time_the_photo_cannot_prove_the_visit()
    {
        var problem = Assert.Single(One(Photo(null, null, Site)).Problems);
        Assert.Equal("time-missing", problem.Code);
        Assert.Contains("没有拍摄时间", problem.Message);
    }

    [Fact]
    public void Without_a_position_the_photo_cannot_prove_the_place()
    {
        var problem = Assert.Single(One(Photo(new DateTime(2026, 3, 10, 10, 0, 0), Beijing)).Problems);
        Assert.Equal("gps-missing", problem.Code);
        Assert.Contains("没有拍摄位置", problem.Message);
    }

    /// <summary>0.027° of latitude is 3.002 km (111.195 km per degree).</summary>
    [Fact]
    public void Three_kilometres_from_the_site_is_far_with_the_distance()
    {
        var far = One(Photo(new DateTime(2026, 3, 10, 10, 0, 0), Beijing, Site with { Latitude = Site.Latitude + 0.027 }));
        Assert.Equal(new PhotoProblem("gps-far", "拍摄位置距企业现场3.0公里（允许2公里）"), Assert.Single(far.Problems));
        // 0.0175° is 1.95 km: inside 2 km.
        Assert.True(One(Photo(new DateTime(2026, 3, 10, 10, 0, 0), Beijing, Site with { Latitude = Site.Latitude + 0.0175 })).Ok);
    }

    /// <summary>0.0181° is 2.0126 km: over the limit, so not shown as "2.0公里".</summary>
    [Fact]
    public void Just_over_the_limit_does_not_read_as_the_limit()
    {
        var far = One(Photo(new DateTime(2026, 3, 10, 10, 0, 0), Beijing, Site with { Latitude = Site.Latitude + 0.0181 }));
        Assert.Equal("拍摄位置距企业现场2.02公里（允许2公里）", Assert.Single(far.Problems).Message);
    }

    [Fact]
    public void Without_a_site_a_photo_far_from_the_median_of_the_others_is_far()
    {
        var at = new DateTime(2026, 3, 10, 10, 0, 0);
        var verdicts = Judge(null,
            Photo(at, Beijing, Site, hash: 0x1), Photo(at, Beijing, Site with { Latitude = Site.Latitude + 0.001 }, hash: 0xFFFF, sha: "b"),
            Photo(at, Beijing, Site with { Longitude = Site.Longitude + 0.001 }, hash: 0xFFFF_0000, sha: "c"),
            // 0.045° is 5.004 km north of the others' median, which is the site itself (two of three at each coordinate).
            Photo(at, Beijing, Site with { Latitude = Site.Latitude + 0.045 }, hash: 0xFFFF_0000_0000, sha: "d"));
        Assert.All(verdicts.Take(3), v => Assert.True(v.Ok, string.Join("; ", v.Problems.Select(p => p.Message))));
        var problem = Assert.Single(verdicts[3].Problems);
        Assert.Equal("gps-far", problem.Code);
        Assert.StartsWith("拍摄位置距本次诊断其他照片的中间位置5.0公里", problem.Message);
    }

    [Fact]
    public void The_same_file_twice_in_a_visit_flags_the_second_copy()
    {
        var at = new DateTime(2026, 3, 10, 10, 0, 0);
        var verdicts = Judge(Site, Photo(at, Beijing, Site, hash: 0x1, sha: "same"), Photo(at, Beijing, Site, hash: ~0x1UL, sha: "same"));
        Assert.True(verdicts[0].Ok);
        Assert.Equal(new PhotoProblem("duplicate", "与本次诊断的照片“1.jpg”是同一张照片；每张照片只能使用一次"), Assert.Single(verdicts[1].Problems));
    }

    [Fact]
    public void A_copy_within_seven_bits_is_the_same_picture_and_eight_bits_is_not()
    {
        var at = new DateTime(2026, 3, 10, 10, 0, 0);
        const ulong original = 0x0F0F_0F0F_0F0F_0F0F;
        var verdicts = Judge(Site, Photo(at, Beijing, Site, hash: original, sha: "o"),
            Photo(at, Beijing, Site, hash: original ^ 0x7F, sha: "seven"),
            Photo(at, Beijing, Site, hash: original ^ 0xFF00_0000_0000_0000, sha: "eight"));
        Assert.Equal("与本次诊断的照片“1.jpg”是同一张照片（内容相同，只是压缩或缩放过）；每张照片只能使用一次", Assert.Single(verdicts[1].Problems).Message);
        Assert.True(verdicts[2].Ok);
    }

    [Fact]
    public void A_picture_stored_for_another_visit_names_the_visit_and_the_enterprise()
    {
        var reuse = new PhotoReuse(Guid.NewGuid(), "长春市甲机械有限公司", Guid.NewGuid(), new DateOnly(2026, 3, 9), Guid.NewGuid(), 0, true);
        var verdict = PhotoVerdicts.Judge(Span, Site, PhotoRules.Default, LocalTime.Beijing,
            [new PhotoToJudge("1.jpg", At(10, 0), [reuse])])[0];
        Assert.Equal(new PhotoProblem("duplicate", "与2026年3月9日长春市甲机械有限公司现场诊断的照片相同；不能使用其他诊断的照片"), Assert.Single(verdict.Problems));
    }

    [Theory]
    [InlineData(PhotoKind.NotImage, "not-image")]
    [InlineData(PhotoKind.Unreadable, "unreadable")]
    [InlineData(PhotoKind.Heic, "heic")]
    public void A_file_that_is_not_a_readable_picture_gets_that_one_problem(PhotoKind kind, string code)
    {
        var verdict = One(new PhotoFileFacts { Kind = kind, SizeBytes = 100 });
        Assert.Equal(code, Assert.Single(verdict.Problems).Code);
    }

    [Fact]
    public void Heic_is_refused_with_advice()
    {
        var problem = Assert.Single(One(new PhotoFileFacts { Kind = PhotoKind.Heic, SizeBytes = 100 }).Problems);
        Assert.Contains("请在手机相机设置中选择“兼容性最佳”（JPEG）后重新拍摄，或导出为JPEG后上传", problem.Message);
    }

    [Fact]
    public void A_file_over_the_limit_states_its_size_and_the_limit()
    {
        var problem = Assert.Single(One(new PhotoFileFacts { Kind = PhotoKind.TooLarge, SizeBytes = 50L * 1024 * 1024 }).Problems);
        Assert.Equal("too-large", problem.Code);
        Assert.StartsWith("照片大小为50.0 MB，超过每张20.0 MB的上限", problem.Message);
    }

    [Fact]
    public void A_visit_must_end_after_it_starts() =>
        Assert.Throws<ArgumentException>(() => new VisitSpan(Span.End, Span.Start));
}
