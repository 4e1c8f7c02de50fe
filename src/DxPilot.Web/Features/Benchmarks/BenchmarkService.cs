using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>The benchmark application's use cases. The enterprise edits its own; the bureaus of the call read in their scope
/// and take the transitions its chain gives them (BenchmarkService.Transitions.cs); anyone else finds nothing.</summary>
public sealed partial class BenchmarkService(DxPilotDbContext db, EnterpriseService enterprises, InstrumentCatalog instruments, CallCatalog calls,
    Saving saving, IBlobStore blobs, TimeProvider clock, ShownTime time)
{
    public const int PageSize = 50;

    /// <summary>The call of the actor's programme, when the actor takes part in it.</summary>
    public BenchmarkCall? CallOf(Actor a) => calls.ForProgramme(a.ProgrammeId) is { } c && c.Admits(a) ? c : null;

    /// <summary>The call's self-score instrument (the loader checked that it exists).</summary>
    public Instrument InstrumentOf(BenchmarkCall call) => instruments.Find(call.InstrumentId)!;

    /// <summary>The applications this actor may read.</summary>
    public IQueryable<BenchmarkApplication> InScope(Actor a)
    {
        var q = db.BenchmarkApplications.Where(x => x.ProgrammeId == a.ProgrammeId);
        if (CallOf(a) is null) return q.Where(x => false);
        // The roles of the call read the applications on the enterprise files the registry lets them see.
        var files = enterprises.InScope(a).Select(e => e.Id);
        return q.Where(x => files.Contains(x.EnterpriseId));
    }

    /// <summary>The signed-in enterprise's application, or a new empty draft (version 0) when it has saved none yet.</summary>
    public async Task<Outcome<BenchmarkView>> MineAsync(Actor actor, CancellationToken ct = default)
    {
        if (await OwnEnterprise(actor, ct) is not { } enterprise) return Outcome<BenchmarkView>.NotFound();
        var call = CallOf(actor)!;
        var application = await InScope(actor).FirstOrDefaultAsync(ct)
                          ?? BenchmarkApplication.Start(actor.ProgrammeId, enterprise.Id, InstrumentOf(call), Now(), enterprise.FoundedOn);
        return Outcome<BenchmarkView>.Ok(await ViewOf(enterprise, application, call, ct));
    }

    public async Task<Outcome<BenchmarkView>> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var application = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null) return Outcome<BenchmarkView>.NotFound();
        var enterprise = await db.Enterprises.FirstAsync(e => e.Id == application.EnterpriseId, ct);
        return Outcome<BenchmarkView>.Ok(await ViewOf(enterprise, application, CallOf(actor)!, ct));
    }

    /// <summary>The bureaus' list, by district and name, of all applications or those in one state.</summary>
    public async Task<Outcome<Page<BenchmarkRow>>> ListAsync(Actor actor, int pageNumber, BenchmarkStatus? state = null, CancellationToken ct = default)
    {
        if (CallOf(actor) is null || !actor.IsBureau) return Outcome<Page<BenchmarkRow>>.NotFound();
        var applications = state is { } s ? InScope(actor).Where(a => a.Status == s) : InScope(actor);
        var q = from a in applications
                join e in db.Enterprises on a.EnterpriseId equals e.Id
                orderby e.District, e.Name, a.Id
                select new BenchmarkRow(a.Id, e.Name, e.District, a.Status, a.SelfScore, a.SubTotals, a.UpdatedAt, a.SubmittedAt);
        var total = await q.CountAsync(ct);
        pageNumber = Paging.Clamp(pageNumber, total, PageSize);
        var rows = await q.Skip((pageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Outcome<Page<BenchmarkRow>>.Ok(new Page<BenchmarkRow>(rows, total, pageNumber, PageSize));
    }

    /// <summary>
    /// Saves the enterprise's draft: its answers, facts and overview, less the files it asked to remove, plus the files
    /// that pass <see cref="EvidenceRules"/>, each streamed into the blob store. Refused files are named with their reason;
    /// everything else is kept.
    /// </summary>
    public async Task<Outcome<BenchmarkSaved>> SaveAsync(Actor actor, int version, BenchmarkDraft draft,
        IReadOnlyList<EvidenceUpload> uploads, IReadOnlyCollection<Guid> removals, CancellationToken ct = default)
    {
        var (enterprise, refusal) = await Editable(actor, version, ct);
        if (refusal is not null) return Refuse<BenchmarkSaved>(refusal);
        var instrument = InstrumentOf(CallOf(actor)!);
        var now = Now();
        var application = await InScope(actor).FirstOrDefaultAsync(ct);
        if (application is null)
        {
            application = BenchmarkApplication.Start(actor.ProgrammeId, enterprise!.Id, instrument, now);
            db.BenchmarkApplications.Add(application);
        }
        else saving.Expect(application, version);

        var onFile = await db.BenchmarkEvidence.Where(e => e.ApplicationId == application.Id)
            .Select(e => new StoredFile(e.Id, e.Kind, e.ItemNo, e.Year, e.File.Name, e.File.Sha256)).ToListAsync(ct);
        foreach (var gone in onFile.Where(f => removals.Contains(f.Id)).ToList())
        {
            db.BenchmarkEvidence.Remove(await db.BenchmarkEvidence.FirstAsync(e => e.Id == gone.Id, ct));
            onFile.Remove(gone);
        }
        var refused = new List<string>();
        var accepted = 0L;
        foreach (var upload in uploads)
        {
            var name = Files.UploadedFile.CleanName(upload.FileName);
            if (await Refusal(upload, name, accepted, onFile, ct) is { } why) { refused.Add(why); continue; }
            StoredBlob blob;
            await using (var content = upload.Open()) blob = await blobs.PutAsync(content, ct);
            if (onFile.Any(f => f.Same(upload) && f.Sha256 == blob.Sha256))
            {
                refused.Add($"{BenchmarkEvidence.SlotLabel(upload.Kind, upload.ItemNo, upload.Year)}“{name}”与已上传的{EvidenceRules.Noun(upload.Kind)}相同，未重复上传");
                continue;
            }
            accepted += blob.Size;
            var file = BenchmarkEvidence.Upload(application.Id, upload.Kind, upload.ItemNo, blob.Named(name), actor, now, upload.Year);
            db.BenchmarkEvidence.Add(file);
            onFile.Add(new StoredFile(file.Id, file.Kind, file.ItemNo, file.Year, name, blob.Sha256));
        }

        application.Revise(instrument, draft.Answers, draft.Facts, draft.Overview, EvidenceOnFile.From(onFile.Select(f => (f.Kind, f.ItemNo, f.Year))), now);
        return await Save(application, actor, () => new BenchmarkSaved(application, refused), ct);
    }

    /// <summary>A picture, screenshot or scan (its reference in the blob store) and the application it proves, only for
    /// those who may read that application.</summary>
    public async Task<(FileRef File, BenchmarkApplication Application)?> OpenEvidenceAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var found = await (from e in db.BenchmarkEvidence
                           join a in InScope(actor) on e.ApplicationId equals a.Id
                           where e.Id == id
                           select new { e.File, Application = a }).AsNoTracking().FirstOrDefaultAsync(ct);
        return found is null ? null : (found.File, found.Application);
    }

    private sealed record StoredFile(Guid Id, BenchmarkEvidenceKind Kind, int? ItemNo, int? Year, string FileName, string Sha256)
    {
        /// <summary>Of the slot the upload is for.</summary>
        public bool Same(EvidenceUpload u) => Kind == u.Kind && ItemNo == u.ItemNo && Year == u.Year;
    }

    /// <summary>Why a file is not taken, judged before it is stored: by its length, the save's running total, its first
    /// bytes and its slot's count. A repeat of a file on file is found once its hash is known.</summary>
    private static async Task<string?> Refusal(EvidenceUpload upload, string name, long accepted, List<StoredFile> onFile, CancellationToken ct)
    {
        var slot = BenchmarkEvidence.SlotLabel(upload.Kind, upload.ItemNo, upload.Year);
        if (upload.Length == 0) return $"{slot}“{name}”是空文件，未上传";
        if (upload.Length > EvidenceRules.MaxBytesOf(upload.Kind))
            return $"{slot}“{name}”超过{EvidenceRules.Megabytes(EvidenceRules.MaxBytesOf(upload.Kind))}，未上传；请压缩后重新上传";
        if (accepted + upload.Length > EvidenceRules.MaxBytesPerSave)
            return $"{slot}“{name}”未上传：一次保存的文件合计不能超过{EvidenceRules.Megabytes(EvidenceRules.MaxBytesPerSave)}，请保存后再上传其余文件";
        await using (var content = upload.Open())
            if (!EvidenceRules.Accepts(upload.Kind, await FileSniffer.SniffAsync(content, ct)))
                return $"{slot}“{name}”不是{EvidenceRules.Takes(upload.Kind)}（按文件内容判断，与扩展名无关），未上传";
        return onFile.Count(f => f.Same(upload)) >= EvidenceRules.MaxPerSlot
            ? $"{slot}最多{EvidenceRules.MaxPerSlot}{(EvidenceRules.IsDocument(upload.Kind) ? "个文件" : "张")}，“{name}”未上传"
            : null;
    }

    private sealed record Refused(OutcomeKind Kind, string Message);

    private static Outcome<T> Refuse<T>(Refused r) => new(r.Kind, default, new Dictionary<string, string>(), r.Message);

    /// <summary>The actor's own enterprise, or why it may not change the application now: only the enterprise itself
    /// edits, only a draft, and only from the version it read.</summary>
    private async Task<(Enterprise? Own, Refused? Refusal)> Editable(Actor actor, int version, CancellationToken ct)
    {
        if (await OwnEnterprise(actor, ct) is not { } own)
            return (null, actor.IsBureau && CallOf(actor) is not null
                ? new Refused(OutcomeKind.Forbidden, "自评表由申报企业填写，主管部门只能查看")
                : new Refused(OutcomeKind.NotFound, Outcome<object>.NotFound().Message!));
        var current = await InScope(actor).Select(x => new { x.Version, x.Status, x.SubmittedAt }).FirstOrDefaultAsync(ct);
        if (current is not null && !BenchmarkApplication.EditableIn(current.Status))
            return (own, new Refused(OutcomeKind.Conflict,
                $"申报已于{time.Of(current.SubmittedAt!.Value)}提交，不能再修改（当前状态：{CallOf(actor)!.Chain.Label(current.Status, actor)}）"));
        if ((current?.Version ?? 0) != version) return (own, new Refused(OutcomeKind.Conflict, await StaleMessage(actor, ct)));
        return (own, null);
    }

    private async Task<Enterprise?> OwnEnterprise(Actor actor, CancellationToken ct) =>
        actor.Role == Role.Enterprise && CallOf(actor) is not null && actor.EnterpriseId is { } id
            ? await enterprises.GetAsync(actor, id, ct)
            : null;

    private async Task<BenchmarkView> ViewOf(Enterprise enterprise, BenchmarkApplication application, BenchmarkCall call, CancellationToken ct)
    {
        var evidence = await db.BenchmarkEvidence.Where(e => e.ApplicationId == application.Id)
            .OrderBy(e => e.UploadedAt).ThenBy(e => e.Id)
            .Select(e => new EvidenceInfo(e.Id, e.Kind, e.ItemNo, e.File.Name, e.File.Size, e.UploadedAt, e.UploadedByName, e.Year, e.File.ContentType))
            .ToListAsync(ct);
        return new BenchmarkView(enterprise, application, evidence, InstrumentOf(call), call, await HistoryOf(application, ct));
    }

    private const string What = "申报内容";

    private Task<Outcome<T>> Save<T>(BenchmarkApplication application, Actor actor, Func<T> value, CancellationToken ct) =>
        saving.SaveAsync(application, What, value, ct,
            // A first save racing another window's first save: the unique index lets one through.
            onDuplicate: async () => Outcome<T>.Conflict(await StaleMessage(actor, ct)));

    private async Task<string> StaleMessage(Actor actor, CancellationToken ct)
    {
        var id = await InScope(actor).Select(x => (Guid?)x.Id).FirstOrDefaultAsync(ct);
        return await saving.StaleMessageAsync(AuditKey.Of<BenchmarkApplication>(id ?? Guid.Empty), What, ct) +
               "（下方是您填写但尚未保存的内容，可复制后重新填写）";
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
