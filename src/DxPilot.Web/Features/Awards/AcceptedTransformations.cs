using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>
/// An enterprise's accepted transformation (seed 004 附件1 二（一） 已完成数字化转型项目建设并通过验收) as the award calls read it: a
/// project accepted through the platform's chain, or a passed acceptance result the city imported; the levels are the agency's.
/// </summary>
/// <param name="ProjectId">The platform's project, whose agency's 改造后 assessment (<paramref name="AfterAssessmentId"/>) the
/// criteria read raw inputs from; null for an imported result, which carries no assessment.</param>
public sealed record AcceptedTransformation(Guid? ProjectId, string ProjectName, DateOnly? AcceptedOn, int? LevelBefore, int? LevelAfter,
    string? AgencyName, Guid? AfterAssessmentId, bool Imported);

/// <summary>The one place the award calls read an enterprise's accepted transformation from: the union of the projects that passed
/// acceptance (and what followed it) and the passed imported results, latest acceptance first.</summary>
public sealed class AcceptedTransformations(DxPilotDbContext db, ProgrammeCatalog programmes)
{
    /// <summary>The projects whose acceptance passed: accepted, and audited, approved or paid since.</summary>
    private static readonly ProjectStatus[] Accepted = [ProjectStatus.Accepted, ProjectStatus.Audited, ProjectStatus.Approved, ProjectStatus.Paid];

    public async Task<bool> AnyAsync(string programmeId, Guid enterpriseId, CancellationToken ct) =>
        await db.Projects.AnyAsync(p => p.ProgrammeId == programmeId && p.EnterpriseId == enterpriseId && Accepted.Contains(p.Status), ct)
        || await db.AcceptanceResults.AnyAsync(r => r.ProgrammeId == programmeId && r.EnterpriseId == enterpriseId && r.Passed, ct);

    /// <summary>The latest accepted transformation of the enterprise, or null when it has none.</summary>
    public async Task<AcceptedTransformation?> LatestAsync(string programmeId, Guid enterpriseId, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking()
            .Where(p => p.ProgrammeId == programmeId && p.EnterpriseId == enterpriseId && Accepted.Contains(p.Status))
            .OrderByDescending(p => p.AcceptedAt).FirstOrDefaultAsync(ct);
        var imported = await db.AcceptanceResults.AsNoTracking()
            .Where(r => r.ProgrammeId == programmeId && r.EnterpriseId == enterpriseId && r.Passed)
            .OrderByDescending(r => r.AcceptedOn).ThenByDescending(r => r.UpdatedAt).FirstOrDefaultAsync(ct);
        var fromProject = project is null ? null : new AcceptedTransformation(project.Id, project.ProjectName,
            project.AcceptedAt is { } at ? DateOnly.FromDateTime(LocalTime.FromUtc(at, programmes.Get(programmeId).Zone)) : null, project.LevelBefore, project.LevelAfter, project.AgencyName, project.AfterAssessmentId, false);
        var fromImport = imported is null ? null : new AcceptedTransformation(null, imported.ProjectName, imported.AcceptedOn, imported.LevelBefore,
            imported.LevelAfter, imported.AgencyName, null, true);
        if (fromProject is null || fromImport is null) return fromProject ?? fromImport;
        return (fromImport.AcceptedOn ?? DateOnly.MinValue) > (fromProject.AcceptedOn ?? DateOnly.MinValue) ? fromImport : fromProject;
    }
}
