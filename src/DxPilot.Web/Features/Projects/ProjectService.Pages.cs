using DxPilot.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>What the project pages offer besides the project itself: the programme's expert accounts an acceptance group may name.</summary>
public sealed partial class ProjectService
{
    /// <summary>Whether the 改造项目 menu and list are for this account: every role reads some projects where the programme has them.</summary>
    public bool UsesList(Actor a) => RulesOf(a) is not null;

    /// <summary>An expert account the agency may bind to a group member (the member then reads the project it accepts).</summary>
    public sealed record ExpertChoice(string UserId, string Name, string? Unit);

    /// <summary>The programme's expert accounts with their employer, for the acceptance form (asked only where that form is shown).</summary>
    public async Task<IReadOnlyList<ExpertChoice>> ExpertChoicesAsync(Actor actor, CancellationToken ct = default) =>
        await (from u in db.Users
               where u.ProgrammeId == actor.ProgrammeId && u.Role == Role.Expert
               join o in db.Organisations on u.OrganisationId equals o.Id into employer
               from o in employer.DefaultIfEmpty()
               orderby u.DisplayName
               select new ExpertChoice(u.Id, u.DisplayName, o == null ? null : o.Name)).ToListAsync(ct);
}
