using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>
/// Development data for Shijiazhuang's 奖补申报 (seed 004): the city, two county bureaus, an enterprise of 正定县 whose project
/// the agency accepted at 三级 from 二级 (an acceptance result imported as the city imports them: the programme has no acceptance chain), a lead enterprise whose
/// 链式 draft names eight demo SMEs (the first of them has the sjz-sme account and an invitation to answer), the 数智 call's first
/// batch recognised and published and its second under way (<see cref="AwardDemoBatches"/>), and the 链式 call's first batch opened
/// by the city through the service. A second run finds them and changes nothing.
/// </summary>
public sealed class AwardDemoData(DxPilotDbContext db, AwardService awards, AwardCatalog calls, UserManager<AppUser> users, ProgrammeCatalog programmes,
    AwardDemoBatches batches, CurrentActor current, TimeProvider clock, ILogger<AwardDemoData> logger)
{
    private const string ProgrammeId = "shijiazhuang-2025";
    private const string EnterpriseName = "石家庄正定康瑞药业有限公司（演示）";
    private const string LeadName = "石家庄新华智造装备集团有限公司（演示）";

    /// <summary>The eight SMEs the lead drove; the first has the sjz-sme account.</summary>
    private static readonly string[] SmeNames =
    [
        "石家庄恒达精密零部件有限公司（演示）", "石家庄诚信包装材料有限公司（演示）", "石家庄华北液压件有限公司（演示）", "石家庄宏远电气设备有限公司（演示）",
        "石家庄润泽食品机械有限公司（演示）", "石家庄金鼎铸造有限公司（演示）", "石家庄晨光电子元件有限公司（演示）", "石家庄瑞丰物流装备有限公司（演示）",
    ];

    // 130123 is 正定县, 130105 新华区 (GB/T 2260); the check character is computed so each code is well-formed.
    private static string DemoUscc(string district, int n)
    {
        var body = $"91{district}MA0DXK{n:D3}";
        return body + Uscc.CheckCharacter(body);
    }

    public async Task<IReadOnlyList<DemoData.Login>> EnsureAsync(CancellationToken ct = default)
    {
        var enterprise = await EnsureEnterpriseAsync(EnterpriseName, DemoUscc("130123", 1), "正定县", ct);
        var lead = await EnsureEnterpriseAsync(LeadName, DemoUscc("130105", 2), "新华区", ct);
        var smes = new List<Enterprise>();
        for (var i = 0; i < SmeNames.Length; i++) smes.Add(await EnsureEnterpriseAsync(SmeNames[i], DemoUscc(i % 2 == 0 ? "130123" : "130105", 10 + i), i % 2 == 0 ? "正定县" : "新华区", ct));
        DemoData.Login[] logins =
        [
            await EnsureUser("sjz-city", "石家庄市工业和信息化局（演示）", Role.CityBureau),
            await EnsureUser("sjz-zhengding", "正定县工业和信息化局（演示）", Role.DistrictBureau, district: "正定县"),
            await EnsureUser("sjz-xinhua", "新华区工业和信息化局（演示）", Role.DistrictBureau, district: "新华区"),
            await EnsureUser("sjz-enterprise", EnterpriseName, Role.Enterprise, enterprise: enterprise.Id),
            await EnsureUser("sjz-lead", LeadName, Role.Enterprise, enterprise: lead.Id),
            await EnsureUser("sjz-sme", smes[0].Name, Role.Enterprise, enterprise: smes[0].Id),
            // The third party's panel: three experts the city assigns to an industry's applications under review.
            await EnsureUser("sjz-expert1", "评审专家甲（演示）", Role.Expert),
            await EnsureUser("sjz-expert2", "评审专家乙（演示）", Role.Expert),
            await EnsureUser("sjz-expert3", "评审专家丙（演示）", Role.Expert),
        ];
        await batches.AcceptedAsync(enterprise, "原料药车间数字化改造项目（演示）", ct);
        var city = await ActorAsync("sjz-city");
        try
        {
            var counties = new Dictionary<string, Actor> { ["正定县"] = await ActorAsync("sjz-zhengding"), ["新华区"] = await ActorAsync("sjz-xinhua") };
            Actor[] experts = [await ActorAsync("sjz-expert1"), await ActorAsync("sjz-expert2"), await ActorAsync("sjz-expert3")];
            await batches.EnsureAsync(EnrolAsync, city, counties, experts, ct);
        }
        catch (DemoStepRefused refused)
        {
            logger.LogWarning("演示数据：数智标杆的批次停在了“{Step}”之前：{Reason}", refused.Step, refused.Message);
        }
        foreach (var call in calls.ForProgramme(ProgrammeId))
        {
            if (await db.AwardBatches.AnyAsync(b => b.CallId == call.Id, ct)) continue;
            current.Assume(city);
            DemoSteps.Require("开启第一批", await awards.OpenBatchAsync(city, call.Id, null, ct));
        }
        try
        {
            await ChainDraftAsync(await ActorAsync("sjz-lead"), smes, ct);
        }
        catch (DemoStepRefused refused)
        {
            logger.LogWarning("演示数据：链式案例停在了“{Step}”之前：{Reason}", refused.Step, refused.Message);
        }
        return logins;
    }

    private async Task<Actor> ActorAsync(string userName) => (await users.ActorAsync(userName))!;

    /// <summary>An applicant of <see cref="AwardDemoBatches"/>: its file and its own account (not among the printed logins).</summary>
    private async Task<DemoApplicant> EnrolAsync(DemoEnterprise e, CancellationToken ct)
    {
        var enterprise = await EnsureEnterpriseAsync(e.Name, DemoUscc(e.District == "正定县" ? "130123" : "130105", e.UsccNumber), e.District, e.Industry, e.IndustryCode, ct);
        await EnsureUser(e.UserName, e.Name, Role.Enterprise, enterprise: enterprise.Id);
        return new DemoApplicant(enterprise, await ActorAsync(e.UserName));
    }

    private async Task<Enterprise> EnsureEnterpriseAsync(string name, string uscc, string district, CancellationToken ct) =>
        await EnsureEnterpriseAsync(name, uscc, district, "先进专用设备制造业", "3512", ct);

    private async Task<Enterprise> EnsureEnterpriseAsync(string name, string uscc, string district, string industry, string industryCode, CancellationToken ct)
    {
        if (await db.Enterprises.FirstOrDefaultAsync(e => e.ProgrammeId == ProgrammeId && (e.Name == name || e.Uscc == uscc), ct) is { } found) return found;
        var programme = programmes.Get(ProgrammeId);
        var form = new EnterpriseForm
        {
            Name = name, Uscc = uscc, District = district, Industry = industry, IndustryCode = industryCode,
            RegisteredAddress = $"石家庄市{district}演示路1号", LegalRepresentative = "张建华", ContactName = "刘经理", ContactPhone = "0311-86660000",
            FoundedOn = "2011-04-12", Ownership = "Private", AboveScale = "是", Employees = "180", RevenueWan = "12600",
        };
        var result = EnterpriseValidator.Validate(form, programme, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        if (!result.IsValid) throw new InvalidOperationException($"演示企业档案无效：{string.Join("；", result.Errors.Values)}");
        var enterprise = Enterprise.Register(programme, result.Details!, clock.GetUtcNow().UtcDateTime);
        db.Enterprises.Add(enterprise);
        current.Assume(Actor.System(ProgrammeId, "演示数据"));
        await db.SaveChangesAsync(ct);
        return enterprise;
    }

    /// <summary>The lead's 链式 case, a draft naming the eight SMEs, each asked to confirm in its own account.</summary>
    private async Task ChainDraftAsync(Actor lead, IReadOnlyList<Enterprise> smes, CancellationToken ct)
    {
        var call = calls.ForProgramme(ProgrammeId).FirstOrDefault(c => c.Kind == AwardKind.Chain);
        if (call is null || await db.AwardApplications.AnyAsync(a => a.CallId == call.Id && a.EnterpriseId == lead.EnterpriseId, ct)) return;
        current.Assume(lead);
        var application = DemoSteps.Require("开始申报链式案例", await awards.StartAsync(lead, call.Id, ct));
        var content = new AwardContent
        {
            Mode = call.ChainCase!.Modes[0],
            Texts = { ["chain"] = new AwardText { Sections = { ["name"] = "龙头企业带动配套企业设备联网与协同制造", ["brief"] = "集团搭建工业互联网平台，带动8家配套企业设备联网、订单协同。" } } },
            ContactName = "赵经理", ContactPhone = "0311-86661111",
        };
        application = DemoSteps.Require("保存链式案例草稿", await awards.SaveDraftAsync(lead, application.Id, ["chain"], content, application.Version, ct));
        DemoSteps.Require("列出带动企业", await awards.NameSmesAsync(lead, application.Id, smes.Select(s => new NamedSme(s.Uscc, s.Name)).ToList(), application.Version, ct));
    }

    private async Task<DemoData.Login> EnsureUser(string userName, string displayName, Role role, string? district = null, Guid? enterprise = null)
    {
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new AppUser
            {
                UserName = userName, DisplayName = displayName, Role = role, ProgrammeId = ProgrammeId, District = district, EnterpriseId = enterprise,
                EmailConfirmed = true,
            };
            var result = await users.CreateAsync(user, DemoData.Password);
            if (!result.Succeeded) throw new InvalidOperationException($"演示账号 {userName} 创建失败：{string.Join("；", result.Errors.Select(e => e.Description))}");
        }
        return new DemoData.Login(userName, displayName, role);
    }
}
