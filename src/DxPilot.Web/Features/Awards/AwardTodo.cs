using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>
/// 奖补申报 waiting for someone, per call: the enterprise's draft or returned application to submit, or the open 数智 batch it
/// qualifies for and has not applied to (it would otherwise learn of the batch only from the notice); the SME's invitations to
/// answer while the case may change; the county's submitted applications to check on site; the city's recommended ones to put
/// in a review batch and those under review to decide.
/// </summary>
public sealed class AwardTodo(AwardService awards, DxPilotDbContext db) : ITodoSource
{
    public const string Kind = "奖补申报";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        var items = new List<TodoItem>();
        foreach (var call in awards.CallsOf(actor))
        {
            var mine = awards.InScope(actor).Where(x => x.CallId == call.Id);
            switch (actor.Role)
            {
                case Role.Enterprise:
                    var open = await mine.Where(x => x.Status == AwardStatus.Draft || x.Status == AwardStatus.Returned)
                        .OrderBy(x => x.UpdatedAt).Select(x => new { x.Id, x.Status, x.UpdatedAt }).ToListAsync(ct);
                    items.AddRange(open.Select(x => new TodoItem(Kind,
                        x.Status == AwardStatus.Returned ? $"{call.Title}被退回：按意见修改后重新提交" : $"{call.Title}尚未提交：填写完整后提交申报",
                        $"/awards/{x.Id}", TodoList.Since(x.UpdatedAt))));
                    // Only the 数智 call: its condition (an accepted transformation) is the platform's to know; a 链式 case needs
                    // a lead enterprise driving eight SMEs, which a prompt to every enterprise would only guess at.
                    if (call.Kind == AwardKind.Benchmark && AwardPolicy.Apply(actor) is null
                        && await awards.StartChanceAsync(actor, call, ct) is { Existing: null, OpenBatch: { } batch } chance && chance.Reason(call) is null)
                        items.Add(new TodoItem(Kind, $"{call.Title}{batch.Name}开放中：本企业已有通过验收的改造项目，可以申报",
                            $"/awards?call={call.Id}", TodoList.Since(batch.OpenedAt)));
                    break;
                case Role.DistrictBureau:
                    items.AddRange(await CountedAsync(mine.Where(x => x.Status == AwardStatus.Submitted), $"{call.Title}待县区审核：现场核查后审核推荐、不予推荐或退回修改",
                        List(call, AwardStatus.Submitted), ct));
                    break;
                case Role.CityBureau:
                    items.AddRange(await CountedAsync(mine.Where(x => x.Status == AwardStatus.Recommended), $"{call.Title}县区已推荐：纳入评审批次或退回修改",
                        List(call, AwardStatus.Recommended), ct));
                    items.AddRange(await CountedAsync(mine.Where(x => x.Status == AwardStatus.UnderReview), $"{call.Title}评审中：作出认定或不予认定",
                        List(call, AwardStatus.UnderReview), ct));
                    break;
            }
        }
        if (actor.Role == Role.Enterprise) items.AddRange(await InvitationsAsync(actor, ct));
        return items;
    }

    /// <summary>链式 cases naming this enterprise that it has not answered yet, while each may still change.</summary>
    private async Task<IReadOnlyList<TodoItem>> InvitationsAsync(Actor actor, CancellationToken ct)
    {
        var uscc = await db.Enterprises.Where(e => e.Id == actor.EnterpriseId).Select(e => e.Uscc).FirstOrDefaultAsync(ct);
        if (uscc is null) return [];
        var waiting = await (from x in db.AwardInvitations
                             join a in db.AwardApplications on x.ApplicationId equals a.Id
                             where x.ProgrammeId == actor.ProgrammeId && x.Uscc == uscc && x.Answer == DrivenAnswer.Pending
                                   && (a.Status == AwardStatus.Draft || a.Status == AwardStatus.Returned)
                             select x.CreatedAt).ToListAsync(ct);
        return waiting.Count == 0 ? []
            : [new TodoItem(Kind, "“链式”案例列出了本企业为被带动企业：请确认或拒绝", "/awards/invitations", TodoList.Since(waiting.Min()), waiting.Count)];
    }

    private static string List(AwardCall call, AwardStatus state) => $"/awards?call={call.Id}&state={WorkflowNames.Of(state)}";

    private static async Task<IReadOnlyList<TodoItem>> CountedAsync(IQueryable<AwardApplication> q, string title, string href, CancellationToken ct)
    {
        var since = await q.Select(x => x.UpdatedAt).ToListAsync(ct);
        return since.Count == 0 ? [] : [new TodoItem(Kind, title, href, TodoList.Since(since.Min()), since.Count)];
    }
}
