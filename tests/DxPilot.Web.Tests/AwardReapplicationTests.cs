using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// "动态申报、成熟一批、发布一批" (seed 004 三（三）): an enterprise whose application in an earlier batch is still undecided cannot
/// start another, and the call card says why; a direction recognised before cannot be applied for again (nor its 限报1项
/// partner), another one can; with every direction recognised the card says so. Nothing is created by a refusal.
/// </summary>
public abstract class AwardReapplicationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string Call = ShijiazhuangAward.Call;

    private async Task<(ShijiazhuangAward Arranged, Enterprise Enterprise)> CreateAsync()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var arranged = await ShijiazhuangAward.CreateAsync(app);
        await arranged.OpenBatchAsync(app);
        await using var scope = app.DataScope(ShijiazhuangAward.Programme);
        var enterprise = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Enterprises.AsNoTracking().FirstAsync(e => e.Id == arranged.EnterpriseId, Ct);
        return (arranged, enterprise);
    }

    private async Task<int> ApplicationsOfAsync(Guid enterpriseId)
    {
        await using var scope = app.DataScope(ShijiazhuangAward.Programme);
        return await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.CountAsync(x => x.EnterpriseId == enterpriseId && x.CallId == Call, Ct);
    }

    private async Task<string> CardAsync(string user)
    {
        var client = await app.SignedIn(user);
        var page = await client.GetDocument("/awards");
        Assert.Null(page.QuerySelector($"button[data-start='{Call}']"));
        return page.QuerySelector($"[data-cannot-start='{Call}']")!.TextContent;
    }

    [Theory]
    [InlineData(AwardStatus.Submitted, "待县区审核")]
    [InlineData(AwardStatus.UnderReview, "评审中")]
    [InlineData(AwardStatus.Returned, "已退回修改")]
    public async Task An_application_undecided_in_an_earlier_batch_stops_a_new_one_and_the_card_says_why(AwardStatus state, string label)
    {
        var (a, enterprise) = await CreateAsync();
        await ShijiazhuangAwards.ApplicationAsync(app, enterprise, Call, state, "innovation");
        var why = $"本企业在测试批次的申报（{label}）尚未作出认定结论，结论公布前不能再次申报";

        var refused = await (await app.As(a.Users["enterprise"])).PostAsync($"/api/awards/calls/{Call}/applications", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(why, await refused.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, await ApplicationsOfAsync(a.EnterpriseId));
        Assert.Contains(why, await CardAsync(a.Users["enterprise"]));
    }

    [Fact]
    public async Task An_application_not_recognised_starts_again_in_the_next_batch_from_what_it_wrote()
    {
        var (a, enterprise) = await CreateAsync();
        var earlier = await ShijiazhuangAwards.ApplicationAsync(app, enterprise, Call, AwardStatus.NotRecognised, "innovation");
        var client = await app.As(a.Users["enterprise"]);
        var started = await client.PostAsync($"/api/awards/calls/{Call}/applications", null, Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(2, await ApplicationsOfAsync(a.EnterpriseId));

        // "后续转型提升后可继续申报": the new draft starts from the earlier 申报书 and its direction, and names where it came from.
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetGuid();
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/awards/{id}", Ct);
        Assert.Equal(["innovation"], view.GetProperty("directions").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(("孙经理", "13900002222"), (view.GetProperty("content").GetProperty("contactName").GetString(), view.GetProperty("content").GetProperty("contactPhone").GetString()));
        Assert.Equal((earlier, "测试批次", "本批未通过认定"), (view.GetProperty("carriedFrom").GetProperty("id").GetGuid(),
            view.GetProperty("carriedFrom").GetProperty("batchName").GetString(), view.GetProperty("carriedFrom").GetProperty("stateLabel").GetString()));
        var page = await (await app.SignedIn(a.Users["enterprise"])).GetDocument($"/awards/{id}");
        Assert.Equal("再次申报：由本企业测试批次的申报（本批未通过认定）带入申报书内容、仍可申报的方向及其附件，请按评审意见核对修改后提交；签字盖章的承诺书和申报声明须重新上传。",
            page.QuerySelector("#carried-from")!.TextContent);
        Assert.Equal($"/awards/{earlier}", page.QuerySelector("#carried-from a")!.GetAttribute("href"));

        // The two never share a document: the new draft saved, the earlier application is as it was.
        var saved = await client.PutAsJsonAsync($"/api/awards/{id}", new
        {
            directions = new[] { "innovation" }, content = ShijiazhuangReviews.Innovation("转型提升后的企业基本情况。"), version = view.GetProperty("version").GetInt32(),
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await using var scope = app.DataScope(ShijiazhuangAward.Programme);
        var before = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.AsNoTracking().SingleAsync(x => x.Id == earlier, Ct);
        Assert.Equal(("孙经理", 0), (before.Content.ContactName, before.Content.Texts.Count));
    }

    [Fact]
    public async Task A_recognised_direction_and_its_exclusive_partner_are_refused_on_submission_while_another_direction_goes()
    {
        var (a, enterprise) = await CreateAsync();
        await ShijiazhuangAwards.RecognisedInAsync(app, enterprise, Call, ["lighthouse", "innovation"], "lighthouse");
        var client = await app.As(a.Users["enterprise"]);
        var started = await client.PostAsync($"/api/awards/calls/{Call}/applications", null, Ct);
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var json = await started.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var (id, version) = (json.GetProperty("id").GetGuid(), json.GetProperty("version").GetInt32());
        // Started from the earlier application with only the direction not recognised there.
        Assert.Equal(["innovation"], (await client.GetFromJsonAsync<JsonElement>($"/api/awards/{id}", Ct)).GetProperty("directions").EnumerateArray().Select(d => d.GetString()));

        async Task<List<string>> ProblemsWith(params string[] directions)
        {
            var saved = await client.PutAsJsonAsync($"/api/awards/{id}", new { directions, content = ShijiazhuangReviews.Innovation("企业成立于2010年。"), version }, Ct);
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
            version = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("version").GetInt32();
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/awards/{id}", Ct);
            return view.GetProperty("submissionProblems").EnumerateArray().Select(p => p.GetString()!).ToList();
        }

        Assert.Contains("“小灯塔”标杆企业已在测试批次认定（已认定），不能再次申报", await ProblemsWith("lighthouse"));
        Assert.Contains("数字化车间及智能工厂与测试批次已认定的“小灯塔”标杆企业限报1项，不能再次申报", await ProblemsWith("smartFactory"));
        var submit = await client.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, submit.StatusCode);
        Assert.Contains("限报1项，不能再次申报", await submit.Content.ReadAsStringAsync(Ct));

        // 创新能力显著提升 was not recognised: it goes.
        Assert.DoesNotContain(await ProblemsWith("innovation"), p => p.Contains("认定", StringComparison.Ordinal));
        await ShijiazhuangAwardFiles.SignedScansAsync(client, id);
        var submitted = await client.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger = "submit", version }, Ct);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Every_direction_recognised_leaves_nothing_to_start_and_the_card_names_the_batch()
    {
        var (a, enterprise) = await CreateAsync();
        await ShijiazhuangAwards.RecognisedInAsync(app, enterprise, Call, ["smartFactory", "innovation"], "smartFactory", "innovation");
        var refused = await (await app.As(a.Users["enterprise"])).PostAsync($"/api/awards/calls/{Call}/applications", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var why = "本企业已在测试批次认定为数字化车间及智能工厂、创新能力显著提升企业";
        Assert.Contains(why, await refused.Content.ReadAsStringAsync(Ct));
        Assert.Contains(why, await CardAsync(a.Users["enterprise"]));
        Assert.Equal(1, await ApplicationsOfAsync(a.EnterpriseId));
    }
}

public sealed class AwardReapplicationTestsOnSqlite(SqliteApp app) : AwardReapplicationTests<SqliteApp>(app);

public sealed class AwardReapplicationTestsOnPostgres(PostgresApp app) : AwardReapplicationTests<PostgresApp>(app);
