using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Diagnoses.Report;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>The enterprise's satisfaction form as typed.</summary>
public sealed record SatisfactionInput(IReadOnlyList<Rating?> Ratings, OverallSatisfaction? Overall, Adoption? Adoption, string? Comment);

/// <summary>提交验收, 退回修改, 通过验收 (the programme's chain decides, the aggregate changes, the record is saved with it), and
/// the enterprise's satisfaction form.</summary>
public sealed partial class DiagnosisService
{
    public const int MaxReasonCharacters = 2000;
    public const int MaxCommentCharacters = 1000;

    public async Task<Outcome<Diagnosis>> TransitionAsync(Actor actor, Guid id, DiagnosisTrigger trigger, string? reason, int? version,
        CancellationToken ct = default)
    {
        if (ControlCharacters.In(reason, multiline: true))
            return Outcome<Diagnosis>.Invalid(new Dictionary<string, string> { ["reason"] = ControlCharacters.Message("意见") });
        if (reason is not null && reason.Trim().Length > MaxReasonCharacters)
            return Outcome<Diagnosis>.Invalid(new Dictionary<string, string> { ["reason"] = $"意见不超过{MaxReasonCharacters}字" });
        var d = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<Diagnosis>.NotFound();
        var view = await ViewOf(d, ct);
        var result = d.Apply(view.Chain, trigger, actor, reason, view.Checklist, Now());
        if (result.Refusal is { } refused)
            return Outcome<Diagnosis>.Refused(refused);
        saving.Expect(d, version ?? d.Version - 1);
        // The record is the transition's audit entry too: the interceptor files the state change under it.
        db.StateTransitions.Add(result.Record!);
        if (trigger == DiagnosisTrigger.Submit)
        {
            var report = await db.DiagnosisReports.AsNoTracking().Where(r => r.DiagnosisId == id).Select(r => r.Content).FirstOrDefaultAsync(ct);
            db.DiagnosisSubmissions.Add(DiagnosisSubmission.Freeze(d, actor.Name, Snapshot(view, report), Now()));
        }
        return await Save(d, () => d, ct);
    }

    /// <summary>满意度评价: the enterprise, once, after submission; all five items, the overall judgement and adoption required.</summary>
    public async Task<Outcome<DiagnosisSatisfaction>> RateAsync(Actor actor, Guid id, SatisfactionInput input, CancellationToken ct = default)
    {
        var d = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<DiagnosisSatisfaction>.NotFound();
        var rated = await db.DiagnosisSatisfactions.AnyAsync(s => s.DiagnosisId == id, ct);
        if (DiagnosisPolicy.Rate(actor, d, rated) is { } why)
            return rated || actor.Role == Role.Enterprise ? Outcome<DiagnosisSatisfaction>.Conflict(why) : Outcome<DiagnosisSatisfaction>.Forbidden(why);
        var errors = new Dictionary<string, string>();
        for (var i = 0; i < SatisfactionLabels.Items.Length; i++)
            if (i >= input.Ratings.Count || input.Ratings[i] is not { } r || !Enum.IsDefined(r))
                errors[$"Ratings[{i}]"] = $"请评价“{SatisfactionLabels.Items[i].Name}”";
        if (input.Overall is not { } overall || !Enum.IsDefined(overall)) errors["Overall"] = "请选择总体评价";
        if (input.Adoption is not { } adoption || !Enum.IsDefined(adoption)) errors["Adoption"] = "请选择对诊断报告意见建议的采纳情况";
        if (ControlCharacters.In(input.Comment, multiline: true)) errors["Comment"] = ControlCharacters.Message("企业意见");
        else if (ChineseText.CountCharacters(input.Comment?.Trim()) > MaxCommentCharacters) errors["Comment"] = $"企业意见不超过{MaxCommentCharacters}字";
        if (errors.Count > 0) return Outcome<DiagnosisSatisfaction>.Invalid(errors);
        var form = DiagnosisSatisfaction.Submit(d, input.Ratings.Select(r => r!.Value).ToList(), input.Overall!.Value, input.Adoption!.Value,
            input.Comment, actor.Name, Now());
        db.DiagnosisSatisfactions.Add(form);
        // The form turns the checklist's last item green: Save keeps it on the diagnosis for the lists' red filters.
        return await Save(d, () => form, ct, form, "满意度评价",
            onDuplicate: () => Task.FromResult(Outcome<DiagnosisSatisfaction>.Conflict("满意度评价已提交，不能修改")));
    }

    /// <summary>A submitted round as the version list shows it.</summary>
    public async Task<(DiagnosisSubmission Submission, DiagnosisSnapshot Snapshot)?> SubmissionAsync(Actor actor, Guid id, int round, CancellationToken ct = default)
    {
        var found = await (from s in db.DiagnosisSubmissions
                           join d in InScope(actor) on s.DiagnosisId equals d.Id
                           where d.Id == id && s.Round == round
                           select s).AsNoTracking().FirstOrDefaultAsync(ct);
        return found is null ? null : (found, JsonSerializer.Deserialize<DiagnosisSnapshot>(found.Content, SnapshotJson)!);
    }

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The report as it was submitted, for the version's page.</summary>
    public static ReportContent? ReportOf(DiagnosisSnapshot snapshot) =>
        snapshot.ReportJson is { } json ? JsonSerializer.Deserialize<ReportContent>(json, SnapshotJson) : null;

    private static string Snapshot(DiagnosisView v, ReportContent? report)
    {
        var names = v.Members.ToDictionary(m => m.Id, m => m.Name);
        var snapshot = new DiagnosisSnapshot(
            v.Diagnosis.AgreementSignedOn,
            v.Members.Select(m => new SnapshotMember(m.Name, m.Unit, m.Title, m.TitleLevel.Label(), m.Field.Label(), m.Role.Label(), m.Duties, m.Phone)).ToList(),
            v.Visits.Select(x => new SnapshotVisit(x.Visit.Date, x.Visit.Start, x.Visit.End, x.Visit.Topic.Label(),
                x.Visit.MemberIds.Select(id => names.GetValueOrDefault(id, "")).ToList(), x.Visit.ContactPerson, x.Visit.Outcome, x.Visit.Attendance,
                x.Photos.Select(p => new SnapshotPhoto(p.Photo.Id, p.Photo.File.Name, p.Photo.Tag.Label(), p.Ok)).ToList())).ToList(),
            v.Checklist.Items.Where(i => i.Stage == ChecklistStage.Submission).Select(i => new SnapshotCheck(i.Name, i.Passed, i.Reason)).ToList(),
            v.Diagnosis.AssessmentId,
            v.ReportCharacters,
            report is null ? null : JsonSerializer.Serialize(report, SnapshotJson));
        return JsonSerializer.Serialize(snapshot, SnapshotJson);
    }
}
