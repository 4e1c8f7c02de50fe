using System.Data.Common;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DxPilot.Infrastructure.Assessments.Rescoring;

/// <summary>重新评分 re-scores every stored assessment of one instrument (optionally one programme) under the instrument
/// version loaded now, so that a corrected instrument file reaches results already on file. Each result keeps the version it
/// was computed under; an assessment whose answers no longer fit (a question renamed, an option removed) is left as it is and
/// reported. An assessment a project's evaluation names is left as it is and counted (<see cref="RescoreReport.Locked"/>): its level
/// is what the acceptance and the subsidy rest on, and re-scoring would change it in place, not add a new record. One audit entry
/// records the run, not one per assessment.</summary>
/// <remarks>A bulk path beside <see cref="Assessment.ApplyResult"/>, writing the same fields: a million rows through the change
/// tracker would take many minutes. The stages run at once, a few pages apart: read a page (id order), score it on every
/// core, write its changes back in one batch. On PostgreSQL the page is read on a connection of its own and two batches are
/// written at once on two more, because writing is the slow part (every row gets a new version and four index entries) and
/// one connection uses one server core. On SQLite the reader and the single writer take turns on the one connection.</remarks>
/// <param name="pageSize">Assessments read, scored and written together; small pages let a test cross page boundaries.</param>
public sealed class AssessmentRescorer(DxPilotDbContext db, InstrumentCatalog instruments, TimeProvider clock, int pageSize = AssessmentRescorer.PageSize)
{
    public const int PageSize = 5000;
    public const int FailuresListed = 20;
    // Pages in flight between two stages: enough to keep each stage busy, small enough to bound memory (≈ 15 MB a page).
    private const int PagesAhead = 2;
    private const int PostgresWriters = 2;

    public async Task<RescoreReport> RescoreAsync(string instrumentId, string? programmeId, Actor actor, CancellationToken ct = default)
    {
        var scorer = instruments.ScorerFor(instrumentId)
                     ?? throw new ArgumentException($"未知的评测工具“{instrumentId}”，可选：{string.Join("、", instruments.All.Select(i => i.Id))}", nameof(instrumentId));
        var instrument = scorer.Instrument;
        var elapsed = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var tally = new Tally
        {
            Locked = await db.Assessments.CountAsync(a => a.InstrumentId == instrument.Id && (programmeId == null || a.ProgrammeId == programmeId)
                && db.Projects.Any(p => p.AfterAssessmentId == a.Id || p.BeforeAssessmentId == a.Id), ct),
        };

        await db.Database.OpenConnectionAsync(ct);
        var opened = new List<DbConnection>();
        try
        {
            var connection = db.Database.GetDbConnection();
            DbConnection readConnection = connection;
            List<DbConnection> writeConnections = [connection];
            if (db.IsPostgres)
            {
                readConnection = await OpenAnotherAsync(opened, ct);
                for (var i = 1; i < PostgresWriters; i++) writeConnections.Add(await OpenAnotherAsync(opened, ct));
            }
            // One connection serves one command at a time: on SQLite the reader and the writer take turns on it.
            using var turns = readConnection == connection ? new SemaphoreSlim(1) : null;
            var pages = new AssessmentPages(readConnection, instrument.Id, instrument.Version, programmeId, pageSize);
            var writers = writeConnections.Select(c => RescoreWriter.For(c, instrument.Version, now)).ToList();
            await RunStagesAsync(pages, new SheetRescoring(scorer, db.Model), writers, turns, tally, ct);
        }
        catch (Exception ex) when (tally.Changed > 0)
        {
            // The batches already written stay written, so the trail records the run even though it stopped.
            try { await RecordAsync(tally.Report(instrument, programmeId, elapsed.Elapsed), tally, actor, now, $"；中断：{ex.Message}", CancellationToken.None); }
            catch (Exception auditFailure) { throw new AggregateException("重新评分中断，审计记录也未能写入", ex, auditFailure); }
            throw;
        }
        finally
        {
            foreach (var c in opened) await c.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }

        var report = tally.Report(instrument, programmeId, elapsed.Elapsed);
        await RecordAsync(report, tally, actor, now, "", ct);
        return report;
    }

    private async Task<DbConnection> OpenAnotherAsync(List<DbConnection> opened, CancellationToken ct)
    {
        var c = new NpgsqlConnection(db.Database.GetConnectionString());
        opened.Add(c);
        await c.OpenAsync(ct);
        return c;
    }

