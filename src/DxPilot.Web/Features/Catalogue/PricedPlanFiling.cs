using System.Globalization;
using System.Text;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>
/// 据此发起备案: what a priced plan fills in the filing form (keys of the programmes' 备案申请表, e.g. Changchun's 附件4): the project
/// name, the expected investment (改造总花费, at the high end of the prices: the sum to budget for), the target level, the self-test's
/// level when the plan comes from one, and the construction content — the scenarios to raise and the products with their providers
/// (name and 统一社会信用代码 as admitted to the pool), prices and tax basis. The plan is the snapshot a saved plan keeps; the live
/// plan gives the same snapshot unsaved (<see cref="PricedPlanView.Snapshot"/>), so both fill the draft alike. The form's
/// 合作的服务商信息 is filled from the filing's contracts, not from here.
/// </summary>
public static class PricedPlanFiling
{
    public static IReadOnlyDictionary<string, string?> Answers(SavedPlan plan)
    {
        var target = LevelNames.Short(plan.TargetLevel);
        var text = new StringBuilder();
        text.Append($"依据{ChineseText.Date(plan.AssessedOn)}的数字化水平评测（{LevelNames.Short(plan.CurrentLevel)}），目标提升至{target}。");
        text.Append($"需提升的应用场景：{string.Join("、", plan.Scenarios.Select(s => s.Scenario))}。");
        if (plan.Lines.Count > 0)
        {
            text.Append("\n拟采购的产品及解决方案（供需适配库报价）：");
            var i = 0;
            foreach (var p in plan.Lines)
                text.Append($"\n{++i}. {p.Name}，{p.ProviderName}（统一社会信用代码{p.ProviderUscc}），{p.PriceText}，用于{string.Join("、", p.Serves)}");
        }
        var ranged = plan.TotalLowWan != plan.TotalHighWan;
        text.Append($"\n改造总花费按{(ranged ? "报价上限" : "报价")}计{ChineseText.Wan(plan.TotalHighWan)}万元" +
                    $"{(ranged ? $"（报价下限合计{ChineseText.Wan(plan.TotalLowWan)}万元）" : "")}，{(plan.SomePricesExcludeTax ? "部分报价不含税" : "报价均含税")}。");
        foreach (var s in plan.Scenarios.Where(s => s.NoProduct is not null)) text.Append($"\n{s.Scenario}：{s.NoProduct}，需另行选定。");
        var answers = new Dictionary<string, string?>
        {
            [FilingKeys.ProjectName] = $"数字化改造提升至{target}项目",
            [FilingKeys.Investment] = plan.TotalHighWan.ToString("0.00", CultureInfo.InvariantCulture),
            [FilingKeys.TargetLevel] = plan.TargetLevel.ToString(CultureInfo.InvariantCulture),
            [FilingKeys.Plan] = text.ToString(),
        };
        // 数字化水平自评测等级: the plan's own assessment says it when it is the enterprise's self-test.
        if (plan.FromSelfTest)
            answers[FilingKeys.SelfTest] = plan.CurrentLevel == 0 ? "none" : plan.CurrentLevel.ToString(CultureInfo.InvariantCulture);
        return answers;
    }
}
