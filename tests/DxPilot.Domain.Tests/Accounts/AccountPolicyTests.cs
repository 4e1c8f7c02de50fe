using DxPilot.Domain.Accounts;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Accounts;

/// <summary>A city (or provincial) bureau manages every account of its programme; a district only the enterprise
/// accounts of its own district; nobody creates an account that reaches further than their own.</summary>
public sealed class AccountPolicyTests
{
    private const string Programme = "hangzhou-2024";
    private static readonly Actor City = new("c1", "杭州市经信局", Role.CityBureau, Programme);
    private static readonly Actor Binjiang = new("d1", "滨江区经信局", Role.DistrictBureau, Programme, District: "滨江区");

    [Theory]
    [InlineData(Role.ThinkTank)]
    [InlineData(Role.ServiceProvider)]
    [InlineData(Role.EvaluationAgency)]
    [InlineData(Role.AuditFirm)]
    [InlineData(Role.Expert)]
    [InlineData(Role.Enterprise)]
    public void Nobody_but_a_bureau_manages_accounts(Role role)
    {
        var someone = new Actor("u", "某人", role, Programme, EnterpriseId: Guid.NewGuid(), OrganisationId: Guid.NewGuid());
        Assert.Equal("只有工信主管部门可以管理账号", AccountPolicy.Manage(someone));
        Assert.Empty(AccountPolicy.CreatableRoles(someone));
        Assert.NotNull(AccountPolicy.Create(someone, new AccountScope(Programme, Role.Enterprise, "滨江区")));
        Assert.NotNull(AccountPolicy.Administer(someone, new AccountScope(Programme, Role.Enterprise, "滨江区")));
    }

    [Fact]
    public void The_platform_itself_manages_no_accounts() =>
        Assert.NotNull(AccountPolicy.Manage(Actor.System(Programme, "导入程序")));

    [Fact]
    public void A_city_creates_every_kind_of_account_of_its_programme_and_none_elsewhere()
    {
        Assert.Equal(Enum.GetValues<Role>(), AccountPolicy.CreatableRoles(City));
        foreach (var role in Enum.GetValues<Role>())
            Assert.Null(AccountPolicy.Create(City, new AccountScope(Programme, role, role is Role.DistrictBureau or Role.Enterprise ? "西湖区" : null)));
        Assert.Equal("只能为本试点创建账号", AccountPolicy.Create(City, new AccountScope("changchun-2025", Role.Enterprise, "朝阳区")));
    }

    [Theory]
    [InlineData(Role.CityBureau)]
    [InlineData(Role.DistrictBureau)]
    [InlineData(Role.ThinkTank)]
    [InlineData(Role.ServiceProvider)]
    [InlineData(Role.EvaluationAgency)]
    [InlineData(Role.AuditFirm)]
    [InlineData(Role.Expert)]
    public void A_district_creates_no_bureau_or_programme_wide_account(Role role)
    {
        Assert.Equal("县（市、区）主管部门只能为本辖区的企业创建账号", AccountPolicy.Create(Binjiang, new AccountScope(Programme, role, "滨江区")));
        Assert.Equal([Role.Enterprise], AccountPolicy.CreatableRoles(Binjiang));
    }

    [Fact]
    public void A_district_creates_and_administers_enterprise_accounts_of_its_own_district_only()
    {
        var own = new AccountScope(Programme, Role.Enterprise, "滨江区");
        var other = new AccountScope(Programme, Role.Enterprise, "西湖区");
        Assert.Null(AccountPolicy.Create(Binjiang, own));
        Assert.Equal("只能为本辖区的企业创建账号", AccountPolicy.Create(Binjiang, other));
        Assert.Null(AccountPolicy.Administer(Binjiang, own));
        Assert.Equal("该账号不在您的管理范围内", AccountPolicy.Administer(Binjiang, other));
        // Its own district's bureau accounts are the city's to administer, as they are the city's to create.
        Assert.Equal("该账号不在您的管理范围内", AccountPolicy.Administer(Binjiang, new AccountScope(Programme, Role.DistrictBureau, "滨江区")));
        Assert.Equal("该账号不在您的管理范围内", AccountPolicy.Administer(Binjiang, new AccountScope(Programme, Role.CityBureau, null)));
    }

    [Fact]
    public void A_city_administers_its_programme_but_does_not_disable_or_reset_itself()
    {
        var colleague = new AccountScope(Programme, Role.CityBureau, null);
        Assert.Null(AccountPolicy.Administer(City, colleague));
        Assert.Null(AccountPolicy.Disable(City, colleague, "c2"));
        Assert.Equal("不能停用自己的账号", AccountPolicy.Disable(City, colleague, City.UserId));
        Assert.Null(AccountPolicy.Reset(City, colleague, "c2"));
        Assert.Equal("请通过“修改密码”修改自己的密码", AccountPolicy.Reset(City, colleague, City.UserId));
        Assert.Equal("该账号不在您的管理范围内", AccountPolicy.Administer(City, new AccountScope("changchun-2025", Role.Expert, null)));
    }
}
