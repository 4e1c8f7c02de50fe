using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Assessments;

/// <summary>
/// 草稿: keeps what an assessor has typed on an assessment form, complete or not, so that a sign-out, a closed tab or a
/// lost connection costs nothing. Only whoever may save the assessment keeps a draft of it (<see cref="AssessmentPolicy.KeepDraft"/>);
/// the draft goes when the assessment is saved (<see cref="AssessmentService"/>).
/// </summary>
public sealed class AssessmentDrafts(DxPilotDbContext db, AssessmentService assessments, EnterpriseService enterprises, InstrumentCatalog instruments,
    TimeProvider clock, ShownTime shown)
{
    /// <summary>The draft this actor left on the form of a new assessment (<paramref name="assessmentId"/> null) or of one
    /// being revised; null when there is none.</summary>
    public async Task<AssessmentDraft?> FindAsync(Actor actor, Guid enterpriseId, Guid? assessmentId, string instrumentId, CancellationToken ct = default)
    {
        if (AssessmentPolicy.AssessorKindOf(actor.Role) is null) return null;
        var key = AssessmentDraft.KeyOf(actor, enterpriseId, assessmentId, instrumentId);
        return await db.AssessmentDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Key == key, ct);
    }

    /// <summary>Keeps the form's answers as they stand on a new assessment of the file.</summary>
    public async Task<Outcome<AssessmentDraft>> KeepNewAsync(Actor actor, Guid enterpriseId, AssessmentInput input, CancellationToken ct = default)
    {
        var enterprise = await enterprises.GetAsync(actor, enterpriseId, ct);
        if (enterprise is null) return Outcome<AssessmentDraft>.NotFound();
        if (AssessmentPolicy.KeepDraft(actor, enterpriseId, revising: null) is { } refused) return Outcome<AssessmentDraft>.Forbidden(refused);
        if (assessments.Instrument(input.Instrument) is not { EvidenceRule: null } instrument)
            return Outcome<AssessmentDraft>.Invalid(new Dictionary<string, string>
                { ["Instrument"] = $"请选择评测工具：{string.Join("、", assessments.Assessable.Select(i => i.Name))}" });
        return await KeepAsync(actor, enterprise.ProgrammeId, enterpriseId, null, instrument.Id, input, ct);
    }

    /// <summary>Keeps the form's answers as they stand on an assessment being revised.</summary>
    public async Task<Outcome<AssessmentDraft>> KeepRevisionAsync(Actor actor, Guid assessmentId, AssessmentInput input, CancellationToken ct = default)
    {
        var assessment = await assessments.GetAsync(actor, assessmentId, ct);
        if (assessment is null) return Outcome<AssessmentDraft>.NotFound();
        if (AssessmentPolicy.KeepDraft(actor, assessment.EnterpriseId, assessment) is { } refused) return Outcome<AssessmentDraft>.Forbidden(refused);
        if (await assessments.LockedAsync(assessment.Id, ct) is { } locked) return Outcome<AssessmentDraft>.Conflict(locked);
        return await KeepAsync(actor, assessment.ProgrammeId, assessment.EnterpriseId, assessment.Id, assessment.InstrumentId,
            input with { Stage = assessment.Stage }, ct);
    }

    private async Task<Outcome<AssessmentDraft>> KeepAsync(Actor actor, string programmeId, Guid enterpriseId, Guid? assessmentId, string instrumentId,
        AssessmentInput input, CancellationToken ct)
    {
        var instrument = instruments.Find(instrumentId)!;
        var answers = input.ToAnswers();
        // Unchecked until the assessment is saved, but only what the form can hold: the instrument's items and letters,
        // notes as long as the form allows, a stage this assessor records.
        answers.Choices = answers.Choices
            .Where(c => instrument.FindQuestion(c.Key) is not null)
            .ToDictionary(c => c.Key, c => c.Value.Where(l => instrument.FindQuestion(c.Key)!.Options.Any(o => o.Key == l)).Distinct().ToList(), StringComparer.Ordinal);
        answers.Scenarios = answers.Scenarios.Where(s => instrument.FindScenario(s.Key) is not null && s.Value is >= 0 and <= Domain.Instruments.LevelRule.MaxLevel)
            .ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        answers.Evidence = answers.Evidence
            .Where(e => instrument.FindQuestion(e.Key) is not null || instrument.FindScenario(e.Key) is not null)
            .ToDictionary(e => e.Key, e => e.Value.Length > AssessmentService.MaxEvidenceLength ? e.Value[..AssessmentService.MaxEvidenceLength] : e.Value, StringComparer.Ordinal);
        var stage = input.Stage is { } chosen && AssessmentPolicy.StagesFor(actor).Contains(chosen) ? chosen : (AssessmentStage?)null;
        var on = input.AssessedOn is { Length: <= 32 } typed ? typed : null;

        for (var attempt = 0; ; attempt++)
        {
            var key = AssessmentDraft.KeyOf(actor, enterpriseId, assessmentId, instrumentId);
            var draft = await db.AssessmentDrafts.FirstOrDefaultAsync(d => d.Key == key, ct);
            if (draft is null)
            {
                draft = AssessmentDraft.Start(programmeId, actor, enterpriseId, assessmentId, instrumentId);
                db.AssessmentDrafts.Add(draft);
            }
            draft.Keep(stage, on, answers, input.Version, actor, clock.GetUtcNow().UtcDateTime);
            try
            {
                await db.SaveChangesAsync(ct);
                return Outcome<AssessmentDraft>.Ok(draft);
            }
            // Two saves of a first draft at once (the autosave and a button): the second updates the first's row.
            catch (DbUpdateException) when (attempt == 0)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>"草稿已保存 于 14:05" (the programme's time; with the date when it was not today).</summary>
    public string SavedNote(AssessmentDraft draft)
    {
        var at = shown.Local(draft.SavedAt);
        return DateOnly.FromDateTime(at) == shown.Today() ? $"草稿已保存 于 {at:HH:mm}" : $"草稿已保存 于 {shown.Of(draft.SavedAt)}";
    }
}
