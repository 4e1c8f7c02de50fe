using DxPilot.Domain.Accounts;
using DxPilot.Domain.Supervision;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Supervision;

/// <summary>
/// 整改: a 需整改 comment is answered by the party responsible for the work (整改回复) and closed with a note, or reopened, by the think
/// tank or the city (<see cref="SupervisionPolicy.Reply"/>, <see cref="SupervisionPolicy.Close"/>). A comment the actor does not read
/// is not found; one it reads but may not act on is refused with who may; one in the wrong state is a conflict.
/// </summary>
public sealed partial class SupervisionService
{
    public async Task<Outcome<SupervisionReply>> ReplyAsync(Actor actor, Guid commentId, string? text, CancellationToken ct)
    {
        if (await ReachedAsync(actor, commentId, ct) is not var (comment, subject)) return Outcome<SupervisionReply>.NotFound();
        if (SupervisionPolicy.Reply(actor, comment, subject) is { } why) return Outcome<SupervisionReply>.Forbidden(why);
        if (comment.ReplyRefused() is { } state) return Outcome<SupervisionReply>.Conflict(state);
        var (reply, errors) = comment.Answer(actor, await OrganisationNameAsync(actor, ct), text, Now());
        if (reply is null) return Outcome<SupervisionReply>.Invalid(errors);
        db.SupervisionReplies.Add(reply);
        return await saving.SaveAsync(comment, CommentWhat, () => reply, ct);
    }

    public async Task<Outcome<SupervisionComment>> CloseAsync(Actor actor, Guid commentId, string? note, CancellationToken ct)
    {
        if (await ReachedAsync(actor, commentId, ct) is not var (comment, _)) return Outcome<SupervisionComment>.NotFound();
        if (SupervisionPolicy.Close(actor) is { } why) return Outcome<SupervisionComment>.Forbidden(why);
        if (comment.CloseRefused() is { } state) return Outcome<SupervisionComment>.Conflict(state);
        if (comment.Close(actor, note, Now()) is { } bad) return Outcome<SupervisionComment>.Invalid(new Dictionary<string, string> { ["note"] = bad });
        return await saving.SaveAsync(comment, CommentWhat, () => comment, ct);
    }

    public async Task<Outcome<SupervisionComment>> ReopenAsync(Actor actor, Guid commentId, CancellationToken ct)
    {
        if (await ReachedAsync(actor, commentId, ct) is not var (comment, _)) return Outcome<SupervisionComment>.NotFound();
        if (SupervisionPolicy.Close(actor) is { } why) return Outcome<SupervisionComment>.Forbidden(why);
        if (comment.ReopenRefused() is { } state) return Outcome<SupervisionComment>.Conflict(state);
        comment.Reopen();
        return await saving.SaveAsync(comment, CommentWhat, () => comment, ct);
    }

    /// <summary>The replies to the given comments, oldest first under each.</summary>
    private async Task<IReadOnlyDictionary<Guid, IReadOnlyList<SupervisionReply>>> RepliesAsync(IReadOnlyCollection<Guid> commentIds, CancellationToken ct)
    {
        if (commentIds.Count == 0) return new Dictionary<Guid, IReadOnlyList<SupervisionReply>>();
        var replies = await db.SupervisionReplies.AsNoTracking().Where(r => commentIds.Contains(r.CommentId))
            .OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(ct);
        return replies.GroupBy(r => r.CommentId).ToDictionary(g => g.Key, g => (IReadOnlyList<SupervisionReply>)g.ToList());
    }

    /// <summary>A live comment (tracked) and its subject, if the actor reads comments and reaches the subject through its process.</summary>
    private async Task<(SupervisionComment, SupervisedSubject)?> ReachedAsync(Actor actor, Guid commentId, CancellationToken ct)
    {
        if (!SupervisionPolicy.ReadsComments(actor)) return null;
        var comment = await db.SupervisionComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ProgrammeId == actor.ProgrammeId && c.WithdrawnAt == null, ct);
        if (comment is null || await SubjectAsync(actor, comment.SubjectType, comment.SubjectId, ct) is not { } subject) return null;
        return (comment, subject);
    }
}
