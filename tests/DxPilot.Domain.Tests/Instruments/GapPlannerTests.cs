using System.Text;
using DxPilot.Domain.Instruments;
using Xunit;

using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Instruments;

public class GapPlannerTests
{
    private static readonly Scorer Scorer2024 = new(OfficialInstruments.Miit2024);

    private static ScoreResult Result(Func<Question, IReadOnlyList<string>> answer, Func<Scenario, int> level) =>
        Scorer2024.Assess(OfficialInstruments.Sheet2024(answer, level)).Result!;

    [Fact]
    public void A_reached_level_needs_nothing()
    {
        var plan = GapPlanner.Plan(Result(OfficialInstruments.Best, _ => 4), 3);
        Assert.True(plan.AlreadyReached);
        Assert.Empty(plan.Changes);
        Assert.Equal("已达到三级（集成级）", plan.Summary);
    }

    [Fact]
    public void Five_points_short_takes_one_question_raised_only_as_far_as_needed()
    {
        // 信息系统 C 5 + 网络建设 8 + 设备数字化 6 + 设备联网 6 + 数据采集 10 = 35; scenarios fine for 二级
        var full = new Dictionary<string, IReadOnlyList<string>>
        {
            ["信息系统"] = ["C"], ["网络建设"] = ["B", "C", "D", "E"], ["设备数字化"] = ["E"], ["设备联网"] = ["E"],
            ["数据采集"] = "BCDEFGHIJKLMNO".Select(c => c.ToString()).ToList(),
        };
        var result = Result(q => full.GetValueOrDefault(q.Name, ["A"]), s => s.Constrained ? 2 : 0);
        Assert.Equal(35m, result.Total);
        Assert.Equal(1, result.Level);

        var plan = GapPlanner.Plan(result, 2);
        Assert.True(plan.Reachable);
        // The biggest possible gain is 7.5 (规划实施 first in order); its lowest option adding ≥ 5 is E = 6 points.
        var change = Assert.Single(plan.Changes);
        Assert.Equal(("规划实施", 6m), (change.Item, change.PointsAdded));
        // In the options' own words (miit-2024.json 规划实施: A "无", E "已经通过数字化手段…"), no letters.
        Assert.Equal("题目“规划实施”：现为“无”，需达到“已经通过数字化手段实现业务模式、管理决策方式的改变并取得成效”，加6分", change.Explanation);
        Assert.Equal(["无"], change.Have);
        Assert.Equal(["已经通过数字化手段实现业务模式、管理决策方式的改变并取得成效"], change.Need);
        Assert.Equal(2, Scorer2024.ScoreQuick(plan.ChangedSheet).Level);
    }

    [Fact]
    public void A_multi_choice_question_says_what_the_enterprise_has_and_what_it_would_add_in_the_options_words()
    {
        // Single-choice questions at their best (57), 数据采集 all (10), 管理机制 all (7.5), 人才建设 B、C (3), 网络建设 B (2),
        // 网络安全 and 数据安全 无: 79.5 points, all scenarios 四级 → 三级. 四级 needs 80: the largest gain is 网络建设 (6),
        // and its first unticked option, C (2 points), covers the 0.5 missing.
        var answers = new Dictionary<string, IReadOnlyList<string>>
        {
            ["数据采集"] = "BCDEFGHIJKLMNO".Select(c => c.ToString()).ToList(), ["管理机制"] = ["B", "C", "D", "E"],
            ["人才建设"] = ["B", "C"], ["网络建设"] = ["B"], ["网络安全"] = ["A"], ["数据安全"] = ["A"],
        };
        var result = Result(q => answers.TryGetValue(q.Name, out var a) ? a : OfficialInstruments.Best(q), _ => 4);
        Assert.Equal((79.5m, 3), (result.Total, result.Level));

        var change = Assert.Single(GapPlanner.Plan(result, 4).Changes);

        // miit-2024.json 网络建设: B "企业车间建成工控网络，支持自动化控制应用", C "企业建成应用系统网络，…".
        Assert.Equal("网络建设", change.Item);
        Assert.Equal(["企业车间建成工控网络，支持自动化控制应用"], change.Have);
        Assert.Equal(["企业建成应用系统网络，实现大规模设备、人员与信息系统互联，可支持大规模设备、人员与信息系统互联"], change.Need);
        Assert.StartsWith("题目“网络建设”：现有企业车间建成工控网络，支持自动化控制应用；需新增企业建成应用系统网络", change.Explanation);
        Assert.DoesNotMatch("[A-Z]、[A-Z]|由[A-Z]", change.Explanation);
    }

