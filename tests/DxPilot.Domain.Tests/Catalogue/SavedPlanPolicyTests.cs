using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>A saved plan's rules (<see cref="NeedPolicy"/>): the enterprise and its serving provider save it; the enterprise, the bureaus
/// in scope and the think tank read it, a provider only once shared with it (or what it saved itself); only the enterprise shares,
/// withdraws and renames, and only with a provider of the plan's products or one serving it. Its title's default and limit.</summary>
public sealed class SavedPlanPolicyTests
{
    private const string Programme = "changchun-2025";
    private static readonly Guid Firm = Guid.NewGuid();
    private static readonly Actor Enterprise = new("e", "企业", Role.Enterprise, Programme, EnterpriseId: Firm);
    private static readonly Actor OtherEnterprise = new("e2", "另一企业", Role.Enterprise, Programme, EnterpriseId: Guid.NewGuid());
    private static readonly Actor Provider = new("p", "服务商", Role.ServiceProvider, Programme, OrganisationId: Guid.NewGuid());
    private static readonly Actor City = new("c", "市工信局", Role.CityBureau, Programme);
    private static readonly Actor District = new("d", "朝阳区工信局", Role.DistrictBureau, Programme, District: "朝阳区");
    private static readonly Actor ThinkTank = new("t", "智库", Role.ThinkTank, Programme);
    private static readonly Actor Expert = new("x", "专家", Role.Expert, Programme);
    private static readonly Actor Agency = new("a", "评测机构", Role.EvaluationAgency, Programme, OrganisationId: Guid.NewGuid());

    [Fact]
    public void The_enterprise_the_bureaus_in_scope_and_the_think_tank_read_it_a_provider_only_when_shared_with_it()
    {
        foreach (var a in new[] { Enterprise, City, District, ThinkTank })
        {
            Assert.True(NeedPolicy.ReadsPlan(a, enterpriseInScope: true, sharedWithOrSavedBy: false));
            Assert.False(NeedPolicy.ReadsPlan(a, enterpriseInScope: false, sharedWithOrSavedBy: true));
        }
        // Serving the enterprise (its file in the provider's scope) is not enough.
        Assert.False(NeedPolicy.ReadsPlan(Provider, enterpriseInScope: true, sharedWithOrSavedBy: false));
        Assert.True(NeedPolicy.ReadsPlan(Provider, enterpriseInScope: false, sharedWithOrSavedBy: true));
        foreach (var a in new[] { Expert, Agency })
            Assert.False(NeedPolicy.ReadsPlan(a, enterpriseInScope: true, sharedWithOrSavedBy: true));
    }

    [Fact]
    public void The_enterprise_and_its_serving_provider_save_it()
    {
        Assert.Null(NeedPolicy.SavePlan(Enterprise, Firm, providerServes: false));
        Assert.Null(NeedPolicy.SavePlan(Provider, Firm, providerServes: true));
        foreach (var (a, serves) in new[] { (OtherEnterprise, false), (Provider, false), (City, false), (ThinkTank, false), (Agency, true) })
            Assert.Equal("只有企业本身或为其服务的服务商可以保存采购方案", NeedPolicy.SavePlan(a, Firm, serves));
    }

    [Fact]
    public void Only_the_enterprise_shares_and_only_with_a_provider_of_the_plan_or_one_serving_it()
    {
        Assert.Null(NeedPolicy.SharePlan(Enterprise, Firm));
        foreach (var a in new[] { OtherEnterprise, Provider, City, District, ThinkTank })
            Assert.Equal("只有企业本身可以分享方案、撤回分享或修改方案名称", NeedPolicy.SharePlan(a, Firm));
        Assert.Null(NeedPolicy.ShareWith(providerInPlan: true, providerServes: false));
        Assert.Null(NeedPolicy.ShareWith(providerInPlan: false, providerServes: true));
        Assert.Null(NeedPolicy.ShareWith(providerInPlan: true, providerServes: true));
        Assert.Equal("只能分享给方案中产品的服务商，或为本企业服务的服务商", NeedPolicy.ShareWith(providerInPlan: false, providerServes: false));
    }

    [Fact]
    public void The_title_defaults_to_the_target_and_the_date_and_holds_at_most_a_hundred_characters()
    {
        Assert.Equal("提升至三级的采购方案（2026年11月27日）", SavedPlan.DefaultTitle(3, new DateOnly(2026, 11, 27)));
        Assert.Equal("提升至四级的采购方案（2025年7月6日）", SavedPlan.DefaultTitle(4, new DateOnly(2025, 7, 6)));
        Assert.Null(SavedPlan.CheckTitle(new string('方', 100)));
        Assert.Equal("方案名称不超过100字，现为101字", SavedPlan.CheckTitle(new string('方', 101)));
        Assert.Equal("请填写方案名称", SavedPlan.CheckTitle("   "));
    }
}
