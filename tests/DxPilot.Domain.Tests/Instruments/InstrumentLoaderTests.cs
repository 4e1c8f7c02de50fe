using System.Text;
using System.Text.Json.Nodes;
using DxPilot.Domain.Instruments;
using Xunit;

using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Instruments;

public class InstrumentLoaderTests
{
    private static JsonNode Miit2024Json() => JsonNode.Parse(File.ReadAllText(Path.Combine(OfficialInstruments.Folder, "miit-2024.json")))!;

    private static InstrumentFormatException Refuse(string json, string file = "bad.json") =>
        Assert.Throws<InstrumentFormatException>(() => InstrumentLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), file));

    [Fact]
    public void Negative_option_points_are_refused_with_file_path_and_reason()
    {
        var json = Miit2024Json();
        json["dimensions"]![0]!["subIndicators"]![1]!["questions"]![0]!["options"]![1]!["points"] = -0.7m;
        var ex = Refuse(json.ToJsonString());
        Assert.Equal("bad.json", ex.File);
        Assert.Contains(("$.dimensions[0].subIndicators[1].questions[0].options[1].points", "不能为负数"), ex.Problems);
        Assert.Contains("bad.json", ex.Message);
        Assert.Contains("$.dimensions[0].subIndicators[1].questions[0].options[1].points: 不能为负数", ex.Message);
    }

    [Fact]
    public void A_basis_shown_to_users_names_official_documents_only()
    {
        Assert.Equal("《中小企业数字化水平评测指标（2024年版）》（工信厅企业〔2024〕56号）", OfficialInstruments.Miit2024.Basis);

        var json = Miit2024Json();
        json["basis"] = "《中小企业数字化水平评测指标（2024年版）》；reference/miit-2024-indicators.json";
        json["levelRule"]!["basis"] = "level_rule_best_evidence";
        var ex = Refuse(json.ToJsonString());
        Assert.Contains(ex.Problems, p => p.Path == "$.basis" && p.Reason.Contains("只写官方文件名称"));
        Assert.Contains(ex.Problems, p => p.Path == "$.levelRule.basis" && p.Reason.Contains("level_rule_best_evidence"));
    }

    [Fact]
    public void Points_that_do_not_add_up_are_refused()
    {
        var json = Miit2024Json();
        json["dimensions"]![2]!["points"] = 25;
        var ex = Refuse(json.ToJsonString());
        Assert.Contains(("$.dimensions", "一级指标分值合计105分，与上级的100分不一致"), ex.Problems);
    }

    [Fact]
    public void Option_points_that_do_not_reach_the_question_points_are_refused()
    {
        var json = Miit2024Json();
        json["dimensions"]![0]!["subIndicators"]![0]!["questions"]![0]!["options"]![4]!["points"] = 1;
        var ex = Refuse(json.ToJsonString());
        Assert.Contains(("$.dimensions[0].subIndicators[0].questions[0].options", "全部选项合计7分，与本题8分不一致"), ex.Problems);
    }

    [Fact]
    public void A_misspelt_key_is_refused_with_its_path()
    {
        var json = Miit2024Json();
        json["dimensions"]![1]!["pionts"] = 30;
        var ex = Refuse(json.ToJsonString());
        var (path, reason) = Assert.Single(ex.Problems);
        Assert.StartsWith("$.dimensions[1]", path);
        Assert.Equal("未知的字段（拼写错误？）", reason);
    }

    [Fact]
    public void Text_where_a_number_belongs_is_refused()
    {
        var json = Miit2024Json();
        json["totalPoints"] = "一百";
        var (path, reason) = Assert.Single(Refuse(json.ToJsonString()).Problems);
        Assert.Equal("$.totalPoints", path);
        Assert.StartsWith("类型不对", reason);
    }

    [Fact]
    public void Missing_source_duplicate_names_and_a_bad_level_rule_are_all_reported()
    {
        var json = Miit2024Json();
        json["dimensions"]![0]!["subIndicators"]![0]!["questions"]![1]!["source"] = "";
        json["dimensions"]![0]!["subIndicators"]![0]!["questions"]![2]!["name"] = "设备数字化";
        json["levelRule"]!["levels"]![3]!["minConstrained"] = 11;
        var problems = Refuse(json.ToJsonString()).Problems;
        Assert.Contains(("$.dimensions[0].subIndicators[0].questions[1].source", "不能为空"), problems);
        Assert.Contains(problems, p => p.Reason == "题目名称“设备数字化”重复（答案按题目名称对应，名称必须唯一）");
        Assert.Contains(("$.levelRule.levels[3].minConstrained", "应在0至10之间（约束性场景共10个）"), problems);
    }

    [Fact]
    public void A_file_may_title_a_level_but_not_rename_it()
    {
        var json = Miit2024Json();
        json["levelRule"]!["levels"]![1]!["name"] = "2级";
        Assert.Contains(("$.levelRule.levels[1].name", "应为“二级”"), Refuse(json.ToJsonString()).Problems);
    }

    [Fact]
    public void Weights_that_do_not_add_to_100_percent_are_refused()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(OfficialInstruments.Folder, "miit-2022.json")))!;
        json["dimensions"]![1]!["weightPct"] = 40;
        Assert.Contains(("$.dimensions", "一级指标权重合计95%，应为100%"), Refuse(json.ToJsonString()).Problems);
    }

    [Fact]
    public void Loading_from_a_path_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"id\": ");
        try
        {
            var ex = Assert.Throws<InstrumentFormatException>(() => InstrumentLoader.Load(path));
            Assert.Equal(Path.GetFileName(path), ex.File);
            Assert.StartsWith("不是有效的JSON", Assert.Single(ex.Problems).Reason);
        }
        finally { File.Delete(path); }
    }
}
