using System.Net;
using AngleSharp.Html.Dom;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// The 服务合同 page as a browser posts it: the last line removed leaves a form that still answers (no line is no crash), every
/// problem of a post is told at once with everything typed kept, and the form carries the attributes by which form-copy.js keeps
/// what is typed until the contract is saved (the restore itself: FormCopyTests in DxPilot.E2E).
/// </summary>
public abstract class ContractPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(HangzhouFiling H, Guid Filing, HttpClient Browser)> StartedAsync()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.StartAsync(app);
        (await h.SaveAsync(app, id, HangzhouFiling.CompleteAnswers())).EnsureSuccessStatusCode();
        return (h, id, await app.SignedIn(h.Users["enterprise"]));
    }

    /// <summary>The contract form as typed, without any line: the lines are the caller's.</summary>
    private static Dictionary<string, string> Typed(HangzhouFiling h, string token, string command) => new()
    {
        ["_handler"] = "contract", ["__RequestVerificationToken"] = token, ["Form.Version"] = "0", ["Form.Command"] = command,
        ["Form.Number"] = "HZ-DX-2025-021", ["Form.Name"] = "设备联网服务合同", ["Form.PeriodStart"] = "2025-01", ["Form.PeriodEnd"] = "2025-06",
        ["Form.ProviderName"] = h.Provider.Name, ["Form.ProviderUscc"] = h.Provider.Uscc!, ["Form.ProviderContact"] = "吴工",
        ["Form.ProviderPhone"] = "13900001111", ["Form.Work"] = "设备联网", ["Form.FirstPaymentPercent"] = "40",
    };

    private static async Task<IHtmlDocument> Answered(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {html[..Math.Min(html.Length, 600)]}");
        return PageClient.Parse(html);
    }

    private static string[] Errors(IHtmlDocument page) => page.QuerySelectorAll("#contract-form .error").Select(e => e.TextContent).ToArray();

    [Fact]
    public async Task Removing_the_only_line_keeps_the_form_working_and_a_save_without_lines_asks_for_one()
    {
        var (h, id, browser) = await StartedAsync();
        var path = $"/filings/{id}/contracts/new";
        var token = await PageClient.Token(browser, path);

        var removed = await Answered(await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>(Typed(h, token, "remove:0"))
        {
            ["Form.Lines[0].Name"] = "设备联网网关", ["Form.Lines[0].UnitPrice"] = "11500.00", ["Form.Lines[0].Quantity"] = "2",
        }), Ct), HttpStatusCode.OK);
        Assert.Empty(removed.QuerySelectorAll("#contract-lines tbody tr"));
        Assert.Equal("HZ-DX-2025-021", removed.QuerySelector("input[name='Form.Number']")!.GetAttribute("value"));

        // The page above posts no line field at all: the save is refused for want of a line, everything else as typed.
        var refused = await Answered(await browser.PostAsync(path, new FormUrlEncodedContent(Typed(h, token, "save")), Ct), HttpStatusCode.BadRequest);
        Assert.Equal("提交的内容有误，请按提示修改", refused.QuerySelector("#message")!.TextContent);
        Assert.Equal(["请至少填写一项数字化产品/服务"], Errors(refused));
        Assert.Equal("HZ-DX-2025-021", refused.QuerySelector("input[name='Form.Number']")!.GetAttribute("value"));
        Assert.Equal("设备联网", refused.QuerySelector("textarea[name='Form.Work']")!.TextContent);
        Assert.Equal("40", refused.QuerySelector("input[name='Form.FirstPaymentPercent']")!.GetAttribute("value"));

        // 添加一行 from there adds a line.
        var added = await Answered(await browser.PostAsync(path, new FormUrlEncodedContent(Typed(h, token, "add")), Ct), HttpStatusCode.OK);
        var row = Assert.Single(added.QuerySelectorAll("#contract-lines tbody tr"));
        Assert.NotNull(row.QuerySelector("input[name='Form.Lines[0].Name']"));
        Assert.Equal("吴工", added.QuerySelector("input[name='Form.ProviderContact']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Every_problem_of_a_contract_is_told_at_once_with_what_was_typed_kept()
    {
        var (h, id, browser) = await StartedAsync();
        var path = $"/filings/{id}/contracts/new";
        var token = await PageClient.Token(browser, path);
        var typed = new Dictionary<string, string>(Typed(h, token, "save"))
        {
            ["Form.ProviderUscc"] = "123", ["Form.ProviderPhone"] = "abc", ["Form.FirstPaymentPercent"] = "0",
            ["Form.Lines[0].Name"] = "设备联网网关", ["Form.Lines[0].UnitPrice"] = "十万", ["Form.Lines[0].Quantity"] = "-1",
        };
        var refused = await Answered(await browser.PostAsync(path, new FormUrlEncodedContent(typed), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(
            [
                "乙方统一社会信用代码应为18位，当前为3位",
                "乙方联系电话格式不正确：手机号为11位，座机如“区号-号码”，多个号码用“/”分隔",
                "清单第1项的单价应为数字",
                "清单第1项的订购量应大于0",
                "第一期付款比例应为1至99之间的整数（%），第二期为其余部分",
            ], Errors(refused));
        Assert.Equal("十万", refused.QuerySelector("input[name='Form.Lines[0].UnitPrice']")!.GetAttribute("value"));
        Assert.Equal("-1", refused.QuerySelector("input[name='Form.Lines[0].Quantity']")!.GetAttribute("value"));
        Assert.Equal("123", refused.QuerySelector("input[name='Form.ProviderUscc']")!.GetAttribute("value"));

        // A date that is no date is told as such and nothing is saved, though every other field is right.
        typed = new Dictionary<string, string>(Typed(h, token, "save"))
        {
            ["Form.SignedOn"] = "三月一日", ["Form.StatedTotal"] = "两万三", ["Form.Lines[0].Name"] = "设备联网网关",
            ["Form.Lines[0].UnitPrice"] = "11500.00", ["Form.Lines[0].Quantity"] = "2",
        };
        refused = await Answered(await browser.PostAsync(path, new FormUrlEncodedContent(typed), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["签订日期应为日期，如 2025-03-01", "合同总价应为数字"], Errors(refused));
        Assert.Null((await browser.GetDocument($"/filings/{id}")).QuerySelector("#filing-contracts tbody tr"));
    }

    [Fact]
    public async Task The_contract_form_keeps_a_copy_until_its_save_lands()
    {
        var (h, id, browser) = await StartedAsync();
        var path = $"/filings/{id}/contracts/new";
        var blank = await browser.GetDocument(path);
        var form = blank.QuerySelector("#contract-form")!;
        var key = form.GetAttribute("data-form-copy")!;
        Assert.StartsWith($"dxpilot-contract-new:{id}:", key);
        Assert.Equal("服务合同", form.GetAttribute("data-copy-what"));
        Assert.Equal("contract-new-copy-status", form.GetAttribute("data-copy-status"));
        Assert.False(form.HasAttribute("data-refused"));
        Assert.NotNull(blank.QuerySelector("#contract-new-copy-status"));
        // The row form-copy.js makes the lines of a copy from, beyond those the page renders.
        Assert.NotNull(form.QuerySelector("#contract-lines tbody template[data-copy-rows]"));

        var token = await PageClient.Token(browser, path);
        var lines = new Dictionary<string, string>(Typed(h, token, "add"))
        {
            ["Form.Lines[0].Name"] = "设备联网网关", ["Form.Lines[0].UnitPrice"] = "11500.00", ["Form.Lines[0].Quantity"] = "2",
        };
        // A page showing a post back (a line added) shows unsaved values.
        var added = await Answered(await browser.PostAsync(path, new FormUrlEncodedContent(lines), Ct), HttpStatusCode.OK);
        Assert.Equal("true", added.QuerySelector("#contract-form")!.GetAttribute("data-refused"));

        lines["Form.Command"] = "save";
        var saved = await browser.PostAsync(path, new FormUrlEncodedContent(lines), Ct);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var landed = saved.Headers.Location!.OriginalString;
        Assert.EndsWith("?done=saved&created=true", landed);
        var contract = await browser.GetDocument(landed);
        Assert.Equal(key, contract.QuerySelector("#done")!.GetAttribute("data-copy-posted"));
        Assert.Equal("created", contract.QuerySelector("#done")!.GetAttribute("data-copy-posted-flag"));
        var contractId = landed.Split('?')[0].Split('/')[^1];
        Assert.StartsWith($"dxpilot-contract:{contractId}:", contract.QuerySelector("#contract-form")!.GetAttribute("data-form-copy"));
        Assert.NotNull(contract.QuerySelector("#contract-copy-status"));
        // Opened again without the flag, the page lets go of nothing.
        Assert.Null((await browser.GetDocument(landed.Replace("&created=true", ""))).QuerySelector("[data-copy-posted]"));
    }
}

public sealed class ContractPageTestsOnSqlite(SqliteApp app) : ContractPageTests<SqliteApp>(app);

public sealed class ContractPageTestsOnPostgres(PostgresApp app) : ContractPageTests<PostgresApp>(app);
