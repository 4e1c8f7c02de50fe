using System.Net;
using System.Text.Json;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

public sealed class ConfigurationTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private static string ProgrammesFolder() => Path.Combine(PlatformProcess.ConfigFolder(), "programmes");

    [Fact]
    public void The_four_seed_programmes_load_with_their_rules()
    {
        var catalog = ProgrammeCatalog.LoadFolder(ProgrammesFolder());
        Assert.Equal(["changchun-2025", "hangzhou-2024", "heilongjiang-2025", "shijiazhuang-2025"], catalog.All.Select(p => p.Id).Order());
        var changchun = catalog.Get("changchun-2025");
        Assert.Contains(changchun.Targets, t => t.Count == 500);                       // seed 002 一、工作目标
        var hangzhou = catalog.Get("hangzhou-2024");
        Assert.Contains(hangzhou.Deadlines, d => d.Date == new DateOnly(2024, 12, 31)); // seed 003 三、工作要求
        var shijiazhuang = catalog.Get("shijiazhuang-2025");
        Assert.Contains(shijiazhuang.Money.Awards, a => a.Name.Contains("小灯塔") && a.AmountWan == 30m); // seed 004
    }

    [Theory]
    [InlineData("\"code\": \"3670\"", "\"code\": \"36X0\"", "$.industries[0].codes[0].code")]
    [InlineData("\"city\":", "\"town\":", "town")]
    [InlineData("\"subsidyRatio\": 0.4", "\"subsidyRatio\": 1.5", "$.money.subsidyRatio")]
    // A forbidden move (a failed acceptance turned into an accepted one) cannot be declared.
    [InlineData("\"to\": \"failed\"", "\"to\": \"accepted\"", "$.project.workflow.transitions[4]：改造项目实施与验收不允许从“evaluated”转到“accepted”")]
    public void A_malformed_programme_file_is_refused_with_file_path_and_reason(string find, string replace, string expectedInMessage)
    {
        var folder = Directory.CreateTempSubdirectory("dxpilot-cfg");
        try
        {
            var text = File.ReadAllText(Path.Combine(ProgrammesFolder(), "hangzhou-2024.json"));
            Assert.Contains(find, text);
            var file = Path.Combine(folder.FullName, "hangzhou-2024.json");
            File.WriteAllText(file, text.Replace(find, replace));
            var ex = Assert.Throws<ConfigurationFileException>(() => ProgrammeCatalog.LoadFolder(folder.FullName));
            Assert.Contains(file, ex.Message);
            Assert.Contains(expectedInMessage, ex.Message);
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Theory]
    [InlineData("\"who\": [\"cityBureau\"], \"label\": \"开始审核\"", "\"who\": [\"mayor\"], \"label\": \"开始审核\"", "$.workflow.transitions[1].who[0]", "不认识的参与方“mayor”")]
    [InlineData("\"instrumentId\": \"hlj-benchmark\"", "\"instrumentId\": \"miit-2024\"", "$.instrumentId", "不是示范标杆自评表")]
    [InlineData("{ \"state\": \"recognised\", \"label\": \"已认定\" },", "", "$.workflow.states", "状态“recognised”应声明且只声明一次")]
    public void A_malformed_call_file_is_refused_with_file_path_and_reason(string find, string replace, string path, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("dxpilot-calls");
        try
        {
            var config = PlatformProcess.ConfigFolder();
            var text = File.ReadAllText(Path.Combine(config, "calls", "hlj-benchmark-2025.json"));
            Assert.Contains(find, text);
            var file = Path.Combine(folder.FullName, "hlj-benchmark-2025.json");
            File.WriteAllText(file, text.Replace(find, replace));
            var ex = Assert.Throws<ConfigurationFileException>(() => CallCatalog.LoadFolder(folder.FullName,
                ProgrammeCatalog.LoadFolder(Path.Combine(config, "programmes")), InstrumentCatalog.LoadFolder(Path.Combine(config, "instruments"))));
            Assert.Equal((file, path), (ex.File, ex.JsonPath));
            Assert.Contains(reason, ex.Reason);
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Theory]
    [InlineData("\"programmeId\": \"shijiazhuang-2025\"", "\"programmeId\": \"shijiazhuang-2026\"", "$.programmeId", "没有编号为“shijiazhuang-2026”的试点")]
    [InlineData("\"kind\": \"rate\"", "\"kind\": \"guess\"", "$.directions[0].criteria[0].kind", "")]
    [InlineData("\"maxDirections\": 2", "\"maxDirections\": 5", "$.maxDirections", "应在1到3之间")]
    public void A_malformed_award_call_is_refused_with_file_path_and_reason(string find, string replace, string path, string reason)
    {
        var folder = Directory.CreateTempSubdirectory("dxpilot-awards");
        try
        {
            var config = PlatformProcess.ConfigFolder();
            var text = File.ReadAllText(Path.Combine(config, "awards", "sjz-shuzhi-2025.json"));
            Assert.Contains(find, text);
            var file = Path.Combine(folder.FullName, "sjz-shuzhi-2025.json");
            File.WriteAllText(file, text.Replace(find, replace));
            var ex = Assert.Throws<ConfigurationFileException>(() => AwardCatalog.LoadFolder(folder.FullName, ProgrammeCatalog.LoadFolder(Path.Combine(config, "programmes"))));
            Assert.Equal((file, path), (ex.File, ex.JsonPath));
            Assert.Contains(reason, ex.Reason);
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Fact]
    public void The_award_calls_of_config_load_for_shijiazhuang()
    {
        var config = PlatformProcess.ConfigFolder();
        var awards = AwardCatalog.LoadFolder(Path.Combine(config, "awards"), ProgrammeCatalog.LoadFolder(Path.Combine(config, "programmes")));
        Assert.Equal(["sjz-chain-2025", "sjz-shuzhi-2025"], awards.ForProgramme("shijiazhuang-2025").Select(c => c.Id));
        Assert.Empty(awards.ForProgramme("changchun-2025"));
    }

    [Fact]
    public async Task The_platform_refuses_to_start_on_a_malformed_instrument_naming_file_path_and_reason()
    {
        var config = Directory.CreateTempSubdirectory("dxpilot-cfg");
        try
        {
            foreach (var sub in new[] { "programmes", "instruments", "demo" })
            {
                Directory.CreateDirectory(Path.Combine(config.FullName, sub));
                foreach (var f in Directory.GetFiles(Path.Combine(PlatformProcess.ConfigFolder(), sub)))
                    File.Copy(f, Path.Combine(config.FullName, sub, Path.GetFileName(f)));
            }
            var file = Path.Combine(config.FullName, "instruments", "miit-2024.json");
            File.WriteAllText(file, File.ReadAllText(file).Replace("\"totalPoints\": 100", "\"totalPoints\": \"一百\""));

            var exit = await PlatformProcess.RunAsync([], new Dictionary<string, string>
            {
                ["DxPilot__ConfigPath"] = config.FullName, ["DxPilot__DataPath"] = Path.Combine(config.FullName, "data"),
                ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            }, config.FullName);

            Assert.Equal(1, exit.Code);
            Assert.Contains("miit-2024.json", exit.Errors);
            Assert.Contains("$.totalPoints", exit.Errors);
            Assert.Contains("类型不对", exit.Errors);
        }
        finally
        {
            config.Delete(true);
        }
    }

    [Fact]
    public async Task The_openapi_document_describes_the_enterprise_api()
    {
        var response = await (await app.As("hz-enterprise")).GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = doc.RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/enterprises/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/enterprises/import", out _));
        Assert.True(paths.TryGetProperty("/api/auth/token", out _));
        Assert.True(paths.TryGetProperty("/api/enterprises/{id}/assessments", out _));
        Assert.True(paths.TryGetProperty("/api/assessments/{id}/rescore", out _));
    }

    [Fact]
    public async Task The_openapi_document_is_not_given_to_anonymous_callers()
    {
        // A 401 as the API answers, not the sign-in page: the callers are programs.
        var response = await app.Anonymous().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("/api/enterprises", await response.Content.ReadAsStringAsync());
    }
}
