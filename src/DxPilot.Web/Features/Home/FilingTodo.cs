using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Filings;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Home;

/// <summary>
/// 改造项目备案 waiting for someone, from each account's queue (<see cref="FilingService.Waiting"/>): the district's 初审; the city's
/// filings split by what it is to do (assign experts, wait for their reviews, decide); the enterprise's returned filing with the
/// reason and its unsubmitted draft; the provider's clients' drafts and returns to fill in together; for both, the contracts
/// of those filings still without their stamped scan (附件2 is signed and uploaded before submission); the expert's reviews due.
/// </summary>
public sealed class FilingTodo(DxPilotDbContext db, FilingService filings) : ITodoSource
{
    public const string Kind = "改造项目备案";
    private const string Queue = "/filings?queue=mine";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        if (filings.RulesOf(actor) is not { } rules) return [];
        return actor.Role switch
        {
            Role.DistrictBureau => await CountedAsync(filings.Waiting(actor), "改造项目备案待区县初审：审核后初审通过报送市级，或退回修改", Queue, ct),
            Role.CityBureau => await CityAsync(actor, rules, ct),
            Role.Enterprise => [.. await EnterpriseAsync(actor, ct), .. await UnsignedAsync(actor, ct)],
            Role.ServiceProvider => [
                .. await UnsignedAsync(actor, ct),
                .. await CountedAsync(filings.Waiting(actor).Where(f => f.Status == FilingStatus.Returned), "服务企业的改造项目备案被退回：与企业共同修改后重新提交", "/filings?state=returned", ct),
                .. await CountedAsync(filings.Waiting(actor).Where(f => f.Status == FilingStatus.Draft), "服务企业的改造项目备案尚未提交：与企业共同填写服务商和合同部分", "/filings?state=draft", ct),
            ],
            Role.Expert => await ExpertAsync(actor, ct),
            _ => [],
        };
    }

    /// <summary>The city's queue in three: experts to assign, reviews outstanding, and ready for its decision.</summary>
    private async Task<IReadOnlyList<TodoItem>> CityAsync(Actor actor, FilingRules rules, CancellationToken ct)
    {
        var waiting = await filings.Waiting(actor).Select(f => new
        {
            f.StatusSince,
            Assigned = db.FilingExpertReviews.Count(r => r.FilingId == f.Id && r.Round == f.Round),
            Done = db.FilingExpertReviews.Count(r => r.FilingId == f.Id && r.Round == f.Round && r.SubmittedAt != null),
        }).ToListAsync(ct);
        var toAssign = waiting.Where(f => f.Assigned < rules.ExpertsRequired).ToList();
        var outstanding = waiting.Where(f => f.Assigned >= rules.ExpertsRequired && f.Done < f.Assigned).ToList();
        var ready = waiting.Except(toAssign).Except(outstanding).ToList();
        var items = new List<TodoItem>();
        if (toAssign.Count > 0)
            items.Add(new TodoItem(Kind, $"改造项目备案待指派评审专家（每项至少{rules.ExpertsRequired}名）", Queue, TodoList.Since(toAssign.Min(f => f.StatusSince)), toAssign.Count));
        if (outstanding.Count > 0)
            items.Add(new TodoItem(Kind, "改造项目备案专家评审未完成：等待专家提交评审意见", Queue, TodoList.Since(outstanding.Min(f => f.StatusSince)), outstanding.Count));
        if (ready.Count > 0)
            items.Add(new TodoItem(Kind, rules.ExpertsRequired > 0 ? "改造项目备案专家评审已完成：请作出备案确认或不予备案" : "改造项目备案待市级审核：请作出备案确认或不予备案",
                Queue, TodoList.Since(ready.Min(f => f.StatusSince)), ready.Count));
        return items;
    }

    private async Task<IReadOnlyList<TodoItem>> EnterpriseAsync(Actor actor, CancellationToken ct)
    {
        var mine = await filings.Waiting(actor).OrderBy(f => f.StatusSince).Select(f => new { f.Id, f.Status, f.StatusSince, f.LastOpinion }).ToListAsync(ct);
        return mine.Select(f => f.Status == FilingStatus.Returned
            ? new TodoItem(Kind, $"改造项目备案被退回，请按意见修改后重新提交：{f.LastOpinion}", $"/filings/{f.Id}", TodoList.Since(f.StatusSince))
            : new TodoItem(Kind, "改造项目备案尚未提交：填写完整后提交备案", $"/filings/{f.Id}", TodoList.Since(f.StatusSince))).ToList();
    }

    /// <summary>服务合同 of the filings still with the enterprise that have no stamped scan yet, since the oldest was entered.</summary>
    private async Task<IReadOnlyList<TodoItem>> UnsignedAsync(Actor actor, CancellationToken ct)
    {
        var unsigned = await (from c in db.ServiceContracts
                              join f in filings.Waiting(actor) on c.FilingId equals f.Id
                              where !db.ContractScans.Any(s => s.ContractId == c.Id)
                              select c.CreatedAt).ToListAsync(ct);
        return unsigned.Count == 0 ? []
            : [new TodoItem(Kind, "服务合同尚未上传盖章扫描件：双方签订盖章后上传", Queue, TodoList.Since(unsigned.Min()), unsigned.Count)];
    }

    /// <summary>Reviews due: each since it was assigned.</summary>
    private async Task<IReadOnlyList<TodoItem>> ExpertAsync(Actor actor, CancellationToken ct)
    {
        var due = await (from r in db.FilingExpertReviews
                         join f in filings.Waiting(actor) on r.FilingId equals f.Id
                         where r.ExpertUserId == actor.UserId && r.Round == f.Round && r.SubmittedAt == null
                         orderby r.AssignedAt
                         select new { f.Id, f.ProjectName, r.AssignedAt }).ToListAsync(ct);
        return due.Select(d => new TodoItem(Kind, $"改造项目备案专家评审：{d.ProjectName}", $"/filings/{d.Id}/review", TodoList.Since(d.AssignedAt))).ToList();
    }

    private static async Task<IReadOnlyList<TodoItem>> CountedAsync(IQueryable<Filing> q, string title, string href, CancellationToken ct)
    {
        var since = await q.Select(f => f.StatusSince).ToListAsync(ct);
        return since.Count == 0 ? [] : [new TodoItem(Kind, title, href, TodoList.Since(since.Min()), since.Count)];
    }
}
