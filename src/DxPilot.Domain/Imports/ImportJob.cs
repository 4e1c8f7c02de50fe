using DxPilot.Domain.Accounts;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Imports;

public enum ImportStatus { Queued = 0, Running = 1, Completed = 2, Failed = 3 }

/// <summary>
/// An enterprise-list import: kept so that progress and the row report survive a reload and any app copy can show them.
/// Its states move through <see cref="ImportJobWorkflow"/>, taken by the system worker; the copy running it holds a lease
/// (<see cref="LeaseOwner"/> until <see cref="LeaseUntil"/>) that it renews while it works.
/// </summary>
public sealed class ImportJob
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string ProgrammeId { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    public ImportStatus Status { get; private set; }
    public int TotalRows { get; private set; }
    public int ProcessedRows { get; private set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    /// <summary>Each refused row with its number and reason.</summary>
    public List<RowProblem> Problems { get; private set; } = [];
    /// <summary>A problem with the file as a whole (not a spreadsheet, columns missing).</summary>
    public string? FileError { get; private set; }
    /// <summary>The uploaded bytes, held until processed, then cleared.</summary>
    public byte[]? Content { get; private set; }
    /// <summary>The app copy running the job; another copy takes it over only once <see cref="LeaseUntil"/> has passed.</summary>
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseUntil { get; private set; }

    private ImportJob() { }

    /// <summary>排队中: a new job for the uploader's file. A copy that runs it at once holds its lease from the start.</summary>
    public static ImportJob Queue(Actor uploader, string fileName, byte[] content, DateTime now, string? leaseOwner = null, DateTime? leaseUntil = null) => new()
    {
        ProgrammeId = uploader.ProgrammeId, FileName = fileName, ActorId = uploader.UserId, ActorName = uploader.Name,
        CreatedAt = now, Status = ImportStatus.Queued, Content = content, LeaseOwner = leaseOwner, LeaseUntil = leaseUntil,
    };

    /// <summary>运行中 under the lease of <paramref name="leaseOwner"/>: from the queue, or resumed when the copy that ran it let its
    /// lease run out (the import is idempotent, so it starts over).</summary>
    public StateTransition Start(Actor worker, string leaseOwner, DateTime now, DateTime leaseUntil)
    {
        var resumed = Status == ImportStatus.Running;
        var record = Take(resumed ? ImportTrigger.Resume : ImportTrigger.Start, worker, resumed ? "原执行程序的租约已过期（程序已停止或失去数据库连接），从头重新导入" : null, now);
        Problems = [];
        TotalRows = ProcessedRows = Created = Updated = Unchanged = 0;
        LeaseOwner = leaseOwner;
        LeaseUntil = leaseUntil;
        return record;
    }

    /// <summary>The sheet has been read: how many rows, and what was noticed about its header.</summary>
    public void Measure(int totalRows, IEnumerable<RowProblem> headerProblems)
    {
        TotalRows = totalRows;
        Problems = headerProblems.ToList();
    }

    /// <summary>A batch is saved: the counters so far, and the lease renewed for the next.</summary>
    public void Progress(int processed, int created, int updated, int unchanged, IEnumerable<RowProblem> problems, DateTime leaseUntil)
    {
        ProcessedRows = processed;
        Created = created;
        Updated = updated;
        Unchanged = unchanged;
        Problems = problems.ToList();
        LeaseUntil = leaseUntil;
    }

    /// <summary>已完成</summary>
    public StateTransition Complete(Actor worker, DateTime now) => Finish(ImportTrigger.Complete, worker, null, now);

    /// <summary>失败, with the reason the uploader reads.</summary>
    public StateTransition Fail(Actor worker, string reason, DateTime now)
    {
        FileError = reason;
        return Finish(ImportTrigger.Fail, worker, reason, now);
    }

    private StateTransition Finish(ImportTrigger trigger, Actor worker, string? reason, DateTime now)
    {
        var record = Take(trigger, worker, reason, now);
        Content = null;
        FinishedAt = now;
        LeaseUntil = null;
        return record;
    }

    private StateTransition Take(ImportTrigger trigger, Actor worker, string? reason, DateTime now)
    {
        var result = ImportJobWorkflow.Chain.Take(Status, trigger, this, worker, reason, ProgrammeId, Id.ToString(), now);
        Status = result.To;
        return result.OrThrow();
    }
}

public sealed record RowProblem(int Row, string Reason);
