using DxPilot.Domain.Accounts;
using DxPilot.Web.Features.Accounts;

namespace DxPilot.Web.Features.Projects;

/// <summary>What the project pages offer besides the project itself: the programme's expert accounts an acceptance group may name.</summary>
public sealed partial class ProjectService
{
    /// <summary>Whether the 改造项目 menu and list are for this account: every role reads some projects where the programme has them.</summary>
    public bool UsesList(Actor a) => RulesOf(a) is not null;

    /// <summary>The programme's expert accounts the agency may bind to a group member (the member then reads the project it
    /// accepts); asked only where the acceptance form is shown.</summary>
    public Task<IReadOnlyList<ExpertChoice>> ExpertChoicesAsync(Actor actor, CancellationToken ct = default) => db.ExpertChoicesAsync(actor.ProgrammeId, ct);
}
