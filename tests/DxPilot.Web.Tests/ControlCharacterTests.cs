using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>Invisible control characters are refused with a Chinese field message, through the API and the form alike, and
/// stripped from uploaded file names: a NUL was a 500 on PostgreSQL and was stored on SQLite.</summary>
public abstract class ControlCharacterTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Theory]
    [InlineData("name", "控制\u0000字符公司", "企业名称含有不可见的控制字符")]
    [InlineData("intro", "简介\u0000", "企业简介含有不可见的控制字符")]
    [InlineData("contactName", "张\u0009三", "联系人含有不可见的控制字符")]
    [InlineData("registeredAddress", "杭州\u0085滨江", "注册地址含有不可见的控制字符")]
    [InlineData("contactName", "张\uffff三", "联系人含有不可见的控制字符")]
    public async Task The_api_refuses_a_control_character_in_any_text_field(string field, string value, string message)
    {
        var api = await app.As("hz-binjiang");
        var body = JsonSerializer.SerializeToNode(TestData.Enterprise("控制字符测试公司"))!.AsObject();
        body[field] = value;
        var response = await api.PostAsJsonAsync("/api/enterprises", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.ToString());
        await using var scope = app.DataScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Enterprises.AnyAsync(e => e.Name.Contains("控制") && e.Name.Contains("字符")));
    }

    [Fact]
    public async Task Line_breaks_and_tabs_stay_allowed_in_the_multi_line_intro()
    {
        var api = await app.As("hz-binjiang");
        var body = JsonSerializer.SerializeToNode(TestData.Enterprise("多行简介测试公司"))!.AsObject();
        body["intro"] = "第一行\r\n第二行\t缩进";
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsJsonAsync("/api/enterprises", body)).StatusCode);
    }

    [Fact]
    public async Task The_form_shows_the_field_message_and_keeps_what_was_typed()
    {
        var client = await app.SignedIn("hz-binjiang");
        var token = await PageClient.Token(client, "/enterprises/new");
        var response = await client.PostAsync("/enterprises/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "enterprise", ["__RequestVerificationToken"] = token,
            ["Form.Name"] = "表单\u0001测试公司", ["Form.District"] = "滨江区", ["Form.Industry"] = "汽车零部件",
            ["Form.Intro"] = "简介\u0001",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = PageClient.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.True(page.Contains("企业名称含有不可见的控制字符，请删除后再保存", StringComparison.Ordinal), page);
        Assert.Contains("企业简介含有不可见的控制字符，请删除后再保存", page);
    }

    /// <summary>U+FFFF in one enterprise's contact name made the city's registry export a 500 for every bureau (XML 1.0 cannot
    /// carry it). Text stored before the rule refused it is written without it.</summary>
    [Fact]
    public async Task A_character_xml_cannot_carry_stored_before_the_rule_leaves_the_export_readable()
    {
        await using (var scope = app.DataScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var id = await db.Enterprises.Where(e => e.ProgrammeId == "hangzhou-2024" && e.District == "滨江区").Select(e => e.Id).FirstAsync();
            await db.Enterprises.Where(e => e.Id == id).ExecuteUpdateAsync(s => s.SetProperty(e => e.ContactName, "旧\uffff数据"));
        }
        var api = await app.As("hz-binjiang");
        var response = await api.GetAsync("/api/enterprises/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc));
        Assert.Contains("旧数据", doc.WorkbookPart!.WorksheetParts.Single().Worksheet!.InnerText);
    }

    [Fact]
    public async Task An_uploaded_file_name_loses_its_control_characters()
    {
        var api = await app.As("hz-city");
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent("企业名称,所属县（市、区）\n"u8.ToArray());
        content.Add(file, "file");
        // The name as a hostile client sends it, NUL and all.
        file.Headers.ContentDisposition = System.Net.Http.Headers.ContentDispositionHeaderValue.Parse("form-data; name=\"file\"; filename=\"list.csv\"");
        file.Headers.ContentDisposition.FileNameStar = "名单\u0000\u0001.csv";
        var response = await api.PostAsync("/api/enterprises/import", content);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
        await using var scope = app.DataScope();
        var names = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().ImportJobs.Select(j => j.FileName).ToListAsync();
        Assert.Contains("名单.csv", names);
        Assert.DoesNotContain(names, n => n.Any(char.IsControl));
    }
}

public sealed class ControlCharacterTestsOnSqlite(SqliteApp app) : ControlCharacterTests<SqliteApp>(app);

public sealed class ControlCharacterTestsOnPostgres(PostgresApp app) : ControlCharacterTests<PostgresApp>(app);
