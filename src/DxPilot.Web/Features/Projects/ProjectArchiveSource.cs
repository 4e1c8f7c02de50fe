using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Archive;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Projects;

/// <summary>The project's own documents in its archive: the 数字化水平评测报告 and the 验收意见 (附件5) once recorded, the signed acceptance opinion, the audit report, the invoices' scans and
/// the payment records (资金拨付记录, a sheet generated from them).</summary>
public sealed class ProjectArchiveSource(ProjectService projects, Documents.ProjectDocumentService documents) : IArchiveSource
{
    public async Task<IReadOnlyList<ArchiveItem>> ItemsAsync(Actor actor, Project project, CancellationToken ct)
    {
        if (await projects.GetAsync(actor, project.Id, ct) is not { IsOk: true, Value: { } view }) return [];
        var items = new List<ArchiveItem>();
        var p = view.Project;
        if (await documents.EvaluationReportAsync(actor, project.Id, ct) is { IsOk: true, Value: { } report })
            items.Add(new ArchiveItem(40, Documents.EvaluationReportDocument.FileName(report), p.EvaluatedAt ?? p.UpdatedAt, p.AgencyName ?? "",
                Generate: s => Documents.EvaluationReportDocument.Write(s, report)));
        if (await documents.AcceptanceOpinionAsync(actor, project.Id, ct) is { IsOk: true, Value: { } opinion })
            items.Add(new ArchiveItem(50, Documents.AcceptanceOpinionDocument.FileName(opinion), p.AcceptedAt ?? p.UpdatedAt, p.AgencyName ?? "",
                Generate: s => Documents.AcceptanceOpinionDocument.Write(s, opinion)));
        foreach (var f in view.Facts.Files)
            items.Add(new ArchiveItem(f.Kind == ProjectFileKind.AuditReport ? 60 : 50, ProjectFile.Label(f.Kind) + Path.GetExtension(f.File.Name),
                f.UploadedAt, f.UploadedByName, f.File));
        foreach (var i in view.Facts.Invoices)
            items.Add(new ArchiveItem(61, $"发票{i.Number}（{i.Item}）{Path.GetExtension(i.Scan.Name)}",
                LocalTime.Instant(i.IssuedOn.ToDateTime(TimeOnly.MinValue), view.Programme.Zone).UtcDateTime,
                i.Seller, i.Scan));
        if (view.Payments.Count > 0)
        {
            var payments = view.Payments;
            items.Add(new ArchiveItem(70, "资金拨付记录.xlsx", payments[^1].RecordedAt, payments[^1].RecordedByName, Generate: s =>
            {
                using var sheet = new XlsxSheetStream(s, "资金拨付记录", [6, 16, 16, 24, 30, 14]);
                sheet.WriteRow([$"{view.Enterprise.Name} {project.ProjectName} 资金拨付记录（核定{ChineseText.Wan(project.SubsidyWan)}万元）"], XlsxSheetStream.Look.Title);
                sheet.WriteRow(["序号", "拨付日期", "拨付金额（万元）", "凭证号", "备注", "经办人"], XlsxSheetStream.Look.Header);
                for (var n = 0; n < payments.Count; n++)
                {
                    var p = payments[n];
                    sheet.WriteRow([(n + 1).ToString(), ChineseText.Date(p.PaidOn), p.AmountWan, p.VoucherNo, p.Note, p.RecordedByName]);
                }
                sheet.Close();
            }));
        }
        return items;
    }
}
