using System.Text;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Filings.Contracts;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Features.Filings.Contracts;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Features.Projects;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.E2E;

/// <summary>
/// A fresh Changchun (50 %, cap 50万元) 朝阳区 enterprise whose project waits for the agency (已完工，待评测), arranged through the
/// services the pages use, as each party would: its provider, evaluation agency and audit firm assigned, with accounts for the
/// agency and the audit firm; the provider's 改造前 assessment at 一级; the filing (one contract of three lines, as the Web
/// tests' ChangchunProject) submitted, passed by the demo 朝阳区 bureau and confirmed by the demo city; completion reported with
/// one invoice per contract line; and the agency's own 改造后 assessment at 二级, for its evaluation to name.
/// </summary>
internal sealed record CompletedChangchunProject(Guid Id, string EnterpriseName, string ProviderName, string AgencyUser, string AuditUser,
    Guid AfterAssessmentId)
{
    public const string Programme = "changchun-2025";
    public const string District = "朝阳区";
    public const string City = "cc-city";
    public const string DistrictBureau = "cc-chaoyang";

    /// <summary>The contract's lines and their invoices: MES 1 × 300,000.00 (software), gateways 2 × 50,000.00 (data
    /// collection), office PCs 5 × 8,000.00 (not eligible): 440,000.00元 in all.</summary>
    public static readonly (string Invoice, string Item, decimal Price, int Quantity)[] Lines =
        [("25220001", "MES制造执行系统", 300_000.00m, 1), ("25220002", "工业网关", 50_000.00m, 2), ("25220003", "办公电脑", 8_000.00m, 5)];

    public static async Task<CompletedChangchunProject> ArrangeAsync(IServiceProvider services)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var system = Actor.System(Programme, "测试数据");
        Enterprise file;
        Organisation provider, agency, audit;
        await using (var scope = Arrangement.Scope(services, system))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var form = EnterpriseValidator.Validate(new EnterpriseForm
            {
                Name = $"长春验收旅程汽车部件{suffix}有限公司", Uscc = NewUscc(), District = District, Industry = "汽车零部件配件制造", IndustryCode = "3670",
                RegisteredAddress = "长春市朝阳区前进大街1号", ContactName = "赵厂长", ContactPhone = "13900001111", FoundedOn = "2012-05-01",
                Employees = "120", RevenueWan = "5600", LittleGiantCentralFunded = "否",
                Ownership = "民营", AboveScale = "是", ProfitWan = "320", InsuredEmployees = "118", DigitalInvestmentWan = "150",
            }, programme, new DateOnly(2025, 7, 1));
            Assert.True(form.IsValid, string.Join("；", form.Errors.Values));
            file = Enterprise.Register(programme, form.Details!, DateTime.UtcNow);
            db.Enterprises.Add(file);
            Organisation Org(string name, OrganisationKind kind) => new() { ProgrammeId = Programme, Name = $"{name}{suffix}", Kind = kind, Uscc = NewUscc() };
            provider = Org("长春验收旅程数智服务有限公司", OrganisationKind.ServiceProvider);
            agency = Org("吉林验收旅程评测中心", OrganisationKind.EvaluationAgency);
            audit = Org("长春验收旅程会计师事务所", OrganisationKind.AuditFirm);
            db.Organisations.AddRange(provider, agency, audit);
            foreach (var org in new[] { provider, agency, audit })
            {
                var (link, change, refusal) = AssignmentPolicy.Assign(system, file, org, [], null, DateTime.UtcNow);
                Assert.True(refusal is null, refusal?.ToString());
                db.Assignments.Add(link!);
                db.AssignmentChanges.Add(change!);
            }
            await db.SaveChangesAsync();
        }
        var filer = await Arrangement.UserAsync(services, Programme, $"cc-yj-e-{suffix}", file.Name, Role.Enterprise, enterprise: file.Id);
        var assessor = await Arrangement.UserAsync(services, Programme, $"cc-yj-p-{suffix}", "长春验收旅程诊断员", Role.ServiceProvider, organisation: provider.Id);
        var evaluator = await Arrangement.UserAsync(services, Programme, $"cc-yj-a-{suffix}", "吉林验收旅程评测中心王工", Role.EvaluationAgency, organisation: agency.Id);
        var auditor = await Arrangement.UserAsync(services, Programme, $"cc-yj-s-{suffix}", "长春验收旅程会计师事务所刘会计", Role.AuditFirm, organisation: audit.Id);

        var before = await AssessAsync(services, assessor, file.Id, AssessmentStage.Before, 0.3, 1, today.AddMonths(-8));
        Assert.Equal(1, before.Level);   // the 改造前 level the journey expects to see: 一级

        var filing = await FileAsync(services, file, provider, filer.ToActor(), today);
        Guid id;
        await using (var scope = Arrangement.Scope(services, system))
            id = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Projects.Where(p => p.FilingId == filing).Select(p => p.Id).SingleAsync();
        await CompleteAsync(services, filer.ToActor(), id, provider.Name);

        var after = await AssessAsync(services, evaluator, file.Id, AssessmentStage.After, 0.5, 2, today.AddDays(-5));
        Assert.Equal(2, after.Level);   // the agency's 改造后 level: 二级, at least the programme's minimum for a subsidy
        return new CompletedChangchunProject(id, file.Name, provider.Name, evaluator.UserName!, auditor.UserName!, after.Id);
    }

    /// <summary>The filing (seed 002 附件4) with its contract, submitted, passed by 朝阳区 and confirmed by the city; its id.</summary>
    private static async Task<Guid> FileAsync(IServiceProvider services, Enterprise file, Organisation provider, Actor filer, DateOnly today)
    {
        var district = await DemoActorAsync(services, DistrictBureau);
        var city = await DemoActorAsync(services, City);
        var answers = new Dictionary<string, string?>
        {
            ["intro"] = "主营汽车座椅骨架，设备联网率低。", ["selfTest"] = "1", ["needsBasic"] = "设备系统", ["needsManagement"] = "生产管控",
            ["projectName"] = "汽车零部件车间数字化改造项目", ["cloud"] = "公有云", ["period.start"] = "2025-01", ["period.end"] = "2025-12",
            ["investment"] = "44", ["targetLevel"] = "2", ["plan"] = "建设MES系统并实现关键设备联网。", ["declaration"] = "true",
        };
        foreach (var aspect in new[] { "创新", "市场", "提质", "降本", "增效", "绿色", "安全" })
        {
            answers[$"effects.{aspect}.before"] = "较低";
            answers[$"effects.{aspect}.after"] = "提升";
        }
        var filing = await As(services, filer, s => s.GetRequiredService<FilingService>().StartAsync(filer, file.Id));
        filing = await As(services, filer, s => s.GetRequiredService<FilingService>().SaveAsync(filer, filing.Id, answers, filing.Version));
        await As(services, filer, s => s.GetRequiredService<ContractService>().CreateAsync(filer, filing.Id, new ContractInput
        {
            Number = "CC-YJ-2025-001", Name = "数字化改造服务合同", SignedOn = new DateOnly(2025, 1, 10), PeriodStart = new DateOnly(2025, 1, 10),
            PeriodEnd = new DateOnly(2025, 12, 31), ProviderName = provider.Name, ProviderUscc = provider.Uscc, ProviderLegalRepresentative = "周总",
            ProviderAddress = "长春市朝阳区人民大街1号", ProviderContact = "吴工", ProviderPhone = "0431-88886666", FirstPaymentPercent = 30,
            Work = "MES系统实施与设备联网",
            Lines = Lines.Select(l => new ContractLineInput { Name = l.Item, UnitPriceYuan = l.Price, Quantity = l.Quantity }).ToList(),
        }));
        foreach (var (actor, trigger, reason) in new[] { (filer, FilingTrigger.Submit, (string?)null), (district, FilingTrigger.Pass, "同意报送。"), (city, FilingTrigger.Confirm, "同意备案。") })
        {
            var version = (await As(services, actor, s => s.GetRequiredService<FilingService>().GetAsync(actor, filing.Id))).Filing.Version;
            await As(services, actor, s => s.GetRequiredService<FilingService>().TransitionAsync(actor, filing.Id, trigger, reason, version));
        }
        return filing.Id;
    }

    /// <summary>完工报告: one delivery per contract line (the MES live since 2025年10月1日) and its invoice with a scan, then 报告完工.</summary>
    private static async Task CompleteAsync(IServiceProvider services, Actor filer, Guid id, string seller)
    {
        var view = await As(services, filer, s => s.GetRequiredService<ProjectService>().GetAsync(filer, id));
        var contract = view.Contracts.Single().Id;
        var deliveries = Lines.Select((l, i) => new Delivery
        {
            ContractId = contract, LineNo = i + 1, Item = l.Item, Delivered = $"{l.Item}已按合同交付",
            System = i == 0 ? "MES" : null, GoLiveOn = i == 0 ? new DateOnly(2025, 10, 1) : null,
        }).ToList();
        await As(services, filer, s => s.GetRequiredService<ProjectService>().SaveCompletionAsync(filer, id, deliveries, "按合同全部完成。", view.Project.Version));
        foreach (var l in Lines)
        {
            var input = new ProjectService.InvoiceInput(contract, l.Invoice, new DateOnly(2025, 10, 15), seller, l.Item, l.Price * l.Quantity);
            var pdf = Pdf($"Invoice {l.Invoice}");
            await As(services, filer, async s => await s.GetRequiredService<ProjectService>().AddInvoiceAsync(filer, id, input,
                new UploadedFile($"发票{l.Invoice}.pdf", pdf.Length, () => new MemoryStream(pdf)), await VersionAsync(s, id)));
        }
        await As(services, filer, async s => await s.GetRequiredService<ProjectService>().TransitionAsync(filer, id, ProjectTrigger.Complete, null, await VersionAsync(s, id)));
    }

    private static async Task<Assessment> AssessAsync(IServiceProvider services, AppUser user, Guid enterprise, AssessmentStage stage, double share, int scenarioLevel, DateOnly on)
    {
        var actor = user.ToActor();
        return await As(services, actor, s =>
        {
            var assessments = s.GetRequiredService<AssessmentService>();
            return assessments.CreateAsync(actor, enterprise, AssessmentDemoData.Sheet(assessments.Instrument(AssessmentDemoData.Instrument)!, stage, share, scenarioLevel, on));
        });
    }

    /// <summary>A one-page PDF with a line of text (valid: its cross-reference table points at each object).</summary>
    public static byte[] Pdf(string text)
    {
        var content = $"BT /F1 18 Tf 72 760 Td ({text}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static async Task<int> VersionAsync(IServiceProvider scoped, Guid id) =>
        await scoped.GetRequiredService<DxPilotDbContext>().Projects.AsNoTracking().Where(p => p.Id == id).Select(p => p.Version).SingleAsync();

    /// <summary>One service call as the actor, in its own scope; a refusal fails the arrangement with the service's words.</summary>
    private static async Task<T> As<T>(IServiceProvider services, Actor actor, Func<IServiceProvider, Task<Outcome<T>>> call)
    {
        await using var scope = Arrangement.Scope(services, actor);
        var outcome = await call(scope.ServiceProvider);
        Assert.True(outcome.IsOk, string.Join("；", [outcome.Message, .. outcome.Errors.Values]));
        return outcome.Value!;
    }

    private static async Task<Actor> DemoActorAsync(IServiceProvider services, string userName)
    {
        using var scope = services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByNameAsync(userName);
        Assert.NotNull(user);
        return user.ToActor();
    }

    /// <summary>A USCC registered in 长春市朝阳区 (220104) with its check character.</summary>
    private static string NewUscc()
    {
        var body = $"91220104MA{Random.Shared.Next(1_000_000, 9_999_999)}";
        return body + Uscc.CheckCharacter(body);
    }
}
