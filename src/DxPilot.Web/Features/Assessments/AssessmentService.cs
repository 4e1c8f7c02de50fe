using System.Globalization;
using DxPilot.Domain.Text;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Assessments;

/// <summary>Assessments on the enterprise file. Scope: an enterprise its own file (editing only its self-tests), a provider
/// the diagnoses it made, an agency its evaluations, bureaus everything on the files they see.</summary>
public sealed class AssessmentService(DxPilotDbContext db, EnterpriseService enterprises, InstrumentCatalog instruments, Saving saving, TimeProvider clock,
    ShownTime time)
{
    public const int MaxEvidenceLength = 500;

    /// <summary>The MIIT instruments, scored by answers and scenario levels (the Heilongjiang benchmark has its own self-score);
    /// the newest, the one in force, first.</summary>
    public IEnumerable<Instrument> Assessable => instruments.All.Where(i => i.EvidenceRule is null).OrderByDescending(i => i.Version, StringComparer.Ordinal);

    public Instrument? Instrument(string? id) => instruments.Find(id);

    public IQueryable<Assessment> InScope(Actor a)
    {
        // Who reads assessments at all is the policy's (the menu asks it too); a provider and an agency read their own.
        if (!AssessmentPolicy.ReadsAssessments(a)) return db.Assessments.Where(x => false);
        var files = enterprises.InScope(a).Select(e => e.Id);
        var q = db.Assessments.Where(x => files.Contains(x.EnterpriseId));
        return a.Role switch
        {
            Role.ServiceProvider => q.Where(x => x.AssessorKind == AssessorKind.ServiceProvider && x.OrganisationId == a.OrganisationId),
            Role.EvaluationAgency => q.Where(x => x.AssessorKind == AssessorKind.EvaluationAgency && x.OrganisationId == a.OrganisationId),
            _ => q,
        };
    }

    public async Task<Page<AssessmentRow>> ListAsync(Actor actor, AssessmentQuery query, CancellationToken ct = default)
    {
        query = query.Normalised();
        var enterprises = query.Search is { } s ? db.Enterprises.Matching(actor, s, db.IsPostgres) : db.Enterprises;
        var q = from x in InScope(actor)
                join e in enterprises on x.EnterpriseId equals e.Id
                select new { x, e };
        if (query.District is { } d) q = q.Where(r => r.e.District == d);
        if (query.Instrument is { } i) q = q.Where(r => r.x.InstrumentId == i);
        if (query.Stage is { } st) q = q.Where(r => r.x.Stage == st);
        if (query.Level is { } l) q = q.Where(r => r.x.Level == l);
        var total = await q.CountAsync(ct);
        query = query with { PageNumber = Paging.Clamp(query.PageNumber, total, query.PageSize) };
        var rows = await q.OrderByDescending(r => r.x.AssessedOn).ThenByDescending(r => r.x.Id)
            .Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new AssessmentRow(r.x.Id, r.e.Id, r.e.Name, r.e.District, r.x.InstrumentId, r.x.InstrumentVersion, r.x.Stage,
                r.x.AssessorKind, r.x.AssessorName, r.x.AssessedOn, r.x.Score, r.x.Level))
            .ToListAsync(ct);
        return new Page<AssessmentRow>(rows, total, query.PageNumber, query.PageSize);
    }

    /// <summary>An enterprise's assessments visible to the actor, newest first; null when the file is out of scope.</summary>
    public async Task<IReadOnlyList<Assessment>?> ForEnterpriseAsync(Actor actor, Guid enterpriseId, CancellationToken ct = default)
    {
        if (await enterprises.GetAsync(actor, enterpriseId, ct) is null) return null;
        return await InScope(actor).Where(x => x.EnterpriseId == enterpriseId)
            .OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.Id).ToListAsync(ct);
    }

    public Task<Assessment?> GetAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);

    /// <summary>The latest 改造前 and 改造后 results of one instrument on the file, as far as the actor sees them.</summary>
    public async Task<(Assessment? Before, Assessment? After)> BeforeAfterAsync(Actor actor, Guid enterpriseId, string instrumentId, CancellationToken ct = default)
    {
        var latest = await InScope(actor)
            .Where(x => x.EnterpriseId == enterpriseId && x.InstrumentId == instrumentId && (x.Stage == AssessmentStage.Before || x.Stage == AssessmentStage.After))
            .OrderByDescending(x => x.AssessedOn).ThenByDescending(x => x.Id).ToListAsync(ct);
        return (latest.FirstOrDefault(x => x.Stage == AssessmentStage.Before), latest.FirstOrDefault(x => x.Stage == AssessmentStage.After));
    }

    public async Task<Outcome<Assessment>> CreateAsync(Actor actor, Guid enterpriseId, AssessmentInput input, CancellationToken ct = default)
    {
        var enterprise = await enterprises.GetAsync(actor, enterpriseId, ct);
        if (enterprise is null) return Outcome<Assessment>.NotFound();
        if (AssessmentPolicy.Record(actor, enterpriseId) is { } refused) return Outcome<Assessment>.Forbidden(refused);
        var kind = AssessmentPolicy.AssessorKindOf(actor.Role)!.Value;
        var checkedInput = Check(input, kind, expectedInstrument: null);
        if (checkedInput.Errors.Count > 0) return Outcome<Assessment>.Invalid(checkedInput.Errors);
        var (instrument, stage, on, answers, outcome) = checkedInput.Value!.Value;
        var assessment = Assessment.Record(enterprise.ProgrammeId, enterprise.Id, instrument, stage, actor, kind, on, answers,
            outcome.Result!, outcome.Problems, Now());
        db.Assessments.Add(assessment);
        await DiscardDraftAsync(actor, enterprise.Id, null, instrument.Id, ct);
        return await Save(assessment, ct);
    }

    public async Task<Outcome<Assessment>> UpdateAsync(Actor actor, Guid id, AssessmentInput input, CancellationToken ct = default)
    {
        var assessment = await GetAsync(actor, id, ct);
        if (assessment is null) return Outcome<Assessment>.NotFound();
        if (AssessmentPolicy.Edit(actor, assessment) is { } refused) return Outcome<Assessment>.Forbidden(refused);
        if (await LockedAsync(assessment.Id, ct) is { } locked) return Outcome<Assessment>.Conflict(locked);
        if (input.Version is not { } version)
            return Outcome<Assessment>.Invalid(new Dictionary<string, string> { ["Version"] = "请提供读取评测时得到的 version，以免覆盖他人的修改" });
        if (assessment.Version != version) return Outcome<Assessment>.Conflict(await saving.StaleMessageAsync(((IAudited)assessment).AuditKey, What, ct));
        var checkedInput = Check(input with { Stage = input.Stage ?? assessment.Stage }, assessment.AssessorKind, assessment.InstrumentId);
        if (checkedInput.Errors.Count > 0) return Outcome<Assessment>.Invalid(checkedInput.Errors);
        var (_, stage, on, answers, outcome) = checkedInput.Value!.Value;
        if (stage != assessment.Stage)
            return Outcome<Assessment>.Invalid(new Dictionary<string, string> { ["Stage"] = "评测阶段不能修改；如阶段有误，请新建一次评测" });
        saving.Expect(assessment, version);
        assessment.Revise(on, answers, outcome.Result!, outcome.Problems, Now());
        await DiscardDraftAsync(actor, assessment.EnterpriseId, assessment.Id, assessment.InstrumentId, ct);
        return await Save(assessment, ct);
    }

    /// <summary>Scores the stored answers again under the instrument version loaded now.</summary>
    public async Task<Outcome<Assessment>> RescoreAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var assessment = await GetAsync(actor, id, ct);
        if (assessment is null) return Outcome<Assessment>.NotFound();
        if (AssessmentPolicy.Rescore(actor, assessment) is { } refused) return Outcome<Assessment>.Forbidden(refused);
        // Re-scoring rewrites the stored score and level in place (no new record), so a named assessment is not re-scored either.
        if (await LockedAsync(assessment.Id, ct) is { } locked) return Outcome<Assessment>.Conflict(locked);
        var scorer = instruments.ScorerFor(assessment.InstrumentId);
        if (scorer is null) return Outcome<Assessment>.Conflict($"评测工具“{assessment.InstrumentId}”已不在配置中，无法重新评分");
        var outcome = scorer.Assess(assessment.Answers.ToSheet());
        if (!outcome.IsValid)
            return Outcome<Assessment>.Conflict($"已保存的答卷不符合{scorer.Instrument.Name}（{scorer.Instrument.Version}版）：" +
                                               AssessmentProblem.Errors(outcome.Problems));
        assessment.ApplyResult(outcome.Result!, outcome.Problems, Now());
        db.Audit.Action = AuditAction.Rescored;
        return await Save(assessment, ct);
    }

    /// <summary>Why the assessment can no longer change (<see cref="AssessmentPolicy.Locked"/>), or null while no evaluation names it.</summary>
    public async Task<string?> LockedAsync(Guid assessmentId, CancellationToken ct = default) =>
        AssessmentPolicy.Locked(await db.Projects.Where(p => p.AfterAssessmentId == assessmentId || p.BeforeAssessmentId == assessmentId)
            .OrderBy(p => p.FiledAt).Select(p => p.ProjectName).FirstOrDefaultAsync(ct));

    /// <summary>History of one assessment, newest first: the assessor and bureaus read it.</summary>
    public async Task<IReadOnlyList<AuditEntry>> HistoryAsync(Actor actor, Assessment assessment, CancellationToken ct = default)
    {
        if (!AssessmentPolicy.MayReadHistory(actor, assessment)) return [];
        var key = assessment.Id.ToString();
        return await db.AuditEntries.Where(a => a.EntityType == nameof(Assessment) && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(200).ToListAsync(ct);
    }

    private sealed record Checked((Instrument, AssessmentStage, DateOnly, AssessmentAnswers, AssessmentOutcome)? Value, Dictionary<string, string> Errors);

    /// <summary>Every problem of the input at once, keyed by the form field or the instrument's item name.</summary>
    private Checked Check(AssessmentInput input, AssessorKind kind, string? expectedInstrument)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        void Add(string key, string message) =>
            errors[key] = errors.TryGetValue(key, out var before) ? before + "；" + message : message;

        var instrument = instruments.Find(input.Instrument ?? expectedInstrument);
        if (expectedInstrument is not null && input.Instrument is not null && input.Instrument != expectedInstrument)
            Add("Instrument", "评测工具不能修改；如需改用其他评测工具，请新建一次评测");
        else if (instrument is null || instrument.EvidenceRule is not null)
            Add("Instrument", $"请选择评测工具：{string.Join("、", Assessable.Select(i => $"{i.Id}（{i.Name}）"))}");

        var allowed = AssessmentPolicy.StagesFor(kind);
        if (input.Stage is not { } stage || !allowed.Contains(stage))
        {
            Add("Stage", $"{kind.Label()}可填写的评测阶段：{string.Join("、", allowed.Select(s => s.Label()))}");
            stage = default;
        }

        var today = Today();
        DateOnly on = default;
        if (string.IsNullOrWhiteSpace(input.AssessedOn)) Add("AssessedOn", "请填写评测日期");
        else if (!DateOnly.TryParseExact(input.AssessedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out on))
            Add("AssessedOn", "评测日期格式应为 2025-03-31");
        else if (on > today) Add("AssessedOn", "评测日期不能晚于今天");
        else if (on.Year < 2020) Add("AssessedOn", "评测日期不能早于2020年");

        if (instrument is null || errors.ContainsKey("Instrument")) return new Checked(null, errors);

        var answers = input.ToAnswers();
        foreach (var (item, note) in answers.Evidence)
        {
            if (instrument.FindQuestion(item) is null && instrument.FindScenario(item) is null)
                Add(item, $"佐证说明对应的题目或场景“{item}”不存在");
            else if (ControlCharacters.In(note, multiline: true)) Add(item, ControlCharacters.Message($"“{item}”的佐证说明"));
            else if (note.Length > MaxEvidenceLength)
                Add(item, $"“{item}”的佐证说明不能超过{MaxEvidenceLength}字（现为{note.Length}字）");
        }
        var outcome = instruments.ScorerFor(instrument.Id)!.Assess(answers.ToSheet());
        foreach (var p in outcome.Problems.Where(p => !p.IsWarning))
            Add(p.Kind switch { ProblemKind.MissingAnswers => "Answers", ProblemKind.MissingScenarioLevels => "Scenarios", _ => p.Item }, p.Message);
        return errors.Count > 0 ? new Checked(null, errors) : new Checked((instrument, stage, on, answers, outcome), errors);
    }

    /// <summary>The draft the saved assessment was typed in is done with; removed in the save itself, so a refused save keeps it.</summary>
    private async Task DiscardDraftAsync(Actor actor, Guid enterpriseId, Guid? assessmentId, string instrumentId, CancellationToken ct)
    {
        var key = AssessmentDraft.KeyOf(actor, enterpriseId, assessmentId, instrumentId);
        if (await db.AssessmentDrafts.FirstOrDefaultAsync(d => d.Key == key, ct) is { } draft) db.AssessmentDrafts.Remove(draft);
    }

    private const string What = "该评测";

    private Task<Outcome<Assessment>> Save(Assessment assessment, CancellationToken ct) => saving.SaveAsync(assessment, What, () => assessment, ct);

    /// <summary>The day an assessment may be dated at the latest (the form proposes it).</summary>
    /// <summary>The date where the acting user's programme is, not on the server's clock.</summary>
    public DateOnly Today() => time.Today();

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>One line of the assessment list.</summary>
public sealed record AssessmentRow(Guid Id, Guid EnterpriseId, string EnterpriseName, string District, string InstrumentId, string InstrumentVersion,
    AssessmentStage Stage, AssessorKind AssessorKind, string AssessorName, DateOnly AssessedOn, decimal Score, int Level);
