using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// 2024 answer documents (the input of `score` and POST /api/score/miit-2024) with their expected results worked out by
/// hand: option points from reference/miit-2024-indicators.json, levels from seed 002 表6 (level N needs ≥ 20N points and
/// K scenarios at N or above of which C constrained; (K, C) = (6,3), (6,3), (8,5), (10,6)).
/// </summary>
public static class AnswerDocuments
{
    /// <summary>The 16 scenarios in the reference order; the 10 constrained ones are marked.</summary>
    public static readonly string[] Scenarios =
    [
        "产品设计" /*约束*/, "工艺设计", "营销管理" /*约束*/, "售后服务", "计划排程", "生产管控" /*约束*/, "质量管理" /*约束*/,
        "设备管理" /*约束*/, "安全生产" /*约束*/, "能耗管理" /*约束*/, "采购管理" /*约束*/, "仓储物流" /*约束*/, "财务管理" /*约束*/,
        "人力资源", "协同办公", "决策支持",
    ];

    /// <summary>Every named item of each multi-choice question and the top option of each single choice: 100 points
    /// (设备系统 20 = 网络建设 4×2 + 设备数字化 6 + 设备联网 6; 数据采集 13×0.7 + 0.9 = 10; 信息系统 10; 信息安全 2×4×1.25;
    /// 规划管理 7.5 + 4×1.875; 要素保障 5×1.5 + 7.5; 绿色低碳 7; 产品质量 7; 市场效益 3 + 3).</summary>
    public static JsonObject AllMaximum(int scenarioLevel = 4) => Document(new JsonObject
    {
        ["网络建设"] = Letters("B", "C", "D", "E"),
        ["设备数字化"] = "E",
        ["设备联网"] = "E",
        ["数据采集"] = Letters("B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"),
        ["信息系统"] = "E",
        ["网络安全"] = Letters("B", "C", "D", "E"),
        ["数据安全"] = Letters("B", "C", "D", "E"),
        ["规划实施"] = "F",
        ["管理机制"] = Letters("B", "C", "D", "E"),
        ["人才建设"] = Letters("B", "C", "D", "E", "F"),
        ["资金保障"] = "E",
        ["绿色低碳"] = "C", // 降低
        ["产品质量"] = "C", // 增加
        ["市场表现"] = "C", // 增加
        ["价值效益"] = "C", // 降低
    }, Scenarios.ToDictionary(s => s, _ => scenarioLevel));

    /// <summary>'无' (or the 0-point band: [0-10%], 增加 for energy and cost, 降低 for quality and revenue) everywhere, every scenario at 0.</summary>
    public static JsonObject AllNone() => Document(
        new JsonObject(new[] { "网络建设", "设备数字化", "设备联网", "数据采集", "信息系统", "网络安全", "数据安全", "规划实施", "管理机制", "人才建设", "资金保障", "绿色低碳", "产品质量", "市场表现", "价值效益" }
            .Select(q => KeyValuePair.Create(q, (JsonNode?)"A"))),
        Scenarios.ToDictionary(s => s, _ => 0));

