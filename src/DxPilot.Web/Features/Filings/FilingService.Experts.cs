using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Features.Reviews;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>An expert account of the programme as the city assigns it: its employer, and why it may not review this filing.</summary>
public sealed record ExpertCandidate(string UserId, string Name, string? Organisation, string? Conflict, bool Assigned);

/// <summary>What an expert hands in: the score per review item (as typed), the recommendation (pass / passAfterRevision / fail), the
/// opinion, and the version of its review it read.</summary>
public sealed record ReviewInput(IReadOnlyDictionary<string, string?> Scores, string? Recommendation, string? Opinion, int? Version);

/// <summary>
/// 专家试点符合性审核 (seed 003 二 3): the city assigns the programme's experts to a filing in its review, one review per expert per
/// round; each expert scores it once on the review form. Conflict of interest (<see cref="FilingPolicy.Conflict"/>) is refused at
/// assignment and again at every read and hand-in, so an assignment made before the expert's employer took the client on is no way in.
/// </summary>
public sealed partial class FilingService
{
    private const string ReviewWhat = "专家评审意见";

    /// <summary>The programme's enabled expert accounts, each with its conflict for this filing and whether it is assigned this round.</summary>
    public async Task<Outcome<IReadOnlyList<ExpertCandidate>>> ExpertsAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var filing = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null) return Outcome<IReadOnlyList<ExpertCandidate>>.NotFound();
        if (FilingPolicy.AssignExperts(actor) is { } why) return Outcome<IReadOnlyList<ExpertCandidate>>.Forbidden(why);
        return Outcome<IReadOnlyList<ExpertCandidate>>.Ok(await CandidatesAsync(filing, ct));
    }

    /// <summary>
    /// 指派专家: each named expert gets a review of the filing's current round (one already assigned is kept as it is). Refused whole,
    /// with the reason per expert, when one is not an expert of the programme or has a conflict of interest.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<FilingExpertReview>>> AssignAsync(Actor actor, Guid id, IReadOnlyCollection<string> expertUserIds,
        CancellationToken ct = default)
    {
        var filing = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null) return Outcome<IReadOnlyList<FilingExpertReview>>.NotFound();
        return await AssignAsync(actor, filing, expertUserIds, ct);
    }

    /// <summary>Assigns experts to a filing in scope; the batch action calls it per filing.</summary>
    internal async Task<Outcome<IReadOnlyList<FilingExpertReview>>> AssignAsync(Actor actor, Filing filing, IReadOnlyCollection<string> expertUserIds,
        CancellationToken ct)
    {
        if (FilingPolicy.AssignExperts(actor) is { } why) return Outcome<IReadOnlyList<FilingExpertReview>>.Forbidden(why);
        if (RulesOf(actor)?.ReviewForm is null) return Outcome<IReadOnlyList<FilingExpertReview>>.Conflict("本试点的备案由市级主管部门直接确认，不需要专家评审");
        if (filing.Status != FilingStatus.CityReview)
            return Outcome<IReadOnlyList<FilingExpertReview>>.Conflict("只有处于市级审核阶段的备案才能指派评审专家");
        if (expertUserIds.Count == 0)
            return Outcome<IReadOnlyList<FilingExpertReview>>.Invalid(new Dictionary<string, string> { ["experts"] = "请选择至少一名评审专家" });
        var candidates = (await CandidatesAsync(filing, ct)).ToDictionary(c => c.UserId);
        var errors = new Dictionary<string, string>();
        foreach (var expert in expertUserIds.Distinct())
        {
            if (!candidates.TryGetValue(expert, out var c)) errors[$"experts.{expert}"] = "找不到该评审专家账号（或账号已停用）";
            else if (c.Conflict is { } conflict) errors[$"experts.{expert}"] = $"{c.Name}：{conflict}";
        }
        if (errors.Count > 0) return Outcome<IReadOnlyList<FilingExpertReview>>.Invalid(errors);
        var fresh = expertUserIds.Distinct().Where(e => !candidates[e].Assigned).ToList();
        var added = fresh.Select(e => FilingExpertReview.Assign(filing, e, candidates[e].Name, actor.Name, Now())).ToList();
        db.FilingExpertReviews.AddRange(added);
        async Task<IReadOnlyList<FilingExpertReview>> Assigned() =>
            await db.FilingExpertReviews.AsNoTracking().Where(r => r.FilingId == filing.Id && r.Round == filing.Round && expertUserIds.Contains(r.ExpertUserId))
                .OrderBy(r => r.AssignedAt).ToListAsync(ct);
        if (added.Count == 0) return Outcome<IReadOnlyList<FilingExpertReview>>.Ok(await Assigned());
        // Two bureaus assigning the same expert at once: the unique index keeps one review, and both see it assigned.
        var saved = await saving.SaveAsync<bool>(added[0], ReviewWhat, () => true, ct, onDuplicate: () => Task.FromResult(Outcome<bool>.Ok(true)));
        return saved.IsOk ? Outcome<IReadOnlyList<FilingExpertReview>>.Ok(await Assigned()) : Outcome<IReadOnlyList<FilingExpertReview>>.Conflict(saved.Message!);
    }

    /// <summary>撤回指派: the city withdraws an expert's review of the current round that was not handed in yet.</summary>
    public async Task<Outcome<bool>> WithdrawAsync(Actor actor, Guid id, string expertUserId, CancellationToken ct = default)
    {
        var filing = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null) return Outcome<bool>.NotFound();
        if (FilingPolicy.AssignExperts(actor) is { } why) return Outcome<bool>.Forbidden(why);
        var review = await db.FilingExpertReviews.FirstOrDefaultAsync(r => r.FilingId == id && r.Round == filing.Round && r.ExpertUserId == expertUserId, ct);
        if (review is null) return Outcome<bool>.NotFound();
        if (review.IsDone) return Outcome<bool>.Conflict($"{review.ExpertName}已提交评审意见，不能撤回指派");
        db.FilingExpertReviews.Remove(review);
        return await saving.SaveAsync(review, ReviewWhat, () => true, ct);
    }

    /// <summary>The filing's reviews, latest round first, for those who read them side by side (the city, the think tank).</summary>
    public async Task<Outcome<IReadOnlyList<FilingExpertReview>>> ReviewsAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (!await InScope(actor).AnyAsync(f => f.Id == id, ct)) return Outcome<IReadOnlyList<FilingExpertReview>>.NotFound();
        if (!FilingPolicy.ReadsReviews(actor)) return Outcome<IReadOnlyList<FilingExpertReview>>.Forbidden("专家评审意见由市级主管部门查阅");
        return Outcome<IReadOnlyList<FilingExpertReview>>.Ok(await db.FilingExpertReviews.AsNoTracking().Where(r => r.FilingId == id)
            .OrderByDescending(r => r.Round).ThenBy(r => r.AssignedAt).ToListAsync(ct));
    }

    /// <summary>The expert's own review of the filing: the current round's, else the latest it handed in.</summary>
    public async Task<Outcome<FilingExpertReview>> MyReviewAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var filing = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null || actor.Role != Role.Expert) return Outcome<FilingExpertReview>.NotFound();
        if (await ExpertConflictAsync(actor, filing, ct) is { } conflict) return Outcome<FilingExpertReview>.Forbidden(conflict);
        var review = await db.FilingExpertReviews.AsNoTracking().Where(r => r.FilingId == id && r.ExpertUserId == actor.UserId)
            .OrderByDescending(r => r.Round == filing.Round).ThenByDescending(r => r.Round).FirstAsync(ct);
        return Outcome<FilingExpertReview>.Ok(review);
    }

    /// <summary>提交评审意见: once, on the current round, while the city reviews, scored on the programme's form, from the version read.</summary>
    public async Task<Outcome<FilingExpertReview>> SubmitReviewAsync(Actor actor, Guid id, ReviewInput input, CancellationToken ct = default)
    {
        var filing = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null || actor.Role != Role.Expert) return Outcome<FilingExpertReview>.NotFound();
        if (await ExpertConflictAsync(actor, filing, ct) is { } conflict) return Outcome<FilingExpertReview>.Forbidden(conflict);
        var review = await db.FilingExpertReviews.FirstOrDefaultAsync(r => r.FilingId == id && r.Round == filing.Round && r.ExpertUserId == actor.UserId, ct);
        if (review is null) return Outcome<FilingExpertReview>.Conflict(NotThisRound);
        if (review.IsDone) return Outcome<FilingExpertReview>.Conflict("您已提交本轮评审意见，不能再次提交");
        if (ReviewClosed(filing, review) is { } closed) return Outcome<FilingExpertReview>.Conflict(closed);
        var recommendation = WorkflowNames.Parse<Recommendation>(input.Recommendation);
        var (scores, errors) = ReviewScores.Check(RulesOf(actor)!.ReviewForm!, input.Scores, recommendation, input.Opinion);
        if (ControlCharacters.In(input.Opinion, multiline: true)) errors["opinion"] = ControlCharacters.Message("评审意见");
        if (errors.Count > 0) return Outcome<FilingExpertReview>.Invalid(errors);
        if (input.Version is not { } read)
            return Outcome<FilingExpertReview>.Invalid(new Dictionary<string, string> { ["version"] = "请提供读取时的版本号" });
        if (read != review.Version) return Outcome<FilingExpertReview>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<FilingExpertReview>(review.Id), ReviewWhat, ct));
        saving.Expect(review, read);
        review.Submit(scores, recommendation!.Value, input.Opinion, Now());
        return await saving.SaveAsync(review, ReviewWhat, () => review, ct);
    }

    private const string NotThisRound = "该备案已重新提交，本轮未指派您评审";

    /// <summary>
    /// Why a review not handed in can no longer be: the filing was resubmitted since, or it left 市级审核 (a district may return
    /// it while the experts review). The review page says so instead of offering the form; null while it can be submitted.
    /// </summary>
    public static string? ReviewClosed(Filing filing, FilingExpertReview review) =>
        review.Round != filing.Round ? NotThisRound
        : filing.Status != FilingStatus.CityReview ? "该备案已不在市级审核阶段，不能再提交评审意见"
        : null;

    /// <summary>Why this expert may not read or score the filing (its employer serves the enterprise or contracts for it); null if it may.</summary>
    public async Task<string?> ExpertConflictAsync(Actor expert, Filing filing, CancellationToken ct)
    {
        if (expert.OrganisationId is not { } org) return null;
        var uscc = await db.Organisations.Where(o => o.Id == org).Select(o => o.Uscc).FirstOrDefaultAsync(ct);
        var (served, contracted) = await InterestsAsync(filing, ct);
        return FilingPolicy.Conflict(org, uscc, served, contracted);
    }

    private async Task<IReadOnlyList<ExpertCandidate>> CandidatesAsync(Filing filing, CancellationToken ct)
    {
        var (served, contracted) = await InterestsAsync(filing, ct);
        var experts = await ExpertPool.ExpertsAsync(db, filing.ProgrammeId, ct);
        var assigned = await db.FilingExpertReviews.Where(r => r.FilingId == filing.Id && r.Round == filing.Round).Select(r => r.ExpertUserId).ToListAsync(ct);
        return experts.Select(e => new ExpertCandidate(e.UserId, e.Name, e.Organisation,
            FilingPolicy.Conflict(e.OrganisationId, e.OrganisationUscc, served, contracted), assigned.Contains(e.UserId))).ToList();
    }

    /// <summary>Who has an interest in the filing: the organisations serving its enterprise, and its contracts' providers by USCC.</summary>
    private async Task<(IReadOnlyCollection<Guid> Served, IReadOnlyCollection<string> Contracted)> InterestsAsync(Filing filing, CancellationToken ct)
    {
        var served = await db.Assignments.Where(x => x.EnterpriseId == filing.EnterpriseId).Select(x => x.OrganisationId).ToListAsync(ct);
        var contracted = (await providers.ForAsync(filing.Id, ct)).Select(p => p.Uscc).OfType<string>().Select(Domain.Enterprises.Uscc.Normalise).ToList();
        return (served, contracted);
    }

    /// <summary>What the experts' panel of the detail page shows this viewer: the round's reviews where it reads them, and the
    /// experts the city may assign while the filing is in 市级审核; nothing where the programme has no expert review.</summary>
    public async Task<ExpertPanelData> ExpertPanelAsync(Actor actor, FilingView view, CancellationToken ct = default)
    {
        if (view.Rules.ReviewForm is null) return ExpertPanelData.None;
        var reviews = await ReviewsAsync(actor, view.Filing.Id, ct) is { IsOk: true } read ? read.Value : null;
        var candidates = view.Filing.Status == FilingStatus.CityReview && await ExpertsAsync(actor, view.Filing.Id, ct) is { IsOk: true } listed
            ? listed.Value : null;
        return new ExpertPanelData(reviews, candidates);
    }
}

/// <summary>The experts' panel's data (<see cref="FilingService.ExpertPanelAsync"/>).</summary>
public sealed record ExpertPanelData(IReadOnlyList<FilingExpertReview>? Reviews, IReadOnlyList<ExpertCandidate>? Candidates)
{
    public static readonly ExpertPanelData None = new(null, null);
}
