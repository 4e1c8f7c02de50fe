using DxPilot.Domain.Text;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>The application's transitions (提交, 开始审核, 退回修改, 认定, 不予认定): the call's chain decides, the aggregate changes,
/// and the record of the transition is saved with it. Pages and the API both come here, so they refuse alike.</summary>
public sealed partial class BenchmarkService
{
    public const int MaxReasonCharacters = 1000;

    /// <summary>提交: the enterprise's own application, from the version it read; refused naming every failing precondition.</summary>
    public async Task<Outcome<BenchmarkApplication>> SubmitAsync(Actor actor, int version, CancellationToken ct = default)
    {
        if ((await Editable(actor, version, ct)).Refusal is { } refusal) return Refuse<BenchmarkApplication>(refusal);
        var application = await InScope(actor).FirstOrDefaultAsync(ct);
        if (application is null) return Outcome<BenchmarkApplication>.Conflict("请先保存申报内容再提交");
        return await TakeAsync(actor, application, version, BenchmarkTrigger.Submit, null, ct);
    }

    /// <summary>Any transition of the chain on an application in the actor's scope; <paramref name="version"/>, when given,
    /// refuses a decision taken on a page that is no longer current.</summary>
    public async Task<Outcome<BenchmarkApplication>> TransitionAsync(Actor actor, Guid id, BenchmarkTrigger trigger, string? reason, int? version,
        CancellationToken ct = default)
    {
        var application = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null) return Outcome<BenchmarkApplication>.NotFound();
        return await TakeAsync(actor, application, version ?? application.Version, trigger, reason, ct);
    }

    private async Task<Outcome<BenchmarkApplication>> TakeAsync(Actor actor, BenchmarkApplication application, int version, BenchmarkTrigger trigger,
        string? reason, CancellationToken ct)
    {
        if (ControlCharacters.In(reason, multiline: true))
            return Outcome<BenchmarkApplication>.Invalid(new Dictionary<string, string> { ["reason"] = ControlCharacters.Message("理由") });
        if (reason is not null && reason.Trim().Length > MaxReasonCharacters)
            return Outcome<BenchmarkApplication>.Invalid(new Dictionary<string, string> { ["reason"] = $"理由不超过{MaxReasonCharacters}字" });
        var call = CallOf(actor)!;
        var evidence = await EvidenceOfAsync(application.Id, ct);
        var reviewed = trigger == BenchmarkTrigger.Recognise ? await ReviewerScoresAsync(application.Id, ct) : null;
        var result = application.Apply(call.Chain, trigger, actor, reason, InstrumentOf(call), evidence, Now(), reviewed);
        if (result.Refusal is { } refused)
            return Outcome<BenchmarkApplication>.Refused(refused);
        saving.Expect(application, version);
        // The record is the transition's audit entry too: the interceptor files the state change under it.
        db.StateTransitions.Add(result.Record!);
        return await Save(application, actor, () => application, ct);
    }

    /// <summary>What the application has on file, as its score and its precondition checks read it.</summary>
    private async Task<EvidenceOnFile> EvidenceOfAsync(Guid applicationId, CancellationToken ct)
    {
        var files = await db.BenchmarkEvidence.Where(e => e.ApplicationId == applicationId).Select(e => new { e.Kind, e.ItemNo, e.Year }).ToListAsync(ct);
        return EvidenceOnFile.From(files.Select(f => (f.Kind, f.ItemNo, f.Year)));
    }

    /// <summary>The application's transitions, oldest first.</summary>
    private async Task<IReadOnlyList<StateTransition>> HistoryOf(BenchmarkApplication application, CancellationToken ct)
    {
        var key = application.Id.ToString();
        return await db.StateTransitions.AsNoTracking()
            .Where(t => t.EntityType == nameof(BenchmarkApplication) && t.EntityId == key)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
    }
}
