using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 改造项目备案 through the API: the enterprise files on its programme's form, the chain moves it district → city, a return
/// brings it back for revision with every round kept and compared, and each role reads only what is in its scope.
/// </summary>
public abstract class FilingTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task The_enterprise_files_the_district_returns_it_the_enterprise_revises_and_the_district_passes_the_new_round()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);

        var returned = await h.TransitionAsync(app, id, "binjiang", "return", "项目预期投入与合同金额不一致，请核对。");
        Assert.Equal(HttpStatusCode.OK, returned.StatusCode);
        var enterprise = await app.As(h.Users["enterprise"]);
        var seen = await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}");
        Assert.Equal("returned", seen.GetProperty("state").GetString());
        Assert.Equal("退回修改", seen.GetProperty("stateLabel").GetString());
        Assert.Equal("项目预期投入与合同金额不一致，请核对。", seen.GetProperty("lastOpinion").GetString());

        Assert.Equal(HttpStatusCode.OK, (await h.SaveAsync(app, id, new Dictionary<string, string?> { ["investment"] = "98.00" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "enterprise", "submit")).StatusCode);
        var diff = await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/diff?from=1&to=2");
        var change = Assert.Single(diff.EnumerateArray());
        Assert.Equal("项目预期投入（万元/不含税）", change.GetProperty("label").GetString());
        Assert.Equal("120.50", change.GetProperty("before").GetString());
        Assert.Equal("98.00", change.GetProperty("after").GetString());

        var passed = await h.TransitionAsync(app, id, "binjiang", "pass", "经初审，符合试点要求，同意报送。");
        Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
        Assert.Equal("cityReview", (await passed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        // Hangzhou's city decides on its experts' reviews: none assigned yet.
        var early = await h.TransitionAsync(app, id, "city", "confirm", "同意备案。");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("须先指派至少1名专家评审", await early.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Each_role_reads_filings_in_its_scope_and_a_404_outside_it()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["enterprise"] = HttpStatusCode.OK, ["provider"] = HttpStatusCode.OK, ["city"] = HttpStatusCode.OK, ["binjiang"] = HttpStatusCode.OK,
            ["thinktank"] = HttpStatusCode.OK, ["xihu"] = HttpStatusCode.NotFound, ["other-provider"] = HttpStatusCode.NotFound,
            ["expert"] = HttpStatusCode.NotFound, ["other-enterprise"] = HttpStatusCode.NotFound,
        };
        foreach (var (who, status) in expected)
            Assert.True(status == (await (await app.As(h.Users[who])).GetAsync($"/api/filings/{id}")).StatusCode, who);
        // A district bureau acting on another district's filing finds nothing to act on.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(h.Users["xihu"])).PostAsJsonAsync($"/api/filings/{id}/transitions",
            new { trigger = "pass", reason = "同意", version = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("cc-city")).GetAsync($"/api/filings/{id}")).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_cannot_file_for_another_and_bad_answers_are_refused_with_their_reasons()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var other = await app.As(h.Users["other-enterprise"]);
        var refused = await other.PostAsJsonAsync("/api/filings", new { enterpriseId = h.Enterprise.Id });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var id = await h.StartAsync(app);
        var bad = await h.SaveAsync(app, id, new Dictionary<string, string?>
        {
            ["plan"] = new string('数', 1000) + "😀", ["period.start"] = "2025-06", ["period.end"] = "2025-01", ["investment"] = "0",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("项目实施方案及内容不超过1000字，现为1001字", body);
        Assert.Contains("结束年月早于开始年月", body);
        Assert.Contains("项目预期投入（万元/不含税）应大于0", body);
        foreach (var amount in new[] { "-5", "12.345" })
            Assert.Equal(HttpStatusCode.BadRequest, (await h.SaveAsync(app, id, new Dictionary<string, string?> { ["investment"] = amount })).StatusCode);
        // Nothing of the refused save was kept.
        var seen = await other.GetAsync($"/api/filings/{id}");
        Assert.Equal(HttpStatusCode.NotFound, seen.StatusCode);
        var mine = await (await app.As(h.Users["enterprise"])).GetFromJsonAsync<JsonElement>($"/api/filings/{id}");
        Assert.Empty(mine.GetProperty("answers").EnumerateObject());
    }

    [Fact]
    public async Task Submission_names_each_unmet_rule_and_a_target_not_above_the_current_level()
    {
        var h = await HangzhouFiling.CreateAsync(app, industryCode: null);
        var id = await h.StartAsync(app);
        var answers = HangzhouFiling.CompleteAnswers();
        answers["selfTest"] = "2";
        answers["targetLevel"] = "2";
        answers["declaration"] = null;
        (await h.SaveAsync(app, id, answers)).EnsureSuccessStatusCode();
        var refused = await h.TransitionAsync(app, id, "enterprise", "submit");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请阅读并确认申报资料真实性声明", body);
        Assert.Contains("企业档案缺少4位国民经济行业代码", body);
        Assert.Contains("须高于现有水平（二级）", body);
    }

    [Fact]
    public async Task A_file_without_its_contact_is_not_filed_until_the_enterprise_completes_it_and_the_round_keeps_what_was_filed()
    {
        // Seed 003 附件1 申报单位基本信息 (联系人、联系方式) come from the file; a blank one is completed there, not on the form.
        var h = await HangzhouFiling.CreateAsync(app);
        await using (var scope = app.DataScope(HangzhouFiling.Programme))
            await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Enterprises.Where(e => e.Id == h.Enterprise.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ContactName, (string?)null).SetProperty(e => e.ContactPhone, " "));
        var id = await h.StartAsync(app);
        (await h.SaveAsync(app, id, HangzhouFiling.CompleteAnswers())).EnsureSuccessStatusCode();

        var refused = await h.TransitionAsync(app, id, "enterprise", "submit");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("基本信息：企业档案未填写联系人、联系方式，请先在企业档案中补充", await refused.Content.ReadAsStringAsync());
        var page = await (await app.SignedIn(h.Users["enterprise"])).GetDocument($"/filings/{id}");
        Assert.Equal($"/enterprises/{h.Enterprise.Id}", page.QuerySelector("#checks li.fail #complete-file")?.GetAttribute("href"));
        Assert.Equal("（企业档案中未填写）", page.QuerySelector("dd[data-key=contactName]")?.TextContent);

        var enterprise = await app.As(h.Users["enterprise"]);
        var file = (await enterprise.GetFromJsonAsync<JsonObject>($"/api/enterprises/{h.Enterprise.Id}"))!;
        (file["contactName"], file["contactPhone"]) = ("孙经理", "13900002222");
        var completed = await enterprise.PutAsJsonAsync($"/api/enterprises/{h.Enterprise.Id}", file);
        Assert.True(completed.IsSuccessStatusCode, await completed.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "enterprise", "submit")).StatusCode);
        var round = await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/versions/1");
        Assert.Equal(("孙经理", "13900002222"), (round.GetProperty("basics").GetProperty("contactName").GetString(),
            round.GetProperty("basics").GetProperty("contactPhone").GetString()));
    }

    [Fact]
    public async Task Hangzhou_files_only_with_a_service_contract_whose_stamped_scan_is_on_file()
    {
        // Seed 003 二 1: 备案材料 are 附件1 and 附件2 (the service contract) as 盖章扫描件.
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.StartAsync(app);
        (await h.SaveAsync(app, id, HangzhouFiling.CompleteAnswers())).EnsureSuccessStatusCode();
        var enterprise = await app.As(h.Users["enterprise"]);
        async Task<HttpResponseMessage> Submit() => await enterprise.PostAsJsonAsync($"/api/filings/{id}/transitions",
            new { trigger = "submit", version = await HangzhouFiling.VersionAsync(enterprise, id) });

        var bare = await Submit();
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Contains("服务合同：请添加项目改造服务合同（附件2），并上传双方盖章的扫描件", await bare.Content.ReadAsStringAsync());

        var created = await enterprise.PostAsJsonAsync($"/api/filings/{id}/contracts", new
        {
            contract = new
            {
                number = "HZ-2025-007", name = "设备联网服务合同", signedOn = "2025-01-02", periodStart = "2025-01-01", periodEnd = "2025-12-01",
                providerName = h.Provider.Name, providerUscc = h.Provider.Uscc, providerContact = "吴工", providerPhone = "0571-88886666",
                firstPaymentPercent = 50, work = "设备联网",
                lines = new[] { new { name = "工业网关", code = "GW-1", provider = h.Provider.Name, term = "1年", unitPriceYuan = 8000.00m, quantity = 2m } },
            },
        });
        created.EnsureSuccessStatusCode();
        var unsigned = await Submit();
        Assert.Equal(HttpStatusCode.BadRequest, unsigned.StatusCode);
        Assert.Contains("服务合同：服务合同“设备联网服务合同”未上传盖章扫描件", await unsigned.Content.ReadAsStringAsync());
        Assert.Equal("draft", (await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}")).GetProperty("state").GetString());

        await HangzhouFiling.StampAsync(enterprise, id, created);
        Assert.Equal(HttpStatusCode.OK, (await Submit()).StatusCode);
        var check = (await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}")).GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "服务合同");
        Assert.Equal("已附服务合同1份，均已上传盖章扫描件", check.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_submitted_filing_is_checked_as_it_was_submitted_not_against_a_later_assessment()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var enterprise = await app.As(h.Users["enterprise"]);
        Assert.True(TargetCheck(await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}")));

        // Later the enterprise reaches 二级 (the project's own target): the filing as submitted still met 目标须高于现有水平.
        await PlanAssessments.SelfTestAsync(app, await app.ActorAsync(h.Users["enterprise"]), h.Enterprise.Id);
        var seen = await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}");
        Assert.True(TargetCheck(seen), seen.GetProperty("checks").ToString());
        Assert.Equal(seen.GetProperty("versions")[0].GetProperty("submittedAt").GetDateTime(), seen.GetProperty("checksAsOf").GetDateTime());
        var page = await (await app.SignedIn(h.Users["enterprise"])).GetDocument($"/filings/{id}");
        Assert.Contains("提交时的申请表、平台评测结果和在办备案核对", page.QuerySelector("#checks-basis")!.TextContent);
        Assert.Null(page.QuerySelector("#checks li.fail"));

        // Returned for revision it is checked against today's data again, and a resubmission for 二级 is refused.
        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "binjiang", "return", "请核对目标水平。")).StatusCode);
        var returned = await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}");
        Assert.False(TargetCheck(returned));
        Assert.Equal(JsonValueKind.Null, returned.GetProperty("checksAsOf").ValueKind);
        var refused = await h.TransitionAsync(app, id, "enterprise", "submit");
        Assert.Contains("须高于现有水平（二级，平台评测结果）", await refused.Content.ReadAsStringAsync());

        static bool TargetCheck(JsonElement filing) =>
            filing.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "目标水平").GetProperty("passed").GetBoolean();
    }

    [Fact]
    public async Task A_stale_resubmission_and_a_second_reviewer_are_refused()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var district = await app.As(h.Users["binjiang"]);
        var read = await HangzhouFiling.VersionAsync(district, id);
        var first = await district.PostAsJsonAsync($"/api/filings/{id}/transitions", new { trigger = "pass", reason = "同意报送。", version = read });
        var second = await district.PostAsJsonAsync($"/api/filings/{id}/transitions", new { trigger = "return", reason = "请补充。", version = read });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    // The save sent as the page is left may land after the page was drawn again: the page's next save carries the version
    // before it. Saving what is already stored overwrites no one; saving anything else over a newer version is refused.
    [Fact]
    public async Task A_save_read_on_an_older_version_is_done_when_it_changes_nothing_and_refused_when_it_does()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.StartAsync(app);
        var enterprise = await app.As(h.Users["enterprise"]);
        var read = await HangzhouFiling.VersionAsync(enterprise, id);
        var answers = new Dictionary<string, string?> { ["projectName"] = "离开页面时保存的项目名称", ["plan"] = "实施方案第一稿" };
        Assert.Equal(HttpStatusCode.OK, (await enterprise.PutAsJsonAsync($"/api/filings/{id}", new { answers, version = read })).StatusCode);

        var again = await enterprise.PutAsJsonAsync($"/api/filings/{id}", new { answers, version = read });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(read + 1, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32());

        var other = new Dictionary<string, string?>(answers) { ["plan"] = "实施方案第二稿" };
        var refused = await enterprise.PutAsJsonAsync($"/api/filings/{id}", new { answers = other, version = read });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("保存失败：", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        var stored = await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}");
        Assert.Equal(read + 1, stored.GetProperty("version").GetInt32());
        Assert.Equal("实施方案第一稿", stored.GetProperty("answers").GetProperty("plan").GetString());
    }
}

public sealed class FilingTestsOnSqlite(SqliteApp app) : FilingTests<SqliteApp>(app);

public sealed class FilingTestsOnPostgres(PostgresApp app) : FilingTests<PostgresApp>(app);
