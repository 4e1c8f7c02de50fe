using DxPilot.Domain.Instruments;
using Xunit;

using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Instruments;

public class ValidationTests
{
    private static readonly Scorer Scorer2024 = new(OfficialInstruments.Miit2024);

    private static (Dictionary<string, IReadOnlyList<string>> Answers, Dictionary<string, int> Levels) Complete() => (
        OfficialInstruments.Miit2024.Questions.ToDictionary(q => q.Name, _ => (IReadOnlyList<string>)["A"]),
        OfficialInstruments.Miit2024.Scenarios.ToDictionary(s => s.Name, _ => 1));

    private static AssessmentProblem OnlyProblem(Action<Dictionary<string, IReadOnlyList<string>>, Dictionary<string, int>> change)
    {
        var (answers, levels) = Complete();
        change(answers, levels);
        var assessment = Scorer2024.Assess(new AnswerSheet { Answers = answers, ScenarioLevels = levels });
        Assert.Null(assessment.Result);
        return Assert.Single(assessment.Problems);
    }

    [Fact]
    public void A_complete_sheet_has_no_problem() =>
        Assert.Empty(Scorer2024.Assess(new AnswerSheet { Answers = Complete().Answers, ScenarioLevels = Complete().Levels }).Problems);

    [Fact]
    public void Unknown_question_is_named()
    {
        var p = OnlyProblem((a, _) => a["网络建造"] = ["A"]);
        Assert.Equal(ProblemKind.UnknownQuestion, p.Kind);
        Assert.Equal("未知的题目“网络建造”（中小企业数字化水平评测指标（2024年版）中没有这道题）", p.Message);
    }

    [Fact]
    public void Letter_not_offered_is_named_with_the_offered_letters()
    {
        var p = OnlyProblem((a, _) => a["信息系统"] = ["F"]);
        Assert.Equal(ProblemKind.UnknownOption, p.Kind);
        Assert.Equal("题目“信息系统”没有选项“F”，可选：A、B、C、D、E", p.Message);
    }

    [Fact]
    public void Two_letters_on_a_single_choice_question_are_refused()
    {
        var p = OnlyProblem((a, _) => a["设备联网"] = ["B", "C"]);
        Assert.Equal(ProblemKind.TooManyOptions, p.Kind);
        Assert.Contains("设备联网", p.Message);
    }

    [Fact]
    public void None_mixed_with_other_options_is_refused()
    {
        var p = OnlyProblem((a, _) => a["网络建设"] = ["A", "B"]);
        Assert.Equal(ProblemKind.ExclusiveMixed, p.Kind);
        Assert.Equal("题目“网络建设”：选项A“无”不能与其他选项同时勾选", p.Message);
    }

    [Fact]
    public void Unknown_scenario_is_named()
    {
        var p = OnlyProblem((_, l) => l["计划管理"] = 2);
        Assert.Equal(ProblemKind.UnknownScenario, p.Kind);
        Assert.Contains("“计划管理”", p.Message);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(-1)]
    public void Scenario_level_outside_0_to_4_is_refused(int level)
    {
        var p = OnlyProblem((_, l) => l["产品设计"] = level);
        Assert.Equal(ProblemKind.ScenarioLevelOutOfRange, p.Kind);
        Assert.Equal($"应用场景“产品设计”的等级应为0至4（0表示未达到一级），收到{level}", p.Message);
    }

    [Fact]
    public void Missing_answers_are_listed_by_name()
    {
        var p = OnlyProblem((a, _) => { a.Remove("数据采集"); a["价值效益"] = []; });
        Assert.Equal(ProblemKind.MissingAnswers, p.Kind);
        Assert.Equal("以下2道题目未作答：数据采集、价值效益", p.Message);
    }

    [Fact]
    public void Missing_scenario_levels_are_listed_by_name()
    {
        var p = OnlyProblem((_, l) => l.Remove("决策支持"));
        Assert.Equal(ProblemKind.MissingScenarioLevels, p.Kind);
        Assert.Equal("以下1个应用场景未评定等级：决策支持", p.Message);
    }

    [Fact]
    public void All_problems_are_reported_not_only_the_first()
    {
        var (answers, levels) = Complete();
        answers["信息系统"] = ["Z"];
        answers["网络建设"] = ["A", "C"];
        answers.Remove("资金保障");
        levels["产品设计"] = 9;
        var problems = Scorer2024.Read(new AnswerSheet { Answers = answers, ScenarioLevels = levels }).Problems;
        Assert.Equal([ProblemKind.UnknownOption, ProblemKind.ExclusiveMixed, ProblemKind.ScenarioLevelOutOfRange, ProblemKind.MissingAnswers],
            problems.Select(p => p.Kind).Order());
        Assert.Equal("以下1道题目未作答：资金保障", problems.Single(p => p.Kind == ProblemKind.MissingAnswers).Message);
    }

    [Fact]
    public void Unknown_and_unusable_raw_inputs_are_refused()
    {
        var (answers, levels) = Complete();
        var problems = Scorer2024.Read(new AnswerSheet
        {
            Answers = answers, ScenarioLevels = levels,
            RawInputs = new Dictionary<string, decimal> { ["设备台数"] = 3, ["生产设备数量（台）"] = 0, ["实现数字化的生产设备数量（台）"] = 0 },
        }).Problems;
        Assert.Contains(problems, p => p.Kind == ProblemKind.UnknownRawInput && p.Item == "设备台数");
        Assert.Contains(problems, p => p.Kind == ProblemKind.InvalidRawInput && p.Message == "题目“设备数字化”的原始数据有误：“生产设备数量（台）”为0，无法计算比例");
    }

    [Fact]
    public void The_2022_product_service_none_is_exclusive_only_within_its_sub_list()
    {
        var instrument = OfficialInstruments.Miit2022;
        var answers = instrument.Questions.ToDictionary(q => q.Name, OfficialInstruments.Worst);
        var scorer = new Scorer(instrument);
        answers["产品服务"] = ["D", "E"]; // list 1 none, list 2 one item
        Assert.Equal(0.7m, scorer.Assess(new AnswerSheet { Answers = answers }).Result!.Question("产品服务"));
        answers["产品服务"] = ["D", "A"];
        Assert.Equal(ProblemKind.ExclusiveMixed, Assert.Single(scorer.Read(new AnswerSheet { Answers = answers }).Problems).Kind);
    }
}
