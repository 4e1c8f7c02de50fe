using System.Globalization;
using DxPilot.Domain.Filings.Contracts;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Filings.Contracts;

/// <summary>The contract page's form as posted: every field as typed, the lines in order, and which button was pressed
/// (保存, 添加一行, 删除第n行): lines are added and removed by submitting, so the form works without script.</summary>
public sealed class ContractForm
{
    public int Version { get; set; }
    public string? Command { get; set; }
    public string? Number { get; set; }
    public string? Name { get; set; }
    public string? SignedOn { get; set; }
    public string? PeriodStart { get; set; }
    public string? PeriodEnd { get; set; }
    public string? ProviderName { get; set; }
    public string? ProviderUscc { get; set; }
    public string? ProviderLegalRepresentative { get; set; }
    public string? ProviderAddress { get; set; }
    public string? ProviderContact { get; set; }
    public string? ProviderPhone { get; set; }
    public string? ProviderBankAccount { get; set; }
    public string? ProviderBank { get; set; }
    public string? EnterpriseBankAccount { get; set; }
    public string? EnterpriseBank { get; set; }
    public string? FirstPaymentPercent { get; set; }
    public string? Work { get; set; }
    public string? StatedTotal { get; set; }
    // Form binding leaves a collection null when no field of it was posted (the last line removed).
    public List<LineForm> Lines { get; set => field = value ?? []; } = [];

    public sealed class LineForm
    {
        public string? Name { get; set; }
        public string? Code { get; set; }
        public string? Provider { get; set; }
        public string? Term { get; set; }
        public string? UnitPrice { get; set; }
        public string? Quantity { get; set; }
    }

    public static ContractForm Blank(string? providerName) => new() { ProviderName = providerName, FirstPaymentPercent = "30", Lines = [new LineForm()] };

    public static ContractForm From(ServiceContract c) => new()
    {
        Version = c.Version, Number = c.Number, Name = c.Name, SignedOn = c.SignedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodStart = Month(c.PeriodStart), PeriodEnd = Month(c.PeriodEnd), ProviderName = c.ProviderName, ProviderUscc = c.ProviderUscc,
        ProviderLegalRepresentative = c.ProviderLegalRepresentative, ProviderAddress = c.ProviderAddress, ProviderContact = c.ProviderContact,
        ProviderPhone = c.ProviderPhone, ProviderBankAccount = c.ProviderBankAccount, ProviderBank = c.ProviderBank,
        EnterpriseBankAccount = c.EnterpriseBankAccount, EnterpriseBank = c.EnterpriseBank,
        FirstPaymentPercent = c.FirstPaymentPercent.ToString(CultureInfo.InvariantCulture), Work = c.Work,
        Lines = [.. c.Lines.Select(l => new LineForm
        {
            Name = l.Name, Code = l.Code, Provider = l.Provider, Term = l.Term, UnitPrice = l.UnitPriceYuan.ToString("0.00", CultureInfo.InvariantCulture),
            Quantity = l.Quantity.ToString("0.##", CultureInfo.InvariantCulture),
        })],
    };

    /// <summary>The input as far as it reads, and the fields that are not even a date, a month or a number (left empty in the
    /// input): the service checks the rest at the same time, so that every problem is told at once.</summary>
    public (ContractInput Input, Dictionary<string, string> Unreadable) Parse()
    {
        var e = new Dictionary<string, string>();
        DateOnly? signed = null;
        if (!string.IsNullOrWhiteSpace(SignedOn))
        {
            if (DateOnly.TryParseExact(SignedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) signed = d;
            else e["SignedOn"] = "签订日期应为日期，如 2025-03-01";
        }
        var start = ParseMonth(PeriodStart, "PeriodStart", e);
        var end = ParseMonth(PeriodEnd, "PeriodEnd", e);
        int? percent = null;
        if (int.TryParse(HalfWidth.OfOrNull(FirstPaymentPercent)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var p)) percent = p;
        else if (!string.IsNullOrWhiteSpace(FirstPaymentPercent)) e["FirstPaymentPercent"] = "第一期付款比例应为1至99之间的整数";
        var stated = ParseNumber(StatedTotal, "StatedTotalYuan", "合同总价", e);
        var lines = Lines.Select((l, i) => new ContractLineInput
        {
            Name = l.Name, Code = l.Code, Provider = l.Provider, Term = l.Term,
            UnitPriceYuan = ParseNumber(l.UnitPrice, $"Lines[{i}].UnitPriceYuan", $"清单第{i + 1}项的单价", e),
            Quantity = ParseNumber(l.Quantity, $"Lines[{i}].Quantity", $"清单第{i + 1}项的订购量", e),
        }).ToList();
        return (new ContractInput
        {
            Number = Number, Name = Name, SignedOn = signed, PeriodStart = start, PeriodEnd = end, ProviderName = ProviderName, ProviderUscc = ProviderUscc,
            ProviderLegalRepresentative = ProviderLegalRepresentative, ProviderAddress = ProviderAddress, ProviderContact = ProviderContact,
            ProviderPhone = ProviderPhone, ProviderBankAccount = ProviderBankAccount, ProviderBank = ProviderBank, EnterpriseBankAccount = EnterpriseBankAccount,
            EnterpriseBank = EnterpriseBank, FirstPaymentPercent = percent, Work = Work, Lines = lines, StatedTotalYuan = stated,
        }, e);
    }

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly? ParseMonth(string? text, string key, Dictionary<string, string> e)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Domain.Filings.FilingValues.Month(text) is { } d) return d;
        e[key] = "请填写年月，如 2025-01";
        return null;
    }

    private static decimal? ParseNumber(string? text, string key, string label, Dictionary<string, string> e)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ReadDecimal(text) is { } n) return n;
        e[key] = $"{label}应为数字";
        return null;
    }

    /// <summary>A number as typed on the form (thousands commas allowed), or null; the page's running totals read it the same way.</summary>
    public static decimal? ReadDecimal(string? text) =>
        decimal.TryParse(HalfWidth.OfOrNull(text)?.Trim().Replace(",", ""), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : null;
}
