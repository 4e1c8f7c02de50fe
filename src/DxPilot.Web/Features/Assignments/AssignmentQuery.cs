using DxPilot.Domain.Organisations;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Assignments;

/// <summary>The assignments list's search and filters. <see cref="Unserved"/>: files with no 服务商 assigned.</summary>
public sealed record AssignmentQuery(string? Search = null, OrganisationKind? Kind = null, Guid? Organisation = null, string? District = null,
    bool Unserved = false, int PageNumber = 1, int PageSize = 20)
{
    public string ToQueryString(int page) =>
        "?" + string.Join("&", new[]
        {
            Search is null ? null : "search=" + Uri.EscapeDataString(Search),
            Kind is null ? null : "kind=" + Kind,
            Organisation is null ? null : "organisation=" + Organisation,
            District is null ? null : "district=" + Uri.EscapeDataString(District),
            Unserved ? "unserved=true" : null,
            "page=" + page,
        }.Where(p => p is not null));
}

/// <summary>The list's query string as typed (pages and the API bind strings; a value that does not parse is ignored).</summary>
public sealed class AssignmentQueryParameters
{
    public string? Search { get; set; }
    public string? Kind { get; set; }
    public string? Organisation { get; set; }
    public string? District { get; set; }
    public string? Unserved { get; set; }
    public string? Page { get; set; }

    public AssignmentQuery ToQuery() => new(
        QueryValue.Search(Search),
        QueryValue.Enum<OrganisationKind>(Kind),
        Guid.TryParse(Organisation, out var o) ? o : null,
        QueryValue.Text(District)?.Trim() is { Length: > 0 } d ? d : null,
        QueryValue.Flag(Unserved),
        QueryValue.Int(Page) ?? 1);
}

/// <summary>One enterprise of the list with the organisations assigned to it now (for an organisation's account: itself only).</summary>
public sealed record AssignmentRow(Guid EnterpriseId, string EnterpriseName, string? Uscc, string District, string Industry,
    IReadOnlyList<AssignedOrganisation> Organisations);

public sealed record AssignedOrganisation(Guid Id, string Name, OrganisationKind Kind, DateTime AssignedAt)
{
    public string KindLabel => Kind.Label();
}

/// <summary>An organisation of the programme, as the forms and the API offer it.</summary>
public sealed record OrganisationItem(Guid Id, string Name, OrganisationKind Kind)
{
    public string KindLabel => Kind.Label();
}

/// <summary>One line of the history: who assigned or withdrew which organisation for which enterprise, when and why.</summary>
public sealed record AssignmentHistoryItem(Guid Id, Guid EnterpriseId, string EnterpriseName, Guid OrganisationId, string OrganisationName,
    OrganisationKind OrganisationKind, AssignmentChangeKind Change, string? Reason, string ActorName, DateTime At)
{
    public string ChangeLabel => Change == AssignmentChangeKind.Assigned ? "分配" : "撤销分配";
    public string OrganisationKindLabel => OrganisationKind.Label();
}

/// <summary>An enterprise file's assignments panel: who serves it now, and (for bureaus and the think tank) its latest changes.</summary>
public sealed record EnterpriseAssignments(IReadOnlyList<AssignedOrganisation> Serving, Page<AssignmentHistoryItem>? History);
