using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Reviews;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>The city's panel for one pilot industry of a batch: the experts (account ids), optionally only some of the industry's
/// applications.</summary>
public sealed record PanelInput(Guid? BatchId, string? Industry, IReadOnlyList<string> Experts, IReadOnlyList<Guid>? Applications);

/// <summary>One expert on one application of a panel: assigned (newly or already) or refused with the reason.</summary>
public sealed record PanelResult(Guid ApplicationId, string EnterpriseName, string ExpertUserId, string ExpertName, bool Assigned, string? Reason);

/// <summary>What an expert hands in: the score per item key ("direction.criterion", as typed), the recommendation (recognise /
/// notRecognise), the opinion, and the version of its review it read.</summary>
public sealed record AwardReviewInput(IReadOnlyDictionary<string, string?> Scores, string? Recommendation, string? Opinion, int? Version);

/// <summary>An assigned review as its expert sees it: the application, the items to score, and whether it may still hand it in.</summary>
public sealed record AssignedReview(AwardExpertReview Review, AwardApplication Application, string EnterpriseName, string CallTitle,
    IReadOnlyList<ReviewItem> Items, string? Closed);

/// <summary>What an expert's task list may be narrowed to: open (true) or closed (false) ones, a part of the enterprise's name.</summary>
public sealed record ReviewTaskFilter(bool? Open = null, string? Search = null);

/// <summary>One line of an expert's task list. <see cref="Superseded"/>: the application was submitted again since this round.</summary>
public sealed record ReviewTaskRow(Guid ReviewId, string EnterpriseName, string CallId, string BatchName, string Directions, int Round,
    DateTime AssignedAt, DateTime? SubmittedAt, bool Superseded, AwardStatus Status)
{
    /// <summary>Why it can no longer be handed in; null while it can.</summary>
    public string? Closed => AwardService.Closed(SubmittedAt is not null, Superseded, Status);
}

/// <summary>A batch's applications under review grouped by the enterprise's pilot industry, each with its current round's reviews,
/// and the programme's experts: the city's assignment page. <see cref="InReview"/>: every batch of the call with applications
/// under review, oldest first, so that an earlier batch's are reached once a later one is open.</summary>
public sealed record ReviewBoard(AwardCall Call, AwardBatch Batch, IReadOnlyList<BatchInReview> InReview, IReadOnlyList<IndustryPanel> Industries,
    IReadOnlyList<ExpertAccount> Experts);

/// <summary>A batch and how many of its applications (in the actor's scope) are under review.</summary>
public sealed record BatchInReview(AwardBatch Batch, int UnderReview);

public sealed record IndustryPanel(string Key, string Name, IReadOnlyList<ApplicationUnderReview> Applications);

public sealed record ApplicationUnderReview(AwardApplication Application, string EnterpriseName, IReadOnlyList<AwardExpertReview> Reviews);

/// <summary>
/// 第三方评审 (seed 004 三（三）: the city has a third party review the applications per pilot industry): the city assigns one panel
/// of experts per industry of a batch in one action, each expert refused on an application whose enterprise its employer serves
/// (<see cref="AwardPolicy.Conflict"/>); each expert scores its own applications once per round (the application's revision); the
/// city reads the scores beside the application and decides (AwardService.Transitions.cs, guard "reviewed").
/// </summary>
public sealed partial class AwardService
{
    private const string ReviewWhat = "专家评审意见";

