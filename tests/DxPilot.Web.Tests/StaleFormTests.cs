using System.Net;
using AngleSharp.Html.Dom;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>A page draws some forms only in some states (the project's 登记拨付 only while money is due). A form posted from a tab
/// opened before the state changed names a form the page no longer draws: the user gets the platform's Chinese page, in its layout,
/// saying the page is out of date (409), with a link back to the page, and nothing is saved. In every environment: the framework
/// answers this with a bare 400 of its own (English text in Development, an empty page otherwise).</summary>
public sealed class StaleFormTests(SqliteApp app) : IClassFixture<SqliteApp>
{

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_payment_form_from_a_tab_opened_before_the_project_was_paid_in_full_gets_the_out_of_date_page_and_records_nothing()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        // MES 300,000.00 + gateways 100,000.00 eligible × 50 % = 20.00万元 due.
        var project = await MoneyProjects.AuditedAsync(app, $"过期表单{tag}", 300000.00m);
        var api = await app.As(project.Project.Users["city"]);
        await MoneyProjects.ApproveAsync(api, $"批次{tag}", project.Id);
        var city = await app.SignedIn(project.Project.Users["city"]);
        var path = $"/projects/{project.Id}";
        var oldTab = await city.GetDocument(path);
        var fields = Fields(oldTab, "#payment-form");

        // Another tab records the whole amount: the project is paid, and its page no longer draws the payment form.
        await MoneyProjects.PayAsync(api, project.Id, 20.00m, $"PZ-{tag}-1");
        Assert.Null((await city.GetDocument(path)).QuerySelector("#payment-form"));
        var before = await Saved(project.Id);

        fields["amountWan"] = "5.00";
        fields["voucherNo"] = $"PZ-{tag}-2";
        var response = await city.PostAsync(path, new FormUrlEncodedContent(fields), Ct);

        var page = await OutOfDatePage(response, path);
        Assert.Contains("改造项目", page.QuerySelector("header.top nav")!.TextContent);
        Assert.Equal(before, await Saved(project.Id));
    }

    [Fact]
    public async Task A_post_naming_a_form_the_page_does_not_draw_gets_the_out_of_date_page_outside_development_too()
    {
        await using var production = app.Factory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        var client = production.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.SignIn(client, "hz-city")).StatusCode);
        var page = await client.GetDocument("/account/password");
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "no-such-form",
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        };

        var response = await client.PostAsync("/account/password?from=tab", new FormUrlEncodedContent(fields), Ct);

        var shown = await OutOfDatePage(response, "/account/password?from=tab");
        Assert.NotNull(shown.QuerySelector("header.top nav"));
        // Still signed in with the same password: the post changed nothing.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/password", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_page_post_that_names_no_form_gets_the_chinese_400_page_not_the_framework_text()
    {
        var client = await app.SignedIn("hz-city");
        var page = await client.GetDocument("/account/password");
        var response = await client.PostAsync("/account/password", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var shown = PageClient.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("请求无法识别", shown.Body!.TextContent);
        Assert.DoesNotContain("POST request", shown.Body.TextContent);
        Assert.NotNull(shown.QuerySelector("header.top nav"));
    }

    /// <summary>The 409 page: Chinese, with the platform's layout, no framework text, a link back to <paramref name="back"/>.</summary>
    private static async Task<IHtmlDocument> OutOfDatePage(HttpResponseMessage response, string back)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{response.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = PageClient.Parse(html);
        Assert.Equal("页面已过期", page.QuerySelector("main h1")!.TextContent);
        Assert.Contains("该表单已不可用（可能已由他人处理或状态已变化），请返回刷新后重试", page.QuerySelector("main")!.TextContent);
        Assert.DoesNotContain("Cannot submit", html);
        Assert.NotNull(page.QuerySelector("header.top a.brand"));
        var link = page.QuerySelector("a#back");
        Assert.NotNull(link);
        Assert.Equal(back, link.GetAttribute("href"));
        Assert.Contains("返回", link.TextContent);
        return page;
    }

    /// <summary>What a payment would change: the project's payments, status and version, and the audit entries.</summary>
    private async Task<string> Saved(Guid id)
    {
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var project = await db.Projects.AsNoTracking().SingleAsync(p => p.Id == id, Ct);
        var payments = await db.ProjectPayments.AsNoTracking().Where(x => x.ProjectId == id).CountAsync(Ct);
        var audit = await db.AuditEntries.AsNoTracking().CountAsync(Ct);
        return $"{project.Status} v{project.Version} {payments} payments {audit} audit entries";
    }

    private static Dictionary<string, string> Fields(IHtmlDocument page, string form) =>
        page.QuerySelector(form)!.QuerySelectorAll("input[name]")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
}
