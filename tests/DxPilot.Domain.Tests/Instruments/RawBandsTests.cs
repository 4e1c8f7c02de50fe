using System.Text;
using System.Text.Json.Nodes;
using DxPilot.Domain.Instruments;
using Xunit;

using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Instruments;

/// <summary>Raw inputs of the 2024 instrument (设备台数, 投入与营业收入): a part cannot be larger than its whole, a ratio that
/// may exceed 100 % still takes its top band. Points are the options' of config/instruments/miit-2024.json
/// (设备数字化, 设备联网 E 6; 资金保障 E 7.5).</summary>
public class RawBandsTests
{
    private static readonly Scorer Scorer2024 = new(OfficialInstruments.Miit2024);

    /// <summary>Every question at A except those left for the raw inputs to answer, every scenario at 1.</summary>
    private static AnswerSheet Sheet(Dictionary<string, decimal> raw, params string[] leftToRaw) => new()
    {
        Answers = OfficialInstruments.Miit2024.Questions.Where(q => !leftToRaw.Contains(q.Name))
            .ToDictionary(q => q.Name, _ => (IReadOnlyList<string>)["A"]),
        ScenarioLevels = OfficialInstruments.Miit2024.Scenarios.ToDictionary(s => s.Name, _ => 1),
        RawInputs = raw,
    };

    [Fact]
    public void More_digitised_or_networked_devices_than_production_devices_are_refused_naming_both_counts()
    {
        // The user walk: 200 digitised and 300 networked of 100 production devices gave full marks.
        var assessment = Scorer2024.Assess(Sheet(new()
        {
            ["生产设备数量（台）"] = 100, ["实现数字化的生产设备数量（台）"] = 200, ["实现联网的生产设备数量（台）"] = 300,
        }, "设备数字化", "设备联网"));

        Assert.Null(assessment.Result);
        Assert.Equal(
        [
            "题目“设备数字化”的原始数据有误：“实现数字化的生产设备数量（台）”（200）大于“生产设备数量（台）”（100），请核对",
            "题目“设备联网”的原始数据有误：“实现联网的生产设备数量（台）”（300）大于“生产设备数量（台）”（100），请核对",
        ], assessment.Problems.Select(p => p.Message));
        Assert.All(assessment.Problems, p => Assert.Equal(ProblemKind.InvalidRawInput, p.Kind));
        Assert.Equal(["设备数字化", "设备联网"], assessment.Problems.Select(p => p.Item));
    }

    [Fact]
    public void A_part_larger_than_its_whole_is_refused_even_when_the_band_was_chosen()
    {
        var raw = new Dictionary<string, decimal> { ["生产设备数量（台）"] = 100, ["实现数字化的生产设备数量（台）"] = 100.5m };
        var answers = OfficialInstruments.Miit2024.Questions.ToDictionary(q => q.Name, _ => (IReadOnlyList<string>)["A"]);
        answers["设备数字化"] = ["E"];
        var problems = Scorer2024.Read(new AnswerSheet
        {
            Answers = answers, ScenarioLevels = OfficialInstruments.Miit2024.Scenarios.ToDictionary(s => s.Name, _ => 1), RawInputs = raw,
        }).Problems;

        var p = Assert.Single(problems);
        Assert.Equal(ProblemKind.InvalidRawInput, p.Kind);
        Assert.Equal("题目“设备数字化”的原始数据有误：“实现数字化的生产设备数量（台）”（100.5）大于“生产设备数量（台）”（100），请核对", p.Message);
    }

    [Fact]
    public void Every_device_digitised_and_networked_is_100_percent_and_the_top_band()
    {
        var assessment = Scorer2024.Assess(Sheet(new()
        {
            ["生产设备数量（台）"] = 100, ["实现数字化的生产设备数量（台）"] = 100, ["实现联网的生产设备数量（台）"] = 100,
        }, "设备数字化", "设备联网"));

        Assert.Empty(assessment.Problems);
        Assert.Equal(6m, assessment.Result!.Question("设备数字化"));
        Assert.Equal(6m, assessment.Result.Question("设备联网"));
    }

    [Fact]
    public void Digital_investment_above_revenue_is_accepted_in_the_top_band()
    {
        // Investment is not a part of revenue: a year's spend may exceed it, the rate is then above (60%,100%]'s bound and takes E.
        var assessment = Scorer2024.Assess(Sheet(new()
        {
            ["近三年年均数字化投入（万元/年）"] = 1200, ["近三年年均营业收入（万元/年）"] = 1000,
        }, "资金保障"));

        Assert.Empty(assessment.Problems);
        Assert.Equal(7.5m, assessment.Result!.Question("资金保障"));
    }

    [Fact]
    public void The_2024_file_declares_the_two_device_ratios_and_only_them_parts_of_a_whole()
    {
        var declared = OfficialInstruments.Miit2024.Questions.Where(q => q.RawBands is { PartOfWhole: true }).Select(q => q.Name);
        Assert.Equal(["设备数字化", "设备联网"], declared);
        Assert.False(OfficialInstruments.Miit2024.FindQuestion("资金保障")!.RawBands!.PartOfWhole);
    }

    [Fact]
    public void PartOfWhole_on_a_trend_is_refused_with_its_path()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(OfficialInstruments.Folder, "miit-2024.json")))!;
        // 绿色低碳 compares this year's energy with last year's: nothing is a part of anything.
        json["dimensions"]![2]!["subIndicators"]![0]!["questions"]![0]!["rawBands"]!["partOfWhole"] = true;

        var ex = Assert.Throws<InstrumentFormatException>(() =>
            InstrumentLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString())), "bad.json"));

        var (path, reason) = Assert.Single(ex.Problems);
        Assert.Equal("$.dimensions[2].subIndicators[0].questions[0].rawBands.partOfWhole", path);
        Assert.Contains("只用于 ratio", reason);
    }
}