    /// <summary>The batch (unless named, the latest with applications under review, else the call's latest) with its applications
    /// under review by industry, the batches to choose from and the experts to assign.</summary>
    public async Task<Outcome<ReviewBoard>> ReviewBoardAsync(Actor actor, string callId, Guid? batchId, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<ReviewBoard>.NotFound();
        if (AwardPolicy.AssignExperts(actor) is { } why) return Outcome<ReviewBoard>.Forbidden(why);
        var (batch, inReview) = await BatchOfAsync(actor, call, batchId, ct);
        if (batch is null) return Outcome<ReviewBoard>.NotFound();
        var rows = await (from x in InScope(actor).AsNoTracking()
                          where x.CallId == call.Id && x.BatchId == batch.Id && x.Status == AwardStatus.UnderReview
                          join e in db.Enterprises on x.EnterpriseId equals e.Id
                          orderby e.Name
                          select new { Application = x, e.Name, e.IndustryKey }).ToListAsync(ct);
        var ids = rows.Select(r => r.Application.Id).ToList();
        var reviews = (await db.AwardExpertReviews.AsNoTracking().Where(r => ids.Contains(r.ApplicationId)).ToListAsync(ct))
            .ToLookup(r => r.ApplicationId);
        var programme = programmes.Get(call.ProgrammeId);
        var industries = programme.Industries.Select(i => new IndustryPanel(i.Key, i.Name, rows.Where(r => r.IndustryKey == i.Key)
                .Select(r => new ApplicationUnderReview(r.Application, r.Name,
                    reviews[r.Application.Id].Where(v => v.Round == r.Application.Revision).OrderBy(v => v.AssignedAt).ToList())).ToList()))
            .ToList();
        return Outcome<ReviewBoard>.Ok(new ReviewBoard(call, batch, inReview, industries, await ExpertPool.ExpertsAsync(db, call.ProgrammeId, ct)));
    }

    /// <summary>
    /// 按行业指派评审专家: each expert of the panel gets a review of the current round of every application of the industry under review
    /// in the batch (one already assigned is kept), except where its employer serves the enterprise: that pair is refused with the
    /// conflict named and the others are assigned. An unknown expert refuses the whole panel.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<PanelResult>>> AssignPanelAsync(Actor actor, string callId, PanelInput input, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<IReadOnlyList<PanelResult>>.NotFound();
        if (AwardPolicy.AssignExperts(actor) is { } why) return Outcome<IReadOnlyList<PanelResult>>.Forbidden(why);
        if (call.Review is null) return Outcome<IReadOnlyList<PanelResult>>.Conflict("本申报由市级主管部门直接认定，不需要专家评审");
        if ((await BatchOfAsync(actor, call, input.BatchId, ct)).Batch is not { } batch) return Outcome<IReadOnlyList<PanelResult>>.NotFound();
        var errors = new Dictionary<string, string>();
        var industry = programmes.Get(call.ProgrammeId).Industries.FirstOrDefault(i => i.Key == input.Industry?.Trim());
        if (industry is null) errors["industry"] = "请选择试点行业";
        var pool = (await ExpertPool.ExpertsAsync(db, call.ProgrammeId, ct)).ToDictionary(e => e.UserId);
        var panel = input.Experts.Distinct().ToList();
        if (panel.Count == 0) errors["experts"] = "请选择至少一名评审专家";
        foreach (var unknown in panel.Where(e => !pool.ContainsKey(e))) errors[$"experts.{unknown}"] = "找不到该评审专家账号（或账号已停用）";
        if (errors.Count > 0) return Outcome<IReadOnlyList<PanelResult>>.Invalid(errors);

        var rows = await (from x in InScope(actor)
                          where x.CallId == call.Id && x.BatchId == batch.Id && x.Status == AwardStatus.UnderReview
                          join e in db.Enterprises on x.EnterpriseId equals e.Id
                          where e.IndustryKey == industry!.Key
                          orderby e.Name
                          select new { Application = x, e.Name }).AsNoTracking().ToListAsync(ct);
        if (input.Applications is { Count: > 0 } only) rows = rows.Where(r => only.Contains(r.Application.Id)).ToList();
        var enterprises = rows.Select(r => r.Application.EnterpriseId).Distinct().ToList();
        var served = await ExpertPool.ServedByAsync(db, enterprises, ct);
        var contracted = await ExpertPool.ContractedByAsync(db, enterprises, ct);
        var ids = rows.Select(r => r.Application.Id).ToList();
        var assigned = (await db.AwardExpertReviews.Where(r => ids.Contains(r.ApplicationId)).Select(r => new { r.ApplicationId, r.Round, r.ExpertUserId })
            .ToListAsync(ct)).Select(r => (r.ApplicationId, r.Round, r.ExpertUserId)).ToHashSet();

