using System.Net;
using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// The pool's and products' pages as their users work them without script: the provider's application prefilled from its organisation,
/// the city's decision on the pool page, a refused product form that keeps what was typed, another provider told it may not edit,
/// a product under review not found by an enterprise, HTML in a summary shown as text, and the provider's page with its pool status and products.
/// </summary>
public sealed class CataloguePoolPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_provider_applies_on_its_prefilled_page_and_the_city_admits_it_on_the_pool_page()
    {
        var c = await CataloguePool.CreateAsync(app);
        var provider = await c.Parties.BrowserAsync(app, "provider");
        var form = await provider.GetDocument("/catalogue/pool/apply");
        Assert.Equal(c.Parties.Provider.Name, form.QuerySelector("#f-OrganisationName")!.GetAttribute("value"));
        Assert.Equal(c.Parties.Provider.Uscc, form.QuerySelector("#f-Uscc")!.GetAttribute("value"));

        var fields = new Dictionary<string, string>
        {
            ["Form.OrganisationName"] = c.Parties.Provider.Name, ["Form.Uscc"] = c.Parties.Provider.Uscc!, ["Form.Qualifications"] = "软件企业认定",
            ["Form.Cases"] = "为8家企业实施MES", ["Form.ContactName"] = "周经理", ["Form.ContactPhone"] = "",
        };
        var refused = await PostAsync(provider, "/catalogue/pool/apply", "pool", fields);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var shown = PageClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("请填写联系电话", shown.QuerySelector("#f-ContactPhone")!.ParentElement!.QuerySelector(".error")!.TextContent);
        Assert.Equal("为8家企业实施MES", shown.QuerySelector("#f-Cases")!.TextContent);
        Assert.StartsWith($"dxpilot-pool:{c.Parties.Provider.Id}:", shown.QuerySelector("form.form-grid")!.GetAttribute("data-form-copy"));
        Assert.Equal("true", shown.QuerySelector("form.form-grid")!.GetAttribute("data-refused"));
        Assert.False(form.QuerySelector("form.form-grid")!.HasAttribute("data-refused"));

        fields["Form.ContactPhone"] = "0431-88886666";
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(provider, "/catalogue/pool/apply", "pool", fields)).StatusCode);

        var city = await c.Parties.BrowserAsync(app, "city");
        var list = await city.GetDocument($"/catalogue/pool?search={Uri.EscapeDataString(c.Parties.Provider.Uscc!)}");
        var row = Assert.Single(list.QuerySelectorAll("#pool-list tr[data-member]"));
        Assert.Equal("待审核", row.QuerySelector("[data-status]")!.TextContent);
        var detail = row.QuerySelector("a")!.GetAttribute("href")!;
        var admitted = await PostAsync(city, detail, "transition", new() { ["Act.Trigger"] = "admit", ["Act.Version"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, admitted.StatusCode);
        Assert.Equal("已入池", (await provider.GetDocument("/catalogue/pool/apply")).QuerySelector("#pool-status [data-status]")!.TextContent);
    }

    // The filter indents each scenario under its parent (seed 002 附件1's 一级、二级、三级场景), so each must follow its parent.
    [Fact]
    public async Task The_scenario_filter_lists_each_scenario_under_its_parent()
    {
        var c = await CataloguePool.CreateAsync(app);
        var page = await (await c.Parties.BrowserAsync(app, "provider")).GetDocument("/catalogue");
        var codes = page.QuerySelectorAll("#product-filters select[name=scenario] option").Select(o => o.GetAttribute("value")!).Where(v => v.Length > 0).ToList();
        Assert.Equal(["1", "1.1", "1.1.1"], codes.Take(3));
        Assert.Equal(codes.OrderBy(TreeService.Ordinal), codes);
    }

    [Fact]
    public async Task Only_an_admitted_provider_is_offered_the_product_form_and_the_annex_1_import_on_its_products_page()
    {
        var c = await CataloguePool.CreateAsync(app);
        var provider = await c.Parties.BrowserAsync(app, "provider");
        var before = await provider.GetDocument("/catalogue/mine");
        Assert.Null(before.QuerySelector("#import-products"));
        Assert.Null(before.QuerySelector("#new-product"));

        await c.AdmittedAsync(app);
        var after = await provider.GetDocument("/catalogue/mine");
        Assert.Equal(("从附件1表格导入", "/catalogue/import"), (after.QuerySelector("#import-products")!.TextContent, after.QuerySelector("#import-products")!.GetAttribute("href")));
        Assert.Equal("/catalogue/products/new", after.QuerySelector("#new-product")!.GetAttribute("href"));
    }

    [Fact]
    public async Task A_refused_product_form_keeps_what_was_typed_and_names_what_to_fix()
    {
        var c = await CataloguePool.CreateAsync(app);
        await c.AdmittedAsync(app);
        var provider = await c.Parties.BrowserAsync(app, "provider");
        var response = await PostAsync(provider, "/catalogue/products/new", "product", new()
        {
            ["Name"] = "智能排产APS", ["Summary"] = "插单重排，输出物料需求", ["Scenarios"] = "2.1.1", ["PriceLowWan"] = "20", ["PriceHighWan"] = "8",
            ["TaxIncluded"] = "false", ["DeliveryDays"] = "45", ["SpendCategory"] = "software",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = PageClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("价格区间的下限（20.00万元）不能高于上限（8.00万元）", page.QuerySelector("#p-high")!.ParentElement!.QuerySelector(".error")!.TextContent);
        Assert.Equal("智能排产APS", page.QuerySelector("#p-name")!.GetAttribute("value"));
        Assert.Equal("插单重排，输出物料需求", page.QuerySelector("#p-summary")!.TextContent);
        Assert.NotNull(page.QuerySelector("input[name=Scenarios][value='2.1.1'][checked]"));
        Assert.NotNull(page.QuerySelector("input[name=TaxIncluded][value=false][checked]"));
        Assert.Equal("45", page.QuerySelector("#p-days")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Another_provider_is_told_it_may_not_edit_and_an_enterprise_does_not_find_a_product_under_review()
    {
        var c = await CataloguePool.CreateAsync(app);
        var member = await c.AdmittedAsync(app);
        var shown = await c.ApprovedAsync(app, "设备联网网关");
        var waiting = await c.DraftAsync(app, "视觉检测");
        Assert.Equal(HttpStatusCode.OK, (await c.ProductTransitionAsync(app, "provider", waiting, "submit")).StatusCode);

        var other = await c.Parties.BrowserAsync(app, "other-provider");
        var edit = await other.GetAsync($"/catalogue/products/{shown}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal("只能修改本单位的产品", PageClient.Parse(await edit.Content.ReadAsStringAsync()).QuerySelector("#message")!.TextContent.Trim());
        var enterprise = await c.Parties.BrowserAsync(app, "enterprise");
        Assert.Equal(HttpStatusCode.NotFound, (await enterprise.GetAsync($"/catalogue/products/{waiting}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/catalogue/products/{waiting}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await enterprise.GetAsync($"/catalogue/products/{shown}")).StatusCode);

        // Suspended, the provider is told why it may not add one.
        Assert.Equal(HttpStatusCode.OK, (await c.PoolTransitionAsync(app, "city", member, "suspend", "资质到期")).StatusCode);
        var provider = await c.Parties.BrowserAsync(app, "provider");
        var adding = await provider.GetAsync("/catalogue/products/new");
        Assert.Equal(HttpStatusCode.Forbidden, adding.StatusCode);
        Assert.Equal("服务商资源池资格已暂停，不能新增或提交产品", PageClient.Parse(await adding.Content.ReadAsStringAsync()).QuerySelector("#message")!.TextContent.Trim());
    }

    [Fact]
    public async Task Html_in_a_summary_is_shown_as_text_and_the_providers_page_lists_its_pool_status_and_products()
    {
        var c = await CataloguePool.CreateAsync(app);
        await c.AdmittedAsync(app);
        var id = await c.ApprovedAsync(app, "云端质量追溯", summary: "<script>alert('x')</script>批次追溯");
        var enterprise = await c.Parties.BrowserAsync(app, "enterprise");
        var html = await enterprise.GetStringAsync($"/catalogue/products/{id}");
        // Encoded, the text reads as typed and nothing runs.
        Assert.Equal("<script>alert('x')</script>批次追溯", PageClient.Parse(html).QuerySelector("#summary")!.TextContent);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        var home = await enterprise.GetStringAsync($"/catalogue?search={Uri.EscapeDataString(c.Parties.Provider.Name)}");
        Assert.DoesNotContain("<script>alert", home);
        Assert.Equal("<script>alert('x')</script>批次追溯", PageClient.Parse(home).QuerySelector("#product-list .product-summary")!.TextContent);

        var city = await c.Parties.BrowserAsync(app, "city");
        var page = await city.GetDocument($"/organisations/{c.Parties.Provider.Id}");
        Assert.StartsWith("已入池", page.QuerySelector("#org-pool")!.TextContent.Trim());
        Assert.Equal("云端质量追溯", Assert.Single(page.QuerySelectorAll("#org-products tr[data-product] a")).TextContent);
        Assert.Equal("已验收 0 家（已提交验收 0 家）", page.QuerySelector("#org-diagnoses-accepted")!.TextContent);
    }

    [Fact]
    public async Task The_catalogue_opens_in_a_programme_whose_tree_is_first_used_by_a_signed_in_visitor()
    {
        // Hangzhou's tree is copied on the first visit, during the request, as the system.
        var city = await app.SignedIn("hz-city");
        var page = await city.GetAsync("/catalogue?scenario=2.1");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("共 0 项产品及解决方案。", PageClient.Parse(await page.Content.ReadAsStringAsync()).QuerySelector("#total")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/catalogue/review")).StatusCode);
        var api = await app.As("hz-provider");
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/catalogue/products?mine=true")).StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var pairs = new List<KeyValuePair<string, string>> { new("_handler", handler), new("__RequestVerificationToken", await PageClient.Token(client, path)) };
        pairs.AddRange(fields);
        return await client.PostAsync(path, new FormUrlEncodedContent(pairs));
    }
}
