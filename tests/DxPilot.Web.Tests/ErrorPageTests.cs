using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Operations;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>Errors as users meet them: a Chinese 404 page that is the same for a missing record and one out of scope, a Chinese
/// 403, the error page with its number (never the developer page), and ProblemDetails in Chinese for every 4xx of the API.</summary>
public sealed class ErrorPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string NotFoundTitle = "找不到该页面或记录";

    [Fact]
    public async Task An_enterprise_out_of_scope_answers_exactly_the_404_page_of_one_that_does_not_exist()
    {
        Guid binjiang;
        await using (var scope = app.DataScope())
            binjiang = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Enterprises
                .Where(e => e.District == "滨江区").Select(e => e.Id).FirstAsync();
        var xihu = await app.SignedIn("hz-xihu");

        foreach (var path in new[] { "/enterprises/{0}", "/enterprises/{0}/assessments", "/enterprises/{0}/edit" })
        {
            var outOfScope = await xihu.GetAsync(string.Format(path, binjiang));
            var missing = await xihu.GetAsync(string.Format(path, Guid.NewGuid()));
            foreach (var response in new[] { outOfScope, missing })
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            }
            var (a, b) = (await PageText(outOfScope), await PageText(missing));
            Assert.Contains(NotFoundTitle, a);
            Assert.Equal(a, b);
        }
        // The enterprise exists: its own district sees it.
        var own = await app.SignedIn("hz-binjiang");
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/enterprises/{binjiang}")).StatusCode);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/enterprises/not-a-guid")]
    [InlineData("/favicon.ico")]
    public async Task An_unknown_address_answers_the_chinese_404_page(string path)
    {
        var client = await app.SignedIn("hz-city");
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(NotFoundTitle, await PageText(response));
    }

    [Fact]
    public async Task A_page_asked_with_a_method_it_does_not_take_answers_a_chinese_405_page()
    {
        var client = await app.SignedIn("hz-city");
        var response = await client.DeleteAsync("/enterprises");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("不支持该操作方式", await PageText(response));
    }

    [Fact]
    public async Task A_page_the_role_may_not_use_answers_a_chinese_403()
    {
        var client = await app.SignedIn("hz-enterprise");
        var response = await client.GetAsync("/enterprises/new");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("工信主管部门", await PageText(response));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_gets_a_chinese_page_saying_to_reload()
    {
        var response = await app.Anonymous().PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.UserName"] = "hz-city", ["Input.Password"] = DxPilotApp.Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("请刷新页面后重新提交", await PageText(response));
    }

    [Fact]
    public async Task An_unexpected_error_shows_the_chinese_error_page_with_its_number_even_in_development()
    {
        var outage = new Outage();
        await using var factory = app.Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IInterceptor>(outage)));
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await PageClient.SignIn(client, "hz-city");

        outage.Down = true;
        var page = await client.GetAsync("/enterprises");
        var api = await client.GetAsync("/api/enterprises");
        outage.Down = false;

        Assert.Equal(HttpStatusCode.InternalServerError, page.StatusCode);
        var document = PageClient.Parse(await page.Content.ReadAsStringAsync());
        Assert.Contains("系统出现错误", document.Body!.TextContent);
        Assert.DoesNotContain(Outage.Message, document.Body.TextContent);
        Assert.Equal(Assert.Single(page.Headers.GetValues(Correlation.Header)), document.QuerySelector("code")!.TextContent);

        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
        var problem = await Problem(api);
        Assert.Equal("系统出现错误", problem.GetProperty("title").GetString());
        Assert.Equal(Assert.Single(api.Headers.GetValues(Correlation.Header)), problem.GetProperty("correlationId").GetString());
    }

    public static TheoryData<string, string, string?, string?, int> ApiRefusals => new()
    {
        // method, path, content type, body, status
        { "POST", "/api/enterprises", "application/json", """{"name":""", 400 },
        { "POST", "/api/enterprises", "application/json", """{"name":"某公司","employees":"很多"}""", 400 },
        { "POST", "/api/enterprises", "text/plain", "某公司", 415 },
        { "POST", "/api/enterprises", "application/json", null, 400 },
        { "PATCH", "/api/enterprises", null, null, 405 },
        { "GET", "/api/no-such-thing", null, null, 404 },
        { "GET", "/api/enterprises/00000000-0000-0000-0000-000000000001", null, null, 404 },
        { "GET", "/api/assessments/00000000-0000-0000-0000-000000000001?target=abc", null, null, 400 },
    };

    [Theory]
    [MemberData(nameof(ApiRefusals))]
    public async Task Every_api_refusal_is_problem_details_with_a_chinese_title(string method, string path, string? contentType, string? body, int status)
    {
        var client = await app.As("hz-city");
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (contentType is not null) request.Content = new StringContent(body ?? "", Encoding.UTF8, contentType);
        var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        var problem = await Problem(response);
        Assert.True(IsChinese(problem.GetProperty("title").GetString()), problem.ToString());
        if (problem.TryGetProperty("detail", out var detail)) Assert.True(IsChinese(detail.GetString()), problem.ToString());
    }

    [Fact]
    public async Task The_api_says_in_chinese_which_parameter_or_json_field_it_could_not_read()
    {
        var client = await app.As("hz-city");
        var target = await Problem(await client.GetAsync("/api/assessments/00000000-0000-0000-0000-000000000001?target=abc"));
        Assert.Contains("参数 target 的值“abc”无法识别", target.GetProperty("detail").GetString());
        var json = await Problem(await client.PostAsync("/api/enterprises",
            new StringContent("""{"name":"某公司","employees":"很多"}""", Encoding.UTF8, "application/json")));
        Assert.Contains("$.employees", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_api_answers_401_without_sign_in_in_chinese()
    {
        var response = await app.Anonymous().GetAsync("/api/enterprises");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("请先登录", (await Problem(response)).GetProperty("title").GetString());
    }

    private static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static async Task<JsonElement> Problem(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The page's main text without its error number, which differs per request.</summary>
    private static async Task<string> PageText(HttpResponseMessage response)
    {
        var document = PageClient.Parse(await response.Content.ReadAsStringAsync());
        foreach (var code in document.QuerySelectorAll("code").ToList()) code.Remove();
        return document.QuerySelector("main")?.TextContent.Trim() ?? document.Body!.TextContent;
    }

    private sealed class Outage : DbCommandInterceptor
    {
        public const string Message = "测试：数据库连接中断";
        public volatile bool Down;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData data, InterceptionResult<DbDataReader> result, CancellationToken ct = default) =>
            Down ? throw new InvalidOperationException(Message) : ValueTask.FromResult(result);
    }
}
