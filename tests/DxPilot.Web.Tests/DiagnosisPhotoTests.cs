using DxPilot.Bench.Photos;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// Visit photos through the diagnosis service: a file that is not a picture is refused by name and nothing is kept; a photo
/// removed, alone or with its visit, leaves the reuse index with it, so that the same picture can be uploaded to the right
/// visit without being called a reused one (seed 002 四（一）: reuse is a photo used for <i>another</i> visit), and a copy judged a
/// reuse is the picture's first use once the earlier one is removed.
/// </summary>
public abstract class DiagnosisPhotoTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static readonly DateOnly Day = new(2026, 3, 10);

    /// <summary>A picture no other test stores (the reuse index spans the platform), taken on <see cref="Day"/> at the works.</summary>
    private static byte[] PhotoAt(int hour) =>
        TestPhotos.Photo(Random.Shared.Next(1_000_000, 2_000_000), new TestPhotos.Exif(Day.ToDateTime(new TimeOnly(hour, 0)), "+08:00", 43.8171, 125.3235));

    [Fact]
    public async Task A_photo_that_is_html_or_empty_is_refused_by_name_and_nothing_is_stored()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        var visit = await c.VisitAsync(app, d.Id, await c.LeaderAsync(app, d.Id), Day, new TimeOnly(9, 0), new TimeOnly(12, 30));
        var outcome = await c.UploadAsync(app, d.Id, visit,
            (PhotoTag.EntryLogo, "进门.jpg", "<!doctype html><html><body>not a photo</body></html>"u8.ToArray()), (PhotoTag.ExitLogo, "出门.jpg", []));
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Contains("“进门.jpg”未上传：文件不是照片：只接受JPEG或PNG格式的现场照片", outcome.Message);
        Assert.Contains("“出门.jpg”未上传：文件不是照片", outcome.Message);
        var view = (await ChangchunDiagnosis.Act(app, c.ProviderActor, s => s.GetAsync(c.ProviderActor, d.Id))).Value!;
        Assert.Empty(view.Visits.Single().Photos);
    }

    [Fact]
    public async Task A_photo_removed_alone_or_with_its_visit_is_uploaded_again_to_the_right_visit_without_being_a_duplicate()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var d = await c.OpenAsync(app);
        var leader = await c.LeaderAsync(app, d.Id);
        // The survey ran 09:00-12:30; the training visit (14:00-16:00) and a visit recorded twice by mistake are the wrong places.
        var right = await c.VisitAsync(app, d.Id, leader, Day, new TimeOnly(9, 0), new TimeOnly(12, 30));
        var training = await c.VisitAsync(app, d.Id, leader, Day, new TimeOnly(14, 0), new TimeOnly(16, 0), VisitTopic.Training);
        var twice = await c.VisitAsync(app, d.Id, leader, Day, new TimeOnly(9, 0), new TimeOnly(12, 30));
        var (entry, floor, exit) = (PhotoAt(9), PhotoAt(10), PhotoAt(12));

        // The entry photo uploaded to the training, then removed from it; the floor photo uploaded to the visit recorded twice,
        // which is then removed whole.
        Assert.True((await c.UploadAsync(app, d.Id, training, (PhotoTag.EntryLogo, "进门.jpg", entry))).IsOk);
        var misplaced = (await ViewAsync(c, d.Id)).Visits.Single(v => v.Visit.Id == training).Photos.Single().Photo.Id;
        var removed = await ChangchunDiagnosis.Act(app, c.ProviderActor, async s => await s.RemovePhotoAsync(c.ProviderActor, d.Id,
            await ChangchunDiagnosis.VersionAsync(app, d.Id), misplaced));
        Assert.True(removed.IsOk, removed.Message);
        Assert.True((await c.UploadAsync(app, d.Id, twice, (PhotoTag.ProductionFloor, "车间.jpg", floor))).IsOk);
        var gone = (await ViewAsync(c, d.Id)).Visits.Single(v => v.Visit.Id == twice).Photos.Single().Photo.Id;
        var visitRemoved = await ChangchunDiagnosis.Act(app, c.ProviderActor, async s => await s.RemoveVisitAsync(c.ProviderActor, d.Id,
            await ChangchunDiagnosis.VersionAsync(app, d.Id), twice));
        Assert.True(visitRemoved.IsOk, visitRemoved.Message);
        await using (var scope = app.DataScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().PhotoPrints
                .Where(p => p.PhotoId == misplaced || p.PhotoId == gone).ToListAsync(TestContext.Current.CancellationToken));

        // The exit photo stays on the training: uploaded to the survey as well, it is the same picture as another visit's.
        Assert.True((await c.UploadAsync(app, d.Id, training, (PhotoTag.ExitLogo, "出门.jpg", exit))).IsOk);
        Assert.True((await c.UploadAsync(app, d.Id, right, (PhotoTag.EntryLogo, "进门.jpg", entry), (PhotoTag.ProductionFloor, "车间.jpg", floor),
            (PhotoTag.ExitLogo, "出门.jpg", exit))).IsOk);

        var photos = (await ViewAsync(c, d.Id)).Visits.Single(v => v.Visit.Id == right).Photos.ToDictionary(p => p.Photo.File.Name);
        Assert.Empty(photos["进门.jpg"].Problems);
        Assert.Empty(photos["车间.jpg"].Problems);
        var copy = Assert.Single(photos["出门.jpg"].Problems);
        Assert.Equal((PhotoProblemCodes.Duplicate, $"与2026年3月10日{c.Enterprise.Name}现场诊断的照片相同；不能使用其他诊断的照片"), (copy.Code, copy.Message));

        // The exit photo was on the training by mistake: taken off it, the survey's copy is the picture's first use and no
        // longer a reuse. Uploaded to the training again, that copy is the reuse now.
        var onTraining = (await ViewAsync(c, d.Id)).Visits.Single(v => v.Visit.Id == training).Photos.Single(p => p.Photo.File.Name == "出门.jpg").Photo.Id;
        var off = await ChangchunDiagnosis.Act(app, c.ProviderActor, async s => await s.RemovePhotoAsync(c.ProviderActor, d.Id,
            await ChangchunDiagnosis.VersionAsync(app, d.Id), onTraining));
        Assert.True(off.IsOk, off.Message);
        Assert.Empty((await ViewAsync(c, d.Id)).Visits.Single(v => v.Visit.Id == right).Photos.Single(p => p.Photo.File.Name == "出门.jpg").Problems);
        Assert.True((await c.UploadAsync(app, d.Id, training, (PhotoTag.ExitLogo, "出门.jpg", exit))).IsOk);
        var view = await ViewAsync(c, d.Id);
        Assert.Empty(view.Visits.Single(v => v.Visit.Id == right).Photos.Single(p => p.Photo.File.Name == "出门.jpg").Problems);
        // (Taken at 12:00, it is outside the training's hours too.)
        Assert.Contains(view.Visits.Single(v => v.Visit.Id == training).Photos.Single(p => p.Photo.File.Name == "出门.jpg").Problems,
            p => p.Code == PhotoProblemCodes.Duplicate);
    }

    [Fact]
    public async Task Another_diagnosis_copy_of_a_photo_removed_from_its_first_use_passes_and_leaves_the_red_filter()
    {
        var (first, second) = (await ChangchunDiagnosis.CreateAsync(app), await ChangchunDiagnosis.CreateAsync(app));
        var (d1, d2) = (await first.OpenAsync(app), await second.OpenAsync(app));
        var v1 = await first.VisitAsync(app, d1.Id, await first.LeaderAsync(app, d1.Id), Day, new TimeOnly(9, 0), new TimeOnly(12, 30));
        var v2 = await second.VisitAsync(app, d2.Id, await second.LeaderAsync(app, d2.Id), Day, new TimeOnly(9, 0), new TimeOnly(12, 30));
        var picture = PhotoAt(10);
        Assert.True((await first.UploadAsync(app, d1.Id, v1, (PhotoTag.ProductionFloor, "车间.jpg", picture))).IsOk);
        Assert.True((await second.UploadAsync(app, d2.Id, v2, (PhotoTag.ProductionFloor, "车间.jpg", picture))).IsOk);
        Assert.Contains(d2.Id, await PhotoChecksRedAsync());

        // The first provider took its photo off (the wrong enterprise's visit): the second's is the picture's first use now.
        var photo = (await ViewAsync(first, d1.Id)).Visits.Single().Photos.Single().Photo.Id;
        var removed = await ChangchunDiagnosis.Act(app, first.ProviderActor, async s => await s.RemovePhotoAsync(first.ProviderActor, d1.Id,
            await ChangchunDiagnosis.VersionAsync(app, d1.Id), photo));
        Assert.True(removed.IsOk, removed.Message);
        Assert.Empty((await ViewAsync(second, d2.Id)).Visits.Single().Photos.Single().Problems);
        Assert.DoesNotContain(d2.Id, await PhotoChecksRedAsync());
    }

    /// <summary>The diagnoses the city's list shows with 照片时间、位置核验 red.</summary>
    private Task<List<Guid>> PhotoChecksRedAsync() =>
        ChangchunDiagnosis.Act(app, ChangchunDiagnosis.City, async s => (await s.Listed(ChangchunDiagnosis.City, new DiagnosisFilter(Red: "photo-checks"))!
            .Select(r => r.Id).ToListAsync(TestContext.Current.CancellationToken)));

    private Task<DiagnosisView> ViewAsync(ChangchunDiagnosis c, Guid id) =>
        ChangchunDiagnosis.Act(app, c.ProviderActor, async s => (await s.GetAsync(c.ProviderActor, id)).Value!);
}

public sealed class DiagnosisPhotoTestsOnSqlite(SqliteApp app) : DiagnosisPhotoTests<SqliteApp>(app);

public sealed class DiagnosisPhotoTestsOnPostgres(PostgresApp app) : DiagnosisPhotoTests<PostgresApp>(app);
