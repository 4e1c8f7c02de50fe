using DxPilot.Domain.Reviews;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Awards;

/// <summary>奖补申报状态; labels and who moves an application are the call's (<see cref="AwardCall.Workflow"/>).</summary>
public enum AwardStatus
{
    /// <summary>草稿: keeps anything.</summary>
    Draft = 1,
    /// <summary>待县区审核: submitted with every limit met.</summary>
    Submitted = 2,
    /// <summary>县区已推荐 (with its on-site check note): waits for the city's batch.</summary>
    Recommended = 3,
    /// <summary>评审中: in an open review batch, with the third party's experts.</summary>
    UnderReview = 4,
    /// <summary>退回修改: the applicant revises (a new version) and submits again.</summary>
    Returned = 5,
    /// <summary>县区不予推荐</summary>
    NotRecommended = 6,
    /// <summary>已认定</summary>
    Recognised = 7,
    /// <summary>未通过认定: may apply again in a later batch (动态申报、成熟一批、发布一批).</summary>
    NotRecognised = 8,
}

/// <summary>The operations on an award application.</summary>
public enum AwardTrigger
{
    Submit = 1,
    Recommend = 2,
    NotRecommend = 3,
    Return = 4,
    StartReview = 5,
    Recognise = 6,
    NotRecognise = 7,
    /// <summary>本批不予认定 of a returned application its applicant has not submitted again by the time the batch closed.</summary>
    Lapse = 8,
}

/// <summary>What the guards see: whatever stops submission (limits, directions, eligibility, the 链式 confirmations), named,
/// and the county's on-site check note; for the city's decision, the current round's expert reviews, the directions applied for
/// and those the city recognises (null: all).</summary>
public sealed record AwardCase(IReadOnlyList<string> SubmissionProblems, string? SiteCheckNote)
{
    public ExpertTally Reviews { get; init; } = ExpertTally.None;
    public IReadOnlyList<AwardDirection> Applied { get; init; } = [];
    public IReadOnlyList<string>? Recognised { get; init; }
    /// <summary>Whether the application's batch still takes submissions.</summary>
    public bool BatchOpen { get; init; }
}

/// <summary>The award process: vocabulary, guards and the moves any call's chain may declare.</summary>
public static class AwardWorkflow
{
    /// <summary>Submission is refused naming every broken limit and unmet condition (a draft keeps anything).</summary>
    public static readonly Guard<AwardCase> Complete = new("complete", c =>
        c.Subject.SubmissionProblems.Count == 0
            ? null
            : $"以下{c.Subject.SubmissionProblems.Count}项不符合要求，不能提交：{string.Join("；", c.Subject.SubmissionProblems)}");

    /// <summary>Seed 004: the county checks on site (现场核查) before it recommends.</summary>
    public static readonly Guard<AwardCase> SiteChecked = new("siteChecked", c =>
        string.IsNullOrWhiteSpace(c.Subject.SiteCheckNote) ? "推荐前须填写现场核查情况" : null);

    /// <summary>认定 and 不予认定 rest on the third party's review: the call's number of expert reviews handed in, none outstanding.</summary>
    public static readonly Guard<AwardCase> Reviewed = new("reviewed", c => c.Subject.Reviews.Missing(c.Action));

    /// <summary>A returned application left unrevised keeps its batch's 认定名单 from being published (发布一批 waits for every
    /// decision); once the batch has closed the city may end it for this batch, and the enterprise applies again in a later one.
    /// Until then the enterprise still has time to revise.</summary>
    public static readonly Guard<AwardCase> BatchClosed = new("batchClosed", c =>
        c.Subject.BatchOpen ? $"本批次尚未截止，企业仍可修改后重新提交；批次截止后方可{c.Action}" : null);

    /// <summary>认定 per direction: at least one of the directions applied for; the ones left out are recorded as not recognised,
    /// with the reason.</summary>
    public static readonly Guard<AwardCase> DirectionsRecognised = new("directionsRecognised", c =>
    {
        if (c.Subject.Recognised is not { } recognised) return null;
        if (recognised.Count == 0) return $"{c.Action}须至少选择一个申报方向";
        if (recognised.FirstOrDefault(k => c.Subject.Applied.All(d => d.Key != k)) is { } unknown) return $"该申报没有申报方向“{unknown}”";
        var left = c.Subject.Applied.Where(d => !recognised.Contains(d.Key)).Select(d => $"“{d.Label}”").ToList();
        return left.Count > 0 && string.IsNullOrWhiteSpace(c.Reason) ? $"未认定{string.Join("、", left)}，须填写理由" : null;
    });

    public static readonly WorkflowProcess<AwardStatus, AwardTrigger, AwardCase> Process =
        new("奖补申报", "AwardApplication", Complete, SiteChecked, Reviewed, BatchClosed, DirectionsRecognised, Guard<AwardCase>.ReasonRequired)
        {
            Moves = new HashSet<(AwardStatus, AwardStatus)>
            {
                (AwardStatus.Draft, AwardStatus.Submitted), (AwardStatus.Returned, AwardStatus.Submitted),
                (AwardStatus.Submitted, AwardStatus.Recommended), (AwardStatus.Submitted, AwardStatus.NotRecommended),
                (AwardStatus.Submitted, AwardStatus.Returned), (AwardStatus.Recommended, AwardStatus.Returned),
                (AwardStatus.UnderReview, AwardStatus.Returned), (AwardStatus.Recommended, AwardStatus.UnderReview),
                (AwardStatus.UnderReview, AwardStatus.Recognised), (AwardStatus.UnderReview, AwardStatus.NotRecognised),
                (AwardStatus.Returned, AwardStatus.NotRecognised),
            },
        };
}
