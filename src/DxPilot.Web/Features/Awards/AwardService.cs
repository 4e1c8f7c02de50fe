using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>
/// The award applications' use cases: who reads which (<see cref="InScope"/>), the batches (AwardService.Batches.cs), starting
/// and writing the 申报书, the criteria checked from the platform's data, and the call's chain moving it
/// (AwardService.Transitions.cs). Pages and the API both come here, so they refuse alike.
/// </summary>
public sealed partial class AwardService(DxPilotDbContext db, AwardCatalog calls, ProgrammeCatalog programmes, InstrumentCatalog instruments,
    Saving saving, TimeProvider clock, IBlobStore blobs, AcceptedTransformations accepted)
{
    public const int PageSize = 50;
    private const string What = "申报书";

    /// <summary>The calls this actor takes part in.</summary>
    public IReadOnlyList<AwardCall> CallsOf(Actor a) => calls.ForProgramme(a.ProgrammeId).Where(c => c.Admits(a)).ToList();

    public AwardCall? CallOf(Actor a, string? callId) => calls.Find(callId) is { } c && c.Admits(a) ? c : null;

    /// <summary>
    /// The applications this actor may read: an enterprise its own (drafts included); the county its county's and the city and
    /// think tank the programme's, once submitted (a draft is the enterprise's own until it submits); an expert those it is assigned to review.
    /// </summary>
    public IQueryable<AwardApplication> InScope(Actor a)
    {
        var q = db.AwardApplications.Where(x => x.ProgrammeId == a.ProgrammeId);
        return a.Role switch
        {
            Role.Enterprise => q.Where(x => x.EnterpriseId == a.EnterpriseId),
            Role.DistrictBureau => q.Where(x => x.District == a.District && x.Status != AwardStatus.Draft),
            Role.CityBureau or Role.ThinkTank => q.Where(x => x.Status != AwardStatus.Draft),
            Role.Expert => q.Where(x => db.AwardExpertReviews.Where(AwardPolicy.AssignedTo(a)).Any(r => r.ApplicationId == x.Id)),
            _ => q.Where(x => false),
        };
    }

    /// <summary>开始申报: in the call's open batch, once per batch; the enterprise finds the application it already has there.</summary>
    public async Task<Outcome<AwardApplication>> StartAsync(Actor actor, string callId, CancellationToken ct = default)
    {
        if (CallOf(actor, callId) is not { } call) return Outcome<AwardApplication>.NotFound();
        if (AwardPolicy.Apply(actor) is { } why) return Outcome<AwardApplication>.Forbidden(why);
        if (await OpenBatchAsync(call, ct) is not { } batch) return Outcome<AwardApplication>.Conflict("本申报当前没有开放的批次，请待市级主管部门开启下一批");
        var mine = await db.AwardApplications.FirstOrDefaultAsync(x => x.CallId == call.Id && x.BatchId == batch.Id && x.EnterpriseId == actor.EnterpriseId, ct);
        if (mine is not null) return Outcome<AwardApplication>.Ok(mine);
        var others = await OthersAsync(call, actor.EnterpriseId!.Value, null, ct);
        if (AwardReapplication.StartRefusal(call, others) is { } refused)
            return Outcome<AwardApplication>.Conflict(refused);
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == actor.EnterpriseId, ct);
        // Past StartRefusal none of them is pending: each is decided, or a draft left in a batch that has closed.
        var earlier = await db.AwardApplications.AsNoTracking()
            .Where(x => x.CallId == call.Id && x.EnterpriseId == enterprise.Id && x.BatchId != batch.Id)
            .OrderByDescending(x => x.UpdatedAt).FirstOrDefaultAsync(ct);
        var open = earlier is null ? [] : AwardReapplication.StillOpen(call, earlier.PickedDirections, others);
        var application = open.Count > 0
            ? AwardApplication.StartAgain(call, batch.Id, enterprise.Id, enterprise.District, earlier!, open, earlier!.Content.Carried(open), Now())
            : AwardApplication.Start(call, batch.Id, enterprise.Id, enterprise.District, Now());
        db.AwardApplications.Add(application);
        if (application.CarriedFromId is { } from)
            AwardFiles.AddRange((await AwardFiles.AsNoTracking().Where(f => f.ApplicationId == from).OrderBy(f => f.UploadedAt).ToListAsync(ct))
                .Where(f => AwardReapplication.Carries(call, f, open)).Select(f => f.CarriedTo(application.Id)));
        return await saving.SaveAsync(application, What, () => application, ct,
            async () => Outcome<AwardApplication>.Ok(await db.AwardApplications.FirstAsync(x => x.CallId == call.Id && x.BatchId == batch.Id && x.EnterpriseId == actor.EnterpriseId, ct)));
    }

    /// <summary>The application a re-application was started from, as its page names it to this reader.</summary>
    private async Task<EarlierApplication?> CarriedFromAsync(Actor actor, AwardCall call, AwardApplication application, CancellationToken ct) =>
        application.CarriedFromId is not { } id ? null
            : (await (from x in db.AwardApplications.AsNoTracking()
                      join b in db.AwardBatches.AsNoTracking() on x.BatchId equals b.Id
                      where x.Id == id
                      select new { x.Id, b.Name, x.Status }).FirstOrDefaultAsync(ct)) is { } e
                ? new EarlierApplication(e.Id, e.Name, call.Chain.Label(e.Status, actor))
                : null;

    /// <summary>
    /// 保存草稿: the directions and the 申报书 replace the stored ones. A draft keeps anything but control characters, texts beyond
    /// the draft's cap and more scenarios than the template allows; the limits are enforced on submission, each named.
    /// </summary>
    public async Task<Outcome<AwardApplication>> SaveDraftAsync(Actor actor, Guid id, IReadOnlyList<string> directions, AwardContent content, int version,
        CancellationToken ct = default)
    {
        var application = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null || calls.Find(application.CallId) is not { } call) return Outcome<AwardApplication>.NotFound();
        if (AwardPolicy.Edit(actor, application) is { } why)
            return application.IsEditable ? Outcome<AwardApplication>.Forbidden(why) : Outcome<AwardApplication>.Conflict(why);
        var errors = DraftErrors(call, directions, content, Today(application.ProgrammeId));
        if (errors.Count > 0) return Outcome<AwardApplication>.Invalid(errors);
        if (application.Version != version) return Outcome<AwardApplication>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<AwardApplication>(id), What, ct));
        saving.Expect(application, version);
        application.Revise(call, directions, content, Now());
        return await saving.SaveAsync(application, What, () => application, ct);
    }

    private static Dictionary<string, string> DraftErrors(AwardCall call, IReadOnlyList<string> directions, AwardContent content, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        foreach (var unknown in directions.Concat(content.Texts.Keys).Distinct().Where(k => call.Direction(k) is null))
            errors.TryAdd("directions", $"本次申报没有方向“{unknown}”");
        foreach (var (key, text) in content.Texts)
            if (call.Direction(key) is { } d)
                foreach (var p in AwardLimits.DraftProblems(d.Template, text)) errors.TryAdd($"{key}.{p.Path}", p.Message);
        foreach (var (label, value, max) in new[] { ("具体细分领域名称", content.Specialty, 50), ("联系人", content.ContactName, 50), ("联系方式", content.ContactPhone, 50), ("邮箱", content.ContactEmail, 100), ("备注", content.Remark, 500) })
        {
            if (ControlCharacters.In(value)) errors[label] = ControlCharacters.Message(label);
            else if (ChineseText.CountCharacters(value?.Trim()) > max) errors[label] = $"{label}不超过{max}字";
        }
        if (!errors.ContainsKey("联系方式") && ContactFormats.PhoneProblem("联系方式", content.ContactPhone) is { } phone) errors["联系方式"] = phone;
        if (!errors.ContainsKey("邮箱") && ContactFormats.EmailProblem("邮箱", content.ContactEmail) is { } email) errors["邮箱"] = email;
        if (content.Mode is { Length: > 40 }) errors["mode"] = "模式无效";
        foreach (var (key, message) in EnteredFigures.Problems(call, content, today)) errors.TryAdd(key, message);
        if (content.IntellectualProperty.Count > 200) errors["intellectualProperty"] = "知识产权最多填报200项";
        return errors;
    }

    public async Task<Outcome<AwardView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var application = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null || calls.Find(application.CallId) is not { } call) return Outcome<AwardView>.NotFound();
        HidePersonalData(application.Content, actor);
        var facts = await FactsAsync(call, application, ct);
        var criteria = CriteriaOf(call, application, facts);
        var batch = await db.AwardBatches.AsNoTracking().FirstAsync(b => b.Id == application.BatchId, ct);
        var key = application.Id.ToString();
        var history = await db.StateTransitions.AsNoTracking().Where(t => t.EntityType == nameof(AwardApplication) && t.EntityId == key)
            .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
        var revisions = await db.AwardRevisions.AsNoTracking().Where(r => r.ApplicationId == application.Id).OrderBy(r => r.Revision)
            .Select(r => new RevisionInfo(r.Revision, r.SubmittedAt, r.SubmittedBy)).ToListAsync(ct);
        var invitations = call.ChainCase is null ? [] : await InvitationsOfAsync(application.Id, ct);
        return Outcome<AwardView>.Ok(new AwardView(application, call, batch, facts.EnterpriseName, criteria,
            SubmissionProblems(call, application, facts, criteria), facts.Accepted, history, revisions, invitations)
        {
            CarriedFrom = await CarriedFromAsync(actor, call, application, ct),
        });
    }

    /// <summary>The contact's phone of an application read without tracking, masked for readers who do not need it (experts, the
    /// think tank; DOMAIN §8): the page and the API show what the reader was given (the 申报书 .docx prints no phone).</summary>
    private static void HidePersonalData(AwardContent content, Actor reader)
    {
        content.ContactPhone = reader.ShownPhone(content.ContactPhone);
    }

    /// <summary>Each picked direction's criteria checked against the facts found, today in the programme's zone.</summary>
    private List<DirectionChecks> CriteriaOf(AwardCall call, AwardApplication application, FoundFacts facts)
    {
        var today = Today(application.ProgrammeId);
        return application.PickedDirections.Select(call.Direction).OfType<AwardDirection>()
            .Select(d => new DirectionChecks(d, AwardCriteria.Check(d, facts.For(d, application), call.TypicalScenarios, today))).ToList();
    }

    private static IReadOnlyList<string> SubmissionProblems(AwardCall call, AwardApplication application, FoundFacts facts, IReadOnlyList<DirectionChecks> criteria) =>
        application.SubmissionProblems(call, facts.Problems, criteria.ToDictionary(c => c.Direction.Key, c => c.Checks));

    /// <summary>The enterprise's other applications to the call (all batches), for the re-application rule (<see cref="AwardReapplication"/>).</summary>
    private async Task<IReadOnlyList<OtherApplication>> OthersAsync(AwardCall call, Guid enterpriseId, Guid? except, CancellationToken ct)
    {
        var rows = await (from x in db.AwardApplications.AsNoTracking()
                          join b in db.AwardBatches.AsNoTracking() on x.BatchId equals b.Id
                          where x.CallId == call.Id && x.EnterpriseId == enterpriseId && x.Id != except && x.Status != AwardStatus.Draft
                          orderby b.Number
                          select new { b.Name, x.Status, x.RecognisedDirections }).ToListAsync(ct);
        return rows.Select(r => new OtherApplication(r.Name, r.Status, call.Chain.Label(r.Status),
            r.Status == AwardStatus.Recognised ? AwardApplication.Keys(r.RecognisedDirections) : [])).ToList();
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>Today where the programme is (criteria, intellectual property dates, the printed 申报书).</summary>
    private DateOnly Today(string programmeId) => LocalTime.Today(clock.GetUtcNow(), programmes.Get(programmeId).Zone);
}