    private static async Task RunStagesAsync(AssessmentPages pages, SheetRescoring rescoring, List<IRescoreWriter> writers,
        SemaphoreSlim? turns, Tally tally, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var read = Channel.CreateBounded<List<StoredAssessmentRow>>(PagesAhead);
        var scored = Channel.CreateBounded<List<RescoredAssessment>>(PagesAhead);

        var reading = Stage(e => read.Writer.TryComplete(e), stop, async token =>
        {
            Guid? after = null;
            while (await InTurnAsync(turns, () => pages.NextAsync(after, token), token) is { Count: > 0 } page)
            {
                await read.Writer.WriteAsync(page, token);
                after = page[^1].Id;
            }
        });
        var scoring = Stage(e => scored.Writer.TryComplete(e), stop, async token =>
        {
            await foreach (var page in read.Reader.ReadAllAsync(token))
                await scored.Writer.WriteAsync(Score(page, rescoring, tally, token), token);
        });
        var writing = writers.Select(writer => Stage(_ => { }, stop, async token =>
        {
            await foreach (var changes in scored.Reader.ReadAllAsync(token))
            {
                var written = await InTurnAsync(turns, () => writer.WriteAsync(changes, token), token);
                Interlocked.Add(ref tally.Changed, written);
                Interlocked.Add(ref tally.RevisedMeanwhile, changes.Count - written);
            }
        })).ToList();

        Task[] stages = [reading, scoring, .. writing];
        try
        {
            await Task.WhenAll(stages);
        }
        catch
        {
            // The stage that failed first says why; the others only stopped because of it.
            var cause = stages.FirstOrDefault(t => t.IsFaulted && t.Exception!.InnerException is not OperationCanceledException);
            if (cause is not null) ExceptionDispatchInfo.Capture(cause.Exception!.InnerException!).Throw();
            throw;
        }
    }

    /// <summary>Runs one stage; when it ends its output is complete, and when it fails the other stages are stopped.</summary>
    private static async Task Stage(Action<Exception?> complete, CancellationTokenSource stop, Func<CancellationToken, Task> work)
    {
        try
        {
            await work(stop.Token);
            complete(null);
        }
        catch (Exception ex)
        {
            complete(ex);
            await stop.CancelAsync();
            throw;
        }
    }

    private static async Task<T> InTurnAsync<T>(SemaphoreSlim? turns, Func<Task<T>> work, CancellationToken ct)
    {
        if (turns is null) return await work();
        await turns.WaitAsync(ct);
        try { return await work(); }
        finally { turns.Release(); }
    }

    /// <summary>Scores a page on every core and returns the assessments whose stored result differs.</summary>
    private static List<RescoredAssessment> Score(List<StoredAssessmentRow> page, SheetRescoring rescoring, Tally tally, CancellationToken ct)
    {
        var outcomes = new RescoreOutcome[page.Count];
        Parallel.For(0, page.Count, new ParallelOptions { CancellationToken = ct }, i => outcomes[i] = rescoring.Rescore(page[i]));

        var changes = new List<RescoredAssessment>();
        for (var i = 0; i < page.Count; i++)
        {
            if (outcomes[i].Change is { } change)
            {
                changes.Add(change);
                tally.PreviousVersions.Add(page[i].InstrumentVersion);
            }
            else if (outcomes[i].Failure is { } reason)
            {
                if (tally.Failed++ < FailuresListed) tally.FirstFailures.Add(new RescoreFailure(page[i].Id, reason));
            }
            else tally.Unchanged++;
        }
        tally.Scanned += page.Count;
        return changes;
    }

    private async Task RecordAsync(RescoreReport r, Tally tally, Actor actor, DateTime now, string interruption, CancellationToken ct)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            ProgrammeId = r.ProgrammeId ?? "",
            EntityType = nameof(Assessment),
            EntityId = r.InstrumentId,
            Action = AuditAction.Rescored,
            ActorId = actor.UserId,
            ActorName = actor.Name,
            Source = $"评测工具 {r.InstrumentId} 版本 {r.InstrumentVersion}{(r.ProgrammeId is null ? "（全部试点）" : $"（试点 {r.ProgrammeId}）")}："
                     + $"扫描{r.Scanned}条，结果有变化{r.Changed}条，无变化{r.Unchanged}条，无法评分{r.Failed}条，期间被修改而跳过{r.RevisedMeanwhile}条，"
                     + $"已被评测报告引用而不重新评分{r.Locked}条{interruption}",
            Changes = r.Changed == 0 ? [] : [new FieldChange(nameof(Assessment.InstrumentVersion), string.Join("、", tally.PreviousVersions), r.InstrumentVersion)],
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Counts of one run. The scoring stage alone writes most fields; the writers add to <see cref="Changed"/> and
    /// <see cref="RevisedMeanwhile"/> atomically. All are read after every stage has finished.</summary>
    private sealed class Tally
    {
        public int Scanned, Changed, Unchanged, Failed, RevisedMeanwhile, Locked;
        public readonly List<RescoreFailure> FirstFailures = [];
        public readonly SortedSet<string> PreviousVersions = new(StringComparer.Ordinal);

        public RescoreReport Report(Instrument i, string? programmeId, TimeSpan elapsed) =>
            new(i.Id, i.Name, i.Version, programmeId, Scanned, Changed, Unchanged, Failed, RevisedMeanwhile, Locked, FirstFailures, elapsed);
    }
}
