using System.Net;
using AngleSharp.Html.Parser;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.Pictures;

namespace DxPilot.Web.Tests;

/// <summary>
/// The Heilongjiang demonstration-benchmark self-score (seed 000) through its pages: item points and sub-totals from the
/// seed's table, the evidence rule, the preconditions as hard stops on submission, upload refusals, and who sees what.
/// </summary>
public abstract class BenchmarkTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static readonly HtmlParser Html = new();

    private async Task<(BenchmarkBrowser Browser, Guid EnterpriseId)> ApplicantAsync(string district = "哈尔滨市", string foundedOn = "2015-03-01")
    {
        var (user, id) = await HeilongjiangAccounts.EnterpriseAsync(app, district, foundedOn);
        return (await BenchmarkBrowser.SignInAsync(app, user), id);
    }

    private static void Prove(Dictionary<string, string> f, int item, string description = "已上线相关系统并在生产中使用。")
    {
        f[$"Form.Items[{item}].Answer"] = "是";
        f[$"Form.Items[{item}].Description"] = description;
    }

    /// <summary>Text of the element marked with the data attribute, e.g. the sub-indicator cell "10 / 10".</summary>
    private static string Cell(string page, string attribute, string name) =>
        Html.ParseDocument(page).QuerySelector($"[{attribute}=\"{name}\"]")!.TextContent.Trim();

    private static string Score(string page) => Html.ParseDocument(page).QuerySelector("#self-score")!.TextContent.Trim();

    [Fact]
    public async Task An_item_scores_its_seed_points_only_with_a_description_and_a_picture()
    {
        var (browser, _) = await ApplicantAsync();
        var saved = await browser.FillAsync(f =>
        {
            Prove(f, 1);
            Prove(f, 2);
            Prove(f, 3, "PLM、PDM已上线，设计与工艺协同。");
            f["Form.Items[4].Answer"] = "否";
        }, "save", Picture(1), Picture(2));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.EndsWith("/benchmark/self-score?saved=true", saved.Headers.Location!.ToString());

        // Seed 000: items 1-3 are 2, 3 and 5 points; item 3 answered 是 without a picture earns 0, with the reason.
        var page = await browser.PageAsync();
        Assert.Equal("5", Score(page));
        Assert.Equal("5 / 10", Cell(page, "data-subindicator", "研发设计数字化"));
        Assert.Equal("5 / 50", Cell(page, "data-dimension", "数字化改造"));
        Assert.Contains("第3项选择“是”但缺少图片证明（至少1张；相关功能系统软件截图，相关模块软件合同，研发周期成效说明。），计0分", page);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.FillAsync(_ => { }, "save", Picture(3))).StatusCode);
        page = await browser.PageAsync();
        Assert.Equal("10", Score(page));
        Assert.Equal("10 / 10", Cell(page, "data-subindicator", "研发设计数字化"));
        Assert.DoesNotContain("第3项选择“是”但缺少", page);
    }

    [Fact]
    public async Task Every_item_proven_scores_100_with_the_seed_subtotals()
    {
        var (browser, _) = await ApplicantAsync();
        var saved = await browser.FillAsync(f => { for (var i = 1; i <= 30; i++) Prove(f, i); },
            "save", Enumerable.Range(1, 30).Select(i => Picture(i)).ToArray());
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await browser.PageAsync();
        Assert.Equal("100", Score(page));
        Assert.Equal("50 / 50", Cell(page, "data-dimension", "数字化改造"));
        Assert.Equal("25 / 25", Cell(page, "data-dimension", "网络化协同"));
        Assert.Equal("25 / 25", Cell(page, "data-dimension", "智能化升级"));
        foreach (var (name, points) in new[] { ("研发设计数字化", 10), ("关键工序装备数字化", 15), ("生产管理数字化", 25), ("企业内部联网上云", 10),
                     ("产业链和产业集群协同创新", 15), ("产品和服务智能化", 15), ("企业管理智能化", 10) })
            Assert.Equal($"{points} / {points}", Cell(page, "data-subindicator", name));
    }
}

public sealed class BenchmarkTestsOnSqlite(SqliteApp app) : BenchmarkTests<SqliteApp>(app);

public sealed class BenchmarkTestsOnPostgres(PostgresApp app) : BenchmarkTests<PostgresApp>(app);
