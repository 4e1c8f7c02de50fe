using DxPilot.Domain.Accounts;
using DxPilot.Domain.Supervision;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Supervision;

/// <summary>
/// 需整改 comments still open, on the list of the party responsible: the provider for the comments on its work (its diagnoses, its
/// clients' filings and projects), the enterprise for those on its own filing and project (<see cref="ISupervisedSubjects.EnterpriseResponds"/>).
/// One line a comment, since it was written, with its deadline; it leaves the list when the think tank or the city closes it.
/// </summary>
public sealed class RectificationTodo(DxPilotDbContext db, IEnumerable<ISupervisedSubjects> subjects) : ITodoSource
{
    public const string Kind = "督导整改";
    private const int Excerpt = 40;

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        var open = db.SupervisionComments.AsNoTracking()
            .Where(c => c.ProgrammeId == actor.ProgrammeId && c.FollowUp == FollowUp.Rectify && c.WithdrawnAt == null && c.ClosedAt == null);
        if (actor.Role == Role.ServiceProvider && actor.OrganisationId is { } provider)
            open = open.Where(c => c.ProviderId == provider);
        else if (actor.Role == Role.Enterprise && actor.EnterpriseId is { } enterprise)
        {
            var answered = subjects.Where(s => s.EnterpriseResponds).Select(s => s.Type).ToList();
            open = open.Where(c => c.EnterpriseId == enterprise && answered.Contains(c.SubjectType));
        }
        else return [];
        var comments = await open.OrderBy(c => c.CreatedAt).Take(TodoLimit)
            .Select(c => new { c.Id, c.SubjectType, c.SubjectId, c.Text, c.RectifyBy, c.CreatedAt }).ToListAsync(ct);
        var labels = subjects.ToDictionary(s => s.Type, s => s.Label);
        return comments.Select(c => new TodoItem(Kind,
            $"第三方智库要求整改（{labels.GetValueOrDefault(c.SubjectType, "工作事项")}{(c.RectifyBy is { } by ? $"，{ChineseText.Date(by)}前" : "")}）：{Shorten(c.Text)}",
            $"/supervision/{c.SubjectType}/{c.SubjectId}/comments#comment-{c.Id}", TodoList.Since(c.CreatedAt))).ToList();
    }

    /// <summary>A to-do list is not a report: the oldest this many, each a line.</summary>
    private const int TodoLimit = 50;

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= Excerpt ? line : line[..Excerpt] + "…";
    }
}
