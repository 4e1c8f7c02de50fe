using System.Text.Json;
using DxPilot.Bench.Photos;
using DxPilot.Web.Features.Diagnoses.Photos;

namespace DxPilot.Web.Tests;

/// <summary>
/// `photos check` as a provider runs it on a folder before uploading: one JSON line per file in name order, the verdicts of
/// the upload, exit 0 / 2 / 1. The visit is 2026-03-10 09:00-12:30 given without an offset, so in Beijing time; no database
/// is configured here (the folder is checked alone, as stderr says).
/// </summary>
public sealed class PhotosCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dxpilot-photos-");
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("dxpilot-photos-data-");
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private const double Lat = 43.8171, Lon = 125.3235;

    public void Dispose()
    {
        _folder.Delete(recursive: true);
        _data.Delete(recursive: true);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private void Write(string name, byte[] content) => File.WriteAllBytes(Path.Combine(_folder.FullName, name), content);

    private static byte[] TakenAt(int seed, int hour, int minute, string? offset = "+08:00", double? lat = Lat, double? lon = Lon) =>
        TestPhotos.Photo(seed, new TestPhotos.Exif(new DateTime(2026, 3, 10, hour, minute, 0), offset, lat, lon));

    private async Task<(int Exit, List<JsonElement> Lines, string Errors)> CheckAsync(params string[] options)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exit = await PhotosCommand.RunAsync(
            ["check", "--start", "2026-03-10T09:00", "--end", "2026-03-10T12:30", .. options, _folder.FullName, $"--DxPilot:DataPath={_data.FullName}"],
            output, errors, Ct);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        return (exit, lines, errors.ToString());
    }

    private static string[] Codes(JsonElement line) =>
        [.. line.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString()!)];

    [Fact]
    public async Task Every_photo_ok_exits_0_with_one_line_per_file_in_name_order()
    {
        Write("b-出门.jpg", TakenAt(2, 12, 20));
        Write("a-进门.jpg", TakenAt(1, 9, 5));
        Write("c-车间.jpg", TakenAt(3, 12, 45)); // 15 minutes after the end: inside the tolerance

        var (exit, lines, errors) = await CheckAsync("--site", $"{Lat},{Lon}");

        Assert.Equal(0, exit);
        Assert.Equal(["a-进门.jpg", "b-出门.jpg", "c-车间.jpg"], lines.Select(l => l.GetProperty("file").GetString()));
        Assert.All(lines, l => Assert.True(l.GetProperty("ok").GetBoolean()));
        Assert.All(lines, l => Assert.Empty(Codes(l)));
        Assert.Equal("2026-03-10T09:05:00+08:00", lines[0].GetProperty("takenAt").GetString());
        Assert.Contains("只在本文件夹内查找重复照片", errors);
    }

    [Fact]
    public async Task Any_photo_not_ok_exits_2_and_says_why()
    {
        Write("1.jpg", TakenAt(1, 10, 0));
        Write("2.jpg", TakenAt(2, 12, 46));                            // 16 minutes late
        Write("3.jpg", TestPhotos.Photo(3));                            // no EXIF
        Write("4.jpg", TakenAt(4, 10, 0, lat: null, lon: null));        // no GPS
        Write("5.jpg", TakenAt(5, 10, 0, lat: Lat + 0.027));            // 3 km north
        Write("6.jpg", TestPhotos.Reencoded(TakenAt(1, 10, 0), 60, 0.5)); // a smaller copy of 1.jpg
        Write("7.jpg", "<html><body>not a photo</body></html>"u8.ToArray());
        Write("8.heic", [0, 0, 0, 0x18, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8, .. new byte[64]]);
        Write("9.jpg", TakenAt(9, 10, 0)[..3000]);                      // truncated

        var (exit, lines, _) = await CheckAsync("--site", $"{Lat},{Lon}");

        Assert.Equal(2, exit);
        Assert.Equal(9, lines.Count);
        Assert.True(lines[0].GetProperty("ok").GetBoolean());
        Assert.Equal(["time-outside"], Codes(lines[1]));
        Assert.Equal("拍摄时间2026年3月10日 12:46，晚于诊断结束时间12:30共16分钟（允许误差15分钟）",
            lines[1].GetProperty("problems")[0].GetProperty("message").GetString());
        Assert.Equal(["time-missing", "gps-missing"], Codes(lines[2]));
        Assert.Equal(["gps-missing"], Codes(lines[3]));
        Assert.Equal(["gps-far"], Codes(lines[4]));
        Assert.Equal("拍摄位置距企业现场3.0公里（允许2公里）", lines[4].GetProperty("problems")[0].GetProperty("message").GetString());
        // The copy lost its EXIF when re-encoded, as chat apps do; it is also the same picture as 1.jpg.
        Assert.Equal(["time-missing", "gps-missing", "duplicate"], Codes(lines[5]));
        Assert.Contains("“1.jpg”", lines[5].GetProperty("problems")[2].GetProperty("message").GetString());
        Assert.Equal(["not-image"], Codes(lines[6]));
        Assert.Equal(["heic"], Codes(lines[7]));
        Assert.Equal(["unreadable"], Codes(lines[8]));
        Assert.All(lines.Skip(1), l => Assert.False(l.GetProperty("ok").GetBoolean()));
    }

    [Fact]
    public async Task A_file_that_cannot_be_opened_is_unreadable_and_the_others_are_still_checked()
    {
        Write("1.jpg", TakenAt(1, 10, 0));
        // A link to a photo that was moved away: listed in the folder, impossible to open (as root, a chmod 000 file is not).
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, "2.jpg"), Path.Combine(_data.FullName, "已移走.jpg"));
        Write("3.jpg", TakenAt(3, 11, 0));

        var (exit, lines, _) = await CheckAsync("--site", $"{Lat},{Lon}");

        Assert.Equal(2, exit);
        Assert.Equal(["1.jpg", "2.jpg", "3.jpg"], lines.Select(l => l.GetProperty("file").GetString()));
        Assert.False(lines[1].GetProperty("ok").GetBoolean());
        var problem = Assert.Single(lines[1].GetProperty("problems").EnumerateArray());
        Assert.Equal("unreadable", problem.GetProperty("code").GetString());
        Assert.StartsWith("无法打开文件：文件不存在", problem.GetProperty("message").GetString());
        Assert.Equal(JsonValueKind.Null, lines[1].GetProperty("takenAt").ValueKind);
        Assert.True(lines[0].GetProperty("ok").GetBoolean());
        Assert.True(lines[2].GetProperty("ok").GetBoolean());
        Assert.Equal("2026-03-10T11:00:00+08:00", lines[2].GetProperty("takenAt").GetString());
    }

    [Fact]
    public async Task Times_without_an_offset_are_Beijing_time()
    {
        // The camera wrote 12:40 without an offset; the visit is given without one: both are Beijing time, inside.
        Write("1.jpg", TakenAt(1, 12, 40, offset: null));
        // 04:40 UTC is 12:40 in Beijing: inside. Were --end read as UTC (20:30 Beijing) 19:00 Beijing would be inside too.
        Write("2.jpg", TakenAt(2, 4, 40, offset: "+00:00"));
        Write("3.jpg", TakenAt(3, 19, 0, offset: "+08:00"));

        var (exit, lines, _) = await CheckAsync();

        Assert.Equal(2, exit);
        Assert.True(lines[0].GetProperty("ok").GetBoolean());
        Assert.True(lines[1].GetProperty("ok").GetBoolean());
        Assert.Equal(["time-outside"], Codes(lines[2]));
    }

    [Fact]
    public async Task Without_a_site_a_photo_far_from_the_others_is_far()
    {
        Write("1.jpg", TakenAt(1, 10, 0));
        Write("2.jpg", TakenAt(2, 10, 0, lat: Lat + 0.001));
        Write("3.jpg", TakenAt(3, 10, 0, lon: Lon + 0.001));
        Write("4.jpg", TakenAt(4, 10, 0, lat: Lat + 0.045));

        var (exit, lines, _) = await CheckAsync();

        Assert.Equal(2, exit);
        Assert.Equal(["gps-far"], Codes(lines[3]));
        Assert.All(lines.Take(3), l => Assert.True(l.GetProperty("ok").GetBoolean()));
    }

    [Fact]
    public async Task The_tolerance_can_be_set()
    {
        Write("1.jpg", TakenAt(1, 12, 50));
        Assert.Equal(2, (await CheckAsync()).Exit);
        Assert.Equal(0, (await CheckAsync("--tolerance", "20")).Exit);
    }

    [Theory]
    [InlineData(new[] { "check", "--start", "2026-03-10T09:00" }, "请用 --start 和 --end 指定")]
    [InlineData(new[] { "check", "--start", "2026-03-10T12:30", "--end", "2026-03-10T09:00", "." }, "结束时间必须晚于开始时间")]
    [InlineData(new[] { "check", "--start", "2026-03-10 9点", "--end", "2026-03-10T12:30", "." }, "开始时间“2026-03-10 9点”无法识别")]
    [InlineData(new[] { "check", "--start", "2026-03-10T09:00", "--end", "2026-03-10T12:30", "--site", "43.8", "." }, "现场位置“43.8”无法识别")]
    [InlineData(new[] { "check", "--start", "2026-03-10T09:00", "--end", "2026-03-10T12:30", "--tolerance", "-5", "." }, "时间误差“-5”")]
    [InlineData(new[] { "check", "--start", "2026-03-10T09:00", "--end", "2026-03-10T12:30", "/no/such/folder" }, "找不到文件夹")]
    [InlineData(new[] { "check", "--start", "2026-03-10T09:00", "--end", "2026-03-10T12:30" }, "请指定存放照片的文件夹")]
    [InlineData(new[] { "verify" }, "请指定子命令 check")]
    [InlineData(new string[0], "请指定子命令 check")]
    public async Task A_usage_error_exits_1_with_the_reason_in_chinese(string[] args, string reason)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        Assert.Equal(1, await PhotosCommand.RunAsync(args, output, errors, Ct));
        Assert.Equal("", output.ToString());
        Assert.Contains(reason, errors.ToString());
        Assert.Contains("用法：photos check", errors.ToString());
    }
}
