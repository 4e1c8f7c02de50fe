namespace DxPilot.Web.Tests.Support;

/// <summary>2024 answer sheets typed from the official table (reference/miit-2024-indicators.json, seed 002 表6-表8):
/// option letters and the points the table gives them, never points computed by the code under test.</summary>
public static class AssessmentSheets
{
    public static readonly string[] Scenarios =
        ["产品设计", "工艺设计", "营销管理", "售后服务", "计划排程", "生产管控", "质量管理", "设备管理",
         "安全生产", "能耗管理", "采购管理", "仓储物流", "财务管理", "人力资源", "协同办公", "决策支持"];

    /// <summary>Every option at its highest: 8+6+6+10+10+5+5+7.5+7.5+7.5+7.5+7+7+3+3 = 100 points.</summary>
    public static Dictionary<string, string[]> Maximum() => new()
    {
        ["网络建设"] = ["B", "C", "D", "E"], ["设备数字化"] = ["E"], ["设备联网"] = ["E"],
        ["数据采集"] = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"], ["信息系统"] = ["E"],
        ["网络安全"] = ["B", "C", "D", "E"], ["数据安全"] = ["B", "C", "D", "E"], ["规划实施"] = ["F"], ["管理机制"] = ["B", "C", "D", "E"],
        ["人才建设"] = ["B", "C", "D", "E", "F"], ["资金保障"] = ["E"], ["绿色低碳"] = ["C"], ["产品质量"] = ["C"],
        ["市场表现"] = ["C"], ["价值效益"] = ["C"],
    };

    /// <summary>Exactly 40 points: 设备系统 20 (网络建设 BCDE 8, 设备数字化 E 6, 设备联网 E 6), 信息系统 E 10, 绿色低碳 C 7,
    /// 市场表现 C 3; everything else 无 / A (0).</summary>
    public static Dictionary<string, string[]> Forty() => new()
    {
        ["网络建设"] = ["B", "C", "D", "E"], ["设备数字化"] = ["E"], ["设备联网"] = ["E"], ["数据采集"] = ["A"], ["信息系统"] = ["E"],
        ["网络安全"] = ["A"], ["数据安全"] = ["A"], ["规划实施"] = ["A"], ["管理机制"] = ["A"], ["人才建设"] = ["A"], ["资金保障"] = ["A"],
        ["绿色低碳"] = ["C"], ["产品质量"] = ["A"], ["市场表现"] = ["C"], ["价值效益"] = ["A"],
    };

    /// <summary>Six scenarios at 二级, three of them constrained (产品设计, 营销管理, 生产管控): 表6's minimum for 二级.</summary>
    public static Dictionary<string, int> SixAtTwoThreeConstrained() =>
        Scenarios.ToDictionary(s => s, s => s is "产品设计" or "营销管理" or "生产管控" or "工艺设计" or "售后服务" or "计划排程" ? 2 : 0);

    public static Dictionary<string, int> All(int level) => Scenarios.ToDictionary(s => s, _ => level);

    public static object Body(string stage, Dictionary<string, string[]> answers, Dictionary<string, int> scenarios,
        string instrument = "miit-2024", string assessedOn = "2025-06-30", Dictionary<string, string>? evidence = null, int? version = null) =>
        new { instrument, stage, assessedOn, answers, scenarios, evidence = evidence ?? [], version };
}
