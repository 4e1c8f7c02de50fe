using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DxPilot.E2E;

/// <summary>
/// 供需适配库 → 备案 in real Chromium: a Changchun enterprise at 二级 after its self-test opens its gap plan to 三级 (质量管理 and
/// 设备管理 to raise), sees the priced plan with its own share, chooses another product for one scenario, saves the plan, and starts
/// a filing from the saved plan with the investment, target and products filled in. The catalogue is arranged through the domain.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanJourneyTests(BrowserApp app)
{
    private const string Programme = "changchun-2025";
    private static readonly Actor City = new("t-cc-city", "长春市工信局（测试）", Role.CityBureau, Programme);

    [Fact]
    public async Task An_enterprise_after_its_self_test_sees_the_priced_plan_to_three_with_its_own_share_and_starts_a_filing_from_it()
    {
        if (app.Services is null) await app.SignedInAs("cc-city");   // skips (or fails in CI) without Chromium
        var (assessmentId, user, provider) = await ArrangeAsync(app.Services!);
        // The demo catalogue would undercut the figures worked below: its providers are suspended for the journey, then reinstated.
        var demo = await SuspendOthersAsync(app.Services!, provider);
        try
        {
            await JourneyAsync(assessmentId, user);
        }
        finally
        {
            await ReinstateAsync(app.Services!, demo);
        }
    }

    private async Task JourneyAsync(Guid assessmentId, string user)
    {
        var page = await app.SignedInAs(user);

        await page.GotoAsync($"{app.BaseUrl}/assessments/{assessmentId}?target=3#gap-plan");
        await page.ClickAsync("#priced-plan");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("采购方案与费用");
        // 质量追溯系统 30 (软件) + 设备点检运维服务 8 (运维服务, not subsidised) = 38; subsidy 50 % × 30 = 15; own share 23.
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("38.00");
        await Assertions.Expect(page.Locator("#subsidy")).ToHaveTextAsync("15.00");
        await Assertions.Expect(page.Locator("#own-share")).ToHaveTextAsync("23.00");
        await BrowserApp.Screenshot(page, "priced-plan");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserApp.Screenshot(page, "priced-plan-390");
        await page.SetViewportSizeAsync(1280, 900);

        // 设备监测平台 (25, 云服务) instead: 55, all subsidised; 27.50 each.
        await page.Locator(".plan-scenario[data-scenario='设备管理'] li:has-text('设备监测平台') a.button").ClickAsync();
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("55.00");
        await Assertions.Expect(page.Locator("#own-share")).ToHaveTextAsync("27.50");
        await Assertions.Expect(page.Locator("#pinned")).ToBeVisibleAsync();

        // 保存此方案: the plan as shown is kept (no title given: named by target and date), and the filing starts from the saved plan.
        await page.ClickAsync("#plan-save button");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/plans/[0-9a-f-]+$"));
        await Assertions.Expect(page.Locator("#plan-title")).ToContainTextAsync("提升至三级的采购方案");
        await Assertions.Expect(page.Locator("#total")).ToHaveTextAsync("55.00");
        await Assertions.Expect(page.Locator("#own-share")).ToHaveTextAsync("27.50");
        await BrowserApp.Screenshot(page, "saved-plan");

        await page.ClickAsync("#plan-filing button");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/filings/[0-9a-f-]+/edit$"));
        await Assertions.Expect(page.Locator("#a-projectName")).ToHaveValueAsync("数字化改造提升至三级项目");
        await Assertions.Expect(page.Locator("#a-investment")).ToHaveValueAsync("55.00");
        await Assertions.Expect(page.Locator("input[name$='targetLevel'][value='3']")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#a-plan")).ToContainTextAsync("设备监测平台");
        await BrowserApp.Screenshot(page, "plan-filing");
    }

    /// <summary>A fresh Changchun enterprise with its account, its 二级 self-test (every question at its top option; six scenarios at
    /// 三级 of which three constrained, 质量管理 and 设备管理 at 二级, the rest at 一级), and an admitted provider's approved products.</summary>
    private static async Task<(Guid AssessmentId, string User, Guid Provider)> ArrangeAsync(IServiceProvider services)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Enterprise file;
        Organisation provider;
        await using (var scope = Arrangement.Scope(services, Actor.System(Programme, "测试数据")))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var form = EnterpriseValidator.Validate(new EnterpriseForm
            {
                Name = $"长春方案旅程汽车部件{suffix}有限公司", Uscc = NewUscc(), District = "朝阳区", Industry = "汽车零部件配件制造",
                RegisteredAddress = "长春市朝阳区前进大街1号", ContactName = "赵厂长", ContactPhone = "13900001111", FoundedOn = "2012-05-01",
            }, programme, new DateOnly(2025, 7, 1));
            Assert.True(form.IsValid, string.Join("；", form.Errors.Values));
            file = Enterprise.Register(programme, form.Details!, DateTime.UtcNow);
            provider = new Organisation { ProgrammeId = Programme, Name = $"长春方案旅程数智服务{suffix}有限公司", Kind = OrganisationKind.ServiceProvider };
            db.Enterprises.Add(file);
            db.Organisations.Add(provider);
            await db.SaveChangesAsync();
        }
        var user = await Arrangement.UserAsync(services, Programme, $"cc-plan-e-{suffix}", file.Name, Role.Enterprise, enterprise: file.Id);
        var enterprise = new Actor(user.Id, file.Name, Role.Enterprise, Programme, EnterpriseId: file.Id);
        var providerActor = new Actor($"p-{provider.Id:N}"[..20], provider.Name, Role.ServiceProvider, Programme, OrganisationId: provider.Id);
        await services.GetRequiredService<ScenarioTreeSeeding>().EnsureAsync(Programme);
        await AdmitAsync(services, providerActor, provider);
        foreach (var (name, code, price, category) in new[]
                 {
                     ("质量追溯系统", "2.3.1", 30m, "software"), ("质量分析SaaS", "2.3.2", 40m, "cloud"),
                     ("设备监测平台", "2.4.1", 25m, "cloud"), ("设备点检运维服务", "2.4.2", 8m, "maintenance"),
                 })
            await ProductAsync(services, providerActor, name, code, price, category);

        await using var assess = Arrangement.Scope(services, enterprise);
        var created = await assess.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(enterprise, file.Id, new AssessmentInput
        {
            Instrument = "miit-2024", Stage = AssessmentStage.SelfTest, AssessedOn = "2025-07-16",
            Answers = new()
            {
                ["网络建设"] = ["B", "C", "D", "E"], ["设备数字化"] = ["E"], ["设备联网"] = ["E"],
                ["数据采集"] = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"], ["信息系统"] = ["E"],
                ["网络安全"] = ["B", "C", "D", "E"], ["数据安全"] = ["B", "C", "D", "E"], ["规划实施"] = ["F"], ["管理机制"] = ["B", "C", "D", "E"],
                ["人才建设"] = ["B", "C", "D", "E", "F"], ["资金保障"] = ["E"], ["绿色低碳"] = ["C"], ["产品质量"] = ["C"], ["市场表现"] = ["C"], ["价值效益"] = ["C"],
            },
            Scenarios = new()
            {
                ["产品设计"] = 3, ["工艺设计"] = 3, ["营销管理"] = 3, ["售后服务"] = 3, ["计划排程"] = 3, ["生产管控"] = 3, ["质量管理"] = 2,
                ["设备管理"] = 2, ["安全生产"] = 1, ["能耗管理"] = 1, ["采购管理"] = 1, ["仓储物流"] = 1, ["财务管理"] = 1,
                ["人力资源"] = 1, ["协同办公"] = 1, ["决策支持"] = 1,
            },
        });
        Assert.True(created.IsOk, created.Message);
        Assert.Equal(2, created.Value!.Level);
        return (created.Value.Id, user.UserName!, provider.Id);
    }

    private static async Task<IReadOnlyList<Guid>> SuspendOthersAsync(IServiceProvider services, Guid provider) =>
        await MoveAsync(services, m => m.Status == PoolStatus.Admitted && m.OrganisationId != provider, PoolTrigger.Suspend, "旅程测试只以本测试的产品报价");

    private static Task<IReadOnlyList<Guid>> ReinstateAsync(IServiceProvider services, IReadOnlyList<Guid> suspended) =>
        MoveAsync(services, m => suspended.Contains(m.Id), PoolTrigger.Reinstate, "旅程测试结束");

    private static async Task<IReadOnlyList<Guid>> MoveAsync(IServiceProvider services, System.Linq.Expressions.Expression<Func<PoolMember, bool>> which,
        PoolTrigger trigger, string reason)
    {
        await using var scope = Arrangement.Scope(services, Actor.System(Programme, "测试数据"));
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var members = await db.PoolMembers.Where(m => m.ProgrammeId == Programme).Where(which).ToListAsync();
        foreach (var member in members)
        {
            var moved = member.Apply(trigger, City, reason, DateTime.UtcNow);
            Assert.True(moved.Taken, moved.Refusal?.Message);
            db.StateTransitions.Add(moved.Record!);
        }
        await db.SaveChangesAsync();
        return members.Select(m => m.Id).ToList();
    }

    private static async Task AdmitAsync(IServiceProvider services, Actor provider, Organisation organisation)
    {
        await using var scope = Arrangement.Scope(services, provider);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var (member, errors) = PoolMember.Apply(provider, organisation.Id, new PoolApplicationForm(organisation.Name, NewUscc(), "长春市朝阳区前进大街2号",
            "刘总", "ISO 9001；软件企业认定", "为12家汽车零部件企业实施MES与设备联网", "周经理", "0431-88886666", "zhou@example.cn"), DateTime.UtcNow);
        Assert.True(member is not null, string.Join("；", errors.Values));
        db.PoolMembers.Add(member);
        var admitted = member.Apply(PoolTrigger.Admit, City, null, DateTime.UtcNow);
        Assert.True(admitted.Taken, admitted.Refusal?.Message);
        db.StateTransitions.Add(admitted.Record!);
        await db.SaveChangesAsync();
    }

    private static async Task ProductAsync(IServiceProvider services, Actor provider, string name, string code, decimal price, string category)
    {
        await using var scope = Arrangement.Scope(services, provider);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        var codes = await db.CatalogueScenarios.Where(s => s.ProgrammeId == Programme && s.Level == 3).Select(s => s.Code).ToListAsync();
        var context = new ProductContext(codes.ToHashSet(), new HashSet<string>(), programme.Industries.Select(i => i.Key).ToHashSet(),
            programme.Money.SpendCategories.Select(c => c.Key).ToHashSet());
        var form = new ProductForm(name, $"{name}：面向汽车零部件企业的成熟方案。", [code], [], price.ToString("0.00", CultureInfo.InvariantCulture), null,
            true, "60", true, category);
        var (product, errors) = CatalogueProduct.Create(Programme, provider.OrganisationId!.Value, form, context, DateTime.UtcNow);
        Assert.True(product is not null, string.Join("；", errors.Values));
        db.CatalogueProducts.Add(product);
        var submitted = product.Apply(ProductTrigger.Submit, provider, null, new ProductCase(product, true, []), DateTime.UtcNow);
        var approved = product.Apply(ProductTrigger.Approve, City, null, new ProductCase(product, true, []), DateTime.UtcNow);
        Assert.True(submitted.Taken && approved.Taken, submitted.Refusal?.Message ?? approved.Refusal?.Message);
        db.StateTransitions.AddRange(submitted.Record!, approved.Record!);
        await db.SaveChangesAsync();
    }

    private static string NewUscc()
    {
        var body = $"91220104MA{Random.Shared.Next(1_000_000, 9_999_999)}"[..17];
        return body + Uscc.CheckCharacter(body);
    }
}
