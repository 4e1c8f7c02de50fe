using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Filings.Contracts;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// Development data for 改造项目备案 (Hangzhou): six of the demo enterprises file, each stopped at one step of the chain — a
/// draft, one in 区县初审, one returned with its reason, one in 市级审核 with the demo expert assigned, two 已备案 (whose projects
/// Features/Projects/ProjectDemoData carries on, one to its audit and one to its first payment) — moved by the
/// service as the enterprise, the district, the expert and the city would, so that their history, versions and 附件5 exist.
/// An enterprise that has any filing is left alone: a second run adds nothing.
/// </summary>
public sealed class FilingDemoData(DxPilotDbContext db, FilingService filings, Contracts.ContractService contracts, EnterpriseService registry,
    UserManager<AppUser> users, CurrentActor current, ILogger<FilingDemoData> logger)
{
    private enum Step { Draft, DistrictReview, Returned, CityReview, Filed }

    /// <summary>The demo provider (Features/Platform/DemoData) and the USCC its contracts give it: fictional, registered in 滨江区.</summary>
    private const string DemoProvider = "杭州数智转型服务有限公司（演示）";
    private const string DemoProviderUsccBody = "91330108MA2H7K3P1";
    private static readonly string DemoProviderUscc = DemoProviderUsccBody + Uscc.CheckCharacter(DemoProviderUsccBody);

    // The target must be above the level the file has: the third file has the demo assessment's 三级, so it aims at 四级.
    private static readonly (Step Step, string Project, string Scenarios, string Investment, string Target)[] Plan =
    [
        (Step.Draft, "数字化车间MES建设项目", "生产制造", "86.00", "2"),
        (Step.DistrictReview, "研发设计协同与PLM上云项目", "研发设计\n数据管理", "120.50", "3"),
        (Step.Returned, "仓储物流WMS数字化改造项目", "供应链", "64.80", "4"),
        (Step.CityReview, "质量追溯与设备联网改造项目", "生产制造\n信息安全", "152.00", "3"),
        (Step.Filed, "供应链协同与ERP升级项目", "供应链\n销售", "98.30", "2"),
        (Step.Filed, "设备联网与生产执行系统建设项目", "生产制造\n数据管理", "75.60", "2"),
    ];

    /// <param name="enterprises">The demo files in the order the demo uses them: the first is hz-enterprise's own.</param>
    /// <param name="enterpriseLogin">hz-enterprise, who files for the first; the others get accounts hz-enterprise2 …</param>
    /// <returns>Those other filers' accounts, for the list of demo logins.</returns>
    public async Task<IReadOnlyList<DemoData.Login>> EnsureAsync(IReadOnlyList<Enterprise> enterprises, string enterpriseLogin, CancellationToken ct = default)
    {
        var district = await users.ActorAsync("hz-binjiang");
        var city = await users.ActorAsync("hz-city");
        var expert = await users.ActorAsync("hz-expert");
        if (district is null || city is null || expert is null) return [];
        var logins = new List<DemoData.Login>();
        for (var i = 0; i < Math.Min(Plan.Length, enterprises.Count); i++)
        {
            var e = enterprises[i];
            var login = i == 0 ? enterpriseLogin : $"{enterpriseLogin}{i + 1}";
            var filed = await db.Filings.AnyAsync(f => f.EnterpriseId == e.Id, ct);
            var filer = await users.ActorAsync(login) ?? (filed ? null : await EnterpriseAccountAsync(login, e));
            if (filer is null) continue;
            if (i > 0) logins.Add(new DemoData.Login(login, e.Name, Role.Enterprise));
            if (filed) continue;
            var (step, project, scenarios, investment, target) = Plan[i];
            try
            {
                await CompleteFileAsync(e, city, i, ct);
                await FileAsync(e, filer, district, city, expert, step, project, scenarios, investment, target, ct);
            }
            catch (DemoStepRefused refused)
            {
                // An older database's files may lack what eligibility needs (a USCC, an industry code): the demo says so and goes on.
                logger.LogWarning("演示数据：{Enterprise} 的备案停在了“{Step}”之前：{Reason}", e.Name, refused.Step, refused.Message);
            }
        }
        return logins;
    }

    private async Task FileAsync(Enterprise e, Actor filer, Actor district, Actor city, Actor expert, Step step, string project, string scenarios,
        string investment, string target, CancellationToken ct)
    {
        var filing = DemoSteps.Require("开始备案", await As(filer, () => filings.StartAsync(filer, e.Id, ct)));
        var answers = new Dictionary<string, string?>
        {
            ["selfTest"] = "1", ["targetLevel"] = target, ["intro"] = $"{e.Name}主营产品已有ERP和财务软件，生产现场以纸质单据为主，设备联网率较低。",
            ["projectName"] = project, ["period.start"] = "2025-03", ["period.end"] = "2026-02", ["scenarios"] = scenarios,
            ["cloudPlan"] = "业务系统上云", ["investment"] = investment,
            ["plan"] = "建设MES与WMS系统，关键设备联网采集数据，打通ERP、MES、WMS的业务数据，形成生产经营看板。", ["declaration"] = "true",
        };
        filing = DemoSteps.Require("填写备案申请表", await As(filer, () => filings.SaveAsync(filer, filing.Id, answers, filing.Version, ct)));
        // The draft's contract is not stamped yet: its page shows what submitting still needs.
        filing = await AddContractsAsync(filing, filer, investment, stamped: step != Step.Draft, ct);
        if (step == Step.Draft) return;
        filing = DemoSteps.Require("提交备案", await As(filer, () => filings.TransitionAsync(filer, filing.Id, FilingTrigger.Submit, null, filing.Version, ct)));
        if (step == Step.DistrictReview) return;
        if (step == Step.Returned)
        {
            DemoSteps.Require("退回修改", await As(district, () => filings.TransitionAsync(district, filing.Id, FilingTrigger.Return,
                "请在项目实施方案中补充分阶段目标和验收指标后重新提交。", filing.Version, ct)));
            return;
        }
        filing = DemoSteps.Require("区县初审通过", await As(district, () => filings.TransitionAsync(district, filing.Id, FilingTrigger.Pass,
            "经初审，企业符合试点要求，项目内容完整，同意报送。", filing.Version, ct)));
        DemoSteps.Require("指派专家", await As(city, () => filings.AssignAsync(city, filing.Id, [expert.UserId], ct)));
        if (step == Step.CityReview) return;
        current.Assume(expert);
        var review = DemoSteps.Require("读取评审任务", await filings.MyReviewAsync(expert, filing.Id, ct));
        var scores = new Dictionary<string, string?> { ["scope"] = "18", ["basis"] = "12", ["plan"] = "21", ["target"] = "17", ["investment"] = "8", ["effects"] = "8" };
        DemoSteps.Require("提交评审意见", await filings.SubmitReviewAsync(expert, filing.Id,
            new ReviewInput(scores, WorkflowNames.Of(Recommendation.Pass), "改造内容与试点方向一致，投入测算合理，建议备案。", review.Version), ct));
        filing = await db.Filings.AsNoTracking().FirstAsync(f => f.Id == filing.Id, ct);
        DemoSteps.Require("备案确认", await As(city, () => filings.TransitionAsync(city, filing.Id, FilingTrigger.Confirm, "同意备案。", filing.Version, ct)));
    }

    /// <summary>
    /// 服务合同 (附件2) with the demo provider, entered by the filer before submission as a user would, so that the providers'
    /// table and 附件5's 合同服务商信息 have a row: software, its implementation and a data-collection gateway in proportions
    /// of the project's investment; <paramref name="stamped"/>, with a picture standing in for its stamped scan (Hangzhou files
    /// only stamped contracts).
    /// </summary>
    private async Task<Filing> AddContractsAsync(Filing filing, Actor filer, string investment, bool stamped, CancellationToken ct)
    {
        var provider = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.ProgrammeId == filing.ProgrammeId && o.Name == DemoProvider, ct);
        if (provider is null) return filing;
        var yuan = decimal.Parse(investment, CultureInfo.InvariantCulture) * 10_000m;
        var start = FilingValues.Month(FilingValues.Text(filing.Values, FilingKeys.Period + FilingValues.Start)) ?? new DateOnly(2025, 1, 1);
        var end = FilingValues.Month(FilingValues.Text(filing.Values, FilingKeys.Period + FilingValues.End)) ?? start.AddMonths(11);
        var input = new ContractInput
        {
            // The id's random tail: its head is the time it was made, the same for every demo filing.
            Number = $"HZSZ-{start.Year}-{filing.Id.ToString("N")[^6..].ToUpperInvariant()}", Name = $"{filing.ProjectName}服务合同", SignedOn = start,
            PeriodStart = start, PeriodEnd = end, ProviderName = provider.Name, ProviderUscc = provider.Uscc ?? DemoProviderUscc,
            ProviderLegalRepresentative = "周总经理", ProviderAddress = "杭州市滨江区网商路599号", ProviderContact = "吴项目经理", ProviderPhone = "0571-88880000",
            FirstPaymentPercent = 50, Work = "系统实施、设备联网与数据集成、培训",
            Lines =
            [
                new() { Name = "制造执行系统（MES）软件许可", Code = "MES-STD", Provider = provider.Name, Term = "永久", UnitPriceYuan = Math.Round(yuan * 0.6m, 2), Quantity = 1 },
                new() { Name = "系统实施与集成服务", Code = "SRV-IMPL", Provider = provider.Name, Term = "12个月", UnitPriceYuan = Math.Round(yuan * 0.3m, 2), Quantity = 1 },
                new() { Name = "工业数据采集网关", Code = "GW-100", Provider = provider.Name, Term = "3年质保", UnitPriceYuan = Math.Round(yuan * 0.025m, 2), Quantity = 4 },
            ],
        };
        current.Assume(filer);
        var contract = DemoSteps.Require("填写服务合同", await contracts.CreateAsync(filer, filing.Id, input, ct));
        if (stamped)
            DemoSteps.Require("上传合同盖章扫描件", await contracts.UploadScanAsync(filer, filing.Id, contract.Id, contract.Version,
                DemoSteps.Scan($"{input.Name}（盖章）.png"), ct));
        return await db.Filings.FirstAsync(f => f.Id == filing.Id, ct);
    }

    /// <summary>The reference list gives a name, a code, the industry, employees and revenue; the form's 申报单位基本信息 want the
    /// rest, which the city bureau that imported the list completes in the file (fictional people and addresses).</summary>
    private async Task CompleteFileAsync(Enterprise e, Actor city, int index, CancellationToken ct)
    {
        var form = e.ToForm();
        string?[] basics = [form.LegalRepresentative, form.RegisteredAddress, form.ContactName, form.ContactPhone, form.DigitalStaff, form.MainProducts, form.AboveScale];
        if (basics.All(v => !string.IsNullOrWhiteSpace(v))) return;
        static string Or(string? value, string demo) => string.IsNullOrWhiteSpace(value) ? demo : value;
        form.LegalRepresentative = Or(form.LegalRepresentative, $"{"赵钱孙李周吴"[index]}董事长");
        form.RegisteredAddress = Or(form.RegisteredAddress, $"杭州市{e.District}演示路{index + 1}号");
        form.ContactName = Or(form.ContactName, $"{"郑王冯陈褚卫"[index]}经理");
        form.ContactPhone = Or(form.ContactPhone, $"0571-8777{index:D4}");
        form.DigitalStaff = Or(form.DigitalStaff, e.Employees is { } n ? Math.Max(1, n / 12).ToString(CultureInfo.InvariantCulture) : "10");
        form.MainProducts = Or(form.MainProducts, $"{e.IndustryKey}产品");
        form.AboveScale = Or(form.AboveScale, "是");
        DemoSteps.Require("完善企业档案", await As(city, () => registry.UpdateAsync(city, e.Id, e.Version, form, ct)));
    }

    private async Task<Outcome<T>> As<T>(Actor actor, Func<Task<Outcome<T>>> act)
    {
        current.Assume(actor);
        return await act();
    }

    private async Task<Actor?> EnterpriseAccountAsync(string userName, Enterprise e)
    {
        var user = new AppUser
        {
            UserName = userName, DisplayName = e.Name, Role = Role.Enterprise, ProgrammeId = e.ProgrammeId, EnterpriseId = e.Id, EmailConfirmed = true,
        };
        var created = await users.CreateAsync(user, DemoData.Password);
        if (!created.Succeeded)
        {
            logger.LogWarning("演示数据：账号 {User} 未能创建：{Reason}", userName, string.Join("；", created.Errors.Select(x => x.Description)));
            return null;
        }
        return user.ToActor();
    }
}
