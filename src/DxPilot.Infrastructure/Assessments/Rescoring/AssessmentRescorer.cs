using System.Diagnostics;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DxPilot.Infrastructure.Assessments.Rescoring;

/// <summary>重新评分 re-scores every stored assessment of one instrument (optionally one programme) under the instrument
/// version loaded now, so that a corrected instrument file reaches results already on file. Each result keeps the version it
/// was computed under; an assessment whose answers no longer fit (a question renamed, an option removed) is left as it is and
/// reported. One audit entry records the run, not one per assessment.</summary>
/// <remarks>A bulk path beside <see cref="Assessment.ApplyResult"/>, writing the same fields: a million rows through the change
/// tracker would take many minutes. Pages are read in id order, scored in parallel and written back in one batch per page;
/// on PostgreSQL the next page is read on a second connection while the current one is scored and written.</remarks>
public sealed class AssessmentRescorer(DxPilotDbContext db, InstrumentCatalog instruments, TimeProvider clock)
{
    public const int PageSize = 5000;
    public const int FailuresListed = 20;

    public async Task<RescoreReport> RescoreAsync(string instrumentId, string? programmeId, Actor actor, CancellationToken ct = default)
    {
        var scorer = instruments.ScorerFor(instrumentId)
                     ?? throw new ArgumentException($"未知的评测工具“{instrumentId}”，可选：{string.Join("、", instruments.All.Select(i => i.Id))}", nameof(instrumentId));
        var instrument = scorer.Instrument;
        var clockStart = Stopwatch.StartNew();
        var now = clock.GetUtcNow().UtcDateTime;
        var rescoring = new SheetRescoring(scorer, db.Model);
        var tally = new Tally();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = db.Database.GetDbConnection();
            await using var readConnection = db.IsPostgres ? new NpgsqlConnection(db.Database.GetConnectionString()) : null;
            if (readConnection is not null) await readConnection.OpenAsync(ct);
            var pages = new AssessmentPages(readConnection ?? connection, instrument.Id, instrument.Version, programmeId, PageSize);
            await using var writer = RescoreWriter.For(connection, instrument.Version, now);

            var page = await pages.NextAsync(null, ct);
            while (page.Count > 0)
            {
                var after = page[^1].Id;
                if (readConnection is null)
                {
                    await RescorePageAsync(page, rescoring, writer, tally, ct);
                    page = await pages.NextAsync(after, ct);
                }
                else
                {
                    var next = pages.NextAsync(after, ct);
                    await Task.WhenAll(next, RescorePageAsync(page, rescoring, writer, tally, ct));
                    page = await next;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var report = new RescoreReport(instrument.Id, instrument.Name, instrument.Version, programmeId, tally.Scanned, tally.Changed,
            tally.Unchanged, tally.Failed, tally.RevisedMeanwhile, tally.FirstFailures, clockStart.Elapsed);
        db.AuditEntries.Add(AuditOf(report, tally.PreviousVersions, actor, now));
        await db.SaveChangesAsync(ct);
        return report;
    }

    private static async Task RescorePageAsync(List<StoredAssessmentRow> page, SheetRescoring rescoring, IRescoreWriter writer, Tally tally, CancellationToken ct)
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
        var written = await writer.WriteAsync(changes, ct);
        tally.Scanned += page.Count;
        tally.Changed += written;
        tally.RevisedMeanwhile += changes.Count - written;
    }

    private static AuditEntry AuditOf(RescoreReport r, IEnumerable<string> previousVersions, Actor actor, DateTime now) => new()
    {
        At = now,
        ProgrammeId = r.ProgrammeId ?? "",
        EntityType = nameof(Assessment),
        EntityId = r.InstrumentId,
        Action = "重新评分",
        ActorId = actor.UserId,
        ActorName = actor.Name,
        Source = $"评测工具 {r.InstrumentId} 版本 {r.InstrumentVersion}{(r.ProgrammeId is null ? "（全部试点）" : $"（试点 {r.ProgrammeId}）")}："
                 + $"扫描{r.Scanned}条，结果有变化{r.Changed}条，无变化{r.Unchanged}条，无法评分{r.Failed}条，期间被修改而跳过{r.RevisedMeanwhile}条",
        Changes = r.Changed == 0 ? [] : [new FieldChange(nameof(Assessment.InstrumentVersion), string.Join("、", previousVersions), r.InstrumentVersion)],
    };

    /// <summary>Counts of one run. Updated only between pages (never from the parallel scoring), so no locking.</summary>
    private sealed class Tally
    {
        public int Scanned, Changed, Unchanged, Failed, RevisedMeanwhile;
        public readonly List<RescoreFailure> FirstFailures = [];
        public readonly SortedSet<string> PreviousVersions = new(StringComparer.Ordinal);
    }
}
