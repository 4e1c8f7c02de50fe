using DxPilot.Domain.Accounts;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Programmes;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// The catalogue around a fresh Changchun enterprise (<see cref="ChangchunDiagnosis"/>: its provider assigned, one account per role):
/// the tree copied from seed 002 附件1, the provider admitted to the pool, and approved products made through the domain's own
/// steps (provider writes and submits, city approves), so that match, plan and page tests start from what the pool would hold.
/// </summary>
public sealed class ChangchunCatalogue
{
    public required ChangchunDiagnosis Parties { get; init; }
    public required PoolMember Membership { get; init; }

    public static async Task<ChangchunCatalogue> CreateAsync(DxPilotApp app)
    {
        var parties = await ChangchunDiagnosis.CreateAsync(app);
        await app.Services.GetRequiredService<ScenarioTreeSeeding>().EnsureAsync(ChangchunDiagnosis.Programme);
        var member = await AdmitAsync(app, parties.ProviderActor, parties.Provider.Id, parties.Provider.Name);
        return new ChangchunCatalogue { Parties = parties, Membership = member };
    }

    /// <summary>The demo data's providers suspended (and so their products hidden), for a test whose figures are worked by hand
    /// from its own products only.</summary>
    public Task WithoutOtherProvidersAsync(DxPilotApp app) => WithoutProvidersOtherThanAsync(app, Parties.Provider.Id);

    /// <summary>Every admitted provider but <paramref name="kept"/> suspended.</summary>
    public static async Task WithoutProvidersOtherThanAsync(DxPilotApp app, Guid kept)
    {
        await using var scope = app.DataScope(ChangchunDiagnosis.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var others = await db.PoolMembers.Where(m => m.ProgrammeId == ChangchunDiagnosis.Programme && m.Status == PoolStatus.Admitted
            && m.OrganisationId != kept).ToListAsync();
        foreach (var member in others)
        {
            var suspended = member.Apply(PoolTrigger.Suspend, ChangchunDiagnosis.City, "测试只以本测试的产品报价", DateTime.UtcNow);
            Assert.True(suspended.Taken, suspended.Refusal?.Message);
            db.StateTransitions.Add(suspended.Record!);
        }
        await db.SaveChangesAsync();
    }

    /// <summary>A provider's application, admitted by the city.</summary>
    public static async Task<PoolMember> AdmitAsync(DxPilotApp app, Actor provider, Guid organisationId, string name)
    {
        await using var scope = app.ScopeAs(provider);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var (member, errors) = PoolMember.Apply(provider, organisationId, new PoolApplicationForm(name, TestData.NewUscc(), "长春市朝阳区前进大街2号",
            "刘总", "ISO 9001；软件企业认定；工业互联网平台服务资质", "为12家汽车零部件企业实施MES与设备联网", "周经理", "0431-88886666", "zhou@example.cn"), DateTime.UtcNow);
        Assert.True(member is not null, string.Join("；", errors.Values));
        db.PoolMembers.Add(member);
        var admitted = member.Apply(PoolTrigger.Admit, ChangchunDiagnosis.City, null, DateTime.UtcNow);
        Assert.True(admitted.Taken, admitted.Refusal?.Message);
        db.StateTransitions.Add(admitted.Record!);
        await db.SaveChangesAsync();
        return member;
    }

    /// <summary>An approved product of <paramref name="provider"/> (the enterprise's provider when null), written, submitted and approved.</summary>
    public Task<CatalogueProduct> ProductAsync(DxPilotApp app, string name, string[] scenarios, decimal low, decimal? high = null,
        string spendCategory = "software", Actor? provider = null, string[]? industries = null) =>
        SubmittedAsync(app, provider ?? Parties.ProviderActor, name, scenarios, low, high, spendCategory, industries, approve: true);

    /// <summary>A product submitted to the city and not yet approved (so shown to nobody but its provider and the bureaus).</summary>
    public Task<CatalogueProduct> UnderReviewAsync(DxPilotApp app, string name, string[] scenarios, decimal price) =>
        SubmittedAsync(app, Parties.ProviderActor, name, scenarios, price, null, "software", null, approve: false);

    private static async Task<CatalogueProduct> SubmittedAsync(DxPilotApp app, Actor provider, string name, string[] scenarios, decimal low, decimal? high,
        string spendCategory, string[]? industries, bool approve)
    {
        await using var scope = app.ScopeAs(provider);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(ChangchunDiagnosis.Programme);
        var product = await DraftAsync(db, programme, provider, name, scenarios, low, high, spendCategory, industries);
        var submitted = product.Apply(ProductTrigger.Submit, provider, null, new ProductCase(product, true, []), DateTime.UtcNow);
        Assert.True(submitted.Taken, submitted.Refusal?.Message);
        db.StateTransitions.Add(submitted.Record!);
        if (approve)
        {
            var approved = product.Apply(ProductTrigger.Approve, ChangchunDiagnosis.City, null, new ProductCase(product, true, []), DateTime.UtcNow);
            Assert.True(approved.Taken, approved.Refusal?.Message);
            db.StateTransitions.Add(approved.Record!);
        }
        await db.SaveChangesAsync();
        return product;
    }

    private static async Task<CatalogueProduct> DraftAsync(DxPilotDbContext db, Programme programme, Actor provider, string name, string[] scenarios, decimal low,
        decimal? high, string spendCategory, string[]? industries)
    {
        var codes = await db.CatalogueScenarios.Where(s => s.ProgrammeId == ChangchunDiagnosis.Programme && s.Level == 3)
            .Select(s => new { s.Code, s.RetiredAt }).ToListAsync();
        var context = new ProductContext(codes.Where(c => c.RetiredAt is null).Select(c => c.Code).ToHashSet(),
            codes.Where(c => c.RetiredAt is not null).Select(c => c.Code).ToHashSet(),
            programme.Industries.Select(i => i.Key).ToHashSet(), programme.Money.SpendCategories.Select(c => c.Key).ToHashSet());
        var form = new ProductForm(name, $"{name}：面向汽车零部件企业的成熟方案，支持云端部署与本地实施。", scenarios, industries ?? [],
            low.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            high?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), true, "60", true, spendCategory);
        var (product, errors) = CatalogueProduct.Create(ChangchunDiagnosis.Programme, provider.OrganisationId!.Value, form, context, DateTime.UtcNow);
        Assert.True(product is not null, string.Join("；", errors.Values));
        db.CatalogueProducts.Add(product);
        return product;
    }
}
