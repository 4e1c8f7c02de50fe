using System.Globalization;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Filings.Contracts;

/// <summary>
/// What a service contract must hold, each refusal saying what to fix. Prices are 元 to the fen; a quantity is positive with at
/// most two decimals (services are ordered by 人天 or 年 as well as by 套); a line's 总价 is price × quantity rounded half up to
/// the fen; the total is the sum of the lines and, like every amount, under 1,000亿元 so its capitals can be written.
/// </summary>
public static class ContractRules
{
    public const int MaxLines = 200;
    public const int MaxText = 200;
    public const int MaxWork = 500;

    public static decimal LineAmount(decimal price, decimal quantity) => decimal.Round(price * quantity, 2, MidpointRounding.AwayFromZero);

    /// <summary>第一期: the percent of the total, to the fen; 第二期 is the rest, so the two always add up.</summary>
    public static decimal FirstPayment(decimal total, int percent) => decimal.Round(total * percent / 100m, 2, MidpointRounding.AwayFromZero);

    public static string Yuan(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Describe(ContractLine l) =>
        $"{l.Name}｜{l.Code}｜{l.Provider}｜{l.Term}｜单价{Yuan(l.UnitPriceYuan)}元×{l.Quantity.ToString("0.##", CultureInfo.InvariantCulture)}＝{Yuan(l.AmountYuan)}元";

    public static Dictionary<string, string> Check(ContractInput c, DateOnly today)
    {
        var e = new Dictionary<string, string>();
        Required(e, "Number", c.Number, "协议号（合同编号）");
        Required(e, "Name", c.Name, "合同名称");
        if (c.SignedOn > today) e["SignedOn"] = "签订日期不能晚于今天";
        if (c.PeriodStart is null) e["PeriodStart"] = "请填写项目实施开始年月";
        if (c.PeriodEnd is null) e["PeriodEnd"] = "请填写项目实施结束年月";
        else if (c.PeriodStart is { } s && c.PeriodEnd < s) e["PeriodEnd"] = "项目实施结束年月不能早于开始年月";
        Required(e, "ProviderName", c.ProviderName, "乙方单位名称");
        if (!Uscc.TryParse(c.ProviderUscc, out _, out var usccError)) e["ProviderUscc"] = "乙方" + usccError;
        Required(e, "ProviderContact", c.ProviderContact, "乙方联系人");
        Required(e, "ProviderPhone", c.ProviderPhone, "乙方联系电话");
        if (!e.ContainsKey("ProviderPhone") && ContactFormats.PhoneProblem("乙方联系电话", c.ProviderPhone) is { } phone) e["ProviderPhone"] = phone;
        foreach (var (key, value, label) in new[]
                 {
                     ("ProviderLegalRepresentative", c.ProviderLegalRepresentative, "乙方法定代表人"), ("ProviderAddress", c.ProviderAddress, "乙方法定地址"),
                     ("ProviderBankAccount", c.ProviderBankAccount, "乙方银行账号"), ("ProviderBank", c.ProviderBank, "乙方开户银行"),
                     ("EnterpriseBankAccount", c.EnterpriseBankAccount, "甲方银行账号"), ("EnterpriseBank", c.EnterpriseBank, "甲方开户银行"),
                 })
            if (value?.Trim().Length > MaxText) e[key] = $"{label}不能超过{MaxText}字";
        if (c.FirstPaymentPercent is not (>= 1 and <= 99)) e["FirstPaymentPercent"] = "第一期付款比例应为1至99之间的整数（%），第二期为其余部分";
        Required(e, "Work", c.Work, "主要承担的工作", MaxWork);
        var lines = c.Lines ?? [];
        if (lines.Count == 0) e["Lines"] = "请至少填写一项数字化产品/服务";
        else if (lines.Count > MaxLines) e["Lines"] = $"数字化产品/服务清单最多{MaxLines}项，当前{lines.Count}项";
        else CheckLines(e, lines, c.StatedTotalYuan);
        return e;
    }

    private static void CheckLines(Dictionary<string, string> e, List<ContractLineInput> lines, decimal? stated)
    {
        var total = 0m;
        var complete = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var at = $"Lines[{i}]";
            var row = $"清单第{i + 1}项";
            Required(e, at + ".Name", l.Name, row + "的产品/服务名称");
            foreach (var (key, value) in new[] { (".Code", l.Code), (".Provider", l.Provider), (".Term", l.Term) })
                if (value?.Trim().Length > MaxText) e[at + key] = $"{row}的内容不能超过{MaxText}字";
            if (l.UnitPriceYuan is not { } price) { e[at + ".UnitPriceYuan"] = $"请填写{row}的单价（含税，元）"; complete = false; }
            else if (price < 0) { e[at + ".UnitPriceYuan"] = $"{row}的单价不能为负数"; complete = false; }
            else if (decimal.Round(price, 2) != price) { e[at + ".UnitPriceYuan"] = $"{row}的单价最多保留两位小数（到分）"; complete = false; }
            else if (price >= CapitalAmount.Limit) { e[at + ".UnitPriceYuan"] = $"{row}的单价应小于1000亿元"; complete = false; }
            if (l.Quantity is not { } quantity) { e[at + ".Quantity"] = $"请填写{row}的订购量"; complete = false; }
            else if (quantity <= 0) { e[at + ".Quantity"] = $"{row}的订购量应大于0"; complete = false; }
            else if (decimal.Round(quantity, 2) != quantity) { e[at + ".Quantity"] = $"{row}的订购量最多保留两位小数"; complete = false; }
            else if (quantity >= 1_000_000_000m) { e[at + ".Quantity"] = $"{row}的订购量过大"; complete = false; }
            if (!complete) continue;
            var amount = LineAmount(l.UnitPriceYuan!.Value, l.Quantity!.Value);
            if (amount >= CapitalAmount.Limit) { e[at + ".Quantity"] = $"{row}的总价{Yuan(amount)}元达到或超过1000亿元"; complete = false; continue; }
            total += amount;
        }
        if (!complete) return;
        if (total <= 0) e["Lines"] = "合同总价应大于0元";
        else if (total >= CapitalAmount.Limit) e["Lines"] = $"合同总价{Yuan(total)}元达到或超过1000亿元";
        else if (stated is { } s && s != total)
            e["StatedTotalYuan"] = $"填写的合同总价{Yuan(s)}元与各项总价之和{Yuan(total)}元不一致，请核对单价和订购量";
    }

    private static void Required(Dictionary<string, string> e, string key, string? value, string label, int max = MaxText)
    {
        if (string.IsNullOrWhiteSpace(value)) e[key] = $"请填写{label}";
        else if (value.Trim().Length > max) e[key] = $"{label}不能超过{max}字";
    }
}