/// <summary>The criteria of one picked direction as checked now.</summary>
public sealed record DirectionChecks(AwardDirection Direction, IReadOnlyList<CriterionCheck> Checks);

public sealed record RevisionInfo(int Revision, DateTime SubmittedAt, string SubmittedBy);

/// <summary>An application as its page and the API show it: the call, the batch, the criteria per direction, what still stops
/// submission, the accepted transformation it rests on (a project accepted on the platform or an imported result), the history, the submitted revisions and (链式) the SMEs named with their answers.</summary>
public sealed record AwardView(AwardApplication Application, AwardCall Call, AwardBatch Batch, string EnterpriseName,
    IReadOnlyList<DirectionChecks> Criteria, IReadOnlyList<string> SubmissionProblems, AcceptedTransformation? Accepted,
    IReadOnlyList<Domain.Workflow.StateTransition> History, IReadOnlyList<RevisionInfo> Revisions, IReadOnlyList<AwardInvitation> Invitations)
{
    /// <summary>再次申报: the earlier application it was started from.</summary>
    public EarlierApplication? CarriedFrom { get; init; }
}

/// <summary>An enterprise's application of an earlier batch: its batch and its state as the chain labels it.</summary>
public sealed record EarlierApplication(Guid Id, string BatchName, string StateLabel);
