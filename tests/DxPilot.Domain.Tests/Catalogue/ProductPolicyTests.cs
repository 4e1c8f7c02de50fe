using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>Who sees and changes a product at each step of its review, and who may add one at each step of the pool: a draft is its
/// provider's alone; once submitted the bureaus and the think tank read it too; once shown (approved, its provider admitted) everyone
/// of the programme; a provider changes only its own, and adds only while admitted.</summary>
public sealed class ProductPolicyTests
{
    private const string Programme = "changchun-2025";
    private static readonly Guid Provider = Guid.NewGuid();
    private static readonly Actor Owner = new("p1", "服务商甲", Role.ServiceProvider, Programme, OrganisationId: Provider);
    private static readonly Actor OtherProvider = new("p2", "服务商乙", Role.ServiceProvider, Programme, OrganisationId: Guid.NewGuid());
    private static readonly Actor City = new("c", "市工信局", Role.CityBureau, Programme);
    private static readonly Actor District = new("d", "朝阳区工信局", Role.DistrictBureau, Programme, District: "朝阳区");
    private static readonly Actor ThinkTank = new("t", "智库", Role.ThinkTank, Programme);
    private static readonly Actor Enterprise = new("e", "企业", Role.Enterprise, Programme, EnterpriseId: Guid.NewGuid());
    private static readonly Actor ElsewhereCity = new("h", "杭州市经信局", Role.CityBureau, "hangzhou-2024");

    private static CatalogueProduct Product(params ProductTrigger[] steps)
    {
        var context = new ProductContext(new HashSet<string> { "2.1.2" }, new HashSet<string>(), new HashSet<string>(), new HashSet<string> { "software" });
        var (product, errors) = CatalogueProduct.Create(Programme, Provider,
            new ProductForm("云MES", "报工", ["2.1.2"], [], "12", null, true, "60", true, "software"), context, DateTime.UtcNow);
        Assert.Empty(errors);
        foreach (var step in steps)
        {
            var actor = step is ProductTrigger.Submit or ProductTrigger.Withdraw ? Owner : City;
            Assert.True(product!.Apply(step, actor, "理由", new ProductCase(product, true, []), DateTime.UtcNow).Taken);
        }
        return product!;
    }

    [Fact]
    public void A_draft_is_its_providers_alone()
    {
        var draft = Product();
        Assert.True(ProductPolicy.Reads(Owner, draft, providerAdmitted: true));
        foreach (var a in new[] { City, District, ThinkTank, Enterprise, OtherProvider })
            Assert.False(ProductPolicy.Reads(a, draft, providerAdmitted: true), a.Name);
    }

    [Fact]
    public void Under_review_the_bureaus_and_think_tank_read_it_but_no_enterprise_or_other_provider()
    {
        var waiting = Product(ProductTrigger.Submit);
        foreach (var a in new[] { Owner, City, District, ThinkTank }) Assert.True(ProductPolicy.Reads(a, waiting, providerAdmitted: true), a.Name);
        foreach (var a in new[] { Enterprise, OtherProvider }) Assert.False(ProductPolicy.Reads(a, waiting, providerAdmitted: true), a.Name);
    }

    [Fact]
    public void Shown_only_while_approved_and_its_provider_admitted_and_only_in_its_programme()
    {
        var approved = Product(ProductTrigger.Submit, ProductTrigger.Approve);
        Assert.True(ProductPolicy.Reads(Enterprise, approved, providerAdmitted: true));
        Assert.True(ProductPolicy.Reads(OtherProvider, approved, providerAdmitted: true));
        Assert.False(ProductPolicy.Reads(Enterprise, approved, providerAdmitted: false));
        Assert.False(ProductPolicy.Reads(ElsewhereCity, approved, providerAdmitted: true));
        Assert.Null(ProductPolicy.Edit(Owner, approved));
        Assert.Equal("只能修改本单位的产品", ProductPolicy.Edit(OtherProvider, approved));
        Assert.Equal("只能修改本单位的产品", ProductPolicy.Edit(City, approved));
    }

    [Fact]
    public void Only_an_admitted_provider_adds_a_product_and_each_other_step_says_why_not()
    {
        var form = new PoolApplicationForm("服务商甲", "91220101MA17W8K2XJ", null, null, "软件企业", "案例", "周经理", "0431-88886666", null);
        var (member, errors) = PoolMember.Apply(Owner, Provider, form, DateTime.UtcNow);
        Assert.Empty(errors);
        Assert.Equal("请先申请加入服务商资源池，入池后方可发布产品", ProductPolicy.Create(Owner, null));
        Assert.Equal("入池申请尚在审核中，入池后方可发布产品", ProductPolicy.Create(Owner, member));
        Assert.True(member!.Apply(PoolTrigger.Admit, City, null, DateTime.UtcNow).Taken);
        Assert.Null(ProductPolicy.Create(Owner, member));
        Assert.Equal("只有服务商可以发布产品及解决方案", ProductPolicy.Create(City, member));
        Assert.True(member.Apply(PoolTrigger.Suspend, City, "资质到期", DateTime.UtcNow).Taken);
        Assert.Equal("服务商资源池资格已暂停，不能新增或提交产品", ProductPolicy.Create(Owner, member));
        Assert.True(member.Apply(PoolTrigger.Remove, City, "虚假案例", DateTime.UtcNow).Taken);
        Assert.Equal("服务商不在资源池中，不能新增或提交产品", ProductPolicy.Create(Owner, member));
        // Removal is not a suspension: there is no reinstating, only applying again.
        Assert.False(member.Apply(PoolTrigger.Reinstate, City, "恢复", DateTime.UtcNow).Taken);
        Assert.True(member.Apply(PoolTrigger.Reapply, Owner, null, DateTime.UtcNow).Taken);
        Assert.Equal(PoolStatus.Applied, member.Status);
    }
}
