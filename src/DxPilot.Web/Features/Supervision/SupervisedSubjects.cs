using DxPilot.Domain.Accounts;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Supervision;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Supervision;

/// <summary>
/// A kind of work the think tank comments on, as its own process scopes it: the subject if the actor reaches it, else null. A new
/// process (the project loop) joins with one class and one line in <see cref="SupervisionRegistration"/>
/// (<c>services.AddScoped&lt;ISupervisedSubjects, ProjectSubjects&gt;()</c>).
/// </summary>
public interface ISupervisedSubjects
{
    /// <summary>The subject's kind in URLs and rows: "diagnosis", "filing", "project".</summary>
    string Type { get; }

    /// <summary>What users call it: 咨询诊断, 改造项目备案.</summary>
    string Label { get; }

    /// <summary>Whether the enterprise answers a 需整改 comment on it as well as its provider (work they do together).</summary>
    bool EnterpriseResponds { get; }

    Task<SupervisedSubject?> FindAsync(Actor actor, Guid id, CancellationToken ct);
}

/// <summary>咨询诊断: as <see cref="DiagnosisService.InScope"/> reaches them; the diagnosing provider is the party concerned and alone answers a 需整改.</summary>
public sealed class DiagnosisSubjects(DiagnosisService diagnoses, DxPilotDbContext db) : ISupervisedSubjects
{
    public const string Name = "diagnosis";
    public string Type => Name;
    public string Label => "咨询诊断";
    public bool EnterpriseResponds => false;

    public async Task<SupervisedSubject?> FindAsync(Actor actor, Guid id, CancellationToken ct) =>
        await (from d in diagnoses.InScope(actor)
               join e in db.Enterprises on d.EnterpriseId equals e.Id
               where d.Id == id
               select new SupervisedSubject(Name, d.Id, e.Id, e.District, d.ProviderId, "咨询诊断：" + e.Name, "/diagnoses/" + d.Id, false))
            .AsNoTracking().FirstOrDefaultAsync(ct);
}

/// <summary>改造项目备案: as <see cref="FilingService.InScope"/> reaches them; the provider serving the enterprise co-fills it, so either answers a 需整改.</summary>
public sealed class FilingSubjects(FilingService filings, DxPilotDbContext db) : ISupervisedSubjects
{
    public const string Name = "filing";
    public string Type => Name;
    public string Label => "改造项目备案";
    public bool EnterpriseResponds => true;

    public async Task<SupervisedSubject?> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var found = await (from f in filings.InScope(actor)
                           join e in db.Enterprises on f.EnterpriseId equals e.Id
                           where f.Id == id
                           select new { f.Id, f.EnterpriseId, f.District, f.ProjectName, e.Name }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var provider = await ServingProvider.OfAsync(db, found.EnterpriseId, ct);
        var title = "改造项目备案：" + (string.IsNullOrEmpty(found.ProjectName) ? found.Name : $"{found.Name} {found.ProjectName}");
        return new SupervisedSubject(Name, found.Id, found.EnterpriseId, found.District, provider, title, $"/filings/{found.Id}", EnterpriseResponds);
    }
}

/// <summary>改造项目 after filing: as <see cref="ProjectService.InScope"/> reaches them; the provider serving the enterprise carries it out.</summary>
public sealed class ProjectSubjects(ProjectService projects, DxPilotDbContext db) : ISupervisedSubjects
{
    public const string Name = "project";
    public string Type => Name;
    public string Label => "改造项目";
    public bool EnterpriseResponds => true;

    public async Task<SupervisedSubject?> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var found = await (from p in projects.InScope(actor)
                           join e in db.Enterprises on p.EnterpriseId equals e.Id
                           where p.Id == id
                           select new { p.Id, p.EnterpriseId, p.District, p.ProjectName, e.Name }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var provider = await ServingProvider.OfAsync(db, found.EnterpriseId, ct);
        return new SupervisedSubject(Name, found.Id, found.EnterpriseId, found.District, provider, $"改造项目：{found.Name} {found.ProjectName}", $"/projects/{found.Id}", EnterpriseResponds);
    }
}

/// <summary>The provider assigned to an enterprise: the party concerned by comments on its filing and its project.</summary>
internal static class ServingProvider
{
    public static Task<Guid?> OfAsync(DxPilotDbContext db, Guid enterpriseId, CancellationToken ct) =>
        db.Assignments.Where(x => x.EnterpriseId == enterpriseId && x.Kind == OrganisationKind.ServiceProvider)
            .Select(x => (Guid?)x.OrganisationId).FirstOrDefaultAsync(ct);
}
