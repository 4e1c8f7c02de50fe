using DxPilot.Domain.Instruments;
using Xunit;

using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Instruments;

public class ScorerTests
{
    private static readonly Scorer Scorer2024 = new(OfficialInstruments.Miit2024);
    private static readonly string[] Constrained = ["产品设计", "营销管理", "生产管控", "质量管理", "设备管理", "安全生产", "能耗管理", "采购管理", "仓储物流", "财务管理"];
    private static readonly string[] Guided = ["工艺设计", "售后服务", "计划排程", "人力资源", "协同办公", "决策支持"];

    /// <summary>信息系统 E 10 + 网络建设 B-E 8 + 设备数字化 E 6 + 设备联网 E 6 + 数据采集 B-O 10 = 40 (reference table).</summary>
    private static Dictionary<string, IReadOnlyList<string>> FortyPoints()
    {
        var answers = OfficialInstruments.Miit2024.Questions.ToDictionary(q => q.Name, _ => (IReadOnlyList<string>)["A"]);
        answers["信息系统"] = ["E"];
        answers["网络建设"] = ["B", "C", "D", "E"];
        answers["设备数字化"] = ["E"];
        answers["设备联网"] = ["E"];
        answers["数据采集"] = "BCDEFGHIJKLMNO".Select(c => c.ToString()).ToList();
        return answers;
    }

    private static Dictionary<string, int> Levels(int constrainedCount, int guidedCount, int level)
    {
        var levels = OfficialInstruments.Miit2024.Scenarios.ToDictionary(s => s.Name, _ => 0);
        foreach (var s in Constrained.Take(constrainedCount)) levels[s] = level;
        foreach (var s in Guided.Take(guidedCount)) levels[s] = level;
        return levels;
    }

    private static ScoreResult Assess(Dictionary<string, IReadOnlyList<string>> answers, Dictionary<string, int> levels) =>
        Scorer2024.Assess(new AnswerSheet { Answers = answers, ScenarioLevels = levels }).Result!;

    [Fact]
    public void All_maximum_with_every_scenario_at_four_is_100_and_level_four()
    {
        var result = Scorer2024.Assess(OfficialInstruments.Sheet2024(OfficialInstruments.Best, _ => 4)).Result!;
        Assert.Equal(100m, result.Total);
        Assert.Equal([50m, 30m, 20m], result.Dimensions);
        Assert.Equal([20m, 10m, 10m, 10m, 15m, 15m, 7m, 7m, 6m], result.SubIndicators);
        Assert.Equal(4, result.Level);
        Assert.Equal("四级（协同级）", result.LevelName);
        Assert.Empty(result.Shortfalls);
        Assert.Equal([0, 0, 0, 0, 16], result.ScenariosAtLevel);
        Assert.Equal([0, 0, 0, 0, 10], result.ConstrainedAtLevel);
    }

    [Fact]
    public void All_none_is_zero_and_no_level_with_a_reason_per_level()
    {
        var result = Scorer2024.Assess(OfficialInstruments.Sheet2024(_ => ["A"], _ => 0)).Result!;
        Assert.Equal(0m, result.Total);
        Assert.Equal(0, result.Level);
        Assert.Equal("无等级", result.LevelName);
        Assert.Equal(4, result.Shortfalls.Count);
        Assert.Equal("一级未达到：总分0分，需要20分；应用场景达到一级的只有0个，需要6个；约束性场景达到一级的只有0个，需要3个", result.Shortfalls[0].Reason);
    }

    [Fact]
    public void Exactly_40_points_with_six_scenarios_three_constrained_is_level_two()
    {
        var result = Assess(FortyPoints(), Levels(3, 3, 2));
        Assert.Equal(40m, result.Total);
        Assert.Equal(2, result.Level);
        Assert.StartsWith("三级未达到：总分40分，需要60分", result.Shortfalls.Single(s => s.Level == 3).Reason);
    }

    [Fact]
    public void One_item_less_than_40_points_is_level_one_with_the_score_as_reason()
    {
        var answers = FortyPoints();
        answers["数据采集"] = "BCDEFGHIJKLMN".Select(c => c.ToString()).ToList(); // without 人力资源 0.9
        var result = Assess(answers, Levels(3, 3, 2));
        Assert.Equal(39.1m, result.Total);
        Assert.Equal(1, result.Level);
        Assert.Equal("二级未达到：总分39.1分，需要40分", result.Shortfalls.Single(s => s.Level == 2).Reason);
    }