    [Fact]
    public void A_multi_choice_question_with_none_ticked_has_nothing_and_lists_every_option_to_add()
    {
        // As above but 网络建设 B、C、D、E (8) and 数据采集 无 (0): 75.5 points → 三级. 四级 needs 4.5 more: the largest gain is
        // 数据采集 (10), raised by its best options first: O 人力资源 (0.9), then B, C, … (0.7 each) until ≥ 4.5: 0.9 + 6 × 0.7.
        var answers = new Dictionary<string, IReadOnlyList<string>>
        {
            ["数据采集"] = ["A"], ["管理机制"] = ["B", "C", "D", "E"], ["人才建设"] = ["B", "C"],
            ["网络建设"] = ["B", "C", "D", "E"], ["网络安全"] = ["A"], ["数据安全"] = ["A"],
        };
        var result = Result(q => answers.TryGetValue(q.Name, out var a) ? a : OfficialInstruments.Best(q), _ => 4);
        Assert.Equal((75.5m, 3), (result.Total, result.Level));

        var change = Assert.Single(GapPlanner.Plan(result, 4).Changes);

        Assert.Equal("数据采集", change.Item);
        Assert.Empty(change.Have);
        // miit-2024.json 数据采集: B 产品设计 … G 生产管控, O 人力资源; listed in the form's order.
        Assert.Equal(["产品设计", "工艺设计", "营销管理", "售后服务", "计划排程", "生产管控", "人力资源"], change.Need);
        Assert.StartsWith("题目“数据采集”：现有（无）；需新增产品设计、工艺设计、", change.Explanation);
    }

    [Fact]
    public void A_missing_constrained_scenario_is_raised_from_the_nearest_level()
    {
        // 8 at 三级, 4 of them constrained → 二级; the other constrained ones sit at 1 and 2
        var levels = new Dictionary<string, int>
        {
            ["产品设计"] = 3, ["营销管理"] = 3, ["生产管控"] = 3, ["质量管理"] = 3, ["设备管理"] = 1, ["安全生产"] = 2,
            ["工艺设计"] = 3, ["售后服务"] = 3, ["计划排程"] = 3, ["人力资源"] = 3,
        };
        var result = Result(OfficialInstruments.Best, s => levels.GetValueOrDefault(s.Name));
        Assert.Equal(2, result.Level);
        var plan = GapPlanner.Plan(result, 3);
        var change = Assert.Single(plan.Changes);
        Assert.Equal((GapChangeKind.Scenario, "安全生产", true), (change.Kind, change.Item, change.Constrained));
        Assert.StartsWith("约束性场景“安全生产”：由二级提升到三级，达到三级的场景+1（约束性+1）", change.Explanation);
        Assert.Equal(3, Scorer2024.ScoreQuick(plan.ChangedSheet).Level);
    }

    [Fact]
    public void Nothing_answered_to_level_four_lists_constrained_scenarios_first_and_reaches_it()
    {
        var plan = GapPlanner.Plan(Result(_ => ["A"], _ => 0), 4);
        Assert.True(plan.Reachable);
        var scenarios = plan.Changes.Where(c => c.Kind == GapChangeKind.Scenario).ToList();
        Assert.Equal(10, scenarios.Count); // table 6: ten scenarios at 四级, six of them constrained
        Assert.All(scenarios, c => Assert.True(c.Constrained)); // the ten constrained ones come first
        // 80 points: the largest questions first (10, 8, 7.5 ×4, 7 ×2, 6 ×2, …) – the fewest that add up to 80
        Assert.Equal(11, plan.Changes.Count(c => c.Kind == GapChangeKind.Answer));
        Assert.Equal(4, Scorer2024.ScoreQuick(plan.ChangedSheet).Level);
    }

