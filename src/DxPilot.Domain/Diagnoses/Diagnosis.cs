using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Diagnoses;

/// <summary>
/// 咨询诊断 (seed 002 三（一）): one provider's diagnosis of one enterprise, from the agreement to acceptance. Its rows (team,
/// visits, photos, agreement scans) change only through it, so each change also moves its version: two windows editing the
/// same diagnosis cannot both win. Every change of state goes through the programme's chain (<see cref="Apply"/>).
/// </summary>
public sealed class Diagnosis : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<Diagnosis>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid EnterpriseId { get; private set; }
    /// <summary>The service provider (an organisation assigned to the enterprise) that diagnoses.</summary>
    [NotAudited] public Guid ProviderId { get; private set; }
    public DiagnosisStatus Status { get; private set; }
    /// <summary>签订日期 of the agreement now in force (the latest scan's), for lists and the term.</summary>
    public DateOnly? AgreementSignedOn { get; private set; }
    /// <summary>The provider's 改造前 assessment of the enterprise whose 表6-8 the report shows.</summary>
    public Guid? AssessmentId { get; private set; }
    /// <summary>How many times it was submitted; each submission is kept as a <see cref="DiagnosisSubmission"/>.</summary>
    public int Round { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public string? AcceptedByName { get; private set; }
    /// <summary>验收意见</summary>
    public string? AcceptanceOpinion { get; private set; }
    /// <summary>The submission rules red when it was last saved (<see cref="DiagnosisChecklist.Mask"/>), so that lists filter by
    /// them; the agreement's term, which runs out by itself, is judged from <see cref="AgreementSignedOn"/> when read.</summary>
    [NotAudited] public int RedItems { get; private set; }
    [NotAudited] public string OpenedByName { get; private set; } = "";
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }
    /// <summary>The enterprise file's district, kept here so that the overview and the lists select and count a district's
    /// diagnoses without joining the files (migration 0039); the database context moves it with the file
    /// (Infrastructure/Persistence/DistrictCopies).</summary>
    [NotAudited] public string District { get; private set; } = "";
    /// <summary>The expert accounts the city bureau named to accept or return it ("|id|id|", <see cref="NamedAccounts"/>): an
    /// expert reads only the submitted diagnoses it is named on (<see cref="DiagnosisPolicy.ExpertReads"/>). Last, as migration
    /// 0042 added it.</summary>
    public string ExpertAccounts { get; private set; } = "";

    private Diagnosis() { }

    public static Diagnosis Open(string programmeId, Guid enterpriseId, string district, Guid providerId, Actor by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = programmeId, EnterpriseId = enterpriseId, ProviderId = providerId,
        Status = DiagnosisStatus.InProgress, OpenedByName = by.Name, Version = 1, CreatedAt = now, UpdatedAt = now, District = district,
    };

    /// <summary>The provider changes it while it is in progress or has been returned to it.</summary>
    public bool IsEditable => EditableIn(Status);

    public static bool EditableIn(DiagnosisStatus status) => status is DiagnosisStatus.InProgress or DiagnosisStatus.Returned;

    /// <summary>A row of the diagnosis changed (a member, a visit, a photo, a scan): the diagnosis moves to a new version.</summary>
    public void Touch(DateTime now)
    {
        Guard();
        UpdatedAt = now;
        Version++;
    }

    public void SignAgreement(DateOnly signedOn, DateTime now)
    {
        Guard();
        AgreementSignedOn = signedOn;
        Touch(now);
    }

    public void LinkAssessment(Guid? assessmentId, DateTime now)
    {
        Guard();
        AssessmentId = assessmentId;
        Touch(now);
    }

    /// <summary>
    /// Takes a transition of the programme's chain: refused (nothing changes) when the chain does not let this actor take
    /// it now, otherwise the new state and its record. Submission counts a round; acceptance files the opinion.
    /// </summary>
    public TransitionResult<DiagnosisStatus> Apply(Workflow<DiagnosisStatus, DiagnosisTrigger, DiagnosisCase> chain, DiagnosisTrigger trigger,
        Actor actor, string? reason, DiagnosisChecklist checklist, DateTime now)
    {
        var result = chain.Take(Status, trigger, new DiagnosisCase(this, checklist), actor, reason, ProgrammeId, Id.ToString(), now);
        if (!result.Taken) return result;
        if (trigger == DiagnosisTrigger.Submit)
        {
            Round++;
            SubmittedAt = now;
        }
        if (trigger == DiagnosisTrigger.Accept)
        {
            AcceptedAt = now;
            AcceptedByName = actor.Name;
            AcceptanceOpinion = reason!.Trim();
        }
        Status = result.To;
        UpdatedAt = now;
        Version++;
        return result;
    }

    /// <summary>The city bureau names the expert accounts (checked by the caller to be the programme's experts) that accept or
    /// return it; only while it waits for acceptance. An empty list leaves it to the city alone.</summary>
    public void NameExperts(IEnumerable<string> accounts, DateTime now)
    {
        if (Status != DiagnosisStatus.Submitted) throw new InvalidOperationException(DiagnosisPolicy.NotAwaitingAcceptance);
        ExpertAccounts = NamedAccounts.Join(accounts);
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Keeps the checklist's red items as last computed (no new version: nothing a person typed changed).</summary>
    public void Checked(DiagnosisChecklist checklist) => RedItems = checklist.Mask;

    private void Guard()
    {
        if (!IsEditable) throw new InvalidOperationException("诊断已提交验收，不能再修改");
    }
}
