using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Reviews;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>提交申报, 审核推荐, 不予推荐, 退回修改, 纳入评审, 认定, 不予认定, 本批不予认定: the call's chain decides from the version the actor read;
/// a submission freezes its revision in the same save; 认定 and 不予认定 count the current round's expert reviews (AwardService.Review.cs).</summary>
public sealed partial class AwardService
{
    public const int MaxReasonCharacters = 2000;

    public Task<Outcome<AwardApplication>> TransitionAsync(Actor actor, Guid id, AwardTrigger trigger, string? reason, string? siteCheckNote, int? version,
        CancellationToken ct = default) => TransitionAsync(actor, id, trigger, reason, siteCheckNote, version, null, ct);

    /// <summary>The same, with the directions 认定 recognises (null: all applied for; the rest are not recognised, with the reason).</summary>
    public async Task<Outcome<AwardApplication>> TransitionAsync(Actor actor, Guid id, AwardTrigger trigger, string? reason, string? siteCheckNote, int? version,
        IReadOnlyList<string>? directions, CancellationToken ct = default)
    {
        if (directions is not null && trigger != AwardTrigger.Recognise)
            return Outcome<AwardApplication>.Invalid(new Dictionary<string, string> { ["directions"] = "只有认定时可以选择认定的申报方向" });
        foreach (var (field, label, text) in new[] { ("reason", "意见", reason), ("siteCheckNote", "现场核查情况", siteCheckNote) })
        {
            if (ControlCharacters.In(text, multiline: true)) return Outcome<AwardApplication>.Invalid(new Dictionary<string, string> { [field] = ControlCharacters.Message(label) });
            if (ChineseText.CountCharacters(text?.Trim()) > MaxReasonCharacters)
                return Outcome<AwardApplication>.Invalid(new Dictionary<string, string> { [field] = $"{label}不超过{MaxReasonCharacters}字" });
        }
        var application = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null || calls.Find(application.CallId) is not { } call) return Outcome<AwardApplication>.NotFound();
        if (version is { } read && read != application.Version)
            return Outcome<AwardApplication>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<AwardApplication>(id), What, ct));
        var facts = trigger == AwardTrigger.Submit ? await FactsAsync(call, application, ct) : null;
        var problems = facts is null ? [] : SubmissionProblems(call, application, facts, CriteriaOf(call, application, facts));
        var decision = trigger is AwardTrigger.Recognise or AwardTrigger.NotRecognise;
        var subject = new AwardCase(problems, siteCheckNote)
        {
            Reviews = decision ? await ReviewTallyAsync(call, application, ct) : ExpertTally.None,
            Applied = application.PickedDirections.Select(call.Direction).OfType<AwardDirection>().ToList(),
            Recognised = directions?.Select(d => d.Trim()).Distinct().ToList(),
            // True whatever the trigger: a call file may declare batchClosed on any transition.
            BatchOpen = await db.AwardBatches.AnyAsync(b => b.Id == application.BatchId && b.ClosedAt == null, ct),
        };
        var result = application.Apply(call.Chain, trigger, actor, reason, subject, Now());
        if (result.Refusal is { } refused) return Outcome<AwardApplication>.Refused(refused);
        saving.Expect(application, version ?? application.Version - 1);
        db.StateTransitions.Add(result.Record!);
        // A submission freezes the files with the text: a returned application may replace a scan, and the earlier one stays readable.
        if (trigger == AwardTrigger.Submit)
            db.AwardRevisions.Add(AwardRevision.Freeze(application, await AwardFiles.AsNoTracking().Where(f => f.ApplicationId == id).ToListAsync(ct), actor.Name, Now()));
        return await saving.SaveAsync(application, What, () => application, ct);
    }
}
