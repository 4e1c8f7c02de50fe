using DxPilot.Domain.Auditing;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Projects;

/// <summary>
/// 发票: one invoice of the project as the enterprise reports it with its completion (number, date, seller, what it is for, amount
/// and its scan), and the audit firm's classification of it (专项审计): the spend category and the eligible part, with a note.
/// </summary>
public sealed class ProjectInvoice : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<Project>(ProjectId);
    (string Field, string Value) IAuditedPart.AuditLine => ($"发票{Number}",
        $"{Item}，{ChineseText.Yuan(AmountYuan)}{(CategoryKey is null ? "" : $"；审计：{CategoryKey}，合规{ChineseText.Yuan(EligibleYuan ?? 0)}")}");
    AuditAction IAuditedPart.PartAction => AuditAction.DetailsChanged;

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    /// <summary>The contract it is billed under (null: not under a filed contract).</summary>
    public Guid? ContractId { get; private set; }
    /// <summary>发票号码.</summary>
    public string Number { get; private set; } = "";
    public DateOnly IssuedOn { get; private set; }
    /// <summary>销售方 (the provider, as printed).</summary>
    public string Seller { get; private set; } = "";
    /// <summary>货物或应税劳务、服务名称.</summary>
    public string Item { get; private set; } = "";
    /// <summary>价税合计（元）.</summary>
    public decimal AmountYuan { get; private set; }
    public FileRef Scan { get; private set; } = null!;
    /// <summary>The audit firm's spend category (programme data: money.spendCategories); null until classified.</summary>
    public string? CategoryKey { get; private set; }
    /// <summary>审定合规金额（元）: the part of the amount that counts; never above the invoiced amount.</summary>
    public decimal? EligibleYuan { get; private set; }
    public string? AuditNote { get; private set; }

    private ProjectInvoice() { }

    public static ProjectInvoice Report(Guid projectId, Guid? contractId, string number, DateOnly issuedOn, string seller, string item,
        decimal amountYuan, FileRef scan) => new()
    {
        Id = Guid.CreateVersion7(), ProjectId = projectId, ContractId = contractId, Number = number.Trim(), IssuedOn = issuedOn,
        Seller = seller.Trim(), Item = item.Trim(), AmountYuan = amountYuan, Scan = scan,
    };

    public bool Classified => CategoryKey is not null;

    /// <summary>The audit firm's classification; the caller checked the category and that the eligible part is within the amount.</summary>
    public void Classify(string categoryKey, decimal eligibleYuan, string? note)
    {
        if (eligibleYuan < 0 || eligibleYuan > AmountYuan) throw new ArgumentOutOfRangeException(nameof(eligibleYuan));
        CategoryKey = categoryKey;
        EligibleYuan = eligibleYuan;
        AuditNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}
