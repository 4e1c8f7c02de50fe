using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>The assessment pages without a browser: the form generated from the instrument, refusals that keep what was
/// typed, and the result page's official tables (seed 002 表7, 表8), radar and before/after comparison.</summary>
public sealed class AssessmentPageTests(SqliteApp app) : IClassFixture<SqliteApp>
{

    private async Task<string> OwnEnterprise() =>
        (await (await app.As("hz-enterprise")).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("enterpriseId").GetString()!;

    [Fact]
    public async Task An_empty_list_says_why_it_is_empty()
    {
        var city = await app.SignedIn("hz-city");
        var none = await city.GetDocument("/assessments?search=" + Uri.EscapeDataString("不存在的企业名称"));
        Assert.Equal("没有符合条件的评测记录，请调整筛选条件", none.QuerySelector("#assessments td.empty")!.TextContent);
        // 西湖区 has no demo assessment.
        var xihu = await (await app.SignedIn("hz-xihu")).GetDocument("/assessments");
        Assert.Equal("暂无评测记录：企业自测或评测机构评测后在此列出", xihu.QuerySelector("#assessments td.empty")!.TextContent);
        Assert.Null((await city.GetDocument("/assessments")).QuerySelector("#assessments td.empty"));
    }

    [Fact]
    public async Task The_2024_form_has_every_question_with_help_and_every_scenario_with_its_four_level_descriptions()
    {
        var client = await app.SignedIn("hz-enterprise");
        var form = await client.GetDocument($"/enterprises/{await OwnEnterprise()}/assessments/new");

        var questions = form.QuerySelectorAll(".question:not(.scenario)");
        Assert.Equal(15, questions.Length);
        // 网络建设 is multi-choice and its A is "无", exclusive (reference file: {"k":"A","t":"无"}).
        var network = questions.Single(q => q.QuerySelector("p.q-title strong")!.TextContent == "网络建设");
        Assert.Equal(5, network.QuerySelectorAll("input[type=checkbox]").Length);
        Assert.NotNull(network.QuerySelector("input[value=A][data-exclusive=true]"));
        var devices = questions.Single(q => q.QuerySelector("p.q-title strong")!.TextContent == "设备数字化");
        Assert.Contains("设备数字化率", devices.QuerySelector(".hint")!.TextContent);
        Assert.Contains("生产设备数量（台）", devices.QuerySelector(".raw-inputs")!.TextContent);

        var scenarios = form.QuerySelectorAll(".scenario");
        Assert.Equal(16, scenarios.Length);
        Assert.All(scenarios, s => Assert.Equal(5, s.QuerySelectorAll("input[type=radio]").Length));
        Assert.Equal(10, scenarios.Count(s => s.QuerySelector(".tag")?.TextContent == "约束性"));
        // 表8's 一级 description of 产品设计 (reference file, scenario 产品设计 level 1).
        var design = scenarios.Single(s => s.QuerySelector("strong")!.TextContent == "产品设计*");
        Assert.Contains("一级", design.QuerySelectorAll("label")[1].TextContent);
    }

    [Fact]
    public async Task A_form_with_none_mixed_in_is_refused_keeping_the_answers_and_storing_nothing()
    {
        var client = await app.SignedIn("hz-enterprise");
        var path = $"/enterprises/{await OwnEnterprise()}/assessments/new";
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "assessment"), new("__RequestVerificationToken", await PageClient.Token(client, path)),
            new("Stage", "SelfTest"), new("AssessedOn", "2025-06-30"),
            // q0 is 网络建设: A (无) together with B.
            new("q0", "A"), new("q0", "B"), new("q1", "E"), new("s0", "2"),
        };
        int Count() => app.Services.CreateScope().ServiceProvider.GetRequiredService<DxPilotDbContext>().Assessments.Count();
        var before = Count();

        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = PageClient.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("不能与其他选项同时勾选", page.QuerySelector("#q-0 .error")!.TextContent);
        Assert.Contains("未作答", page.QuerySelector("#form-errors")!.TextContent);
        Assert.NotNull(page.QuerySelector("#q-1 input[value=E][checked]"));
        Assert.NotNull(page.QuerySelector("#s-0 input[value='2'][checked]"));
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Device_counts_above_the_production_devices_are_refused_at_their_question_keeping_what_was_typed()
    {
        var client = await app.SignedIn("hz-enterprise");
        var path = $"/enterprises/{await OwnEnterprise()}/assessments/new";
        var form = await client.GetDocument(path);
        // The raw-input fields are numbered by the form; find them by their labels.
        string Field(string label) => form.QuerySelectorAll(".raw-inputs label").Single(l => l.TextContent.Trim() == label)
            .QuerySelector("input")!.GetAttribute("name")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("_handler", "assessment"), new("__RequestVerificationToken", await PageClient.Token(client, path)),
            new("Stage", "SelfTest"), new("AssessedOn", "2025-06-30"),
            new(Field("生产设备数量（台）"), "100"), new(Field("实现数字化的生产设备数量（台）"), "200"), new(Field("实现联网的生产设备数量（台）"), "300"),
        };
        int Count() => app.Services.CreateScope().ServiceProvider.GetRequiredService<DxPilotDbContext>().Assessments.Count();
        var before = Count();

        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = PageClient.Parse(await response.Content.ReadAsStringAsync());
        // q1 is 设备数字化, q2 设备联网.
        Assert.Equal("题目“设备数字化”的原始数据有误：“实现数字化的生产设备数量（台）”（200）大于“生产设备数量（台）”（100），请核对",
            page.QuerySelector("#q-1 .error")!.TextContent.Trim());
        Assert.Equal("题目“设备联网”的原始数据有误：“实现联网的生产设备数量（台）”（300）大于“生产设备数量（台）”（100），请核对",
            page.QuerySelector("#q-2 .error")!.TextContent.Trim());
        Assert.Contains("（200）大于“生产设备数量（台）”（100）", page.QuerySelector("#form-errors")!.TextContent);
        Assert.Equal("200", page.QuerySelector($"#q-1 input[name={Field("实现数字化的生产设备数量（台）")}]")!.GetAttribute("value"));
        Assert.Equal(before, Count());
    }

    [Fact]
    public async Task Roles_that_only_read_cannot_open_the_form_and_outsiders_do_not_see_the_file()
    {
        var own = await OwnEnterprise();
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedIn("hz-binjiang")).GetAsync($"/enterprises/{own}/assessments/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("hz-agency")).GetAsync($"/enterprises/{own}/assessments/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedIn("hz-xihu")).GetAsync($"/enterprises/{own}/assessments")).StatusCode);
    }

    [Fact]
    public async Task The_result_page_shows_table_7_table_8_the_radar_and_the_before_after_comparison()
    {
        // The demo data holds a provider's 改造前 diagnosis and an agency's 改造后 evaluation on one enterprise.
        var city = await app.As("hz-city");
        var after = (await city.GetFromJsonAsync<JsonElement>("/api/assessments?stage=After")).GetProperty("items")[0];
        var client = await app.SignedIn("hz-city");
        var page = await client.GetDocument($"/assessments/{after.GetProperty("id").GetString()}");

        var table7 = page.QuerySelector("#table7")!;
        Assert.Equal(["设备系统", "数据采集", "信息系统", "信息安全", "规划管理", "要素保障", "绿色低碳", "产品质量", "市场效益"],
            table7.QuerySelectorAll("td[data-sub]").Select(td => td.GetAttribute("data-sub")!));
        Assert.Contains("数字化基础（", table7.TextContent);
        Assert.Equal(16, page.QuerySelectorAll("#table8 tbody tr").Length);
        Assert.Equal(9, page.QuerySelectorAll("svg.radar line").Length / 2); // one radar on its own, one in the comparison
        Assert.NotNull(page.QuerySelector("#level-judgement"));
        Assert.NotNull(page.QuerySelector("#gap-plan"));
        var comparison = page.QuerySelector("#before-after")!;
        Assert.Contains("改造前", comparison.TextContent);
        Assert.Equal(2, comparison.QuerySelectorAll("svg.radar polygon.series").Length);

        // The agency sees its evaluation but not the provider's diagnosis, so no comparison.
        var agency = await app.SignedIn("hz-agency");
        var agencyPage = await agency.GetDocument($"/assessments/{after.GetProperty("id").GetString()}");
        Assert.NotNull(agencyPage.QuerySelector("#table7"));
        Assert.Null(agencyPage.QuerySelector("#before-after"));
    }

    [Fact]
    public async Task Evidence_with_markup_is_shown_as_text()
    {
        var enterprise = await app.As("hz-enterprise");
        var body = AnswerDocuments.Forty();
        body["stage"] = "SelfTest";
        body["assessedOn"] = "2025-06-30";
        body["evidence"] = new System.Text.Json.Nodes.JsonObject { ["网络建设"] = "<img src=x onerror=alert(1)>" };
        var created = await enterprise.PostAsJsonAsync($"/api/enterprises/{await OwnEnterprise()}/assessments", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var html = await (await app.SignedIn("hz-enterprise")).GetStringAsync($"/assessments/{id}");
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }
}
