using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// Shijiazhuang's demo 数智 batches (Features/Awards/AwardDemoBatches), read as the demo accounts read them: 第一批 closed with
/// three recognised applications on its published list, at seed 004 附件1's amounts (小灯塔 30万 and 创新 10万, 车间 20万, 创新
/// 10万); 第二批 open with one application recommended and one under review with two of three reviews in, which the city's batch
/// actions and sjz-expert3 carry on; a second seeding adds nothing.
/// </summary>
public abstract class AwardDemoDataTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Call = "sjz-shuzhi-2025";

    private async Task<(Guid First, Guid Second)> BatchesAsync(HttpClient client)
    {
        var batches = (await client.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{Call}/batches", TestContext.Current.CancellationToken))
            .EnumerateArray().OrderBy(b => b.GetProperty("number").GetInt32()).ToList();
        Assert.Equal(2, batches.Count);
        Assert.Equal((false, true), (batches[0].GetProperty("isOpen").GetBoolean(), batches[1].GetProperty("isOpen").GetBoolean()));
        return (batches[0].GetProperty("id").GetGuid(), batches[1].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_first_batch_is_published_with_three_recognised_enterprises_at_the_seeds_amounts()
    {
        // The list is public within the programme: a county reads the other county's rows too.
        var county = await app.As("sjz-zhengding");
        var (first, _) = await BatchesAsync(county);
        var list = await county.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{Call}/batches/{first}/published", TestContext.Current.CancellationToken);
        var rows = list.GetProperty("items").EnumerateArray()
            .Select(r => (r.GetProperty("enterpriseName").GetString(), r.GetProperty("district").GetString(),
                string.Join("、", r.GetProperty("directions").EnumerateArray().Select(d => d.GetString())), r.GetProperty("amountWan").GetDecimal()))
            .ToList();
        Assert.Equal(
        [
            ("石家庄新华智联电子科技有限公司（演示）", "新华区", "创新能力显著提升企业", 10m),
            ("石家庄正定华康制药有限公司（演示）", "正定县", "“小灯塔”标杆企业、创新能力显著提升企业", 40m),
            ("石家庄正定绿源乳业有限公司（演示）", "正定县", "数字化车间及智能工厂", 20m),
        ], rows);
        Assert.Equal(70m, list.GetProperty("totalWan").GetDecimal());

        // Each was recognised on a 申报书 that breaks none of its directions' criteria (seed 004 附件1's 申报条件). The 申报书 are
        // the city's to read (a county reads only its own).
        var city = await app.As("sjz-city");
        foreach (var row in list.GetProperty("items").EnumerateArray())
        {
            var application = await city.GetFromJsonAsync<JsonElement>($"/api/awards/{row.GetProperty("id").GetGuid()}", TestContext.Current.CancellationToken);
            var notMet = application.GetProperty("criteria").EnumerateArray().SelectMany(d => d.GetProperty("checks").EnumerateArray())
                .Where(c => c.GetProperty("verdict").GetString() == "notMet").Select(c => c.GetProperty("label").GetString());
            Assert.Empty(notMet);
        }
    }

    [Fact]
    public async Task The_city_puts_the_recommended_one_under_review_and_recognises_the_other_once_the_third_expert_has_reviewed_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var city = await app.As("sjz-city");
        var (_, second) = await BatchesAsync(city);
        var items = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/?call={Call}&batch={second}", ct)).GetProperty("items").EnumerateArray().ToList();
        var recommended = items.Single(i => i.GetProperty("state").GetString() == "recommended").GetProperty("id").GetGuid();
        var underReview = items.Single(i => i.GetProperty("state").GetString() == "underReview").GetProperty("id").GetGuid();
        Assert.Equal(2, items.Count);

        var reviews = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{underReview}/reviews", ct)).EnumerateArray().ToList();
        Assert.Equal((3, 2), (reviews.Count, reviews.Count(r => r.GetProperty("submittedAt").ValueKind != JsonValueKind.Null)));

        await DoneAsync(city, "startReview", recommended);
        // Bulk 认定 refuses the one still waiting for sjz-expert3, with the guard's reason.
        var refused = await BatchAsync(city, "recognise", underReview);
        Assert.Equal(0, refused.GetProperty("done").GetInt32());
        Assert.Contains("还有1名专家未提交评审意见", refused.GetProperty("items")[0].GetProperty("message").GetString());

        var expert = await app.As("sjz-expert3");
        var open = (await expert.GetFromJsonAsync<JsonElement>("/api/awards/review", ct)).EnumerateArray().Where(r => r.GetProperty("open").GetBoolean()).ToList();
        Assert.Equal(underReview, Assert.Single(open).GetProperty("id").GetGuid());
        await ShijiazhuangReviews.ScoreAsync(expert, underReview);
        await DoneAsync(city, "recognise", underReview);
        var recognised = await city.GetFromJsonAsync<JsonElement>($"/api/awards/{underReview}", ct);
        // 小灯塔 alone: 30万 (seed 004 附件1 一（一）).
        Assert.Equal(("recognised", 30m), (recognised.GetProperty("state").GetString(), recognised.GetProperty("recognisedAmountWan").GetDecimal()));
    }

    [Fact]
    public async Task A_second_seeding_adds_no_application_batch_review_or_revision()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = app.DataScope(DemoData.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        async Task<(int, int, int, int)> Counts() => (await db.AwardApplications.CountAsync(ct), await db.AwardBatches.CountAsync(ct),
            await db.AwardExpertReviews.CountAsync(ct), await db.AwardRevisions.CountAsync(ct));
        var before = await Counts();
        await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(ct);
        Assert.Equal(before, await Counts());
    }

    private static async Task<JsonElement> BatchAsync(HttpClient city, string action, Guid id)
    {
        var version = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{id}")).GetProperty("version").GetInt32();
        return await ShijiazhuangReviews.Ok(await city.PostAsJsonAsync("/api/awards/batch",
            new { call = Call, action, ids = new[] { id }, versions = new Dictionary<Guid, int> { [id] = version } }));
    }

    private static async Task DoneAsync(HttpClient city, string action, Guid id)
    {
        var result = await BatchAsync(city, action, id);
        Assert.True(result.GetProperty("done").GetInt32() == 1, result.ToString());
    }
}

public sealed class AwardDemoDataTestsOnSqlite(SqliteApp app) : AwardDemoDataTests<SqliteApp>(app);

public sealed class AwardDemoDataTestsOnPostgres(PostgresApp app) : AwardDemoDataTests<PostgresApp>(app);