    /// <summary>
    /// A mid-range sheet, 42.25 points and 二级:
    /// 设备系统 8.5 = 网络建设 B+D 2+2, 设备数字化 C 3, 设备联网 B 1.5; 数据采集 3 = B,G,H 3×0.7 + O 0.9; 信息系统 C 5;
    /// 信息安全 2.5 = 网络安全 B+C 2×1.25, 数据安全 A 0; 规划管理 6.375 = 规划实施 D 4.5 + 管理机制 B 1.875;
    /// 要素保障 4.875 = 人才建设 B+D 2×1.5 + 资金保障 B 1.875; 绿色低碳 B 3.5; 产品质量 C 7; 市场效益 1.5 = 市场表现 B 1.5 + 价值效益 A 0.
    /// Dimensions 19, 11.25, 12. Scenarios: 6 at 二级 or above (4 constrained: 产品设计, 营销管理, 生产管控 3, 质量管理), so 二级 holds;
    /// 三级 fails on 42.25 &lt; 60, 1 scenario of 8 and 1 constrained of 5.
    /// </summary>
    public static JsonObject MidRange() => Document(new JsonObject
    {
        ["网络建设"] = Letters("B", "D"),
        ["设备数字化"] = "C",
        ["设备联网"] = "B",
        ["数据采集"] = Letters("B", "G", "H", "O"),
        ["信息系统"] = "C",
        ["网络安全"] = Letters("B", "C"),
        ["数据安全"] = Letters("A"),
        ["规划实施"] = "D",
        ["管理机制"] = Letters("B"),
        ["人才建设"] = Letters("B", "D"),
        ["资金保障"] = "B",
        ["绿色低碳"] = "B",
        ["产品质量"] = "C",
        ["市场表现"] = "B",
        ["价值效益"] = "A",
    }, new Dictionary<string, int>
    {
        ["产品设计"] = 2, ["工艺设计"] = 2, ["营销管理"] = 2, ["售后服务"] = 1, ["计划排程"] = 2, ["生产管控"] = 3, ["质量管理"] = 2,
        ["设备管理"] = 1, ["安全生产"] = 1, ["能耗管理"] = 1, ["采购管理"] = 1, ["仓储物流"] = 1, ["财务管理"] = 1,
        ["人力资源"] = 1, ["协同办公"] = 0, ["决策支持"] = 0,
    });

    /// <summary>Exactly 40 points, 二级 at its boundary: 设备系统 20 (网络建设 B-E 4×2, 设备数字化 E 6, 设备联网 E 6), 信息系统 E 10,
    /// 绿色低碳 C 7, 市场表现 C 3, every other question 无 / A; six scenarios at 二级 of which three constrained
    /// (产品设计, 营销管理, 生产管控), 表6's minimum for 二级.</summary>
    public static JsonObject Forty() => Document(new JsonObject
    {
        ["网络建设"] = Letters("B", "C", "D", "E"), ["设备数字化"] = "E", ["设备联网"] = "E", ["数据采集"] = Letters("A"), ["信息系统"] = "E",
        ["网络安全"] = Letters("A"), ["数据安全"] = Letters("A"), ["规划实施"] = "A", ["管理机制"] = Letters("A"), ["人才建设"] = Letters("A"),
        ["资金保障"] = "A", ["绿色低碳"] = "C", ["产品质量"] = "A", ["市场表现"] = "C", ["价值效益"] = "A",
    }, Scenarios.ToDictionary(s => s, s => s is "产品设计" or "工艺设计" or "营销管理" or "售后服务" or "计划排程" or "生产管控" ? 2 : 0));

    public static readonly Dictionary<string, decimal> MidRangeSubIndicators = new()
    {
        ["设备系统"] = 8.5m, ["数据采集"] = 3m, ["信息系统"] = 5m, ["信息安全"] = 2.5m, ["规划管理"] = 6.375m,
        ["要素保障"] = 4.875m, ["绿色低碳"] = 3.5m, ["产品质量"] = 7m, ["市场效益"] = 1.5m,
    };

    /// <summary>Seed 002 表7's nine sub-indicators at their full points.</summary>
    public static readonly Dictionary<string, decimal> FullSubIndicators = new()
    {
        ["设备系统"] = 20m, ["数据采集"] = 10m, ["信息系统"] = 10m, ["信息安全"] = 10m, ["规划管理"] = 15m,
        ["要素保障"] = 15m, ["绿色低碳"] = 7m, ["产品质量"] = 7m, ["市场效益"] = 6m,
    };

    /// <summary>The document as an agency's file holds it: Chinese as is, not \u-escaped.</summary>
    public static string Text(JsonNode document) => document.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonArray Letters(params string[] letters) => new(letters.Select(l => (JsonNode?)l).ToArray());

    private static JsonObject Document(JsonObject answers, Dictionary<string, int> scenarios) => new()
    {
        ["instrument"] = "miit-2024",
        ["answers"] = answers,
        ["scenarios"] = new JsonObject(scenarios.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))),
    };
}
