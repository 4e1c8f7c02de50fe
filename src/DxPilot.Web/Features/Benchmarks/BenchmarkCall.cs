using DxPilot.Domain.Accounts;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>
/// The Heilongjiang demonstration-benchmark call (示范标杆企业申报, seed 000) and who takes part in it.
/// Programme files do not name the instruments they use, so the pairing of programme and instrument is stated once, here.
/// </summary>
public static class BenchmarkCall
{
    public const string ProgrammeId = "heilongjiang-2025";
    public const string InstrumentId = "hlj-benchmark";

    /// <summary>The enterprise fills its own application; the city bureau reads all, a district bureau those of its district.</summary>
    public static bool Admits(Actor a) =>
        a.ProgrammeId == ProgrammeId && a.Role is Role.Enterprise or Role.CityBureau or Role.DistrictBureau;
}
