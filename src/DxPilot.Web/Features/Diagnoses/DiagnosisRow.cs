using DxPilot.Domain.Diagnoses;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>A row of the diagnosis list and its export.</summary>
public sealed record DiagnosisRow(Guid Id, Guid EnterpriseId, string EnterpriseName, string? Uscc, string District, Guid ProviderId, string ProviderName,
    DiagnosisStatus Status, DateOnly? AgreementSignedOn, int Round, DateTime? SubmittedAt, DateTime? AcceptedAt, int RedItems, DateTime UpdatedAt)
{
    /// <summary>From this many days left the term is flagged, in the list and on the provider's to-do list.</summary>
    public const int TermWarningDays = 7;

    public DateOnly? TermEnds(DiagnosisRules rules) =>
        AgreementSignedOn is { } signed ? DiagnosisChecklist.TermEnds(signed, rules.AgreementTermDays) : null;

    /// <summary>Days left of the agreement's term (0 on its last day, negative once past), while the provider still works on it.</summary>
    public int? DaysLeft(DiagnosisRules rules, DateOnly today) =>
        Diagnosis.EditableIn(Status) && TermEnds(rules) is { } ends ? ends.DayNumber - today.DayNumber : null;

    public bool PastTerm(DiagnosisRules rules, DateOnly today) => DaysLeft(rules, today) < 0;

    /// <summary>
    /// The checklist items red for the step the diagnosis waits for: the submission rules while the provider works on it
    /// (the agreement also once its term has run out since the last save), the satisfaction form while it waits for acceptance.
    /// </summary>
    public IReadOnlyList<string> RedKeys(DiagnosisRules rules, DateOnly today)
    {
        var red = RedItems & DiagnosisRedItems.RelevantIn(Status);
        if (PastTerm(rules, today)) red |= DiagnosisRedItems.Agreement;
        return DiagnosisChecklist.Keys.Where(k => (red & DiagnosisChecklist.Bit(k)) != 0).ToList();
    }
}

/// <summary>The checklist's bits as the list reads them (see <see cref="DiagnosisChecklist.Mask"/>).</summary>
public static class DiagnosisRedItems
{
    public static readonly int Agreement = DiagnosisChecklist.Bit("agreement");
    public static readonly int Satisfaction = DiagnosisChecklist.Bit("satisfaction");
    /// <summary>Every rule checked before submission.</summary>
    public static readonly int Submission = DiagnosisChecklist.Keys.Aggregate(0, (m, k) => m | DiagnosisChecklist.Bit(k)) & ~Satisfaction;

    public static int RelevantIn(DiagnosisStatus status) =>
        Diagnosis.EditableIn(status) ? Submission : status == DiagnosisStatus.Submitted ? Satisfaction : 0;

    /// <summary>Each item's name as the checklist shows it, for tags and the filter.</summary>
    public static IReadOnlyDictionary<string, string> Names(DiagnosisRules rules) =>
        DiagnosisChecklist.Check(rules, new DiagnosisFacts(DateOnly.MinValue, null, [], [], false, 0, false)).Items.ToDictionary(i => i.Key, i => i.Name);
}
