using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Archive;
using DxPilot.Web.Features.Diagnoses.Report;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>The enterprise's diagnosis in a project's archive (seed 002 三（一）): the 咨询诊断报告 as written, and the signed
/// agreement's scans.</summary>
public sealed class DiagnosisArchiveSource(DxPilotDbContext db, DiagnosisReportService reports) : IArchiveSource
{
    public async Task<IReadOnlyList<ArchiveItem>> ItemsAsync(Actor actor, Project project, CancellationToken ct)
    {
        var diagnoses = await db.Diagnoses.AsNoTracking().Where(d => d.ProgrammeId == project.ProgrammeId && d.EnterpriseId == project.EnterpriseId)
            .OrderBy(d => d.CreatedAt).Select(d => d.Id).ToListAsync(ct);
        var items = new List<ArchiveItem>();
        foreach (var id in diagnoses)
        {
            // The report service answers only within the actor's scope of diagnoses.
            if (await reports.GetAsync(actor, id, ct) is not { } view) continue;
            if (view.Report is { } report)
            {
                var sources = await reports.WithThumbnailsAsync(view.Sources, ct);
                var content = view.Content;
                var compiledOn = reports.CompiledOn(view);
                items.Add(new ArchiveItem(30, ReportDocument.FileName(sources), report.UpdatedAt, sources.ProviderName,
                    Generate: s => ReportDocument.Write(s, sources, content, compiledOn)));
            }
            var scans = await db.AgreementScans.AsNoTracking().Where(s => s.DiagnosisId == id).OrderBy(s => s.UploadedAt).ToListAsync(ct);
            foreach (var scan in scans)
                items.Add(new ArchiveItem(31, $"咨询诊断服务协议扫描件{Path.GetExtension(scan.File.Name)}", scan.UploadedAt, scan.UploadedByName, scan.File));
        }
        return items;
    }
}
