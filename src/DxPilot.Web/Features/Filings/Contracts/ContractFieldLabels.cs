using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Filings.Contracts;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Filings.Contracts;

/// <summary>Chinese names of a contract's audited fields (the lines are already "清单第n项") and their values as a reader knows
/// them: dates as 2025年7月16日, months as 2025年1月, amounts in 元 with two decimals.</summary>
public static class ContractFieldLabels
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(ServiceContract.Number)] = "协议号（合同编号）",
        [nameof(ServiceContract.Name)] = "合同名称",
        [nameof(ServiceContract.SignedOn)] = "签订日期",
        [nameof(ServiceContract.PeriodStart)] = "项目实施开始",
        [nameof(ServiceContract.PeriodEnd)] = "项目实施结束",
        [nameof(ServiceContract.ProviderName)] = "乙方单位名称",
        [nameof(ServiceContract.ProviderUscc)] = "乙方统一社会信用代码",
        [nameof(ServiceContract.ProviderLegalRepresentative)] = "乙方法定代表人",
        [nameof(ServiceContract.ProviderAddress)] = "乙方法定地址",
        [nameof(ServiceContract.ProviderContact)] = "乙方联系人",
        [nameof(ServiceContract.ProviderPhone)] = "乙方联系电话",
        [nameof(ServiceContract.ProviderBankAccount)] = "乙方银行账号",
        [nameof(ServiceContract.ProviderBank)] = "乙方开户银行",
        [nameof(ServiceContract.ProviderOrganisationId)] = "乙方（平台服务商）",
        [nameof(ServiceContract.EnterpriseBankAccount)] = "甲方银行账号",
        [nameof(ServiceContract.EnterpriseBank)] = "甲方开户银行",
        [nameof(ServiceContract.FirstPaymentPercent)] = "第一期付款比例（%）",
        [nameof(ServiceContract.Work)] = "主要承担的工作",
        [nameof(ServiceContract.TotalYuan)] = "合同总价（元）",
    };

    public static string Label(string field) => Labels.GetValueOrDefault(field) ?? field;

    /// <summary>A field's value as the history shows it to this viewer: the provider's phone masked as the contract shows it.</summary>
    public static Func<string, string?, string?> ValueFor(Actor viewer) => (field, value) =>
        field == nameof(ServiceContract.ProviderPhone) ? viewer.ShownPhone(value) : Value(field, value);

    public static string? Value(string field, string? value) => field switch
    {
        nameof(ServiceContract.SignedOn) when FieldChange.Date(value) is { } d => ChineseText.Date(d),
        nameof(ServiceContract.PeriodStart) or nameof(ServiceContract.PeriodEnd) when FieldChange.Date(value) is { } d => $"{d.Year}年{d.Month}月",
        nameof(ServiceContract.TotalYuan) when FieldChange.Amount(value) is { } m => ContractRules.Yuan(m),
        nameof(ServiceContract.ProviderOrganisationId) => value is null ? null : "已关联",
        _ => value,
    };
}
