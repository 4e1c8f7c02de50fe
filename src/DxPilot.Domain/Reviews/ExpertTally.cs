namespace DxPilot.Domain.Reviews;

/// <summary>The current round's expert reviews: how many the process requires, were assigned, and were handed in.</summary>
public sealed record ExpertTally(int Required, int Assigned, int Done)
{
    public static readonly ExpertTally None = new(0, 0, 0);

    /// <summary>What stops the decision named <paramref name="action"/>: too few experts assigned, or some not handed in yet; null
    /// when the required number handed in and none is outstanding (filing's 备案确认, the award's 认定 and 不予认定).</summary>
    public string? Missing(string action) =>
        Assigned < Required ? $"不能{action}：须先指派至少{Required}名专家评审（已指派{Assigned}名）"
        : Done < Assigned ? $"不能{action}：还有{Assigned - Done}名专家未提交评审意见"
        : null;
}
