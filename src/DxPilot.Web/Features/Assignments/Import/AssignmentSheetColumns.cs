using DxPilot.Domain.Organisations;

namespace DxPilot.Web.Features.Assignments.Import;

/// <summary>The columns the assignment import reads, and the template writes (one list, so the two cannot drift).</summary>
public static class AssignmentSheetColumns
{
    public const string EnterpriseName = "企业名称";
    public const string Uscc = "统一社会信用代码";

    /// <summary>Each organisation column: the cell holds the organisation's exact name in the programme.</summary>
    public static readonly IReadOnlyList<(string Header, OrganisationKind Kind)> Organisations =
    [
        ("服务商", OrganisationKind.ServiceProvider),
        ("评测机构", OrganisationKind.EvaluationAgency),
        ("审计机构", OrganisationKind.AuditFirm),
    ];

    public static IReadOnlyList<string> Headers => [EnterpriseName, Uscc, .. Organisations.Select(o => o.Header)];

    public const string HeaderHint = "应包含“企业名称”或“统一社会信用代码”列，以及“服务商”“评测机构”“审计机构”中至少一列";

    /// <summary>The header row names the enterprise (by name or code) and at least one organisation column.</summary>
    public static bool IsHeader(IReadOnlyList<string?> cells)
    {
        var names = cells.Select(c => c?.Trim()).ToHashSet();
        return (names.Contains(EnterpriseName) || names.Contains(Uscc)) && Organisations.Any(o => names.Contains(o.Header));
    }
}
