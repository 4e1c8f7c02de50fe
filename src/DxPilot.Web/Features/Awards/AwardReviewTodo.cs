using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>
/// 奖补申报评审 waiting for someone: each expert's reviews due (of the current round, while the application is under review), and
/// for the city, per call and batch, its applications under review split by what it is to do: assign experts, wait for them, decide.
/// </summary>
public sealed class AwardReviewTodo(DxPilotDbContext db, AwardService awards) : ITodoSource
{
    public const string Kind = "奖补申报评审";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct) => actor.Role switch
    {
        Role.Expert => await ExpertAsync(actor, ct),
        Role.CityBureau => await CityAsync(actor, ct),
        _ => [],
    };

    private async Task<IReadOnlyList<TodoItem>> ExpertAsync(Actor actor, CancellationToken ct)
    {
        var due = await (from r in db.AwardExpertReviews.Where(AwardPolicy.AssignedTo(actor))
                         join x in db.AwardApplications on r.ApplicationId equals x.Id
                         join e in db.Enterprises on x.EnterpriseId equals e.Id
                         where r.SubmittedAt == null && r.Round == x.Revision && x.Status == AwardStatus.UnderReview
                         orderby r.AssignedAt
                         select new { r.Id, e.Name, r.AssignedAt }).ToListAsync(ct);
        return due.Select(d => new TodoItem(Kind, $"奖补申报专家评审：{d.Name}", $"/awards/review/{d.Id}", TodoList.Since(d.AssignedAt))).ToList();
    }

    private async Task<IReadOnlyList<TodoItem>> CityAsync(Actor actor, CancellationToken ct)
    {
        var items = new List<TodoItem>();
        foreach (var call in awards.CallsOf(actor).Where(c => c.Review is not null))
        {
            var min = call.Review!.MinReviews;
            var waiting = await (from x in awards.InScope(actor)
                                 where x.CallId == call.Id && x.Status == AwardStatus.UnderReview
                                 join b in db.AwardBatches on x.BatchId equals b.Id
                                 select new
                                 {
                                     x.UpdatedAt, x.BatchId, b.Number, Batch = b.Name,
                                     Assigned = db.AwardExpertReviews.Count(r => r.ApplicationId == x.Id && r.Round == x.Revision),
                                     Done = db.AwardExpertReviews.Count(r => r.ApplicationId == x.Id && r.Round == x.Revision && r.SubmittedAt != null),
                                 }).ToListAsync(ct);
            // One line per batch and step, each opening the review page on its batch: an earlier batch is still reviewed after the next opens.
            foreach (var batch in waiting.GroupBy(w => (w.BatchId, w.Number, w.Batch)).OrderBy(g => g.Key.Number))
            {
                var href = $"/awards/calls/{Uri.EscapeDataString(call.Id)}/review?batch={batch.Key.BatchId}";
                var title = $"{call.Title}{batch.Key.Batch}";
                void Add(string what, IReadOnlyCollection<DateTime> since)
                {
                    if (since.Count > 0) items.Add(new TodoItem(Kind, $"{title}：{what}", href, TodoList.Since(since.Min()), since.Count));
                }
                Add($"评审中的申报待按行业指派评审专家（每项至少{min}名）", batch.Where(w => w.Assigned < min).Select(w => w.UpdatedAt).ToList());
                Add("专家评审未完成，等待专家提交评审意见", batch.Where(w => w.Assigned >= min && w.Done < w.Assigned).Select(w => w.UpdatedAt).ToList());
                Add("专家评审已完成，请认定或不予认定", batch.Where(w => w.Assigned >= min && w.Done == w.Assigned).Select(w => w.UpdatedAt).ToList());
            }
        }
        return items;
    }
}
