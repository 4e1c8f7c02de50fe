using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.ShijiazhuangReviews;

namespace DxPilot.Web.Tests;

/// <summary>
/// The award review pages as a browser without script uses them: the city's page of a batch by pilot industry posting one panel and
/// reading each result, the expert's task list and scoring form keeping its values on a mistake and read-only once handed in.
/// </summary>
public abstract class AwardReviewPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{

    [Fact]
    public async Task The_city_assigns_an_industrys_panel_on_its_page_and_the_expert_scores_on_its_own()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var served = await EnterpriseAsync(app, $"石家庄药业{suffix}有限公司", "正定县");
        var plain = await EnterpriseAsync(app, $"石家庄制药{suffix}有限公司", "新华区");
        var provider = new Organisation { ProgrammeId = Programme, Name = $"石家庄数智服务{suffix}有限公司", Kind = OrganisationKind.ServiceProvider, Uscc = TestData.NewUscc("130123") };
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            db.Organisations.Add(provider);
            db.Assignments.Add(AssignmentPolicy.Assign(Actor.System(Programme, "测试数据"), served, provider, [], null, DateTime.UtcNow).Assignment!);
            await db.SaveChangesAsync();
        }
        var accounts = new ProgrammeAccounts(app, Programme);
        var cityUser = await accounts.UserAsync(Role.CityBureau);
        var api = await app.As(cityUser);
        var batches = await api.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{Shuzhi}/batches");
        foreach (var open in batches.EnumerateArray().Where(b => b.GetProperty("isOpen").GetBoolean()))
            await Ok(await api.PostAsync($"/api/awards/calls/{Shuzhi}/batches/{open.GetProperty("id").GetGuid()}/close", null));
        await Ok(await api.PostAsJsonAsync($"/api/awards/calls/{Shuzhi}/batches", new { name = (string?)null }));
        var ids = new List<Guid>();
        foreach (var e in new[] { served, plain })
        {
            var client = await app.As(await accounts.UserAsync(Role.Enterprise, enterprise: e.Id));
            var id = (await Ok(await client.PostAsync($"/api/awards/calls/{Shuzhi}/applications", null))).GetProperty("id").GetGuid();
            await using var scope = app.DataScope(Programme);
            await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.Where(x => x.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, AwardStatus.UnderReview).SetProperty(x => x.Revision, 1)
                    .SetProperty(x => x.Directions, "|lighthouse|innovation|"));
            ids.Add(id);
        }
        var conflicted = (await ExpertsAsync(app, 1, provider.Id)).Single();
        var other = (await ExpertsAsync(app, 1)).Single();

        var city = await app.SignedIn(cityUser);
        var page = await city.GetDocument($"/awards/calls/{Shuzhi}/review");
        Assert.Contains("生物医药制造业（评审中2项）", page.Body!.TextContent);
        Assert.Contains("每项申报至少须有3名专家提交评审意见", page.QuerySelector("#basis")!.TextContent);
        var form = page.QuerySelectorAll("form.panel-form").Single(f => f.QuerySelector("input[name='Form.Industry']")!.GetAttribute("value") == Biomedicine);
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("_handler", form.QuerySelector("input[name=_handler]")!.GetAttribute("value")!),
            new("Form.Industry", Biomedicine),
            new("Form.Experts", await UserIdAsync(app, conflicted)),
            new("Form.Experts", await UserIdAsync(app, other)),
        };
        // No expert ticked posts no Form.Experts at all: the board says to pick one, not 500.
        var none = await city.PostAsync($"/awards/calls/{Shuzhi}/review", new FormUrlEncodedContent(fields.Where(f => f.Key != "Form.Experts")));
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Equal("请选择至少一名评审专家", PageClient.Parse(await none.Content.ReadAsStringAsync()).QuerySelector("#message")!.TextContent);
        var posted = await city.PostAsync($"/awards/calls/{Shuzhi}/review", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var result = PageClient.Parse(await posted.Content.ReadAsStringAsync());
        Assert.Equal("指派结果：已指派3项，未指派1项", result.QuerySelector("#panel-results h2")!.TextContent);
        var refusedRow = result.QuerySelectorAll("#results tbody tr").Single(r => r.TextContent.Contains("未指派"));
        Assert.Contains(served.Name, refusedRow.TextContent);
        Assert.Contains("利益冲突：该专家所在单位是该企业的服务商，不能评审其申报", refusedRow.TextContent);
        // Without the form's token the post is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await city.PostAsync($"/awards/calls/{Shuzhi}/review",
            new FormUrlEncodedContent(fields.Skip(1)))).StatusCode);

        var expert = await app.SignedIn(other);
        var tasks = await expert.GetDocument("/awards/review");
        Assert.Equal(2, tasks.QuerySelectorAll("#tasks tbody tr").Length);
        var link = tasks.QuerySelectorAll("#tasks tbody tr").Single(r => r.TextContent.Contains(served.Name)).QuerySelector("a")!.GetAttribute("href")!;
        var scoring = await expert.GetDocument(link);
        var reviewForm = scoring.QuerySelector("#review-form")!;
        var answers = new Dictionary<string, string>
        {
            ["_handler"] = "award-review",
            ["__RequestVerificationToken"] = reviewForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Form.Version"] = reviewForm.QuerySelector("input[name='Form.Version']")!.GetAttribute("value")!,
            ["Form.Scores[lighthouse.digitalEquipment]"] = "15", ["Form.Scores[lighthouse.networked]"] = "16", ["Form.Scores[lighthouse.scenarios]"] = "18",
            ["Form.Scores[lighthouse.level]"] = "20", ["Form.Scores[lighthouse.leadership]"] = "12", ["Form.Scores[lighthouse.innovation]"] = "10",
            ["Form.Scores[innovation.improvement]"] = "70", ["Form.Recommendation"] = "recognise",
        };
        var bad = await expert.PostAsync(link, new FormUrlEncodedContent(answers));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var again = PageClient.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Contains("“数字化生产设备联网率（或上云率）不低于50%（“小灯塔”标杆企业）”应为0到15之间的整数", again.Body!.TextContent);
        Assert.Contains("请填写评审意见，说明推荐或不推荐的理由", again.Body.TextContent);
        Assert.Equal("18", again.QuerySelector("[id='s-lighthouse.scenarios']")!.GetAttribute("value"));

        answers["Form.Scores[lighthouse.networked]"] = "14";
        answers["Form.Opinion"] = "场景覆盖完整，创新投入提升幅度一般。";
        var handedIn = await expert.PostAsync(link, new FormUrlEncodedContent(answers));
        Assert.Equal(HttpStatusCode.Redirect, handedIn.StatusCode);
        Assert.Equal("评审意见已提交，市级主管部门据此认定。", (await expert.GetDocument(handedIn.Headers.Location!.ToString())).QuerySelector("#done")!.TextContent);
        var done = await expert.GetDocument(link);
        Assert.Null(done.QuerySelector("#review-form"));
        Assert.Equal("159", done.QuerySelector("#total")!.TextContent);
        Assert.Equal("推荐认定", done.QuerySelector("#recommendation")!.TextContent);

        // The city reads it beside the application: each direction's total and the recommendation.
        var board = await city.GetDocument($"/awards/calls/{Shuzhi}/review");
        var row = board.QuerySelectorAll("tr").Single(r => r.TextContent.Contains(served.Name));
        Assert.Contains("“小灯塔”标杆企业 89分，创新能力显著提升企业 70分", row.TextContent);
        Assert.Contains("推荐认定", row.TextContent);
        Assert.Contains("已提交1份（指派1名），须至少3名专家全部提交", row.TextContent);
        // And on the application itself, where it decides: each criterion's score, the total, the recommendation and the opinion.
        var detail = (await city.GetDocument($"/awards/{ids[0]}")).QuerySelector("#expert-reviews")!;
        Assert.Contains("第1次提交（指派1名专家，已提交1份）", detail.TextContent);
        Assert.Equal("159", detail.QuerySelector("[data-total]")!.TextContent);
        Assert.Equal("推荐认定", detail.QuerySelector("[data-recommendation]")!.TextContent);
        Assert.EndsWith("：场景覆盖完整，创新投入提升幅度一般。", detail.QuerySelector("[data-opinion]")!.TextContent);
        Assert.Contains(detail.QuerySelectorAll("tr"), r => r.TextContent.Contains("数字化生产设备联网率（或上云率）不低于50%") && r.TextContent.EndsWith("14"));
        // The county and the enterprise do not read the experts' opinions.
        Assert.Null((await (await app.SignedIn(await accounts.UserAsync(Role.DistrictBureau, district: "正定县"))).GetDocument($"/awards/{ids[0]}")).QuerySelector("#expert-reviews"));
        Assert.Null((await (await app.SignedIn(await accounts.UserAsync(Role.Enterprise, enterprise: served.Id))).GetDocument($"/awards/{ids[0]}")).QuerySelector("#expert-reviews"));

        // Another expert's task is not found on the page.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn(conflicted)).GetAsync(link)).StatusCode);

        // The expert's list: the open one first, each under its call and batch; narrowed to open or handed-in ones, or by name.
        var list = await expert.GetDocument("/awards/review");
        Assert.Equal([plain.Name, served.Name], Names(list));
        Assert.Contains("石家庄市中小企业数字化转型试点城市“数智”标杆中小企业申报 第", list.QuerySelectorAll("#tasks tbody tr")[0].TextContent);
        Assert.Equal([plain.Name], Names(await expert.GetDocument("/awards/review?state=open")));
        var closed = await expert.GetDocument("/awards/review?state=closed");
        Assert.Equal([served.Name], Names(closed));
        Assert.Contains("已提交（", closed.QuerySelector("#tasks tbody tr")!.TextContent);
        Assert.Equal([served.Name], Names(await expert.GetDocument($"/awards/review?search={Uri.EscapeDataString($"药业{suffix}")}")));
        // A page past the end shows the last one; a name that matches nothing says so.
        Assert.Equal(2, (await expert.GetDocument("/awards/review?page=9")).QuerySelectorAll("#tasks tbody tr").Length);
        Assert.Equal("没有符合条件的评审任务。", (await expert.GetDocument("/awards/review?search=不存在的企业&state=open")).QuerySelector("#empty")!.TextContent);
        // The list is an expert's: the city is refused in Chinese.
        var refused = await city.GetAsync("/awards/review");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("评审任务由专家查看", PageClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#refusal")!.TextContent);
    }

    private static string[] Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("#tasks tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToArray();
}

public sealed class AwardReviewPageTestsOnSqlite(SqliteApp app) : AwardReviewPageTests<SqliteApp>(app);
