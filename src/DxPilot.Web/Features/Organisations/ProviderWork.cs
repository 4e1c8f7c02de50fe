using DxPilot.Domain.Filings;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Web.Features.Organisations;

/// <summary>
/// A service provider's work, as every count and list of it reads it (the dashboard's 服务商排行, the project list's provider
/// filter, the provider's page): the filings and projects of the enterprises the bureau assigned it to, and those whose
/// 服务合同 names it as 乙方 — an enterprise may contract a provider the bureau did not assign, and that provider did the work.
/// </summary>
public static class ProviderWork
{
    public static IQueryable<Project> Of(this IQueryable<Project> projects, DxPilotDbContext db, Guid provider) =>
        projects.Where(p => db.Assignments.Any(x => x.Kind == OrganisationKind.ServiceProvider && x.OrganisationId == provider && x.EnterpriseId == p.EnterpriseId)
            || db.ServiceContracts.Any(c => c.FilingId == p.FilingId && c.ProviderOrganisationId == provider));

    public static IQueryable<Filing> Of(this IQueryable<Filing> filings, DxPilotDbContext db, Guid provider) =>
        filings.Where(f => db.Assignments.Any(x => x.Kind == OrganisationKind.ServiceProvider && x.OrganisationId == provider && x.EnterpriseId == f.EnterpriseId)
            || db.ServiceContracts.Any(c => c.FilingId == f.Id && c.ProviderOrganisationId == provider));

    /// <summary>Every (provider, project) pair of <paramref name="projects"/> by the same rule, each once: what a league table groups.</summary>
    public static IQueryable<ProviderProject> Credits(this IQueryable<Project> projects, DxPilotDbContext db) =>
        (from p in projects
         join x in db.Assignments on p.EnterpriseId equals x.EnterpriseId
         where x.Kind == OrganisationKind.ServiceProvider
         select new ProviderProject { Provider = x.OrganisationId, Project = p.Id })
        .Union(
            from p in projects
            join c in db.ServiceContracts on p.FilingId equals c.FilingId
            where c.ProviderOrganisationId != null
            select new ProviderProject { Provider = c.ProviderOrganisationId!.Value, Project = p.Id });
}

public sealed class ProviderProject
{
    public Guid Provider { get; init; }
    public Guid Project { get; init; }
}
