using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// Each upload accepts what it states (a scan 20MB, an import 10MB) although the server's global body limit is 10MB: a 15MB scan is
/// stored, a file just over its limit reaches the check that names the limit, and a body far over it gets 413 stating the limit.
/// </summary>
public abstract class UploadLimitTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const int MB = 1024 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ByteArrayContent Pdf(int bytes)
    {
        var content = new byte[bytes];
        "%PDF-1.4\n"u8.CopyTo(content);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return file;
    }

    private static async Task<HttpResponseMessage> InvoiceAsync(HttpClient api, Guid id, string number, int bytes) =>
        await api.PostAsync($"/api/projects/{id}/invoices", new MultipartFormDataContent
        {
            { new StringContent(number), "number" }, { new StringContent("2025-10-15"), "issuedOn" }, { new StringContent("长春数智服务有限公司"), "seller" },
            { new StringContent("MES制造执行系统"), "item" }, { new StringContent("300000.00"), "amountYuan" },
            { new StringContent((await ChangchunProject.VersionAsync(api, id)).ToString()), "version" }, { Pdf(bytes), "scan", $"发票{number}.pdf" },
        }, Ct);

    [Fact]
    public async Task The_invoice_api_takes_a_15MB_scan_and_refuses_21MB_and_a_far_larger_body_stating_20MB()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app, $"上传限制{Guid.NewGuid().ToString("N")[..6]}");
        var api = await app.As(c.Users["enterprise"]);

        Assert.Equal(HttpStatusCode.OK, (await InvoiceAsync(api, id, "25221501", 15 * MB)).StatusCode);

        var over = await InvoiceAsync(api, id, "25222101", 21 * MB);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        Assert.Equal("“发票25222101.pdf”超过20MB，请压缩后重新上传",
            (await over.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("errors").GetProperty("scan")[0].GetString());

        var far = await InvoiceAsync(api, id, "25223101", 31 * MB);
        Assert.True(far.StatusCode == HttpStatusCode.RequestEntityTooLarge, $"{far.StatusCode}: {await far.Content.ReadAsStringAsync(Ct)}");
        Assert.Equal("上传的文件不能超过20MB，请压缩或拆分后重新上传", (await far.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_project_page_takes_a_15MB_invoice_scan_and_names_the_20MB_limit_for_21MB_keeping_the_typed_values()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app, $"上传限制{Guid.NewGuid().ToString("N")[..6]}");
        var enterprise = await app.SignedIn(c.Users["enterprise"]);
        async Task<HttpResponseMessage> Post(string number, int bytes)
        {
            var form = (await enterprise.GetDocument($"/projects/{id}")).QuerySelector("#invoice-form")!;
            var body = new MultipartFormDataContent();
            foreach (var input in form.QuerySelectorAll("input[type=hidden][name]")) body.Add(new StringContent(input.GetAttribute("value") ?? ""), input.GetAttribute("name")!);
            foreach (var (k, v) in new[] { ("number", number), ("issuedOn", "2025-10-15"), ("seller", "长春数智服务有限公司"), ("item", "MES制造执行系统"), ("amountYuan", "300000.00") })
                body.Add(new StringContent(v), k);
            body.Add(Pdf(bytes), "scan", "发票.pdf");
            return await enterprise.PostAsync($"/projects/{id}", body, Ct);
        }

        var taken = await Post("25221502", 15 * MB);
        Assert.Equal(HttpStatusCode.Redirect, taken.StatusCode);
        Assert.EndsWith("?done=invoice", taken.Headers.Location!.OriginalString);

        var over = await Post("25222102", 21 * MB);
        Assert.Equal(HttpStatusCode.BadRequest, over.StatusCode);
        var page = PageClient.Parse(await over.Content.ReadAsStringAsync(Ct));
        Assert.Equal("“发票.pdf”超过20MB，请压缩后重新上传", page.QuerySelector("[data-error-for=scan]")!.TextContent.Trim());
        Assert.Equal("25222102", page.QuerySelector("#invoice-form input[name=number]")!.GetAttribute("value"));

        // Far over it, the form cannot be read at all (nor its token): the answer is the limit, not "页面已过期".
        var far = await Post("25223102", 31 * MB);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, far.StatusCode);
        Assert.Contains("上传的文件不能超过20MB，请压缩或拆分后重新上传", PageClient.Parse(await far.Content.ReadAsStringAsync(Ct)).Body!.TextContent);
    }

    [Fact]
    public async Task An_import_over_10MB_reaches_the_import_page_with_its_limit()
    {
        var city = await app.SignedIn("hz-city");
        var token = await PageClient.Token(city, "/enterprises/import");
        var csv = new ByteArrayContent(new byte[11 * MB]);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var posted = await city.PostAsync("/enterprises/import/upload",
            new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { csv, "file", "企业名单.csv" } }, Ct);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal("/enterprises/import?error=toolarge", posted.Headers.Location!.OriginalString);
        Assert.Equal("文件超过10MB的上限，请拆分后分批导入。", (await city.GetDocument("/enterprises/import?error=toolarge")).QuerySelector("[role=alert]")!.TextContent.Trim());
    }
}

public sealed class UploadLimitTestsOnSqlite(SqliteApp app) : UploadLimitTests<SqliteApp>(app);

public sealed class UploadLimitTestsOnPostgres(PostgresApp app) : UploadLimitTests<PostgresApp>(app);
