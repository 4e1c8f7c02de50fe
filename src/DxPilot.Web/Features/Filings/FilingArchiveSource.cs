using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Archive;
using DxPilot.Web.Features.Filings.Contracts;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>A project's filing in its archive: every submitted round of the 备案申请表 as it was frozen, and each service contract
/// (附件2) with its stamped scans.</summary>
public sealed class FilingArchiveSource(DxPilotDbContext db, FilingService filings, ContractService contracts, ShownTime time) : IArchiveSource
{
    public async Task<IReadOnlyList<ArchiveItem>> ItemsAsync(Actor actor, Project project, CancellationToken ct)
    {
        if (await filings.GetAsync(actor, project.FilingId, ct) is not { IsOk: true, Value: { } view }) return [];
        var items = new List<ArchiveItem>();
        foreach (var round in view.Versions)
            if (await FilingPrints.PrintAsync(actor, view, round.Round, filings, time, ct) is var (name, printed))
                items.Add(new ArchiveItem(10, name, round.SubmittedAt, round.SubmittedByName, Generate: s => FilingDocument.Write(s, printed)));
        var ids = await db.ServiceContracts.AsNoTracking().Where(c => c.FilingId == project.FilingId).OrderBy(c => c.CreatedAt).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            if (await contracts.GetAsync(actor, project.FilingId, id, ct) is not { IsOk: true, Value: { Contract: { } contract } cv }) continue;
            items.Add(new ArchiveItem(20, ContractDocument.FileName(contract), contract.CreatedAt, contract.CreatedByName, Generate: s => ContractDocument.Write(s, cv)));
            foreach (var scan in cv.Scans.OrderBy(s => s.UploadedAt))
                items.Add(new ArchiveItem(21, $"服务合同盖章扫描件-{contract.Number}{Path.GetExtension(scan.File.Name)}", scan.UploadedAt, scan.UploadedByName, scan.File));
        }
        return items;
    }
}
