namespace DxPilot.Infrastructure.Catalogue;

/// <summary>
/// One cell of the demand map as the database keeps it: how many enterprises of a programme, in one district and of one pilot
/// industry, state at least one need in one level-3 scenario (an enterprise with two needs there counts once). Derived data, not
/// a record anyone edits: <see cref="DemandCounter"/> moves it with every saved change to a need or to an enterprise's district
/// or industry, and <see cref="DemandRecount"/> rebuilds it from the needs (docs/catalogue-match.md).
/// </summary>
public sealed class DemandCount
{
    public string ProgrammeId { get; private set; } = "";
    public string District { get; private set; } = "";
    public string IndustryKey { get; private set; } = "";
    public string ScenarioCode { get; private set; } = "";
    public int Enterprises { get; private set; }

    private DemandCount() { }
}
