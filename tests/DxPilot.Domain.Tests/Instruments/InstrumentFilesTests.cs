using Xunit;
using DxPilot.Domain.Instruments;

using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Instruments;

public class InstrumentFilesTests
{
    [Fact]
    public void Miit2024_has_the_official_shape()
    {
        var i = OfficialInstruments.Miit2024;
        Assert.Equal(100m, i.TotalPoints);
        Assert.Equal(["数字化基础", "数字化管理", "数字化成效"], i.Dimensions.Select(d => d.Name));
        Assert.Equal([50m, 30m, 20m], i.Dimensions.Select(d => d.Points));
        // seed 002 表7, DOMAIN §3.1
        Assert.Equal(["设备系统", "数据采集", "信息系统", "信息安全", "规划管理", "要素保障", "绿色低碳", "产品质量", "市场效益"], i.SubIndicators.Select(s => s.Name));
        Assert.Equal([20m, 10m, 10m, 10m, 15m, 15m, 7m, 7m, 6m], i.SubIndicators.Select(s => s.Points));
        Assert.Equal(15, i.Questions.Count);
        Assert.Equal(16, i.Scenarios.Count);
        Assert.All(i.Scenarios, s => Assert.Equal(4, s.Levels.Count));
        // seed 002 表8: the ten starred scenarios
        Assert.Equal(["产品设计", "营销管理", "生产管控", "质量管理", "设备管理", "安全生产", "能耗管理", "采购管理", "仓储物流", "财务管理"],
            i.Scenarios.Where(s => s.Constrained).Select(s => s.Name));
    }

    [Fact]
    public void Miit2024_level_rule_is_table_6_of_seed_002()
    {
        var rule = OfficialInstruments.Miit2024.LevelRule;
        Assert.Equal(LevelRuleKind.ScoreAndScenarios, rule.Kind);
        Assert.Equal([(20m, 6, 3), (40m, 6, 3), (60m, 8, 5), (80m, 10, 6)], rule.Levels.Select(l => (l.MinScore, l.MinScenarios, l.MinConstrained)));
        Assert.Equal(["一级（初始级）", "二级（规范级）", "三级（集成级）", "四级（协同级）"], rule.Levels.Select(l => l.DisplayName));
        Assert.Equal("无等级", rule.NameOf(0));
    }

    [Fact]
    public void Miit2022_weights_cascade_to_100_percent()
    {
        var i = OfficialInstruments.Miit2022;
        Assert.Equal(24, i.Questions.Count);
        // seed 003 附件4: 基础 25 %, 经营 45 %, 管理 20 %, 成效 10 %
        Assert.Equal([25m, 45m, 20m, 10m], i.Dimensions.Select(d => d.Points));
        Assert.Equal(100m, i.Questions.Sum(q => q.Points));
        // 基础 25 × 设备系统 40 % × Q1 20 % = 2; 经营 45 × 生产管控 42 % × Q9 20 % = 3.78; 成效 10 × 生产效率 40 % = 4
        Assert.Equal(2m, i.FindQuestion("数字化设备覆盖范围")!.Points);
        Assert.Equal(3.78m, i.FindQuestion("生产计划")!.Points);
        Assert.Equal(4m, i.FindQuestion("人均营业收入")!.Points);
        Assert.Equal([20m, 40m, 60m, 80m], i.LevelRule.Levels.Select(l => l.MinScore));
        Assert.Equal(LevelRuleKind.ScoreBands, i.LevelRule.Kind);
    }

    [Fact]
    public void Heilongjiang_items_have_the_seed_points_and_subtotals()
    {
        var i = OfficialInstruments.Heilongjiang;
        int[] points = [2, 3, 5, 3, 3, 4, 5, 3, 3, 3, 3, 5, 5, 3, 5, 5, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 1];
        Assert.Equal(30, i.Questions.Count);
        Assert.Equal(points.Select(p => (decimal)p), i.Questions.Select(q => q.Points));
        Assert.Equal(100, points.Sum());
        Assert.Equal([10m, 15m, 25m, 10m, 15m, 15m, 10m], i.SubIndicators.Select(s => s.Points));
        Assert.Equal([50m, 25m, 25m], i.Dimensions.Select(d => d.Points));
        Assert.All(i.Questions, q => Assert.NotNull(q.Evidence));
        Assert.Equal(["credit", "registration", "miitLevel", "auditedReports", "pledge", "overview", "recognition"], i.Preconditions.Select(p => p.Id));
    }

    [Fact]
    public void Every_file_in_the_folder_loads_and_names_its_sources()
    {
        var all = InstrumentLoader.LoadFolder(OfficialInstruments.Folder);
        Assert.Equal(["hlj-benchmark", "miit-2022", "miit-2024"], all.Keys.Order());
        Assert.All(all.Values.SelectMany(i => i.Questions), q => Assert.False(string.IsNullOrWhiteSpace(q.Source)));
    }
}
