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
    /// <summary>A problem with the file as a whole (not a spreadsheet, columns missing).</summary>
    public string? FileError { get; private set; }
    /// <summary>The uploaded bytes, held until processed, then cleared.</summary>
    public byte[]? Content { get; private set; }
    /// <summary>The app copy running the job; another copy takes it over only once <see cref="LeaseUntil"/> has passed.</summary>
    public string? LeaseOwner { get; private set; }
    public DateTime? LeaseUntil { get; private set; }
    /// <summary>Rows not imported; each one's number and reason is an <see cref="ImportProblem"/>.</summary>
    public int Refused { get; private set; }
    /// <summary>How many times a worker has started the job; a job that keeps killing its runner stops at <see cref="MaxAttempts"/>.</summary>
    public int Attempts { get; private set; }

    /// <summary>A job started this often without finishing (its runner died each time) is failed rather than started again.</summary>
    public const int MaxAttempts = 3;

    public bool AttemptsExhausted => Attempts >= MaxAttempts;

    private ImportJob() { }

    /// <summary>排队中: a new job for the uploader's file. A copy that runs it at once holds its lease from the start.</summary>
    public static ImportJob Queue(Actor uploader, string fileName, byte[] content, DateTime now, string? leaseOwner = null, DateTime? leaseUntil = null) => new()
    {
        ProgrammeId = uploader.ProgrammeId, FileName = fileName, ActorId = uploader.UserId, ActorName = uploader.Name,
        CreatedAt = now, Status = ImportStatus.Queued, Content = content, LeaseOwner = leaseOwner, LeaseUntil = leaseUntil,
    };

    /// <summary>运行中 under the lease of <paramref name="leaseOwner"/>: from the queue, or resumed when the copy that ran it let its
    /// lease run out (the import is idempotent, so it starts over; the caller clears the problems stored by the earlier run).
    /// Refused once <see cref="AttemptsExhausted"/>: the caller fails the job instead.</summary>
    public StateTransition Start(Actor worker, string leaseOwner, DateTime now, DateTime leaseUntil)
    {
        if (AttemptsExhausted) throw new InvalidOperationException("导入已达最多尝试次数");
        var resumed = Status == ImportStatus.Running;
        var record = Take(resumed ? ImportTrigger.Resume : ImportTrigger.Start, worker,
            resumed ? $"原执行程序的租约已过期（程序已停止或失去数据库连接），从头重新导入（第{Attempts + 1}次）" : null, now);
        Attempts++;
        TotalRows = ProcessedRows = Created = Updated = Unchanged = Refused = 0;
        LeaseOwner = leaseOwner;
        LeaseUntil = leaseUntil;
        return record;
    }

    /// <summary>The sheet has been read: how many data rows it has.</summary>
    public void Measure(int totalRows) => TotalRows = totalRows;

    /// <summary>A batch is saved (its problems appended as rows of their own): the counters so far, and the lease renewed for the next.</summary>
    public void Progress(int processed, int created, int updated, int unchanged, int refused, DateTime leaseUntil)
    {
        ProcessedRows = processed;
        Created = created;
        Updated = updated;
        Unchanged = unchanged;
        Refused = refused;
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

/// <summary>A row of the sheet that was not imported (or a note about the header row), with the reason the uploader reads.</summary>
public sealed record RowProblem(int Row, string Reason);

/// <summary>One stored problem of a job: appended batch by batch, so a long sheet never rewrites the list it has so far.</summary>
public sealed class ImportProblem
{
    public long Id { get; private set; }
    public Guid JobId { get; private set; }
    public int Row { get; private set; }
    public string Reason { get; private set; } = "";

    private ImportProblem() { }

    public ImportProblem(Guid jobId, RowProblem problem) => (JobId, Row, Reason) = (jobId, problem.Row, problem.Reason);

    public RowProblem ToRowProblem() => new(Row, Reason);
}