        var results = new List<PanelResult>();
        var added = new List<AwardExpertReview>();
        foreach (var row in rows)
        foreach (var expert in panel.Select(e => pool[e]))
        {
            var app = row.Application;
            if (AwardPolicy.Conflict(expert.OrganisationId, expert.OrganisationUscc, served[app.EnterpriseId].ToList(), contracted[app.EnterpriseId].ToList()) is { } conflict)
                results.Add(new PanelResult(app.Id, row.Name, expert.UserId, expert.Name, false, conflict));
            else
            {
                if (!assigned.Contains((app.Id, app.Revision, expert.UserId))) added.Add(AwardExpertReview.Assign(app, expert.UserId, expert.Name, actor.Name, Now()));
                results.Add(new PanelResult(app.Id, row.Name, expert.UserId, expert.Name, true, null));
            }
        }
        if (added.Count == 0) return Outcome<IReadOnlyList<PanelResult>>.Ok(results);
        db.AwardExpertReviews.AddRange(added);
        // Two bureaus assigning the same expert at once: the unique index keeps one review; assigning again keeps the rest.
        var saved = await saving.SaveAsync<bool>(added[0], ReviewWhat, () => true, ct,
            onDuplicate: () => Task.FromResult(Outcome<bool>.Conflict("另一位工作人员刚刚指派了其中的专家，请刷新后再指派")));
        return saved.IsOk ? Outcome<IReadOnlyList<PanelResult>>.Ok(results) : Outcome<IReadOnlyList<PanelResult>>.Conflict(saved.Message!);
    }

    /// <summary>
    /// 撤回指派: the city withdraws an expert's review of the current round not yet handed in (the filings' rule,
    /// FilingService.WithdrawAsync), so that an expert who does not answer can be replaced and the application decided. The removal is
    /// audited; a review handed in, or one of an application no longer under review, stays.
    /// </summary>
    public async Task<Outcome<AwardApplication>> WithdrawReviewAsync(Actor actor, Guid applicationId, string expertUserId, CancellationToken ct = default)
    {
        var application = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(x => x.Id == applicationId, ct);
        if (application is null || calls.Find(application.CallId) is not { Review: not null }) return Outcome<AwardApplication>.NotFound();
        if (AwardPolicy.AssignExperts(actor) is { } why) return Outcome<AwardApplication>.Forbidden(why);
        var review = await db.AwardExpertReviews.FirstOrDefaultAsync(r => r.ApplicationId == applicationId && r.Round == application.Revision
                                                                          && r.ExpertUserId == expertUserId, ct);
        if (review is null) return Outcome<AwardApplication>.NotFound();
        if (review.IsDone) return Outcome<AwardApplication>.Conflict($"{review.ExpertName}已提交评审意见，不能撤回指派");
        if (application.Status != AwardStatus.UnderReview) return Outcome<AwardApplication>.Conflict("该申报已不在评审中，不能撤回指派");
        db.AwardExpertReviews.Remove(review);
        return await saving.SaveAsync(review, ReviewWhat, () => application, ct);
    }

    /// <summary>The application's reviews, latest round first: all of them for the city and the think tank, its own for an assigned expert.</summary>
    public async Task<Outcome<IReadOnlyList<AwardExpertReview>>> ReviewsAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (!await InScope(actor).AnyAsync(x => x.Id == id, ct)) return Outcome<IReadOnlyList<AwardExpertReview>>.NotFound();
        var reviews = db.AwardExpertReviews.AsNoTracking().Where(r => r.ApplicationId == id);
        if (!AwardPolicy.ReadsReviews(actor)) reviews = reviews.Where(AwardPolicy.AssignedTo(actor));
        return Outcome<IReadOnlyList<AwardExpertReview>>.Ok(await reviews.OrderByDescending(r => r.Round).ThenBy(r => r.AssignedAt).ThenBy(r => r.Id).ToListAsync(ct));
    }

    /// <summary>The reviews assigned to this expert, open ones first: what it scores and which it can no longer hand in (and why).</summary>
    public async Task<Outcome<IReadOnlyList<AssignedReview>>> MyReviewsAsync(Actor actor, CancellationToken ct = default) =>
        actor.Role != Role.Expert ? Outcome<IReadOnlyList<AssignedReview>>.Forbidden(ExpertsOnly)
        : Outcome<IReadOnlyList<AssignedReview>>.Ok(await AssignedAsync(actor, null, ct));

    /// <summary>One review assigned to this expert, with its application and items; another expert's is not found.</summary>
    public async Task<Outcome<AssignedReview>> MyReviewAsync(Actor actor, Guid reviewId, CancellationToken ct = default) =>
        actor.Role != Role.Expert ? Outcome<AssignedReview>.Forbidden(ExpertsOnly)
        : (await AssignedAsync(actor, reviewId, ct)).FirstOrDefault() is { } task ? Outcome<AssignedReview>.Ok(task)
        : Outcome<AssignedReview>.NotFound();

    private const string ExpertsOnly = "评审任务由专家查看";

    private async Task<List<AssignedReview>> AssignedAsync(Actor actor, Guid? reviewId, CancellationToken ct)
    {
        var reviews = db.AwardExpertReviews.AsNoTracking().Where(AwardPolicy.AssignedTo(actor));
        if (reviewId is { } id) reviews = reviews.Where(r => r.Id == id);
        var rows = await (from r in reviews
                          join x in db.AwardApplications on r.ApplicationId equals x.Id
                          join e in db.Enterprises on x.EnterpriseId equals e.Id
                          orderby r.AssignedAt descending
                          select new { Review = r, Application = x, e.Name }).AsNoTracking().ToListAsync(ct);
        return rows.Where(r => calls.Find(r.Application.CallId)?.Review is not null).Select(r =>
        {
            var call = calls.Find(r.Application.CallId)!;
            return new AssignedReview(r.Review, r.Application, r.Name, call.Title, call.Review!.Items(call, r.Application.PickedDirections), Closed(r.Review, r.Application));
        }).OrderBy(r => r.Closed is not null).ToList();
    }

    /// <summary>The expert's task list, a page at a time: open ones first, then the latest assigned; narrowed to open or closed
    /// ones and to a part of the enterprise's name. Reads the lines only, never the 申报书.</summary>
    public async Task<Outcome<Page<ReviewTaskRow>>> ReviewTasksAsync(Actor actor, ReviewTaskFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (actor.Role != Role.Expert) return Outcome<Page<ReviewTaskRow>>.Forbidden(ExpertsOnly);
        var reviewed = calls.ForProgramme(actor.ProgrammeId).Where(c => c.Review is not null).Select(c => c.Id).ToList();
        var q = from r in db.AwardExpertReviews.Where(AwardPolicy.AssignedTo(actor))
                join x in db.AwardApplications on r.ApplicationId equals x.Id
                join e in db.Enterprises on x.EnterpriseId equals e.Id
                join b in db.AwardBatches on x.BatchId equals b.Id
                where reviewed.Contains(x.CallId)
                select new
                {
                    r.Id, e.Name, x.CallId, Batch = b.Name, x.Directions, r.Round, r.AssignedAt, r.SubmittedAt,
                    Superseded = r.Round != x.Revision, x.Status,
                    // As Closed below says: not handed in, on the current round, and the application still under review.
                    Open = r.SubmittedAt == null && r.Round == x.Revision && x.Status == AwardStatus.UnderReview,
                };
        if (filter.Open is { } open) q = q.Where(t => t.Open == open);
        if (filter.Search is { } search) q = q.Where(t => t.Name.Contains(search));
        return Outcome<Page<ReviewTaskRow>>.Ok(await q.OrderByDescending(t => t.Open).ThenByDescending(t => t.AssignedAt).ThenBy(t => t.Id)
            .Select(t => new ReviewTaskRow(t.Id, t.Name, t.CallId, t.Batch, t.Directions, t.Round, t.AssignedAt, t.SubmittedAt, t.Superseded, t.Status))
            .PageAsync(pageNumber, PageSize, CountCap, ct));
    }

    /// <summary>提交评审意见: once, on the current round, while the application is under review, scored on its directions' items, from
    /// the version read. Another expert's review is not found; a conflict arisen since the assignment refuses it.</summary>
    public async Task<Outcome<AwardExpertReview>> SubmitReviewAsync(Actor actor, Guid reviewId, AwardReviewInput input, CancellationToken ct = default)
    {
        var review = await db.AwardExpertReviews.Where(AwardPolicy.AssignedTo(actor)).FirstOrDefaultAsync(r => r.Id == reviewId, ct);
        if (review is null) return Outcome<AwardExpertReview>.NotFound();
        var application = await db.AwardApplications.AsNoTracking().FirstAsync(x => x.Id == review.ApplicationId, ct);
        if (calls.Find(application.CallId) is not { Review: { } rules } call) return Outcome<AwardExpertReview>.NotFound();
        if (await ConflictAsync(actor, application, ct) is { } conflict) return Outcome<AwardExpertReview>.Forbidden(conflict);
        if (Closed(review, application) is { } closed) return Outcome<AwardExpertReview>.Conflict(closed);
        var recommendation = WorkflowNames.Parse<AwardRecommendation>(input.Recommendation);
        var (scores, errors) = AwardReviewScores.Check(rules.Items(call, application.PickedDirections), input.Scores, recommendation, input.Opinion);
        if (ControlCharacters.In(input.Opinion, multiline: true)) errors["opinion"] = ControlCharacters.Message("评审意见");
        if (input.Version is null) errors["version"] = "请提供读取时的版本号";
        if (errors.Count > 0 || input.Version is not { } read) return Outcome<AwardExpertReview>.Invalid(errors);
        if (read != review.Version) return Outcome<AwardExpertReview>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<AwardExpertReview>(review.Id), ReviewWhat, ct));
        saving.Expect(review, read);
        review.Submit(scores, recommendation!.Value, input.Opinion!, Now());
        return await saving.SaveAsync(review, ReviewWhat, () => review, ct);
    }

    /// <summary>Why this review can no longer be handed in; null while it can.</summary>
    private static string? Closed(AwardExpertReview review, AwardApplication application) =>
        Closed(review.IsDone, review.Round != application.Revision, application.Status);

    internal static string? Closed(bool done, bool superseded, AwardStatus status) =>
        done ? "您已提交本轮评审意见，不能再次提交"
        : superseded ? "该申报已重新提交，本轮未指派您评审"
        : status != AwardStatus.UnderReview ? "该申报已不在评审中，不能再提交评审意见"
        : null;

    /// <summary>Why this expert may not score the application (its employer serves the enterprise or contracted for it); null if it may.</summary>
    private async Task<string?> ConflictAsync(Actor expert, AwardApplication application, CancellationToken ct)
    {
        if (expert.OrganisationId is not { } org) return null;
        var uscc = await db.Organisations.Where(o => o.Id == org).Select(o => o.Uscc).FirstOrDefaultAsync(ct);
        Guid[] enterprise = [application.EnterpriseId];
        return AwardPolicy.Conflict(org, uscc, (await ExpertPool.ServedByAsync(db, enterprise, ct))[application.EnterpriseId].ToList(),
            (await ExpertPool.ContractedByAsync(db, enterprise, ct))[application.EnterpriseId].ToList());
    }

    /// <summary>The current round's reviews as the decision's guard counts them.</summary>
    private async Task<ExpertTally> ReviewTallyAsync(AwardCall call, AwardApplication application, CancellationToken ct)
    {
        var done = await db.AwardExpertReviews.Where(r => r.ApplicationId == application.Id && r.Round == application.Revision)
            .Select(r => r.SubmittedAt != null).ToListAsync(ct);
        return new ExpertTally(call.Review?.MinReviews ?? 0, done.Count, done.Count(d => d));
    }

    /// <summary>The batch named (null if it is not the call's), else the latest with applications under review in the actor's
    /// scope, else the call's latest; with the batches that have applications under review.</summary>
    private async Task<(AwardBatch? Batch, IReadOnlyList<BatchInReview> InReview)> BatchOfAsync(Actor actor, AwardCall call, Guid? batchId, CancellationToken ct)
    {
        var counts = (await InScope(actor).Where(x => x.CallId == call.Id && x.Status == AwardStatus.UnderReview)
            .GroupBy(x => x.BatchId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(c => c.Key, c => c.Count);
        var batches = await db.AwardBatches.AsNoTracking().Where(b => b.CallId == call.Id).OrderBy(b => b.Number).ToListAsync(ct);
        var inReview = batches.Where(b => counts.ContainsKey(b.Id)).Select(b => new BatchInReview(b, counts[b.Id])).ToList();
        var batch = batchId is { } id ? batches.FirstOrDefault(b => b.Id == id) : inReview.LastOrDefault()?.Batch ?? batches.LastOrDefault();
        return (batch, inReview);
    }
}
