using DxPilot.Domain.Reviews;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Filings;

/// <summary>改造项目备案的状态; their labels and who moves a filing between them are the programme's (filing.workflow).</summary>
public enum FilingStatus
{
    /// <summary>草稿: the enterprise (with its provider) fills the form.</summary>
    Draft = 1,
    /// <summary>区县初审 (Hangzhou: 区、县（市）经信部门会同同级财政部门).</summary>
    DistrictReview = 2,
    /// <summary>市级审核 (Hangzhou: 市经信局组织专家试点符合性审核).</summary>
    CityReview = 3,
    /// <summary>退回修改: with the enterprise, with the reviewer's reasons; it revises and submits again.</summary>
    Returned = 4,
    /// <summary>已备案: 列入试点改造计划，下达试点改造任务.</summary>
    Filed = 5,
    /// <summary>不予备案.</summary>
    Rejected = 6,
}

public enum FilingTrigger
{
    /// <summary>提交备案 (again after a return)</summary>
    Submit = 1,
    /// <summary>初审通过，报送市级</summary>
    Pass = 2,
    /// <summary>退回修改, with reasons</summary>
    Return = 3,
    /// <summary>备案确认</summary>
    Confirm = 4,
    /// <summary>不予备案, with reasons</summary>
    Reject = 5,
}

/// <summary>What the filing's guards look at: the filing, what is wrong with it now (form and eligibility), and its expert reviews.</summary>
public sealed record FilingCase(Filing Filing, IReadOnlyList<string> Problems, ExpertTally Experts);

/// <summary>The 改造项目备案 process: its vocabulary and guards. Its chain is in the programme's file, under filing.workflow.</summary>
public static class FilingWorkflow
{
    /// <summary>On submission every field the form requires is filled and every eligibility rule holds; the reason lists each.</summary>
    public static readonly Guard<FilingCase> Eligible = new("eligible", c =>
        c.Subject.Problems.Count > 0 ? $"不能{c.Action}：{string.Join("；", c.Subject.Problems)}" : null);

    /// <summary>The reviewer's opinion (区县意见, 审核意见) is what the next step reads.</summary>
    public static readonly Guard<FilingCase> OpinionRequired = new("opinionRequired", c =>
        string.IsNullOrWhiteSpace(c.Reason) ? $"{c.Action}须填写审核意见" : null);

    /// <summary>The city decides on the experts' reviews: the required number handed in, none still outstanding.</summary>
    public static readonly Guard<FilingCase> ExpertReviews = new("expertReviews", c => c.Subject.Experts.Missing(c.Action));

    public static readonly WorkflowProcess<FilingStatus, FilingTrigger, FilingCase> Process =
        new("改造项目备案", nameof(Filing), Eligible, OpinionRequired, ExpertReviews, Guard<FilingCase>.ReasonRequired);

    /// <summary>States in which the enterprise (and its provider) may change the form.</summary>
    public static bool Editable(FilingStatus s) => s is FilingStatus.Draft or FilingStatus.Returned;

    /// <summary>States a filing counts as the enterprise's open project in (one at a time unless the programme allows more): a filed
    /// project is being carried out, so only a rejected one frees the enterprise to file another.</summary>
    public static bool Open(FilingStatus s) => s is not FilingStatus.Rejected;

    /// <summary>States in which a bureau reviews it (the queues).</summary>
    public static bool UnderReview(FilingStatus s) => s is FilingStatus.DistrictReview or FilingStatus.CityReview;
}
