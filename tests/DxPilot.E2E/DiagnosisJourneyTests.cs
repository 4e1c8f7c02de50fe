using DxPilot.Bench.Photos;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>
/// 咨询诊断 in real Chromium, from the provider's site visit to acceptance: the provider records a 3-hour visit and uploads its
/// five photos (read for their capture time and place), writes the report to 15,000 characters and submits; the enterprise
/// rates the diagnosis; the city accepts it with its opinion. The team, the signed agreement, the 改造前 assessment and the
/// training with its photos are arranged beforehand through the same services the pages use.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DiagnosisJourneyTests(BrowserApp app)
{
    private const string Programme = "changchun-2025";

    [Fact]
    public async Task A_provider_records_a_visit_with_photos_writes_the_report_and_submits_the_enterprise_rates_and_the_city_accepts()
    {
        if (app.Services is null) await app.SignedInAs("cc-city");   // skips (or fails in CI) without Chromium
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-1);   // yesterday in Changchun
        var (id, provider, enterprise) = await ArrangeAsync(day);

        var page = await app.SignedInAs(provider);
        await page.GotoAsync($"{app.BaseUrl}/diagnoses/{id}");
        await page.ClickAsync("#new-visit");
        await page.FillAsync("input[name='Form.Date']", day.ToString("yyyy-MM-dd"));
        await page.FillAsync("input[name='Form.Start']", "09:00");
        await page.FillAsync("input[name='Form.End']", "12:00");
        await page.SelectOptionAsync("select[name='Form.Topic']", "survey");
        await page.CheckAsync("input[name='Form.MemberIds'] >> nth=0");
        await page.FillAsync("input[name='Form.ContactPerson']", "赵厂长");
        await page.FillAsync("#f-outcome", "调研冲压、焊接两条产线，设备联网率约三成，质量数据仍靠纸质记录。");
        await page.ClickAsync("button:has-text('保存记录')");
        await Assertions.Expect(page.Locator("#done")).ToHaveTextAsync("现场诊断记录已保存。");

        // Five photos in four batches, each batch tagged with what it shows; each taken during the visit near the works.
        var seed = Random.Shared.Next(1_000, 1_000_000);
        var uploaded = 0;
        foreach (var (tag, minutes) in new[] { ("entryLogo", new[] { 5 }), ("trainingOrInterview", new[] { 30, 60 }), ("productionFloor", new[] { 100 }), ("exitLogo", new[] { 175 }) })
        {
            await page.SelectOptionAsync("select[name='Photos.Tag']", tag);
            await page.SetInputFilesAsync("input[name='photos']", minutes.Select(m => new FilePayload
            {
                Name = $"{tag}-{m}.jpg", MimeType = "image/jpeg",
                Buffer = TestPhotos.Photo(seed++, new TestPhotos.Exif(day.ToDateTime(new TimeOnly(9, 0)).AddMinutes(m), "+08:00", 43.8171 + m * 0.00001, 125.3235)),
            }));
            await page.ClickAsync("#photo-form button:has-text('上传照片')");
            uploaded += minutes.Length;
            // The page after the upload (the one before it says 照片已上传 too, so wait for the photos themselves).
            await Assertions.Expect(page.Locator("#photos li[data-photo]")).ToHaveCountAsync(uploaded);
        }
        await Assertions.Expect(page.Locator("#photos .photo-verdict.ok")).ToHaveCountAsync(5);
        await BrowserApp.Screenshot(page, "diagnosis-visit");

        // The report: 15,000 written characters, saved.
        await page.GotoAsync($"{app.BaseUrl}/diagnoses/{id}/report");
        await page.Locator("textarea[name='text.buildPlan']").FillAsync(new string('诊', 15_000));
        await page.ClickAsync("button:has-text('保存')");
        await Assertions.Expect(page.Locator(".alert.ok")).ToHaveTextAsync("报告已保存。");

        // Every rule green: submitted.
        await page.GotoAsync($"{app.BaseUrl}/diagnoses/{id}");
        await Assertions.Expect(page.Locator("#checklist li.fail")).ToHaveCountAsync(1);   // only the satisfaction form, after submission
        await page.ClickAsync("#transitions button[data-trigger=submit]");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("已提交验收");
        await BrowserApp.Screenshot(page, "diagnosis-submitted");

        var rater = await app.SignedInAs(enterprise);
        await rater.GotoAsync($"{app.BaseUrl}/diagnoses/{id}/satisfaction");
        for (var i = 0; i < SatisfactionLabels.Items.Length; i++) await rater.CheckAsync($"input[name='Form.Ratings[{i}]'][value=veryGood]");
        await rater.CheckAsync("input[name='Form.Overall'][value=satisfied]");
        await rater.CheckAsync("input[name='Form.Adoption'][value=adopted]");
        await rater.FillAsync("#f-comment", "诊断深入，建议切实可行。");
        await rater.ClickAsync("button:has-text('提交评价')");
        await Assertions.Expect(rater.Locator("#done")).ToHaveTextAsync("满意度评价已提交，谢谢。");

        var city = await app.SignedInAs("cc-city");
        await city.GotoAsync($"{app.BaseUrl}/diagnoses/{id}");
        await Assertions.Expect(city.Locator("#checklist li.fail")).ToHaveCountAsync(0);
        await city.FillAsync("#t-reason", "诊断过程规范，报告内容翔实，同意通过验收。");
        await city.ClickAsync("#transitions button[data-trigger=accept]");
        await Assertions.Expect(city.Locator("#status")).ToHaveTextAsync("已验收");
        await Assertions.Expect(city.Locator("#acceptance")).ToContainTextAsync("同意通过验收");
        await BrowserApp.Screenshot(city, "diagnosis-accepted");
    }

    /// <summary>A Changchun enterprise assigned to a new provider, their accounts, and the diagnosis with its team, signed
    /// agreement, linked 改造前 assessment and a 2-hour training with its five photos.</summary>
    private async Task<(Guid Id, string Provider, string Enterprise)> ArrangeAsync(DateOnly day)
    {
        var services = app.Services!;
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var org = new Organisation { ProgrammeId = Programme, Name = $"长春诊断旅程咨询{suffix}有限公司", Kind = OrganisationKind.ServiceProvider };
        Enterprise file;
        await using (var scope = Arrangement.Scope(services, Actor.System(Programme, "测试数据")))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var form = EnterpriseValidator.Validate(new EnterpriseForm
            {
                Name = $"长春诊断旅程汽车部件{suffix}有限公司", District = "朝阳区", Industry = "汽车零部件配件制造", FoundedOn = "2012-05-01",
                RegisteredAddress = "长春市朝阳区前进大街1号", ContactName = "赵厂长", ContactPhone = "13900001111",
            }, programme, new DateOnly(2026, 3, 1));
            Assert.True(form.IsValid, string.Join("；", form.Errors.Values));
            file = Enterprise.Register(programme, form.Details!, DateTime.UtcNow);
            db.Enterprises.Add(file);
            db.Organisations.Add(org);
            var (link, change, _) = AssignmentPolicy.Assign(Actor.System(Programme, "测试数据"), file, org, [], null, DateTime.UtcNow);
            db.Assignments.Add(link!);
            db.AssignmentChanges.Add(change!);
            await db.SaveChangesAsync();
        }
        var provider = await Arrangement.UserAsync(services, Programme, $"cc-dj-p-{suffix}", $"{org.Name}诊断员", Role.ServiceProvider, organisation: org.Id);
        var enterprise = await Arrangement.UserAsync(services, Programme, $"cc-dj-e-{suffix}", file.Name, Role.Enterprise, enterprise: file.Id);

        var actor = provider.ToActor();
        await using var work = Arrangement.Scope(services, actor);
        var diagnoses = work.ServiceProvider.GetRequiredService<DiagnosisService>();
        async Task<int> Version(Guid id) => (await diagnoses.GetAsync(actor, id)).Value!.Diagnosis.Version;
        static T Ok<T>(Outcome<T> o) => o.IsOk ? o.Value! : throw new InvalidOperationException(o.Message + string.Join("；", o.Errors.Values));

        var id = Ok(await diagnoses.OpenAsync(actor, file.Id)).Id;
        foreach (var (name, level, role) in new[] { ("张伟", TitleLevel.Senior, TeamRole.Leader), ("李娜", TitleLevel.Intermediate, TeamRole.Member), ("王强", TitleLevel.Junior, TeamRole.Member) })
            Ok(await diagnoses.AddMemberAsync(actor, id, await Version(id), new TeamMemberInput(name, org.Name, "工程师", level, ExpertiseField.Software, role)));
        var pdf = "%PDF-1.4\n%%EOF"u8.ToArray();
        Ok(await diagnoses.UploadAgreementAsync(actor, id, await Version(id), day.AddDays(-3), new UploadedFile("咨询诊断服务协议（盖章）.pdf", pdf.Length, () => new MemoryStream(pdf))));

        var assessments = work.ServiceProvider.GetRequiredService<AssessmentService>();
        var instrument = assessments.Instrument(AssessmentDemoData.Instrument)!;
        var assessment = Ok(await assessments.CreateAsync(actor, file.Id, AssessmentDemoData.Sheet(instrument, AssessmentStage.Before, 0.4, 1, day)));
        Ok(await diagnoses.LinkAssessmentAsync(actor, id, await Version(id), assessment.Id));

        var leader = (await diagnoses.GetAsync(actor, id)).Value!.Members[0].Id;
        var training = Ok(await diagnoses.RecordVisitAsync(actor, id, await Version(id), new VisitInput(day, new TimeOnly(14, 0), new TimeOnly(16, 0),
            VisitTopic.Training, [leader], "赵厂长", "数字化转型主题培训：设备联网与数据采集。", 40)));
        var seed = Random.Shared.Next(1_000_000, 2_000_000);
        var photos = new[] { PhotoTag.EntryLogo, PhotoTag.TrainingOrInterview, PhotoTag.TrainingOrInterview, PhotoTag.ProductionFloor, PhotoTag.ExitLogo }
            .Select((tag, i) =>
            {
                var bytes = TestPhotos.Photo(seed++, new TestPhotos.Exif(day.ToDateTime(new TimeOnly(14, 5 + i * 10)), "+08:00", 43.8172, 125.3236));
                return new PhotoUpload(tag, new UploadedFile($"培训-{i}.jpg", bytes.Length, () => new MemoryStream(bytes)));
            }).ToList();
        Ok(await diagnoses.UploadPhotosAsync(actor, id, await Version(id), training.Id, photos));
        return (id, provider.UserName!, enterprise.UserName!);
    }
}