    // A tiny instrument small enough to try every sheet: Q1 single 0/2/5, Q2 multi 无/1/2/2; S1, S2 constrained, S3 guided.
    private const string Tiny = """
    { "id": "tiny", "version": "1", "name": "小工具", "source": "test", "totalPoints": 10,
      "dimensions": [ { "name": "维度", "points": 10, "source": "test", "subIndicators": [ { "name": "子项", "points": 10, "source": "test",
        "questions": [
          { "name": "Q1", "kind": "single", "text": "q1", "points": 5, "source": "test",
            "options": [ { "k": "A", "text": "无", "points": 0 }, { "k": "B", "text": "b", "points": 2 }, { "k": "C", "text": "c", "points": 5 } ] },
          { "name": "Q2", "kind": "multi", "text": "q2", "points": 5, "source": "test",
            "options": [ { "k": "A", "text": "无", "points": 0, "exclusive": true }, { "k": "B", "text": "b", "points": 1 },
                         { "k": "C", "text": "c", "points": 2 }, { "k": "D", "text": "d", "points": 2 } ] } ] } ] } ],
      "scenarios": [
        { "name": "S1", "group": "g", "constrained": true, "levels": ["1", "2", "3", "4"], "source": "test" },
        { "name": "S2", "group": "g", "constrained": true, "levels": ["1", "2", "3", "4"], "source": "test" },
        { "name": "S3", "group": "g", "constrained": false, "levels": ["1", "2", "3", "4"], "source": "test" } ],
      "levelRule": { "kind": "scoreAndScenarios", "source": "test", "levels": [
        { "level": 1, "name": "一级", "minScore": 2, "minScenarios": 1, "minConstrained": 1 },
        { "level": 2, "name": "二级", "minScore": 4, "minScenarios": 2, "minConstrained": 1 },
        { "level": 3, "name": "三级", "minScore": 7, "minScenarios": 2, "minConstrained": 2 },
        { "level": 4, "name": "四级", "minScore": 9, "minScenarios": 3, "minConstrained": 2 } ] } }
    """;

    [Fact]
    public void On_a_tiny_instrument_the_plan_is_as_small_as_the_best_of_every_possible_sheet()
    {
        var tiny = InstrumentLoader.Load(new MemoryStream(Encoding.UTF8.GetBytes(Tiny)), "tiny.json");
        var scorer = new Scorer(tiny);
        uint[] q1 = [1, 2, 4];
        uint[] q2 = [1, 2, 4, 8, 6, 10, 12, 14];
        var all = (from a in q1 from b in q2 from s1 in Enumerable.Range(0, 5) from s2 in Enumerable.Range(0, 5) from s3 in Enumerable.Range(0, 5)
                   select new IndexedSheet([a, b], [(byte)s1, (byte)s2, (byte)s3])).ToList();
        foreach (var start in all.Where((_, i) => i % 7 == 0))
        {
            var result = scorer.Score(start);
            for (var target = result.Level + 1; target <= 4; target++)
            {
                var plan = GapPlanner.Plan(result, target);
                var best = all.Where(s => scorer.ScoreQuick(s).Level >= target).Min(s => Changed(start, s));
                Assert.True(plan.Reachable);
                Assert.True(scorer.ScoreQuick(plan.ChangedSheet).Level >= target);
                Assert.Equal(best, plan.Changes.Count);
                Assert.Equal(plan.Changes.Count, Changed(start, plan.ChangedSheet));
            }
        }
    }

    private static int Changed(IndexedSheet a, IndexedSheet b) =>
        a.Choices.Zip(b.Choices).Count(p => p.First != p.Second) + a.ScenarioLevels.Zip(b.ScenarioLevels).Count(p => p.First != p.Second);
}
