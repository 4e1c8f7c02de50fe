using DxPilot.Domain.Instruments;
using Xunit;

using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Instruments;

/// <summary>Every option of the 2024 instrument, typed from reference/miit-2024-indicators.json ("pts"), scored through the engine.</summary>
public class OptionPointsTests
{
    public static TheoryData<string, string, decimal> Miit2024Options()
    {
        var data = new TheoryData<string, string, decimal>();
        void Add(string question, params decimal[] points)
        {
            for (var i = 0; i < points.Length; i++) data.Add(question, ((char)('A' + i)).ToString(), points[i]);
        }
        Add("网络建设", 0, 2, 2, 2, 2);
        Add("设备数字化", 0, 1.5m, 3, 4.5m, 6);
        Add("设备联网", 0, 1.5m, 3, 4.5m, 6);
        Add("数据采集", 0, 0.7m, 0.7m, 0.7m, 0.7m, 0.7m, 0.7m, 0.7m, 0.7m, 0.7m, 0.7m, 0.7m, 0.7m, 0.7m, 0.9m);
        Add("信息系统", 0, 2.5m, 5, 7.5m, 10);
        Add("网络安全", 0, 1.25m, 1.25m, 1.25m, 1.25m);
        Add("数据安全", 0, 1.25m, 1.25m, 1.25m, 1.25m);
        Add("规划实施", 0, 1.5m, 3, 4.5m, 6, 7.5m);
        Add("管理机制", 0, 1.875m, 1.875m, 1.875m, 1.875m);
        Add("人才建设", 0, 1.5m, 1.5m, 1.5m, 1.5m, 1.5m);
        Add("资金保障", 0, 1.875m, 3.75m, 5.625m, 7.5m);
        Add("绿色低碳", 0, 3.5m, 7);
        Add("产品质量", 0, 3.5m, 7);
        Add("市场表现", 0, 1.5m, 3);
        Add("价值效益", 0, 1.5m, 3);
        return data;
    }

    [Theory]
    [MemberData(nameof(Miit2024Options))]
    public void Each_2024_option_scores_its_official_points(string question, string letter, decimal points)
    {
        // Every other question at A, which is 0 in the official table for all fifteen.
        var sheet = OfficialInstruments.Sheet2024(q => q.Name == question ? [letter] : ["A"], _ => 0);
        var result = new Scorer(OfficialInstruments.Miit2024).Assess(sheet).Result!;
        Assert.Equal(points, result.Question(question));
        Assert.Equal(points, result.Total);
    }

    [Fact]
    public void The_2024_table_covers_every_option_of_the_file()
    {
        Assert.Equal(OfficialInstruments.Miit2024.Questions.Sum(q => q.Options.Count), Miit2024Options().Count());
    }

    public static TheoryData<string, string, decimal> Miit2022Options() => new()
    {
        // Q1 2 pts (25 % × 40 % × 20 % of 100), equal steps, 以上均无 = 0
        { "数字化设备覆盖范围", "A", 0.5m }, { "数字化设备覆盖范围", "D", 2m }, { "数字化设备覆盖范围", "E", 0m },
        // Q2 3 pts, five bands, first band 0
        { "数字化设备联网率", "A", 0m }, { "数字化设备联网率", "B", 0.75m }, { "数字化设备联网率", "E", 3m },
        // Q3 3 pts, four bands: 0, 1, 2, 3
        { "关键工序数控化率", "B", 1m }, { "关键工序数控化率", "C", 2m },
        // Q5 4.5 pts over ten named items
        { "数据自动获取", "A", 0.45m },
        // Q9 3.78 pts (45 % × 42 % × 20 %)
        { "生产计划", "A", 0.945m },
        // Q16 6.3 pts: three sub-lists of 1/3 each; 3 items in list 1, 5 in list 3
        { "产品服务", "A", 0.7m }, { "产品服务", "I", 0.42m },
        // Q22 3 pts, higher is better; Q24 3 pts, lower cost is better
        { "产品合格率", "A", 0m }, { "产品合格率", "E", 3m },
        { "百元营业收入成本", "A", 3m }, { "百元营业收入成本", "C", 1.5m }, { "百元营业收入成本", "E", 0m },
    };

    [Theory]
    [MemberData(nameof(Miit2022Options))]
    public void Each_2022_option_follows_the_weights_and_the_stated_assumptions(string question, string letter, decimal points)
    {
        var q = OfficialInstruments.Miit2022.FindQuestion(question)!;
        Assert.Equal(points, q.Options[q.OptionIndex(letter)].Points);
    }
}