    [Fact]
    public void Eight_scenarios_at_three_of_which_four_constrained_gives_level_two()
    {
        var answers = OfficialInstruments.Miit2024.Questions.ToDictionary(q => q.Name, OfficialInstruments.Best);
        var result = Assess(answers, Levels(4, 4, 3));
        Assert.Equal(100m, result.Total);
        Assert.Equal(8, result.ScenariosAtOrAbove[3]);
        Assert.Equal(2, result.Level);
        Assert.Equal("三级未达到：约束性场景达到三级的只有4个，需要5个", result.Shortfalls.Single(s => s.Level == 3).Reason);
    }

    [Fact]
    public void Six_scenarios_at_two_of_which_two_constrained_gives_at_most_level_one()
    {
        var answers = OfficialInstruments.Miit2024.Questions.ToDictionary(q => q.Name, OfficialInstruments.Best);
        var result = Assess(answers, Levels(2, 4, 2));
        Assert.Equal(0, result.Level); // no third constrained scenario even at level one
        Assert.Equal("二级未达到：约束性场景达到二级的只有2个，需要3个", result.Shortfalls.Single(s => s.Level == 2).Reason);

        var levels = Levels(2, 4, 2);
        levels["质量管理"] = 1;
        Assert.Equal(1, Assess(answers, levels).Level);
    }

    [Fact]
    public void Level_names_follow_table_6()
    {
        var rule = OfficialInstruments.Miit2024.LevelRule;
        Assert.Equal(["无等级", "一级（初始级）", "二级（规范级）", "三级（集成级）", "四级（协同级）"], Enumerable.Range(0, 5).Select(rule.NameOf));
    }

    [Fact]
    public void Random_sheets_never_exceed_100_and_an_extra_tick_never_lowers_the_score()
    {
        var random = new Random(20240910);
        var instrument = OfficialInstruments.Miit2024;
        for (var n = 0; n < 2000; n++)
        {
            var sheet = RandomSheet(instrument, random);
            var quick = Scorer2024.ScoreQuick(sheet);
            var full = Scorer2024.Score(sheet);
            Assert.InRange(quick.Total, 0m, 100m);
            Assert.Equal(full.Total, quick.Total);
            Assert.Equal(full.Level, quick.Level);

            foreach (var q in instrument.Questions.Where(q => q.Kind == QuestionKind.Multi))
            {
                var ticked = sheet.Choices[q.Index];
                if (q.Options.Any(o => o.Exclusive && (ticked & (1u << o.Index)) != 0)) continue;
                foreach (var extra in q.Options.Where(o => !o.Exclusive && (ticked & (1u << o.Index)) == 0))
                {
                    var more = sheet.Clone();
                    more.Choices[q.Index] |= 1u << extra.Index;
                    Assert.True(Scorer2024.ScoreQuick(more).Units >= quick.Units, $"{q.Name}+{extra.Key}");
                }
            }
        }
    }

    [Fact]
    public void The_hot_path_ignores_bits_of_options_a_question_does_not_have()
    {
        var sheet = OfficialInstruments.Miit2024.NewSheet();
        sheet.Choices[OfficialInstruments.Miit2024.FindQuestion("网络建设")!.Index] = 0b100000u | (1u << 31); // no option F, no option 32
        sheet.ScenarioLevels[0] = 9;
        var score = Scorer2024.ScoreQuick(sheet);
        Assert.Equal(0m, score.Total);
        Assert.Equal(1, Scorer2024.Score(sheet).ScenariosAtOrAbove[4]); // a level above 4 counts as 4
    }

