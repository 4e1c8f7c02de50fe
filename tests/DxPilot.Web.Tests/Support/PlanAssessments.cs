using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Web.Features.Assessments;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// A MIIT-2024 self-test at 二级 whose gap to 三级 is two constrained scenarios and nothing else: every question at its top option
/// (100 points), six scenarios at 三级 (三级 needs 8, of them 5 constrained — seed 002 表6), three of them constrained (产品设计,
/// 营销管理, 生产管控). The gap planner raises constrained scenarios first, the highest now first, then in the instrument's order:
/// 质量管理 and 设备管理 (both 二级; every other constrained one is at 一级).
/// </summary>
public static class PlanAssessments
{
    public static readonly Dictionary<string, List<string>> TopAnswers = new()
    {
        ["网络建设"] = ["B", "C", "D", "E"], ["设备数字化"] = ["E"], ["设备联网"] = ["E"],
        ["数据采集"] = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"], ["信息系统"] = ["E"],
        ["网络安全"] = ["B", "C", "D", "E"], ["数据安全"] = ["B", "C", "D", "E"], ["规划实施"] = ["F"], ["管理机制"] = ["B", "C", "D", "E"],
        ["人才建设"] = ["B", "C", "D", "E", "F"], ["资金保障"] = ["E"], ["绿色低碳"] = ["C"], ["产品质量"] = ["C"], ["市场表现"] = ["C"], ["价值效益"] = ["C"],
    };

    public static readonly Dictionary<string, int> Scenarios = new()
    {
        ["产品设计"] = 3, ["工艺设计"] = 3, ["营销管理"] = 3, ["售后服务"] = 3, ["计划排程"] = 3, ["生产管控"] = 3, ["质量管理"] = 2,
        ["设备管理"] = 2, ["安全生产"] = 1, ["能耗管理"] = 1, ["采购管理"] = 1, ["仓储物流"] = 1, ["财务管理"] = 1,
        ["人力资源"] = 1, ["协同办公"] = 1, ["决策支持"] = 1,
    };

    /// <summary>The enterprise's own self-test with these answers, through the service.</summary>
    public static async Task<Assessment> SelfTestAsync(DxPilotApp app, Actor enterprise, Guid enterpriseId)
    {
        await using var scope = app.ScopeAs(enterprise);
        var created = await scope.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(enterprise, enterpriseId, new AssessmentInput
        {
            Instrument = "miit-2024", Stage = AssessmentStage.SelfTest, AssessedOn = "2025-07-16", Answers = TopAnswers, Scenarios = Scenarios,
        });
        Assert.True(created.IsOk, created.Message + string.Join("；", created.Errors.Values));
        Assert.Equal(2, created.Value!.Level);
        return created.Value;
    }
}
