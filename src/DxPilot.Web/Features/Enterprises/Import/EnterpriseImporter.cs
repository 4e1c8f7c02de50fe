using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Imports;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Enterprises.Import;

/// <summary>
/// Imports an enterprise list into the file. Good rows are saved, each bad row is reported with its number and
/// reason, and importing the same sheet again changes nothing: a row finds its enterprise by USCC, or by name
/// within the programme when the sheet has no USCC. A sheet's empty cells and blank-like markers (待补充, 暂无 …) never blank out what
/// is on file; only 〔清空〕 does (<see cref="SheetCell"/>). Problems are appended batch by batch, never rewritten.
/// </summary>
public sealed class EnterpriseImporter(IServiceScopeFactory scopes, ProgrammeCatalog programmes, ImportLease lease, TimeProvider clock,
    ILogger<EnterpriseImporter> logger)
{
    private const int BatchSize = 500;

    /// <summary>Runs the job if this copy can claim it; does nothing while another copy holds it or once it is finished.</summary>
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        await using (var scope = scopes.CreateAsyncScope())
            if (!await lease.TryClaimAsync(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>(), jobId, Now(), ct)) return;
        await RunClaimedAsync(jobId, ct);
    }

    /// <summary>Runs a job this copy holds the lease of. Every state change is a transition of the job's workflow, taken by this
    /// copy's worker and saved with its record; a save after another copy took the job over is refused (the lease owner is a
    /// concurrency token), so the two never both write.</summary>
    public async Task RunClaimedAsync(Guid jobId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var job = await db.ImportJobs.FirstAsync(j => j.Id == jobId, ct);
        var worker = Actor.System(job.ProgrammeId, $"企业名单导入程序（{lease.Owner}）");
        try
        {
            if (job.Content is null || job.AttemptsExhausted)
            {
                // A job whose every run ended with its runner (a crash, a kill) is not started again at every start-up.
                db.StateTransitions.Add(job.Fail(worker, job.Content is null
                    ? "上传的文件内容已不在，请重新导入"
                    : $"导入已开始{ImportJob.MaxAttempts}次，每次都在完成前中断（程序停止或失去数据库连接），不再重试。已导入的行保留，请检查文件后重新导入", Now()));
                await db.SaveChangesAsync(ct);
                return;
            }
            var uploader = await ActorOf(db, job);
            // The rows are changed on behalf of whoever uploaded the list; the job's own steps name the worker.
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(uploader);
            db.StateTransitions.Add(job.Start(worker, lease.Owner, Now(), lease.Until(Now())));
            await db.SaveChangesAsync(ct);
            // A resumed job starts over: the problems an earlier run stored are its own to replace.
            await db.ImportProblems.Where(p => p.JobId == job.Id).ExecuteDeleteAsync(ct);
            string? failure = null;
            try
            {
                await Process(db, job, uploader, ct);
            }
            catch (UnreadableSheetException ex)
            {
                failure = ex.Message;
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or DbUpdateConcurrencyException))
            {
                logger.LogError(ex, "Import {JobId} failed", job.Id);
                failure = $"导入过程中出现系统错误（编号 {job.Id}），已导入的行保留，请联系管理员";
            }
            db.ChangeTracker.Clear();
            db.Attach(job);
            db.StateTransitions.Add(failure is null ? job.Complete(worker, Now()) : job.Fail(worker, failure, Now()));
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogWarning("Import {JobId}: lease lost to another copy, which now runs it", jobId);
        }
        catch (OperationCanceledException)
        {
            await lease.ReleaseAsync(db, jobId);
            throw;
        }
    }

    private async Task Process(DxPilotDbContext db, ImportJob job, Actor actor, CancellationToken ct)
    {
        // Reads the whole sheet once, streaming, against the limits: a file over one is refused before any row is imported.
        var table = SheetReader.Open(job.Content!, job.FileName, EnterpriseSheetColumns.IsHeaderRow);
        var mapping = EnterpriseSheetColumns.Map(table.Headers);
        if (mapping.MissingRequired.Count > 0)
            throw new UnreadableSheetException(
                $"第{table.HeaderRowNumber}行表头缺少必需的列：{string.Join("、", mapping.MissingRequired)}。" +
                $"表头现有：{string.Join("、", table.Headers.Where(h => h.Length > 0))}");
        job.Measure(table.RowCount);
        if (mapping.Ignored.Count > 0)
            db.ImportProblems.Add(new ImportProblem(job.Id, new RowProblem(table.HeaderRowNumber, $"以下列未识别，已忽略：{string.Join("、", mapping.Ignored)}")));
        await db.SaveChangesAsync(ct);

        var programme = programmes.Get(job.ProgrammeId);
        var run = new Run(programme, LocalTime.Today(clock.GetUtcNow(), programme.Zone), actor);
        var processed = 0;
        foreach (var batch in table.Rows.Chunk(BatchSize))
        {
            var lines = batch.Select(r => SheetLine.Read(r, mapping)).ToList();
            var existing = await LoadExisting(db, job.ProgrammeId, lines.Select(f => f.Form), ct);
            db.Audit.Action = AuditAction.Imported;
            db.Audit.SourceFor.Clear();
            foreach (var line in lines)
            {
                processed++;
                if (ImportRow(db, job, line, existing, run) is not { } problem) continue;
                db.ImportProblems.Add(new ImportProblem(job.Id, new RowProblem(line.Number, problem)));
                run.Refused++;
            }
            job.Progress(processed, run.Created, run.Updated, run.Unchanged, run.Refused, lease.Until(Now()));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(job);
        }
    }

    /// <summary>What one run has seen so far: the counters, and the codes and names taken by earlier rows of the sheet.</summary>
    private sealed class Run(Programme programme, DateOnly today, Actor actor)
    {
        public Programme Programme { get; } = programme;
        public DateOnly Today { get; } = today;
        public Actor Actor { get; } = actor;
        public Dictionary<string, int> SeenUscc { get; } = [];
        public Dictionary<string, int> SeenName { get; } = [];
        public int Created, Updated, Unchanged, Refused;
    }

    /// <summary>Imports one line; null when it was taken (created, updated or found unchanged), otherwise why not.</summary>
    private string? ImportRow(DxPilotDbContext db, ImportJob job, SheetLine line, Dictionary<string, Enterprise> existing, Run run)
    {
        if (line.Problem is not null) return line.Problem;
        var found = Match(existing, line.Form, run.Actor);
        if (found is { InScope: false }) return "该统一社会信用代码已在本试点登记，未导入";
        // Merge onto what is on file: a column the sheet lacks, an empty cell or a blank-like marker keeps the stored value.
        var merged = found is null ? line.Form : line.Overlay(found.Enterprise.ToForm());
        var result = EnterpriseValidator.Validate(merged, run.Programme, run.Today);
        if (!result.IsValid) return string.Join("；", result.Errors.Select(e => $"{EnterpriseForm.Labels[e.Key]}：{e.Value}"));
        var d = result.Details!;
        if (d.Uscc is { } u && !run.SeenUscc.TryAdd(u, line.Number)) return $"统一社会信用代码与第{run.SeenUscc[u]}行重复";
        if (d.Uscc is null && !run.SeenName.TryAdd(d.Name, line.Number)) return $"企业名称与第{run.SeenName[d.Name]}行重复";
        if (found is null)
        {
            if (EnterprisePolicy.PlaceIn(run.Actor, null, d.District) is { } elsewhere) return elsewhere;
            var e = Enterprise.Register(run.Programme, d, Now());
            db.Enterprises.Add(e);
            existing[Key(e)] = e;
            db.Audit.SourceFor[e.Id] = $"{job.FileName} 第{line.Number}行";
            run.Created++;
            return null;
        }
        var onFile = found.Enterprise;
        // A district's sheet naming another district would move the file out of its own reach (the form refuses the same).
        if (EnterprisePolicy.PlaceIn(run.Actor, onFile, d.District) is { } moved) return moved;
        if (EnterpriseValidator.Validate(onFile.ToForm(), run.Programme, run.Today).Details == d) { run.Unchanged++; return null; }
        // The row would change a file someone edited after this sheet was exported: that edit is not overwritten silently.
        if (line.ExportedVersion is { } version && version != onFile.Version)
            return $"该企业在导出后已被修改（{LocalTime.Show(onFile.UpdatedAt, run.Programme.Zone)}），本行未导入。请重新导出后再改，或直接在企业档案中修改";
        onFile.Update(d, run.Actor, Now());
        db.Audit.SourceFor[onFile.Id] = $"{job.FileName} 第{line.Number}行";
        run.Updated++;
        return null;
    }

    private static string Key(Enterprise e) => e.Uscc is not null ? "U:" + e.Uscc : "N:" + e.Name;

    private sealed record Found(Enterprise Enterprise, bool InScope);

    /// <summary>
    /// The enterprise a row is about: by USCC, or by name when either side has no USCC. A name is matched only within the
    /// uploader's scope; a USCC outside it is answered as the registry answers it: the code is registered, nothing about whom.
    /// </summary>
    private static Found? Match(Dictionary<string, Enterprise> existing, EnterpriseForm form, Actor actor)
    {
        if (form.Uscc is { } raw && Uscc.TryParse(raw, out var u, out _) && existing.TryGetValue("U:" + u.Value.Value, out var byCode))
            return new Found(byCode, actor.MayEdit(byCode.Id, byCode.District));
        var name = form.Name?.Trim();
        if (name is null) return null;
        var byName = existing.Values.FirstOrDefault(e =>
            e.Name == name && (e.Uscc is null || string.IsNullOrWhiteSpace(form.Uscc)) && actor.MayEdit(e.Id, e.District));
        return byName is null ? null : new Found(byName, true);
    }

    private static async Task<Dictionary<string, Enterprise>> LoadExisting(DxPilotDbContext db, string programmeId, IEnumerable<EnterpriseForm> forms, CancellationToken ct)
    {
        var list = forms.ToList();
        var codes = list.Select(f => f.Uscc is { } r && Uscc.TryParse(r, out var u, out _) ? u.Value.Value : null).OfType<string>().Distinct().ToList();
        var names = list.Select(f => f.Name?.Trim()).OfType<string>().Distinct().ToList();
        var found = await db.Enterprises.Where(e => e.ProgrammeId == programmeId && ((e.Uscc != null && codes.Contains(e.Uscc)) || names.Contains(e.Name)))
            .ToListAsync(ct);
        var map = new Dictionary<string, Enterprise>();
        foreach (var e in found) map.TryAdd(Key(e), e);
        return map;
    }

    private static async Task<Actor> ActorOf(DxPilotDbContext db, ImportJob job)
    {
        if (job.ActorId == Actor.SystemUserId) return Actor.System(job.ProgrammeId, job.ActorName);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == job.ActorId)
                   ?? throw new InvalidOperationException($"导入人 {job.ActorId} 不存在");
        return user.ToActor();
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
