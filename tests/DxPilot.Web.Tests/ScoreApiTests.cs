using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Assessments.Scoring;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>POST /api/score/{instrument}: the `score` verb over HTTP for any signed-in user; nothing is stored.</summary>
public abstract class ScoreApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static ByteArrayContent Body(JsonNode document) => Body(Encoding.UTF8.GetBytes(AnswerDocuments.Text(document)));

    private static ByteArrayContent Body(byte[] content)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return body;
    }

    /// <summary>Assessments and audit entries: what scoring would leave behind if it stored anything.</summary>
    private async Task<(int Assessments, int Audit)> StoredAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return (await db.Assessments.CountAsync(), await db.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData("hz-enterprise")]
    [InlineData("hz-agency")]
    [InlineData("hz-city")]
    public async Task Any_signed_in_user_gets_the_same_report_as_the_command_line_and_nothing_is_stored(string user)
    {
        var client = await app.As(user);
        var before = await StoredAsync();

        var response = await client.PostAsync("/api/score/miit-2024", Body(AnswerDocuments.MidRange()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(42.25m, report["score"]!.GetValue<decimal>());
        Assert.Equal(2, report["level"]!.GetValue<int>());
        foreach (var (name, points) in AnswerDocuments.MidRangeSubIndicators)
            Assert.Equal(points, report["subIndicators"]![name]!.GetValue<decimal>());
        Assert.Null(report["file"]);
        Assert.True(JsonNode.DeepEquals(CommandLineReport(AnswerDocuments.MidRange()), report));
        Assert.Equal(before, await StoredAsync());
    }

    /// <summary>What `score` prints for the same document, less the file name the API has no use for.</summary>
    private static JsonNode CommandLineReport(JsonNode document)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dxpilot-score-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(file, AnswerDocuments.Text(document));
            var output = new StringWriter();
            Assert.Equal(0, new ScoreCommand(output, new StringWriter(), showProgress: false).Run(["--instrument", "miit-2024", file]));
            var report = JsonNode.Parse(output.ToString())!.AsObject();
            report.Remove("file");
            return report;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task The_all_maximum_sheet_is_100_points_and_level_four()
    {
        var client = await app.As("hz-agency");
        var response = await client.PostAsync("/api/score/miit-2024", Body(AnswerDocuments.AllMaximum()));

        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(100m, report.GetProperty("score").GetDecimal());
        Assert.Equal(4, report.GetProperty("level").GetInt32());
    }

    [Fact]
    public async Task Bad_input_is_a_400_problem_naming_each_item_in_chinese_and_nothing_is_stored()
    {
        var client = await app.As("hz-agency");
        var before = await StoredAsync();
        var sheet = AnswerDocuments.MidRange();
        sheet["answers"]!["信息系统"] = "F";
        sheet["answers"]!["网络建设"] = new JsonArray("A", "B");
        sheet["answers"]!.AsObject().Remove("数据安全");
        sheet["scenarios"]!["产品设计"] = 7;
        sheet["scenarios"]!["智能排产"] = 1;

        var response = await client.PostAsync("/api/score/miit-2024", Body(sheet));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("答卷有误，未评分", problem.GetProperty("title").GetString());
        var errors = problem.GetProperty("errors");
        Assert.Contains("没有选项“F”", errors.GetProperty("answers.信息系统")[0].GetString());
        Assert.Contains("不能与其他选项同时勾选", errors.GetProperty("answers.网络建设")[0].GetString());
        Assert.Contains("数据安全", errors.GetProperty("answers")[0].GetString());
        Assert.Contains("0至4", errors.GetProperty("scenarios.产品设计")[0].GetString());
        Assert.Contains("未知的应用场景“智能排产”", errors.GetProperty("scenarios.智能排产")[0].GetString());
        Assert.Equal(before, await StoredAsync());
    }

    [Fact]
    public async Task A_body_that_is_not_utf8_or_not_json_is_a_400_saying_so()
    {
        var client = await app.As("hz-agency");
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb18030 = Encoding.GetEncoding("GB18030").GetBytes(AnswerDocuments.Text(AnswerDocuments.MidRange()));

        var encoded = await client.PostAsync("/api/score/miit-2024", Body(gb18030));
        var notJson = await client.PostAsync("/api/score/miit-2024", Body("{\"answers\":"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, encoded.StatusCode);
        Assert.Contains("不是 UTF-8 编码", (await encoded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("$")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Contains("不是有效的 JSON", (await notJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("$")[0].GetString());
    }

    [Fact]
    public async Task An_unknown_instrument_is_404_listing_the_available_ones()
    {
        var client = await app.As("hz-agency");
        var response = await client.PostAsync("/api/score/miit-2025", Body(AnswerDocuments.MidRange()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var title = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();
        Assert.Contains("未知的评测工具“miit-2025”", title);
        Assert.Contains("miit-2022、miit-2024", title);
    }

    [Fact]
    public async Task A_body_over_64_kb_is_413()
    {
        var client = await app.As("hz-agency");
        var sheet = AnswerDocuments.MidRange();
        sheet["rawInputs"] = new JsonObject { ["备注"] = new string('x', 64 * 1024) };

        var response = await client.PostAsync("/api/score/miit-2024", Body(sheet));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_callers_get_401()
    {
        var response = await app.Anonymous().PostAsync("/api/score/miit-2024", Body(AnswerDocuments.MidRange()));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_score_endpoint()
    {
        var doc = await (await app.As("hz-agency")).GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var post = doc.GetProperty("paths").GetProperty("/api/score/{instrument}").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "200", "400", "404", "413" })
            Assert.True(post.GetProperty("responses").TryGetProperty(status, out _), status);
    }
}

public sealed class ScoreApiTestsOnSqlite(SqliteApp app) : ScoreApiTests<SqliteApp>(app);

public sealed class ScoreApiTestsOnPostgres(PostgresApp app) : ScoreApiTests<PostgresApp>(app);
