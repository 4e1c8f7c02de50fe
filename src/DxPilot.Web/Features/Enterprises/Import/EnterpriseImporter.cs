using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Imports;
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
/// within the programme when the sheet has no USCC. A sheet's empty cells never blank out what is on file.
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
            if (job.Content is null)
            {
                db.StateTransitions.Add(job.Fail(worker, "上传的文件内容已不在，请重新导入", Now()));
                await db.SaveChangesAsync(ct);
                return;
            }
            var uploader = await ActorOf(db, job);
            // The rows are changed on behalf of whoever uploaded the list; the job's own steps name the worker.
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(uploader);
            db.StateTransitions.Add(job.Start(worker, lease.Owner, Now(), lease.Until(Now())));
            await db.SaveChangesAsync(ct);
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
        var table = SheetReader.Read(job.Content!, job.FileName, EnterpriseSheetColumns.IsHeaderRow);
        var mapping = EnterpriseSheetColumns.Map(table.Headers);
        if (mapping.MissingRequired.Count > 0)
            throw new UnreadableSheetException(
                $"第{table.HeaderRowNumber}行表头缺少必需的列：{string.Join("、", mapping.MissingRequired)}。" +
                $"表头现有：{string.Join("、", table.Headers.Where(h => h.Length > 0))}");
        job.Measure(table.Rows.Count, mapping.Ignored.Count > 0
            ? [new RowProblem(table.HeaderRowNumber, $"以下列未识别，已忽略：{string.Join("、", mapping.Ignored)}")]
            : []);
        await db.SaveChangesAsync(ct);

        var programme = programmes.Get(job.ProgrammeId);
        var today = LocalTime.Today(clock.GetUtcNow(), programme.Zone);
        var seenUscc = new Dictionary<string, int>();
        var seenName = new Dictionary<string, int>();
        var problems = job.Problems.ToList();
        var (created, updated, unchanged, processed) = (0, 0, 0, 0);

        foreach (var batch in table.Rows.Chunk(BatchSize))
        {
            var forms = batch.Select(r => (Row: r, Form: ToForm(r, mapping))).ToList();
            var existing = await LoadExisting(db, job.ProgrammeId, forms.Select(f => f.Form), ct);
            db.Audit.Action = AuditAction.Imported;
            db.Audit.SourceFor.Clear();
            foreach (var (row, form) in forms)
            {
                processed++;
                if (row.CellProblems.Count > 0) { problems.Add(new RowProblem(row.Number, string.Join("；", row.CellProblems.Values))); continue; }
                var found = Match(existing, form);
                // Merge onto what is on file: a column the sheet lacks (or an empty cell) keeps the stored value.
                var merged = found is null ? form : Overlay(found.ToForm(), form);
                var result = EnterpriseValidator.Validate(merged, programme, today);
                if (!result.IsValid)
                {
                    problems.Add(new RowProblem(row.Number, string.Join("；", result.Errors.Select(e => $"{EnterpriseForm.Labels[e.Key]}：{e.Value}"))));
                    continue;
                }
                var d = result.Details!;
                if (d.Uscc is { } u && !seenUscc.TryAdd(u, row.Number)) { problems.Add(new RowProblem(row.Number, $"统一社会信用代码与第{seenUscc[u]}行重复")); continue; }
                if (d.Uscc is null && !seenName.TryAdd(d.Name, row.Number)) { problems.Add(new RowProblem(row.Number, $"企业名称与第{seenName[d.Name]}行重复")); continue; }
                if (found is null)
                {
                    if (!actor.MayRegisterIn(d.District)) { problems.Add(new RowProblem(row.Number, $"“{d.District}”不在您的辖区（{actor.District}），未导入")); continue; }
                    var e = Enterprise.Register(programme, d, clock.GetUtcNow().UtcDateTime);
                    db.Enterprises.Add(e);
                    existing[Key(e)] = e;
                    db.Audit.SourceFor[e.Id] = $"{job.FileName} 第{row.Number}行";
                    created++;
                }
                else if (!actor.MayEdit(found.Id, found.District)) { problems.Add(new RowProblem(row.Number, "该企业已登记，不在您的辖区，未修改")); }
                else if (EnterpriseValidator.Validate(found.ToForm(), programme, today).Details == d) unchanged++;
                else
                {
                    found.Update(d, actor, clock.GetUtcNow().UtcDateTime);
                    db.Audit.SourceFor[found.Id] = $"{job.FileName} 第{row.Number}行";
                    updated++;
                }
            }
            job.Progress(processed, created, updated, unchanged, problems, lease.Until(Now()));
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(job);
        }
    }

    private static EnterpriseForm ToForm(SheetRow row, EnterpriseSheetColumns.Mapping mapping)
    {
        var form = new EnterpriseForm();
        foreach (var (column, field) in mapping.FieldByColumn)
        {
            var value = row.Cells[column];
            if (string.IsNullOrWhiteSpace(value)) continue;
            typeof(EnterpriseForm).GetProperty(field)!.SetValue(form, value.Trim());
        }
        return form;
    }

    private static EnterpriseForm Overlay(EnterpriseForm onFile, EnterpriseForm fromSheet)
    {
        foreach (var p in typeof(EnterpriseForm).GetProperties())
            if (p.GetValue(fromSheet) is string s && !string.IsNullOrWhiteSpace(s)) p.SetValue(onFile, s);
        return onFile;
    }

    private static string Key(Enterprise e) => e.Uscc is not null ? "U:" + e.Uscc : "N:" + e.Name;

    private static Enterprise? Match(Dictionary<string, Enterprise> existing, EnterpriseForm form)
    {
        if (form.Uscc is { } raw && Uscc.TryParse(raw, out var u, out _) && existing.TryGetValue("U:" + u.Value.Value, out var byCode)) return byCode;
        var name = form.Name?.Trim();
        if (name is null) return null;
        // By name: an enterprise on file without a USCC (a reference list imported earlier), or any when the sheet has none.
        return existing.Values.FirstOrDefault(e => e.Name == name && (e.Uscc is null || string.IsNullOrWhiteSpace(form.Uscc)));
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
