using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Reviews;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Workflow;

namespace DxPilot.Web.Features.Filings;

/// <summary>A filing as its page and the API show it: the answers, the enterprise's basics as the file reads now, the providers
/// from its contracts, the checks (as of the last submission once submitted), the expert tally, the history and the submitted rounds; and whether this viewer co-fills it.</summary>
public sealed record FilingView(
    Filing Filing, Enterprise Enterprise, Programme Programme, IReadOnlyDictionary<string, string> Basics, IReadOnlyList<FilingProvider> Providers,
    IReadOnlyList<FilingCheck> Checks, DateTime? ChecksAsOf, IReadOnlyList<string> Problems, ExpertTally Experts, IReadOnlyList<StateTransition> History,
    IReadOnlyList<FilingVersionInfo> Versions, bool ViewerServesEnterprise)
{
    public FilingRules Rules => Programme.Filing!;

    public string StatusLabel(Actor viewer) => Rules.Chain.Label(Filing.Status, viewer);

    /// <summary>The transitions this viewer may take now (guards not yet asked: a button may still be refused with its reason).</summary>
    public IReadOnlyList<Transition<FilingStatus, FilingTrigger, FilingCase>> Open(Actor viewer) => Rules.Chain.Open(Filing.Status, viewer);

    /// <summary>Whether this viewer may change the section now.</summary>
    public bool MayEdit(Actor viewer, FilingSection section) => FilingPolicy.Edit(viewer, Filing, section, ViewerServesEnterprise) is null;
}

public sealed record FilingVersionInfo(int Round, DateTime SubmittedAt, string SubmittedByName);
