namespace DxPilot.Domain.Reviews;

/// <summary>
/// Conflict of interest (DOMAIN §1: an expert never reviews its own employer's clients), one rule for every expert review: the
/// expert's organisation is assigned to serve the enterprise, or is (by USCC) the provider of one of its transformation contracts.
/// Null for an expert without an employer on file, who has none to conflict with.
/// </summary>
public static class ReviewConflict
{
    /// <param name="reviewed">What the expert would review, as the message names it ("备案", "申报").</param>
    /// <param name="contracts">Whose contracts the provider signed, as the message names them ("该项目合同", "该企业改造项目合同").</param>
    public static string? Of(Guid? expertOrganisation, string? expertOrganisationUscc, IReadOnlyCollection<Guid> enterpriseServedBy,
        IReadOnlyCollection<string> contractProviderUsccs, string reviewed, string contracts) =>
        expertOrganisation is { } org && enterpriseServedBy.Contains(org)
            ? $"利益冲突：该专家所在单位是该企业的服务商，不能评审其{reviewed}"
        : expertOrganisationUscc is { Length: > 0 } u && contractProviderUsccs.Contains(u)
            ? $"利益冲突：该专家所在单位是{contracts}的服务商，不能评审其{reviewed}"
        : null;
}
