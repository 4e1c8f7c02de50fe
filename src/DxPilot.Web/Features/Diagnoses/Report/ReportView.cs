using DxPilot.Domain.Diagnoses.Report;

namespace DxPilot.Web.Features.Diagnoses.Report;

/// <summary>A report as its reader sees it: what the platform fills in, what the team wrote, and whether this reader may edit.</summary>
public sealed record ReportView(Guid DiagnosisId, string ProgrammeId, ReportSources Sources, DiagnosisReport? Report, int MinimumCharacters,
    string? EditRefusal, string StatusLabel)
{
    public bool CanEdit => EditRefusal is null;
    public ReportContent Content => Report?.Content ?? new ReportContent();
    /// <summary>The version a save must carry: 0 before the first save.</summary>
    public int Version => Report?.Version ?? 0;
}
