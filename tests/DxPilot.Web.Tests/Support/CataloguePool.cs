using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Web.Features.Catalogue;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// The pool and products through the API from nothing (<see cref="ChangchunDiagnosis"/>: a fresh provider not yet in the pool, one
/// account per role; the tree seeded): the provider's application, the city's decisions, a product's writing, submission and review.
/// </summary>
public sealed class CataloguePool
{
    public required ChangchunDiagnosis Parties { get; init; }

    public static async Task<CataloguePool> CreateAsync(DxPilotApp app)
    {
        var parties = await ChangchunDiagnosis.CreateAsync(app);
        await app.Services.GetRequiredService<ScenarioTreeSeeding>().EnsureAsync(ChangchunDiagnosis.Programme);
        return new CataloguePool { Parties = parties };
    }

    public Task<HttpClient> As(DxPilotApp app, string who) => app.As(Parties.Users[who]);

    public object Application(string? contactPhone = "0431-88886666") => new
    {
        organisationName = Parties.Provider.Name, uscc = Parties.Provider.Uscc, address = "长春市朝阳区前进大街2号", legalRepresentative = "刘总",
        qualifications = "ISO 9001；软件企业认定", cases = "为12家汽车零部件企业实施MES与设备联网", contactName = "周经理", contactPhone, contactEmail = "zhou@example.cn",
    };

    /// <summary>The provider's application; answers the membership's id.</summary>
    public async Task<Guid> ApplyAsync(DxPilotApp app)
    {
        var response = await (await As(app, "provider")).PostAsJsonAsync("/api/catalogue/pool", Application());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetGuid();
    }

    public async Task<Guid> AdmittedAsync(DxPilotApp app)
    {
        var id = await ApplyAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await PoolTransitionAsync(app, "city", id, "admit", null)).StatusCode);
        return id;
    }

    public async Task<HttpResponseMessage> PoolTransitionAsync(DxPilotApp app, string who, Guid id, string trigger, string? reason) =>
        await (await As(app, who)).PostAsJsonAsync($"/api/catalogue/pool/{id}/transitions", new { trigger, reason });

    public static object Product(string name, string low, string? high = null, string[]? scenarios = null, string summary = "车间报工、工单跟踪与看板",
        string spendCategory = "software") => new
    {
        name, summary, scenarios = scenarios ?? ["2.1.2"], industries = Array.Empty<string>(), priceLowWan = low, priceHighWan = high, taxIncluded = true,
        deliveryDays = "60", cloudBased = true, spendCategory,
    };

    public async Task<HttpResponseMessage> AddAsync(DxPilotApp app, object product, string who = "provider") =>
        await (await As(app, who)).PostAsJsonAsync("/api/catalogue/products", product);

    /// <summary>A draft of the provider; answers its id.</summary>
    public async Task<Guid> DraftAsync(DxPilotApp app, string name, string low = "12.00", string? high = null, string summary = "车间报工、工单跟踪与看板")
    {
        var response = await AddAsync(app, Product(name, low, high, summary: summary));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetGuid();
    }

    public async Task<HttpResponseMessage> ProductTransitionAsync(DxPilotApp app, string who, Guid id, string trigger, string? reason = null) =>
        await (await As(app, who)).PostAsJsonAsync($"/api/catalogue/products/{id}/transitions", new { trigger, reason });

    /// <summary>Written, submitted and approved.</summary>
    public async Task<Guid> ApprovedAsync(DxPilotApp app, string name, string summary = "车间报工、工单跟踪与看板")
    {
        var id = await DraftAsync(app, name, summary: summary);
        Assert.Equal(HttpStatusCode.OK, (await ProductTransitionAsync(app, "provider", id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ProductTransitionAsync(app, "city", id, "approve")).StatusCode);
        return id;
    }

    public static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>The names of the shown products (first page) as <paramref name="who"/> lists them, searched by <paramref name="search"/>.</summary>
    public async Task<List<string>> ShownAsync(DxPilotApp app, string who, string search)
    {
        var page = await (await As(app, who)).GetFromJsonAsync<JsonElement>($"/api/catalogue/products?search={Uri.EscapeDataString(search)}");
        return page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
    }
}
