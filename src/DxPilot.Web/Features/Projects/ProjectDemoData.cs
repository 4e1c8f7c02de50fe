using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Assignments;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>
/// Development data for the projects after filing (Hangzhou). The filed projects are carried on through the service as their users
/// would: the enterprise reports completion with an invoice per contract line, the demo agency (assigned to the enterprise for the
/// purpose, with the demo audit firm) records its 改造后 evaluation and the acceptance, 滨江区 confirms. The first stops there, at
/// 已验收，待审计, so that hz-audit has an audit to do; the second goes on through the audit and the city's 核定 to a first payment
/// of half the subsidy, so that the city's money pages have something to show and a payment still to record. A project already
/// past 改造实施中 is left alone, and each end is reached once.
/// </summary>
public sealed class ProjectDemoData(DxPilotDbContext db, ProjectService projects, AssessmentService assessments, AssignmentService assignments,
    UserManager<AppUser> users, CurrentActor current, ILogger<ProjectDemoData> logger)
{
    private const string Programme = "hangzhou-2024";

    public async Task EnsureAsync(CancellationToken ct = default)
    {
        var actors = new Dictionary<string, Actor>();
        foreach (var name in new[] { "hz-city", "hz-binjiang", "hz-agency", "hz-audit" })
            if (await users.ActorAsync(name) is { } a) actors[name] = a;
        if (actors.Count < 4) return;
        var implementing = await db.Projects.AsNoTracking()
            .Where(p => p.ProgrammeId == Programme && p.Status == ProjectStatus.Implementing && p.District == actors["hz-binjiang"].District)
            .OrderBy(p => p.FiledAt).ToListAsync(ct);
        var awaitingAudit = await db.Projects.AnyAsync(p => p.ProgrammeId == Programme && p.Status == ProjectStatus.Accepted, ct);
        var paying = await db.Projects.AnyAsync(p => p.ProgrammeId == Programme && (p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.Paid), ct);
        foreach (var project in implementing)
        {
            if (awaitingAudit && paying) return;
            var filer = await users.Users.Where(u => u.EnterpriseId == project.EnterpriseId).FirstOrDefaultAsync(ct);
            if (filer is null) continue;
            try
            {
                var version = await CarryAsync(project.Id, project.EnterpriseId, filer.ToActor(), actors, ct);
                if (awaitingAudit) await PayFirstPartAsync(project.Id, actors, version, ct);
            }
            catch (DemoStepRefused refused)
            {
                logger.LogWarning("演示数据：改造项目停在了“{Step}”之前：{Reason}", refused.Step, refused.Message);
                return;
            }
            if (awaitingAudit) paying = true;
            else awaitingAudit = true;
        }
    }

    /// <summary>From 改造实施中 to 已验收，待审计; answers the project's version.</summary>
    private async Task<int> CarryAsync(Guid id, Guid enterpriseId, Actor enterprise, Dictionary<string, Actor> actors, CancellationToken ct)
    {
        var (city, agency, audit) = (actors["hz-city"], actors["hz-agency"], actors["hz-audit"]);
        current.Assume(city);
        foreach (var org in new[] { agency.OrganisationId, audit.OrganisationId }.OfType<Guid>())
            if (!await db.Assignments.AnyAsync(x => x.OrganisationId == org && x.EnterpriseId == enterpriseId, ct))
                DemoSteps.Require("分配评测、审计机构", await assignments.AssignAsync(city, enterpriseId, org, ct, note: "演示数据"));

        var view = DemoSteps.Require("读取项目", await projects.GetAsync(enterprise, id, ct));
        var deliveries = view.Contracts.SelectMany(c => c.Lines.Select((line, i) => new Delivery
        {
            ContractId = c.Id, LineNo = i + 1, Item = line, Delivered = $"{line}已按合同交付并完成培训（演示）",
            System = line.Contains("MES") ? "MES" : null, GoLiveOn = line.Contains("MES") ? new DateOnly(2025, 12, 20) : null,
        })).ToList();
        current.Assume(enterprise);
        var p = DemoSteps.Require("填写完工报告", await projects.SaveCompletionAsync(enterprise, id, deliveries, "项目按合同内容全部完成，系统已上线运行。", view.Project.Version, ct));
        var lines = await db.ServiceContracts.AsNoTracking().Where(c => c.FilingId == view.Project.FilingId).ToListAsync(ct);
        var n = 0;
        foreach (var contract in lines)
        foreach (var line in contract.Lines)
        {
            n++;
            var invoice = new ProjectService.InvoiceInput(contract.Id, $"3301250{n:D5}", new DateOnly(2026, 1, 10), contract.ProviderName, line.Name, line.AmountYuan);
            DemoSteps.Require("登记发票", await projects.AddInvoiceAsync(enterprise, id, invoice, DemoSteps.Scan($"发票{n}.png"), p.Version, ct));
            p = await db.Projects.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        }
        p = DemoSteps.Require("报告完工", await projects.TransitionAsync(enterprise, id, ProjectTrigger.Complete, null, p.Version, ct));

        current.Assume(agency);
        var instrument = assessments.Instrument(AssessmentDemoData.Instrument)!;
        var after = DemoSteps.Require("改造后评测", await assessments.CreateAsync(agency, enterpriseId,
            AssessmentDemoData.Sheet(instrument, AssessmentStage.After, 0.75, 2, assessments.Today().AddDays(-10)), ct));
        var checks = deliveries.Select(d => new ProjectService.GoLiveCheck(d.System is null ? null : true, d.System is null ? null : "现场查看系统运行正常（演示）")).ToList();
        p = DemoSteps.Require("定级评测", await projects.SaveEvaluationAsync(agency, id, after.Id, checks,
            $"经现场评测，企业数字化水平整体得分{after.Score:0.##}分，达到{Domain.Instruments.LevelNames.Short(after.Level)}。", p.Version, ct));
        p = DemoSteps.Require("出具评测报告", await projects.TransitionAsync(agency, id, ProjectTrigger.Evaluate, null, p.Version, ct));
        var siteCheck = assessments.Today().AddDays(-3);
        p = DemoSteps.Require("验收记录", await projects.SaveAcceptanceAsync(agency, id, new AcceptanceRecord
        {
            Members =
            [
                new() { Name = "沈教授（演示）", Unit = "浙江工业大学", Title = "教授", Leader = true, Signed = true },
                new() { Name = "韩高工（演示）", Unit = "浙江省信息化发展中心", Title = "高级工程师", Signed = true },
                new() { Name = "许工（演示）", Unit = "杭州市标准化研究院", Title = "工程师", Signed = true },
            ],
            DocumentReview = "合同、发票、系统上线报告、培训记录齐全，与备案方案一致。", SiteCheckOn = siteCheck,
            SiteCheck = "MES系统在冲压、焊装车间运行，关键设备已联网采集数据。", Opinion = "项目按备案方案完成改造，达到预期目标，同意通过验收。",
            Suggestions = "进一步推进MES与ERP的数据集成，加强数据分析应用。",
        }, p.Version, ct));
        p = DemoSteps.Require("验收通过", await projects.TransitionAsync(agency, id, ProjectTrigger.Pass, null, p.Version, ct));
        current.Assume(actors["hz-binjiang"]);
        return DemoSteps.Require("区县确认验收", await projects.TransitionAsync(actors["hz-binjiang"], id, ProjectTrigger.Confirm, "同意验收。", p.Version, ct)).Version;
    }

    /// <summary>
    /// 专项审计 by the demo audit firm (the MES licence and its implementation as software, the gateways as data-collection
    /// equipment; a picture stands in for the signed report), the city's 核定 in a batch of its own, and a first payment of half
    /// the subsidy with its voucher.
    /// </summary>
    private async Task PayFirstPartAsync(Guid id, Dictionary<string, Actor> actors, int version, CancellationToken ct)
    {
        var (city, audit) = (actors["hz-city"], actors["hz-audit"]);
        current.Assume(audit);
        var invoices = await db.ProjectInvoices.AsNoTracking().Where(i => i.ProjectId == id).OrderBy(i => i.Number).ToListAsync(ct);
        var lines = invoices.Select(i => i.Item.Contains("网关")
            ? new ProjectService.Classification(i.Id, "collection", null, "工业数据采集网关，属必要的数据采集设备")
            : new ProjectService.Classification(i.Id, "software", null, i.Item.Contains("实施") ? "MES系统的实施与集成，计入软件开发" : null)).ToList();
        var p = DemoSteps.Require("专项审计", await projects.SaveAuditAsync(audit, id, lines,
            "发票真实、合规，与服务合同和备案方案一致；支出均属软件和数据采集设备，全额计入合规支出。", version, ct));
        DemoSteps.Require("上传专项审计报告", await projects.UploadFileAsync(audit, id, ProjectFileKind.AuditReport, DemoSteps.Scan("专项审计报告.png"), p.Version, ct));
        p = await db.Projects.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        p = DemoSteps.Require("完成专项审计", await projects.TransitionAsync(audit, id, ProjectTrigger.Audit, null, p.Version, ct));

        current.Assume(city);
        var approved = DemoSteps.Require("核定补助资金", await projects.ApproveBatchAsync(city, [new ProjectService.BatchItem(id, p.Version)], "2026年第一批（演示）", ct))[0];
        if (!approved.Approved) throw new DemoStepRefused("核定补助资金", approved.Message ?? "");
        p = await db.Projects.AsNoTracking().FirstAsync(x => x.Id == id, ct);
        var half = decimal.Round(p.SubsidyWan!.Value / 2, 2);
        DemoSteps.Require("登记拨付", await projects.RecordPaymentAsync(city, id, assessments.Today(), half, "HZCZ-2026-0001",
            "首笔拨付（演示）", p.Version, ct));
    }
}
