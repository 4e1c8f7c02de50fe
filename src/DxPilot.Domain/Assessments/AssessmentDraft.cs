using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Assessments;

/// <summary>
/// 草稿: the answers typed so far on an assessment form, incomplete and unscored, kept until the assessment is saved. One
/// per assessor (the enterprise for its self-test, the organisation for its diagnosis or evaluation), enterprise file and
/// assessment (or instrument, for a new one), so that whoever may finish the assessment (<see cref="AssessmentPolicy"/>)
/// finds it again after a sign-out. Not audited: it changes no record, nobody else reads it, and an autosave every half
/// minute would bury the trail; the assessment saved from it is audited field by field as before.
/// </summary>
public sealed class AssessmentDraft
{
    public Guid Id { get; private set; }
    /// <summary>Whose draft of which assessment (<see cref="KeyOf"/>); unique.</summary>
    public string Key { get; private set; } = "";
    public string ProgrammeId { get; private set; } = "";
    public Guid EnterpriseId { get; private set; }
    /// <summary>The assessment being revised; null while it is a new one.</summary>
    public Guid? AssessmentId { get; private set; }
    public string InstrumentId { get; private set; } = "";
    public AssessmentStage? Stage { get; private set; }
    /// <summary>评测日期 as typed (yyyy-MM-dd), checked only when the assessment is saved.</summary>
    public string? AssessedOn { get; private set; }
    public AssessmentAnswers Answers { get; private set; } = new();
    /// <summary>The version of the assessment the draft was typed over, so that saving it cannot overwrite a later change.</summary>
    public int? BasedOnVersion { get; private set; }
    public string SavedByUserId { get; private set; } = "";
    public string SavedByName { get; private set; } = "";
    /// <summary>UTC.</summary>
    public DateTime SavedAt { get; private set; }

    private AssessmentDraft() { }

    /// <summary>The assessor the draft belongs to and what it is a draft of.</summary>
    public static string KeyOf(Actor assessor, Guid enterpriseId, Guid? assessmentId, string instrumentId)
    {
        var kind = AssessmentPolicy.AssessorKindOf(assessor.Role)
                   ?? throw new InvalidOperationException("只有填写评测的角色才有草稿");
        var owner = kind == AssessorKind.Enterprise ? enterpriseId : assessor.OrganisationId ?? Guid.Empty;
        return $"{(int)kind}:{owner:N}:{enterpriseId:N}:{(assessmentId is { } id ? id.ToString("N") : "new:" + instrumentId)}";
    }

    public static AssessmentDraft Start(string programmeId, Actor assessor, Guid enterpriseId, Guid? assessmentId, string instrumentId) => new()
    {
        Id = Guid.NewGuid(),
        Key = KeyOf(assessor, enterpriseId, assessmentId, instrumentId),
        ProgrammeId = programmeId,
        EnterpriseId = enterpriseId,
        AssessmentId = assessmentId,
        InstrumentId = instrumentId,
    };

    /// <summary>Replaces what the draft holds with what the form holds now.</summary>
    public void Keep(AssessmentStage? stage, string? assessedOn, AssessmentAnswers answers, int? basedOnVersion, Actor by, DateTime now)
    {
        Stage = stage;
        AssessedOn = assessedOn;
        Answers = answers;
        BasedOnVersion = basedOnVersion;
        SavedByUserId = by.UserId;
        SavedByName = by.Name;
        SavedAt = now;
    }
}
