using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Projects;

/// <summary>拨付记录: one payment of an approved subsidy (partial payments allowed), with its voucher number, unique in the programme
/// so that one voucher cannot be entered twice.</summary>
public sealed class ProjectPayment : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<Project>(ProjectId);
    (string Field, string Value) IAuditedPart.AuditLine => ($"拨付凭证{VoucherNo}", $"{ChineseText.Date(PaidOn)}拨付{ChineseText.Wan(AmountWan)}万元");
    AuditAction IAuditedPart.PartAction => AuditAction.DetailsChanged;

    public Guid Id { get; private set; }
    public string ProgrammeId { get; private set; } = "";
    public Guid ProjectId { get; private set; }
    public DateOnly PaidOn { get; private set; }
    public decimal AmountWan { get; private set; }
    /// <summary>凭证号.</summary>
    public string VoucherNo { get; private set; } = "";
    public string? Note { get; private set; }
    public string RecordedByName { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    private ProjectPayment() { }

    public static ProjectPayment Record(Project project, DateOnly paidOn, decimal amountWan, string voucherNo, string? note, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = project.ProgrammeId, ProjectId = project.Id, PaidOn = paidOn, AmountWan = amountWan,
        VoucherNo = voucherNo.Trim(), Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), RecordedByName = byName, RecordedAt = now,
    };
}
