using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>What users read on the assessment pages: the official documents as 依据, nothing of our own files (reference
/// files, seed numbers, DOMAIN, JSON keys, notes to ourselves such as "官方PDF未逐项核对").</summary>
public sealed partial class AssessmentWordingTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [GeneratedRegex(@"\.(json|md|txt)\b|seed|DOMAIN|reference|官方PDF|未逐项核对|\$\.|\b[a-z]+_[a-z_]+\b", RegexOptions.IgnoreCase)]
    private static partial Regex OurOwnWords();

    /// <summary>The text a reader sees (scripts and attributes left out).</summary>
    private static async Task<string> Visible(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PageClient.Parse(await response.Content.ReadAsStringAsync());
        foreach (var script in page.QuerySelectorAll("script").ToList()) script.Remove();
        return page.Title + "\n" + page.Body!.TextContent;
    }

    [Fact]
    public async Task Forms_results_and_lists_cite_the_official_documents_and_none_of_our_files()
    {
        var city = await app.As("hz-city");
        var after = (await city.GetFromJsonAsync<JsonElement>("/api/assessments?stage=After")).GetProperty("items")[0];
        var (id, enterpriseId) = (after.GetProperty("id").GetString(), after.GetProperty("enterpriseId").GetString());
        var own = (await (await app.As("hz-enterprise")).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("enterpriseId").GetString();
        var enterprise = await app.SignedIn("hz-enterprise");
        var bureau = await app.SignedIn("hz-city");
        var agency = await app.SignedIn("hz-agency");

        var pages = new Dictionary<string, string>
        {
            ["2024 form"] = await Visible(enterprise, $"/enterprises/{own}/assessments/new"),
            ["2022 form"] = await Visible(enterprise, $"/enterprises/{own}/assessments/new?instrument=miit-2022"),
            ["edit form"] = await Visible(agency, $"/assessments/{id}/edit"),
            ["result"] = await Visible(bureau, $"/assessments/{id}"),
            ["result, gap to 四级"] = await Visible(bureau, $"/assessments/{id}?target=4"),
            ["enterprise's assessments"] = await Visible(bureau, $"/enterprises/{enterpriseId}/assessments"),
            ["assessment list"] = await Visible(bureau, "/assessments"),
        };

        Assert.All(pages, p => Assert.False(OurOwnWords().IsMatch(p.Value), $"{p.Key}: “{OurOwnWords().Match(p.Value).Value}”"));
        // The 依据 the users need instead (miit-2024.json and miit-2022.json "basis"; the level table of the Changchun notice).
        Assert.Contains("依据：《中小企业数字化水平评测指标（2024年版）》（工信厅企业〔2024〕56号）", pages["2024 form"]);
        Assert.Contains("依据：《中小企业数字化水平评测指标（2022年版）》（工信厅企业〔2022〕32号）", pages["2022 form"]);
        Assert.Contains("等级判定（依据《长春市中小企业数字化转型城市试点诊改联动工作实施方案》附件3 表6 企业数字化水平等级）", pages["result"]);
        // The history names the instrument as users know it, not by its file's id.
        var table = PageClient.Parse(await bureau.GetStringAsync($"/assessments/{id}")).QuerySelector("#history")!;
        var history = table.TextContent;
        // Its creation (every answer) is one folded row, not a page of rows.
        var created = table.QuerySelector("details dl.history-created")!;
        Assert.True(created.QuerySelectorAll("dt").Length > 6);
        Assert.Contains("全部内容（", table.TextContent);
        Assert.DoesNotContain("miit-2024", history);
        Assert.Contains("中小企业数字化水平评测指标（2024年版）", history);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", history); // 评测日期 as 2025年7月16日
        // Each answer reads as the 答卷明细 shows it: the letter with its option's words, never letters alone.
        var answers = created.QuerySelectorAll("dd").Select(d => d.TextContent.Trim()).ToList();
        Assert.DoesNotContain(answers, a => Regex.IsMatch(a, "^[A-Z](、[A-Z])*$"));
        var page = PageClient.Parse(await bureau.GetStringAsync($"/assessments/{id}"));
        var row = page.QuerySelectorAll("#answers tbody tr").First(r => r.QuerySelectorAll("td")[1].TextContent.Trim().Length > 0);
        var (question, chosen) = (row.QuerySelectorAll("td")[0].TextContent.Trim(), row.QuerySelectorAll("td")[1].QuerySelectorAll("div").Select(d => d.TextContent.Trim()));
        var dt = created.QuerySelectorAll("dt").First(d => d.TextContent.Trim() == question);
        Assert.Equal(string.Join("；", chosen), dt.NextElementSibling!.TextContent.Trim());
    }
}
