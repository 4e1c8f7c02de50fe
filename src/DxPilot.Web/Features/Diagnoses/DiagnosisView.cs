using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Workflow;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>A photo with its verdict: each problem found, with its code and the reason a person reads.</summary>
public sealed record JudgedPhoto(VisitPhoto Photo, IReadOnlyList<PhotoProblem> Problems)
{
    public bool Ok => Problems.Count == 0;
}

/// <summary>A visit with its photos as judged now.</summary>
public sealed record VisitWithPhotos(DiagnosisVisit Visit, IReadOnlyList<JudgedPhoto> Photos)
{
    public CheckedVisit Checked => new(Visit, Photos.Select(p => new CheckedPhoto(p.Photo.Tag, p.Ok)).ToList());
}

/// <summary>
/// One diagnosis as a page shows it: the enterprise and the provider, the rows, the linked assessment, the satisfaction
/// form, the checklist computed from all of it, the transitions taken and the rounds submitted.
/// </summary>
public sealed class DiagnosisView(
    Enterprise enterprise, Organisation provider, Diagnosis diagnosis, DiagnosisRules rules,
    IReadOnlyList<DiagnosisMember> members, IReadOnlyList<VisitWithPhotos> visits, IReadOnlyList<AgreementScan> agreements,
    Assessment? assessment, DiagnosisSatisfaction? satisfaction, int reportCharacters, DiagnosisChecklist checklist,
    IReadOnlyList<StateTransition> history, IReadOnlyList<SubmissionInfo> submissions)
{
    public Enterprise Enterprise => enterprise;
    public Organisation Provider => provider;
    public Diagnosis Diagnosis => diagnosis;
    public DiagnosisRules Rules => rules;
    public IReadOnlyList<DiagnosisMember> Members => members;
    public IReadOnlyList<VisitWithPhotos> Visits => visits;
    /// <summary>Every signed scan uploaded, newest first; the first is the agreement in force.</summary>
    public IReadOnlyList<AgreementScan> Agreements => agreements;
    public Assessment? Assessment => assessment;
    public DiagnosisSatisfaction? Satisfaction => satisfaction;
    public int ReportCharacters => reportCharacters;
    public DiagnosisChecklist Checklist => checklist;
    public IReadOnlyList<StateTransition> History => history;
    public IReadOnlyList<SubmissionInfo> Submissions => submissions;

    public Workflow<DiagnosisStatus, DiagnosisTrigger, DiagnosisCase> Chain => rules.Chain;

    public string StatusLabel(Actor viewer) => rules.Chain.Label(diagnosis.Status, viewer);

    /// <summary>The transitions this actor may take now, one button each (the service decides again on post).</summary>
    public IReadOnlyList<Transition<DiagnosisStatus, DiagnosisTrigger, DiagnosisCase>> Open(Actor actor) => rules.Chain.Open(diagnosis.Status, actor);

    /// <summary>Why the diagnosis came back, while it is back with the provider.</summary>
    public string? ReturnReason => diagnosis.Status == DiagnosisStatus.Returned ? history.LastOrDefault()?.Reason : null;

    public DiagnosisMember? Member(Guid id) => members.FirstOrDefault(m => m.Id == id);
}

/// <summary>A submitted round in the list of versions.</summary>
public sealed record SubmissionInfo(Guid Id, int Round, DateTime SubmittedAt, string SubmittedByName);

/// <summary>The enterprise file's diagnosis panel: the programme's rules, the diagnosis if one is open, and whether this actor may open one.</summary>
public sealed record EnterpriseDiagnosis(DiagnosisRules Rules, Diagnosis? Diagnosis, bool MayOpen);
