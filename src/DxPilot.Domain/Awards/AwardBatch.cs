using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Awards;

/// <summary>
/// 批次 ("动态申报、成熟一批、发布一批"): the city opens a batch of a call, enterprises apply in the open one, the city closes it
/// to review and recognise; an application not recognised may apply again in a later batch. One batch of a call is open at a time.
/// </summary>
public sealed class AwardBatch : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<AwardBatch>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public string CallId { get; private set; } = "";
    /// <summary>第N批, counted per call.</summary>
    [NotAudited] public int Number { get; private set; }
    public string Name { get; private set; } = "";
    public DateTime OpenedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    [NotAudited] public int Version { get; private set; }

    private AwardBatch() { }

    public bool IsOpen => ClosedAt is null;

    public static AwardBatch Open(AwardCall call, int number, string? name, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = call.ProgrammeId, CallId = call.Id, Number = number,
        Name = string.IsNullOrWhiteSpace(name) ? $"第{number}批" : name.Trim(), OpenedAt = now,
    };

    /// <summary>Why this application may not be submitted into the batch: a closed batch (截止) takes no new application, since
    /// enterprises apply in the open one; one submitted before and returned for revision goes back into its own batch.</summary>
    public string? SubmissionRefusal(AwardApplication application) =>
        !IsOpen && application.Revision == 0 ? $"{Name}已截止，不能再提交新的申报；请在下一批开放后申报" : null;

    /// <summary>
    /// 发布一批 (seed 004 三（三）"动态申报、成熟一批、发布一批，逐批认定"): a batch's 认定名单 is published once the batch is closed and
    /// it is mature, none of its applications still awaiting a decision (<see cref="AwardReapplication.Undecided"/>); null once
    /// published, else why not yet. A published list stays so: a decision is final, and a closed batch takes no new submission.
    /// Of the undecided, those returned for revision (<paramref name="returned"/>) wait for their applicant: the city ends them for
    /// this batch with 本批不予认定 (<see cref="AwardTrigger.Lapse"/>), and the message says so.
    /// </summary>
    public string? PublicationRefusal(int undecided, int returned = 0) =>
        IsOpen ? $"{Name}尚未截止，认定名单在批次截止后发布"
        : undecided > 0 ? $"{Name}尚有{undecided}项申报未作出认定结论，认定名单在本批申报全部作出结论后发布"
            + (returned > 0 ? $"（其中{returned}项已退回修改、企业尚未重新提交，市级主管部门可在申报页作“本批不予认定”）" : "")
        : null;

    public void Close(DateTime now)
    {
        if (!IsOpen) throw new InvalidOperationException("该批次已截止");
        ClosedAt = now;
        Version++;
    }
}

/// <summary>One submitted version of an application, frozen at its submission: what the county and the reviewers read.</summary>
public sealed class AwardRevision
{
    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    public int Revision { get; private set; }
    public string Directions { get; private set; } = "";
    public AwardContent Content { get; private set; } = new();
    public DateTime SubmittedAt { get; private set; }
    public string SubmittedBy { get; private set; } = "";
    /// <summary>The scans and pictures the application had when submitted (their bytes stay in the blob store, which never
    /// deletes); null for a submission from before files were frozen (migration 0035), whose files were not recorded.</summary>
    public List<FrozenAwardFile>? Files { get; private set; }

    private AwardRevision() { }

    public static AwardRevision Freeze(AwardApplication a, IEnumerable<AwardFile> files, string by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ApplicationId = a.Id, Revision = a.Revision, Directions = a.Directions, Content = a.Content,
        SubmittedAt = now, SubmittedBy = by,
        Files = files.OrderBy(f => f.Kind).ThenBy(f => f.Direction).ThenBy(f => f.Scenario).ThenBy(f => f.UploadedAt)
            .Select(f => new FrozenAwardFile(f.Kind, f.Direction, f.Scenario, f.File.Name, f.File.ContentType, f.File.Size, f.File.Sha256,
                f.Width, f.Height, f.UploadedAt)).ToList(),
    };
}

/// <summary>One file as a submission had it: its slot, and the reference to its bytes.</summary>
public sealed record FrozenAwardFile(AwardFileKind Kind, string? Direction, int? Scenario, string Name, string ContentType, long Size,
    string Sha256, int? Width, int? Height, DateTime UploadedAt)
{
    public Files.FileRef Ref => new(Sha256, Size, ContentType, Name);
    public string SlotLabel => AwardFile.SlotLabel(Kind, Scenario);
}