    /// <summary>A valid random sheet: one option per single question; "无" alone or any set of the others per multi question.</summary>
    internal static IndexedSheet RandomSheet(Instrument instrument, Random random)
    {
        var sheet = instrument.NewSheet();
        foreach (var q in instrument.Questions)
        {
            if (q.Kind == QuestionKind.Single) { sheet.Choices[q.Index] = 1u << random.Next(q.Options.Count); continue; }
            var none = q.Options.FirstOrDefault(o => o.Exclusive);
            if (none is not null && random.Next(5) == 0) { sheet.Choices[q.Index] = 1u << none.Index; continue; }
            foreach (var o in q.Options.Where(o => !o.Exclusive && random.Next(2) == 0)) sheet.Choices[q.Index] |= 1u << o.Index;
        }
        for (var s = 0; s < sheet.ScenarioLevels.Length; s++) sheet.ScenarioLevels[s] = (byte)random.Next(5);
        return sheet;
    }

    [Fact]
    public void Miit2022_all_maximum_is_100_and_exactly_40_is_level_two()
    {
        var instrument = OfficialInstruments.Miit2022;
        var scorer = new Scorer(instrument);
        var best = scorer.Assess(new AnswerSheet { Answers = instrument.Questions.ToDictionary(q => q.Name, OfficialInstruments.Best) }).Result!;
        Assert.Equal(100m, best.Total);
        Assert.Equal(4, best.Level);

        // 基础 25 at maximum + Q18 3 + Q19 7 + Q20 5 = 40 (weights of seed 003 附件4)
        var answers = instrument.Questions.ToDictionary(q => q.Name, OfficialInstruments.Worst);
        foreach (var name in new[] { "数字化设备覆盖范围", "数字化设备联网率", "关键工序数控化率", "云平台业务管理", "数据自动获取", "数据汇聚应用", "网络安全", "转型意识与执行", "组织与制度", "培训覆盖" })
            answers[name] = OfficialInstruments.Best(instrument.FindQuestion(name)!);
        var forty = scorer.Assess(new AnswerSheet { Answers = answers }).Result!;
        Assert.Equal(40m, forty.Total);
        Assert.Equal(2, forty.Level);
        Assert.Equal("二级", forty.LevelName);
        Assert.Equal("三级未达到：总分40分，需要60分", forty.Shortfalls.Single(s => s.Level == 3).Reason);
    }

    [Fact]
    public void Raw_device_counts_give_the_band_and_flag_a_contradicting_choice()
    {
        var answers = OfficialInstruments.Miit2024.Questions.ToDictionary(q => q.Name, _ => (IReadOnlyList<string>)["A"]);
        answers.Remove("设备数字化");
        answers["设备联网"] = ["C"];
        var sheet = new AnswerSheet
        {
            Answers = answers,
            ScenarioLevels = OfficialInstruments.Miit2024.Scenarios.ToDictionary(s => s.Name, _ => 0),
            // 45 of 100 digital → (40%,60%] = D; 45 of 100 networked also D, but C was chosen
            RawInputs = new Dictionary<string, decimal> { ["生产设备数量（台）"] = 100, ["实现数字化的生产设备数量（台）"] = 45, ["实现联网的生产设备数量（台）"] = 45 },
        };
        var assessment = Scorer2024.Assess(sheet);
        Assert.True(assessment.IsValid);
        Assert.Equal(4.5m, assessment.Result!.Question("设备数字化"));
        Assert.Equal(3m, assessment.Result.Question("设备联网"));
        var warning = Assert.Single(assessment.Problems);
        Assert.Equal(ProblemKind.RawInputContradiction, warning.Kind);
        Assert.Equal("设备联网", warning.Item);
        Assert.Contains("45%", warning.Message);
        Assert.Contains("应为D", warning.Message);
    }

    [Fact]
    public void Raw_revenue_per_head_rising_gives_increase()
    {
        var answers = OfficialInstruments.Miit2024.Questions.Where(q => q.Name != "市场表现").ToDictionary(q => q.Name, _ => (IReadOnlyList<string>)["A"]);
        var sheet = new AnswerSheet
        {
            Answers = answers,
            ScenarioLevels = OfficialInstruments.Miit2024.Scenarios.ToDictionary(s => s.Name, _ => 0),
            RawInputs = new Dictionary<string, decimal> { ["上年营业收入（万元）"] = 5000, ["上年员工人数（人）"] = 100, ["前年营业收入（万元）"] = 4000, ["前年员工人数（人）"] = 100 },
        };
        Assert.Equal(3m, Scorer2024.Assess(sheet).Result!.Question("市场表现"));
    }
}
