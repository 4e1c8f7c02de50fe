using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Web.Tests.Support;
using static DxPilot.Web.Tests.Support.ShijiazhuangReviews;

namespace DxPilot.Web.Tests;

/// <summary>
/// Seed 004 end to end over the HTTP API, one direction at a time: an accepted enterprise applies (小灯塔 with four scenarios; 车间
/// alone, the two counting as one), a lead files a 链式 case its 8 SMEs confirm; the county recommends after its site check, the city
/// puts it under review, three experts without conflict score it, and the city recognises it. The amount recognised (30 / 20 / 50
/// 万元, seed 004 附件1 and 附件2) is the application's and lands in the county's 奖补 figure of the dashboard (read before and after).
/// Only the accepted transformation is arranged in the database (Shijiazhuang has no project chain on the platform).
/// </summary>
public abstract class AwardThroughTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Chain = "sjz-chain-2025";
    private const string Site = "2025年8月5日现场核查，生产现场与申报材料一致";

    private static Task<HttpResponseMessage> Step(HttpClient client, Guid id, string trigger, int version, string? siteCheckNote = null) =>
        client.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger, siteCheckNote, version });

    /// <summary>正定县's recognised count and 万元 in one direction, as the city's dashboard JSON states them.</summary>
    private static async Task<(int Count, decimal Wan)> FigureAsync(HttpClient city, string direction)
    {
        var json = await city.GetFromJsonAsync<JsonElement>("/api/dashboard");
        var county = json.GetProperty("awards").GetProperty("districts").EnumerateArray().FirstOrDefault(d => d.GetProperty("district").GetString() == "正定县");
        if (county.ValueKind == JsonValueKind.Undefined) return (0, 0m);
        var cell = county.GetProperty("directions").EnumerateArray().Single(d => d.GetProperty("direction").GetString() == direction);
        return (cell.GetProperty("count").GetInt32(), cell.GetProperty("amountWan").GetDecimal());
    }

    /// <summary>From the submitted application to 已认定: the county's recommendation with its site check, 纳入评审, three experts, 认定.</summary>
    private async Task<JsonElement> RecognisedAsync(string call, Guid id, int version, string user)
    {
        var accounts = new ProgrammeAccounts(app, Programme);
        var county = await app.As(await accounts.UserAsync(Role.DistrictBureau, district: "正定县"));
        var city = await app.As(await accounts.UserAsync(Role.CityBureau));
        var recommended = await Ok(await Step(county, id, "recommend", version, Site));
        Assert.Equal("recommended", recommended.GetProperty("state").GetString());
        var underReview = await Ok(await Step(city, id, "startReview", recommended.GetProperty("version").GetInt32()));
        await ReviewedAsync(app, city, id, call);
        var reviews = (await city.GetFromJsonAsync<JsonElement>($"/api/awards/{id}/reviews")).EnumerateArray().ToList();
        Assert.Equal(3, reviews.Count(r => r.GetProperty("submittedAt").ValueKind != JsonValueKind.Null));
        await Ok(await Step(city, id, "recognise", underReview.GetProperty("version").GetInt32()));
        var final = await (await app.As(user)).GetFromJsonAsync<JsonElement>($"/api/awards/{id}");
        Assert.Equal(("recognised", Site), (final.GetProperty("state").GetString(), final.GetProperty("siteCheckNote").GetString()));
        Assert.Equal(["提交申报", "审核推荐", "纳入评审批次", "认定"], final.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        return final;
    }

    /// <summary>An accepted enterprise of 正定县 with its account, the call's batch open: (id, user, client).</summary>
    private async Task<(Guid Id, string User, HttpClient Client)> ApplicantAsync(string call)
    {
        var files = new ShijiazhuangAwardFiles(app);
        var (enterpriseId, _, user) = await files.EnterpriseAsync();
        await files.AcceptedProjectAsync(enterpriseId);
        await files.OpenBatchAsync(call);
        return (enterpriseId, user, await app.As(user));
    }

    private static async Task<int> SubmittedAsync(HttpClient client, Guid id, int version)
    {
        var submitted = await Ok(await Step(client, id, "submit", version));
        Assert.Equal(("submitted", 1), (submitted.GetProperty("state").GetString(), submitted.GetProperty("revision").GetInt32()));
        return submitted.GetProperty("version").GetInt32();
    }

    [Fact]
    public async Task A_lighthouse_application_with_four_scenarios_goes_from_application_to_recognised_and_adds_30_wan()
    {
        var (_, user, client) = await ApplicantAsync(Shuzhi);
        var city = await app.As(await new ProgrammeAccounts(app, Programme).UserAsync(Role.CityBureau));
        var before = await FigureAsync(city, "lighthouse");
        var started = await Ok(await client.PostAsync($"/api/awards/calls/{Shuzhi}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var content = new
        {
            texts = new Dictionary<string, object>
            {
                ["lighthouse"] = new
                {
                    sections = new Dictionary<string, string>
                    {
                        ["basics"] = "企业成立于2010年，主营化学原料药。", ["foundation"] = "关键设备数字化率72%，联网率65%。",
                        ["leadership"] = "成立数字化转型领导小组，总经理任组长。", ["plan"] = "未来三年投入1200万元推进全厂数字化。",
                    },
                    scenarios = new[] { 1, 2, 7, 8 }.Select(typical => new
                    {
                        typicalScenario = typical,
                        fields = new Dictionary<string, string> { ["description"] = "场景描述", ["painPoints"] = "痛点", ["results"] = "成效", ["economics"] = "推广" },
                    }).ToArray(),
                },
            },
            entered = new Dictionary<string, decimal> { ["digitalEquipment"] = 72m, ["networked"] = 65m },
            contactName = "孙经理", contactPhone = "13900002222",
        };
        var draft = await Ok(await client.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "lighthouse" }, content, version = started.GetProperty("version").GetInt32() }));
        await ShijiazhuangAwardFiles.SignedScansAsync(client, id);
        var version = await SubmittedAsync(client, id, draft.GetProperty("version").GetInt32());

        var final = await RecognisedAsync(Shuzhi, id, version, user);
        // 小灯塔: 30万 (seed 004 附件1 一（一）).
        Assert.Equal(30m, final.GetProperty("recognisedAmountWan").GetDecimal());
        var after = await FigureAsync(city, "lighthouse");
        Assert.Equal((1, 30m), (after.Count - before.Count, after.Wan - before.Wan));
    }

    [Fact]
    public async Task A_smart_factory_application_alone_goes_from_application_to_recognised_and_adds_20_wan()
    {
        var (_, user, client) = await ApplicantAsync(Shuzhi);
        var city = await app.As(await new ProgrammeAccounts(app, Programme).UserAsync(Role.CityBureau));
        var before = await FigureAsync(city, "smartFactory");
        var started = await Ok(await client.PostAsync($"/api/awards/calls/{Shuzhi}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var sections = new[] { "operations", "itPlan", "itDepartment", "systems", "integration", "security" }.ToDictionary(k => k, k => $"{k}：已建成并运行。");
        var content = new
        {
            texts = new Dictionary<string, object> { ["smartFactory"] = new { sections } },
            mode = "process",
            entered = new Dictionary<string, decimal> { ["processDataCollection"] = 93m, ["autoControlInUse"] = 91m },
            contactName = "孙经理", contactPhone = "13900002222",
        };
        // 小灯塔 and 车间 count as one: together they are refused at submission, 车间 alone goes through.
        var both = await Ok(await client.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "lighthouse", "smartFactory" }, content, version = started.GetProperty("version").GetInt32() }));
        await ShijiazhuangAwardFiles.SignedScansAsync(client, id);
        var refused = await Step(client, id, "submit", both.GetProperty("version").GetInt32());
        Assert.Contains("限报1项", await refused.Content.ReadAsStringAsync());
        var alone = await Ok(await client.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "smartFactory" }, content, version = both.GetProperty("version").GetInt32() }));
        var version = await SubmittedAsync(client, id, alone.GetProperty("version").GetInt32());

        var final = await RecognisedAsync(Shuzhi, id, version, user);
        // 数字化车间及智能工厂: 20万.
        Assert.Equal(20m, final.GetProperty("recognisedAmountWan").GetDecimal());
        var after = await FigureAsync(city, "smartFactory");
        Assert.Equal((1, 20m), (after.Count - before.Count, after.Wan - before.Wan));
    }

    [Fact]
    public async Task A_chain_case_confirmed_by_its_eight_smes_goes_from_application_to_recognised_and_adds_50_wan()
    {
        var (_, user, lead) = await ApplicantAsync(Chain);
        var city = await app.As(await new ProgrammeAccounts(app, Programme).UserAsync(Role.CityBureau));
        var before = await FigureAsync(city, "chain");
        var started = await Ok(await lead.PostAsync($"/api/awards/calls/{Chain}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var draft = await Ok(await lead.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "chain" }, content = ShijiazhuangChain.Case(), version = started.GetProperty("version").GetInt32() }));
        var smes = await ShijiazhuangChain.SmesAsync(app, 8);
        var confirmed = await ShijiazhuangChain.ConfirmedAsync(app, lead, id, draft.GetProperty("version").GetInt32(), smes);
        var version = await SubmittedAsync(lead, id, confirmed);

        var final = await RecognisedAsync(Chain, id, version, user);
        // 链式: 50万 (seed 004 附件2).
        Assert.Equal(50m, final.GetProperty("recognisedAmountWan").GetDecimal());
        Assert.Equal(8, final.GetProperty("smes").EnumerateArray().Count(s => s.GetProperty("answer").GetString() == "confirmed"));
        var after = await FigureAsync(city, "chain");
        Assert.Equal((1, 50m), (after.Count - before.Count, after.Wan - before.Wan));
    }
}

public sealed class AwardThroughTestsOnSqlite(DashboardSqliteApp app) : AwardThroughTests<DashboardSqliteApp>(app);

public sealed class AwardThroughTestsOnPostgres(DashboardPostgresApp app) : AwardThroughTests<DashboardPostgresApp>(app);
