using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Enterprises;

public enum BureauFieldChangeStatus { Pending = 0, Confirmed = 1, Rejected = 2 }

public enum BureauFieldChangeTrigger { Confirm = 1, Reject = 2 }

/// <summary>One field a proposal would change: its label, its value on the file now and the value proposed.</summary>
public sealed record ProposedFieldChange(string Field, string Now, string Proposed);

/// <summary>
/// 企业信息变更申请: an enterprise proposes new values for the fields a bureau vouches for (name, USCC, 企业类别, 规上/规下,
/// 试点细分行业), with its reason; a bureau in scope confirms it (only then does the file change) or returns it with a reason.
/// </summary>
public sealed class BureauFieldChange : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<BureauFieldChange>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    public Guid EnterpriseId { get; private set; }
    public string Name { get; private set; } = "";
    public string? Uscc { get; private set; }
    public QualityTier QualityTier { get; private set; }
    public bool? AboveScale { get; private set; }
    public string IndustryKey { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string ProposedById { get; private set; } = "";
    public string ProposedByName { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }
    public BureauFieldChangeStatus Status { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    [NotAudited] public int Version { get; private set; }

    private BureauFieldChange() { }

    public static BureauFieldChange Propose(Enterprise e, EnterpriseDetails proposed, string reason, Actor enterprise, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = e.ProgrammeId, EnterpriseId = e.Id,
        Name = proposed.Name, Uscc = proposed.Uscc, QualityTier = proposed.QualityTier, AboveScale = proposed.AboveScale,
        IndustryKey = proposed.IndustryKey, Reason = reason.Trim(), ProposedById = enterprise.UserId, ProposedByName = enterprise.Name,
        ProposedAt = now, Status = BureauFieldChangeStatus.Pending, Version = 1,
    };

    /// <summary>True when the proposal would change nothing on the file as it is now.</summary>
    public static bool ChangesNothing(Enterprise e, EnterpriseDetails proposed) =>
        e.Name == proposed.Name && e.Uscc == proposed.Uscc && e.QualityTier == proposed.QualityTier
        && e.AboveScale == proposed.AboveScale && e.IndustryKey == proposed.IndustryKey;

    /// <summary>What the proposal would change on the file as it is now, field by field: its label, its value now and the one
    /// proposed (the list of pending proposals shows a bureau what it is asked to confirm).</summary>
    public IEnumerable<ProposedFieldChange> Against(Enterprise e)
    {
        static string Scale(bool? above) => above is null ? "未填写" : above.Value ? "规上" : "规下";
        if (e.Name != Name) yield return new("企业名称", e.Name, Name);
        if (e.Uscc != Uscc) yield return new("统一社会信用代码", e.Uscc ?? EnterpriseValidator.Pending, Uscc ?? EnterpriseValidator.Pending);
        if (e.QualityTier != QualityTier) yield return new("企业类别", e.QualityTier.Label(), QualityTier.Label());
        if (e.AboveScale != AboveScale) yield return new("规上/规下", Scale(e.AboveScale), Scale(AboveScale));
        if (e.IndustryKey != IndustryKey) yield return new("试点细分行业", e.IndustryKey, IndustryKey);
    }

    /// <summary>A bureau decides; a confirmation changes the file in the same step. Refused by the chain (who, state, reason).</summary>
    public TransitionResult<BureauFieldChangeStatus> Decide(BureauFieldChangeTrigger trigger, Enterprise enterprise, Actor bureau, string? reason, DateTime now)
    {
        var result = BureauFieldChangeWorkflow.Chain.Take(Status, trigger, this, bureau, reason, ProgrammeId, Id.ToString(), now);
        if (!result.Taken) return result;
        Status = result.To;
        DecidedByName = bureau.Name;
        DecidedAt = now;
        DecisionReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Version++;
        if (Status == BureauFieldChangeStatus.Confirmed) enterprise.TakeBureauFields(this, bureau, now);
        return result;
    }
}

/// <summary>The proposal's small chain, declared in code (no programme changes it): 待确认 → 已确认 / 已退回.</summary>
public static class BureauFieldChangeWorkflow
{
    public static readonly WorkflowProcess<BureauFieldChangeStatus, BureauFieldChangeTrigger, BureauFieldChange> Process =
        new("企业信息变更", nameof(BureauFieldChange), Guard<BureauFieldChange>.ReasonRequired);

    public static readonly WorkflowChain Declaration = new()
    {
        States =
        [
            new("pending", "待主管部门确认"),
            new("confirmed", "已确认"),
            new("rejected", "已退回"),
        ],
        Transitions =
        [
            new("confirm", ["pending"], "confirmed", ["cityBureau", "districtBureau"], "确认变更"),
            new("reject", ["pending"], "rejected", ["cityBureau", "districtBureau"], "退回申请", ["reasonRequired"]),
        ],
    };

    public static readonly Workflow<BureauFieldChangeStatus, BureauFieldChangeTrigger, BureauFieldChange> Chain = Process.Compile(Declaration);
}
