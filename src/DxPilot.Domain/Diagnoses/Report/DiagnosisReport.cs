using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Diagnoses.Report;

/// <summary>
/// 咨询诊断报告: what the diagnosis team has written in the 附件3 template, one per diagnosis (its key is the diagnosis').
/// Each save replaces the content and is one audit entry, a line per part that changed (<see cref="ReportContent.AuditFields"/>).
/// </summary>
public sealed class DiagnosisReport : IAudited
{
    [NotAudited] public Guid DiagnosisId { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    public ReportContent Content { get; private set; } = new();
    /// <summary>The written length (<see cref="ReportContent.Characters"/>) as of the last save: lists and the checklist read it
    /// without loading the text.</summary>
    [NotAudited] public int Characters { get; private set; }
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    public AuditKey AuditKey => AuditKey.Of<DiagnosisReport>(DiagnosisId);

    private DiagnosisReport() { }

    public static DiagnosisReport Start(Guid diagnosisId, string programmeId) => new() { DiagnosisId = diagnosisId, ProgrammeId = programmeId };

    /// <summary>Replaces what is written with <paramref name="content"/>, already cleaned by <see cref="ReportRules.Clean"/>.</summary>
    public void Revise(ReportContent content, DateTime now)
    {
        Content = content;
        Characters = content.Characters();
        UpdatedAt = now;
        Version++;
    }
}
