using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Diagnoses.Report;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>
/// Development data for Changchun's 咨询诊断 (seed 002), done through the services as the provider, the enterprise and the city
/// would: on the provider's first file (cc-enterprise's own) a diagnosis carried through every rule — agreement, a team of
/// three, a survey and a training with their watermark photos, the 改造前 assessment, a report of the template's length
/// (config/demo) — submitted, rated by the enterprise and waiting for the city and the expert it named; on the second a
/// diagnosis under way whose checklist still has red items. The other files the provider serves are left to open. Dates
/// follow the day the demo is seeded (the agreement's 30-day term runs from it). A file that has a diagnosis is left alone.
/// </summary>
public sealed class DiagnosisDemoData(DxPilotDbContext db, DiagnosisService diagnoses, Report.DiagnosisReportService reports,
    AssessmentService assessments, UserManager<AppUser> users, CurrentActor current, ShownTime time, PlatformPaths paths, ILogger<DiagnosisDemoData> logger)
{
    private const string ReportFile = "demo/changchun-diagnosis-report.json";
    /// <summary>朝阳区, Changchun: the demo files have no recorded site, so the photos agree with each other, near here.</summary>
    private const double Latitude = 43.8330, Longitude = 125.2890;

    /// <param name="served">The files the demo provider serves, in the demo list's order (the first is cc-enterprise's own).</param>
    public async Task EnsureAsync(IReadOnlyList<Enterprise> served, CancellationToken ct = default)
    {
        if (await users.ActorAsync("cc-provider") is not { } provider || await users.ActorAsync("cc-city") is not { } city
            || await users.ActorAsync("cc-expert") is not { } expert || await users.ActorAsync("cc-enterprise") is not { } enterprise) return;
        var steps = new Func<Enterprise, Task>[]
        {
            e => e.Id == enterprise.EnterpriseId ? SubmittedAsync(e, provider, enterprise, city, expert, ct) : Task.CompletedTask,
            e => UnderWayAsync(e, provider, ct),
        };
        for (var i = 0; i < Math.Min(steps.Length, served.Count); i++)
        {
            if (await db.Diagnoses.AnyAsync(d => d.EnterpriseId == served[i].Id, ct)) continue;
            try { await steps[i](served[i]); }
            catch (DemoStepRefused refused)
            {
                logger.LogWarning("演示数据：{Enterprise} 的咨询诊断停在了“{Step}”之前：{Reason}", served[i].Name, refused.Step, refused.Message);
            }
        }
    }

    /// <summary>Every rule met, submitted, the enterprise's satisfaction form in, the demo expert named: 待验收.</summary>
    private async Task SubmittedAsync(Enterprise e, Actor provider, Actor enterprise, Actor city, Actor expert, CancellationToken ct)
    {
        var today = TodayAs(provider);
        var d = await OpenAsync(e, provider, today.AddDays(-18), 1, ct);
        var leader = await MemberAsync(d, provider, new("刘建国", provider.Name, "高级工程师", TitleLevel.Senior, ExpertiseField.Industry, TeamRole.Leader,
            "统筹诊断工作，负责生产工艺与数字化转型路径诊断", "13804310001"), ct);
        var software = await MemberAsync(d, provider, new("陈思远", provider.Name, "工程师", TitleLevel.Intermediate, ExpertiseField.Software, TeamRole.Member,
            "负责ERP、MES等信息系统现状调研与方案设计", "13804310002"), ct);
        var hardware = await MemberAsync(d, provider, new("王海涛", provider.Name, "助理工程师", TitleLevel.Junior, ExpertiseField.Hardware, TeamRole.Member,
            "负责设备联网、数据采集现状调研", "13804310003"), ct);
        var team = new[] { leader, software, hardware };
        await VisitAsync(d, provider, new VisitInput(today.AddDays(-15), new TimeOnly(9, 0), new TimeOnly(12, 30), VisitTopic.Survey, team, "赵厂长",
            "调研冲压、焊装、涂装三个车间的生产组织、设备状况和数据记录方式，访谈生产、质量、采购负责人，收集设备清单和现有系统资料。", null),
            [PhotoTag.EntryLogo, PhotoTag.ProductionFloor, PhotoTag.TrainingOrInterview, PhotoTag.TrainingOrInterview, PhotoTag.ExitLogo], 100, ct);
        await VisitAsync(d, provider, new VisitInput(today.AddDays(-11), new TimeOnly(14, 0), new TimeOnly(16, 30), VisitTopic.Training, [leader, software], "赵厂长",
            "开展“中小企业数字化转型路径与MES应用”主题培训，讲解数字化水平评测指标和改造方向，解答企业管理人员和班组长的问题。", 26),
            [PhotoTag.EntryLogo, PhotoTag.TrainingOrInterview, PhotoTag.TrainingOrInterview, PhotoTag.ProductionFloor, PhotoTag.ExitLogo], 200, ct);

        As(provider);
        var instrument = assessments.Instrument(AssessmentDemoData.Instrument) ?? throw new DemoStepRefused("改造前评测", $"缺少评测工具 {AssessmentDemoData.Instrument}");
        var before = DemoSteps.Require("改造前评测", await assessments.CreateAsync(provider, e.Id, BeforeSheet(instrument, today.AddDays(-14)), ct));
        d = DemoSteps.Require("关联改造前评测", await diagnoses.LinkAssessmentAsync(provider, d.Id, d.Version, before.Id, ct));

        var content = JsonSerializer.Deserialize<ReportContent>(await File.ReadAllTextAsync(Path.Combine(paths.ConfigFolder, ReportFile), ct),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        DemoSteps.Require("编写诊断报告", await reports.SaveAsync(provider, d.Id, 0, content, ct));
        d = await CurrentAsync(d.Id, ct);
        d = DemoSteps.Require("提交验收", await diagnoses.TransitionAsync(provider, d.Id, DiagnosisTrigger.Submit, null, d.Version, ct));

        As(enterprise);
        DemoSteps.Require("满意度评价", await diagnoses.RateAsync(enterprise, d.Id, new SatisfactionInput(
            [Rating.VeryGood, Rating.VeryGood, Rating.Good, Rating.VeryGood, Rating.Good], OverallSatisfaction.Satisfied, Adoption.Adopted,
            "诊断团队深入车间调研，报告对质量追溯和设备联网的分析切合实际，建议的MES分步实施方案企业准备采纳。"), ct));
        As(city);
        d = await CurrentAsync(d.Id, ct);
        DemoSteps.Require("指定验收专家", await diagnoses.NameExpertsAsync(city, d.Id, [expert.UserId], d.Version, ct));
    }

    /// <summary>
    /// The provider's 改造前 assessment (2024 instrument) as the demo report describes it: 数字化基础 22.80, 数字化管理 11.25,
    /// 数字化成效 11.50, 45.55 points in all, seven scenarios at 二级 and the rest at 一级 — 二级, as its 数字化水平等级 says.
    /// </summary>
    public static AssessmentInput BeforeSheet(Domain.Instruments.Instrument instrument, DateOnly on)
    {
        string[] secondLevel = ["营销管理", "计划排程", "采购管理", "仓储物流", "财务管理", "人力资源", "协同办公"];
        return new AssessmentInput
        {
            Instrument = instrument.Id,
            Stage = AssessmentStage.Before,
            AssessedOn = on.ToString("yyyy-MM-dd"),
            Answers = new()
            {
                ["网络建设"] = ["B", "C"], ["设备数字化"] = ["D"], ["设备联网"] = ["B"], ["数据采集"] = ["D", "L", "M", "N"], ["信息系统"] = ["C"],
                ["网络安全"] = ["B", "C"], ["数据安全"] = ["B", "C"], ["规划实施"] = ["D"], ["管理机制"] = ["B", "C"], ["人才建设"] = ["B", "D"],
                ["资金保障"] = ["A"], ["绿色低碳"] = ["B"], ["产品质量"] = ["B"], ["市场表现"] = ["C"], ["价值效益"] = ["B"],
            },
            Scenarios = instrument.Scenarios.ToDictionary(x => x.Name, x => secondLevel.Contains(x.Name) ? 2 : 1),
            Evidence = new() { ["设备联网"] = "现场核对设备台账：132台生产设备中20台已联网（焊接机器人、激光切割机、伺服压力机线、三坐标测量机）" },
        };
    }

    /// <summary>Opened a few days ago: two of the three members, one short survey with three photos, no report yet.</summary>
    private async Task UnderWayAsync(Enterprise e, Actor provider, CancellationToken ct)
    {
        var today = TodayAs(provider);
        var d = await OpenAsync(e, provider, today.AddDays(-5), 300, ct);
        var leader = await MemberAsync(d, provider, new("孙立新", provider.Name, "高级工程师", TitleLevel.Senior, ExpertiseField.Integration, TeamRole.Leader,
            "统筹诊断工作", "13804310004"), ct);
        var member = await MemberAsync(d, provider, new("高雅", provider.Name, "助理工程师", TitleLevel.Junior, ExpertiseField.Software, TeamRole.Member,
            "信息系统现状调研", "13804310005"), ct);
        await VisitAsync(d, provider, new VisitInput(today.AddDays(-3), new TimeOnly(9, 30), new TimeOnly(11, 30), VisitTopic.Survey, [leader, member], "钱经理",
            "初步了解线路板贴片、插件、测试工序和现有ERP使用情况，约定下次调研安排。", null),
            [PhotoTag.EntryLogo, PhotoTag.ProductionFloor, PhotoTag.ExitLogo], 400, ct);
    }

    /// <summary>Opens the diagnosis and uploads the agreement signed on <paramref name="signedOn"/>.</summary>
    private async Task<Diagnosis> OpenAsync(Enterprise e, Actor provider, DateOnly signedOn, int seed, CancellationToken ct)
    {
        As(provider);
        var d = DemoSteps.Require("开展诊断", await diagnoses.OpenAsync(provider, e.Id, ct));
        var scan = DemoScans.StampedPage(seed, parties: 2);
        return DemoSteps.Require("上传服务协议", await diagnoses.UploadAgreementAsync(provider, d.Id, d.Version, signedOn,
            new UploadedFile("咨询诊断服务协议（盖章扫描件）.jpg", scan.Length, () => new MemoryStream(scan, writable: false)), ct));
    }

    private async Task<Guid> MemberAsync(Diagnosis d, Actor provider, TeamMemberInput input, CancellationToken ct)
    {
        var current = await CurrentAsync(d.Id, ct);
        DemoSteps.Require("添加诊断团队成员", await diagnoses.AddMemberAsync(provider, d.Id, current.Version, input, ct));
        return await db.DiagnosisMembers.Where(m => m.DiagnosisId == d.Id && m.Name == input.Name).Select(m => m.Id).SingleAsync(ct);
    }

    /// <summary>Records the visit and uploads its photos, taken from its start to its end at the works.</summary>
    private async Task VisitAsync(Diagnosis d, Actor provider, VisitInput input, PhotoTag[] tags, int seed, CancellationToken ct)
    {
        var visit = DemoSteps.Require("记录现场诊断", await diagnoses.RecordVisitAsync(provider, d.Id, (await CurrentAsync(d.Id, ct)).Version, input, ct));
        var span = input.End.ToTimeSpan() - input.Start.ToTimeSpan();
        var uploads = tags.Select((tag, i) =>
        {
            var taken = input.Date.ToDateTime(input.Start).AddMinutes(5 + (span.TotalMinutes - 10) * i / Math.Max(1, tags.Length - 1));
            var photo = DiagnosisDemoPhotos.Photo(tag, seed + i, taken, Latitude + 0.0001 * i, Longitude + 0.0001 * (i % 2));
            return new PhotoUpload(tag, new UploadedFile($"IMG_{taken:yyyyMMdd_HHmmss}.jpg", photo.Length, () => new MemoryStream(photo, writable: false)));
        }).ToList();
        var saved = DemoSteps.Require("上传现场照片", await diagnoses.UploadPhotosAsync(provider, d.Id, (await CurrentAsync(d.Id, ct)).Version, visit.Id, uploads, ct));
        if (saved.Refused.Count > 0) throw new DemoStepRefused("上传现场照片", string.Join("；", saved.Refused));
    }

    private Task<Diagnosis> CurrentAsync(Guid id, CancellationToken ct) => db.Diagnoses.AsNoTracking().SingleAsync(x => x.Id == id, ct);

    private void As(Actor actor) => current.Assume(actor);

    /// <summary>The programme's today (its zone is the actor's programme's), with the actor assumed.</summary>
    private DateOnly TodayAs(Actor actor)
    {
        As(actor);
        return time.Today();
    }
}
