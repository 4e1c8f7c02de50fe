using DxPilot.Domain.Accounts;
using DxPilot.Domain.Supervision;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Supervision;

/// <summary>What the think tank writes about a subject: its comment, the follow-up it asks and by when.</summary>
public sealed record CommentInput(string? Text, FollowUp FollowUp, DateOnly? RectifyBy);

/// <summary>A subject's comments, one page of them newest first with their replies, how many 需整改 wait (on the whole subject),
/// and whether the viewer may add one.</summary>
/// <param name="MyLastCommentAt">When the viewer last wrote a comment here (withdrawn ones too): the comment form's copy is let go
/// once it is older than that (FormCopies).</param>
public sealed record CommentsView(SupervisedSubject Subject, Page<SupervisionComment> Comments, bool MayWrite,
    IReadOnlyDictionary<Guid, IReadOnlyList<SupervisionReply>> Replies, int AwaitingRectification, DateTime? MyLastCommentAt);

/// <summary>
/// 督导意见: the think tank's comments on any subject a process registers (<see cref="ISupervisedSubjects"/>). A subject is reached
/// through its own process' scope, then <see cref="SupervisionPolicy"/> decides who reads and who writes; withdrawn comments leave
/// the lists and stay in the audit trail. Replies to a 需整改 and its closing are in SupervisionService.Rectification.cs, ratings in
/// SupervisionService.Ratings.cs. Pages and the API both come here.
/// </summary>
public sealed partial class SupervisionService(DxPilotDbContext db, IEnumerable<ISupervisedSubjects> subjects, Saving saving, ShownTime time,
    Enterprises.EnterpriseService enterprises, Organisations.OrganisationScope organisations, Infrastructure.Programmes.ProgrammeCatalog programmes,
    TimeProvider clock)
{
    public const int PageSize = 20;
    /// <summary>How many of a subject's comments its own page shows; the rest are on the comments page.</summary>
    public const int PanelSize = 5;
    private const string CommentWhat = "督导意见";

    /// <summary>What each kind of subject is called, for a list of comments on several (a provider's page).</summary>
    public IReadOnlyDictionary<string, string> SubjectLabels => subjects.ToDictionary(s => s.Type, s => s.Label);

    /// <summary>The subject if the actor reaches it through its process; null for an unknown kind or one out of scope.</summary>
    public async Task<SupervisedSubject?> SubjectAsync(Actor actor, string? type, Guid id, CancellationToken ct) =>
        subjects.FirstOrDefault(s => s.Type == type) is { } kind ? await kind.FindAsync(actor, id, ct) : null;

    public async Task<Outcome<CommentsView>> CommentsAsync(Actor actor, string? type, Guid id, int page, CancellationToken ct, int pageSize = PageSize)
    {
        if (!SupervisionPolicy.ReadsComments(actor) || await SubjectAsync(actor, type, id, ct) is not { } subject) return Outcome<CommentsView>.NotFound();
        var q = Live(subject.Type, subject.Id);
        var total = await q.CountAsync(ct);
        var number = Paging.Clamp(page, total, pageSize);
        var items = await q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Skip((number - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var awaiting = await q.CountAsync(c => c.FollowUp == FollowUp.Rectify && c.ClosedAt == null, ct);
        var mayWrite = SupervisionPolicy.Comment(actor) is null;
        var myLast = mayWrite
            ? await db.SupervisionComments.AsNoTracking()
                .Where(c => c.SubjectType == subject.Type && c.SubjectId == subject.Id && c.AuthorUserId == actor.UserId)
                .MaxAsync(c => (DateTime?)c.CreatedAt, ct)
            : null;
        return Outcome<CommentsView>.Ok(new CommentsView(subject, new Page<SupervisionComment>(items, total, number, pageSize),
            mayWrite, await RepliesAsync(items.Select(c => c.Id).ToList(), ct), awaiting, myLast));
    }

    /// <summary>What a subject's page embeds: its newest comments, or null where the viewer does not read them.</summary>
    public async Task<CommentsView?> PanelAsync(Actor actor, string type, Guid id, CancellationToken ct) =>
        (await CommentsAsync(actor, type, id, 1, ct, PanelSize)).Value;

    /// <summary>写督导意见: a think-tank account on a subject of its programme.</summary>
    public async Task<Outcome<SupervisionComment>> CommentAsync(Actor actor, string? type, Guid id, CommentInput input, CancellationToken ct)
    {
        if (await SubjectAsync(actor, type, id, ct) is not { } subject) return Outcome<SupervisionComment>.NotFound();
        if (SupervisionPolicy.Comment(actor) is { } why) return Outcome<SupervisionComment>.Forbidden(why);
        var (comment, errors) = SupervisionComment.Write(actor, await OrganisationNameAsync(actor, ct), subject, input.Text, input.FollowUp,
            input.RectifyBy, time.Today(), Now());
        if (comment is null) return Outcome<SupervisionComment>.Invalid(errors);
        db.SupervisionComments.Add(comment);
        return await saving.SaveAsync(comment, CommentWhat, () => comment, ct);
    }

    /// <summary>撤回: its author only; a comment the actor cannot read is not found.</summary>
    public async Task<Outcome<SupervisionComment>> WithdrawAsync(Actor actor, Guid commentId, CancellationToken ct)
    {
        var comment = await db.SupervisionComments.FirstOrDefaultAsync(c => c.Id == commentId && c.ProgrammeId == actor.ProgrammeId, ct);
        if (comment is null || !SupervisionPolicy.ReadsComments(actor) || await SubjectAsync(actor, comment.SubjectType, comment.SubjectId, ct) is null)
            return Outcome<SupervisionComment>.NotFound();
        if (comment.Withdraw(actor, Now()) is { } why)
            return comment.IsWithdrawn && actor.UserId == comment.AuthorUserId ? Outcome<SupervisionComment>.Conflict(why) : Outcome<SupervisionComment>.Forbidden(why);
        return await saving.SaveAsync(comment, CommentWhat, () => comment, ct);
    }

    /// <summary>
    /// The comments on a provider's work (its diagnoses, the filings of enterprises it serves) for its page, newest first: all of them
    /// for the city, the think tank and the provider itself, a district's only for a district bureau; null where the viewer reads none.
    /// </summary>
    public async Task<Page<SupervisionComment>?> OnProviderWorkAsync(Actor actor, Guid providerId, CancellationToken ct)
    {
        if (!SupervisionPolicy.ReadsComments(actor) || actor.Role == Role.Enterprise) return null;
        var q = db.SupervisionComments.AsNoTracking()
            .Where(c => c.ProgrammeId == actor.ProgrammeId && c.ProviderId == providerId && c.WithdrawnAt == null);
        if (actor.Role == Role.DistrictBureau) q = q.Where(c => c.District == actor.District);
        var total = await q.CountAsync(ct);
        var items = await q.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id).Take(PageSize).ToListAsync(ct);
        return new Page<SupervisionComment>(items, total, 1, PageSize);
    }

    private IQueryable<SupervisionComment> Live(string type, Guid id) =>
        db.SupervisionComments.AsNoTracking().Where(c => c.SubjectType == type && c.SubjectId == id && c.WithdrawnAt == null);

    /// <summary>The think tank's organisation as its account names it, for the author line.</summary>
    private async Task<string?> OrganisationNameAsync(Actor actor, CancellationToken ct) =>
        actor.OrganisationId is { } org ? await db.Organisations.Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
