using DxPilot.Domain.Reviews;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Filings;

/// <summary>
/// A programme's filing as its file declares it under "filing" (Hangzhou: 杭经信联产数〔2024〕20号 and its 附件1/2/5; Changchun:
/// seed 002 三（二） and 附件4): the form, the eligibility parameters, the experts' review form and the review chain.
/// </summary>
public sealed class FilingRules
{
    /// <summary>The document the rules come from, as users name it.</summary>
    public required string Source { get; init; }
    public required FilingForm Form { get; init; }
    /// <summary>行政区划码 prefixes of the programme's city (Hangzhou 3301): a USCC's registering authority must be under one.</summary>
    public IReadOnlyList<string> RegionCodes { get; init; } = [];
    /// <summary>Whether a chain-linked SME of a pilot-industry enterprise may file (seed 003 一).</summary>
    public bool ChainLinked { get; init; }
    /// <summary>Open filings an enterprise may hold at once.</summary>
    public int OpenFilingsPerEnterprise { get; init; } = 1;
    /// <summary>Whether a submission carries its 服务合同 with both parties' stamps: Hangzhou's 备案材料 are 附件1 and 附件2 with a
    /// 盖章扫描件 (seed 003 二 1); Changchun's form asks 是否签合同 per provider (seed 002 附件4), so an unsigned one may be filed.</summary>
    public bool SignedContractRequired { get; init; }
    /// <summary>Expert reviews the city needs before it decides (0 where the city decides alone).</summary>
    public int ExpertsRequired { get; init; }
    /// <summary>The experts' review form (seed 003 二 3 试点符合性审核); null where no experts review.</summary>
    public ReviewForm? ReviewForm { get; init; }
    /// <summary>Whether the programme's summary sheet is Hangzhou's 附件5 (备案汇总表).</summary>
    public string? SummarySheet { get; init; }
    public required WorkflowChain Workflow { get; init; }

    private Workflow<FilingStatus, FilingTrigger, FilingCase>? _chain;

    public Workflow<FilingStatus, FilingTrigger, FilingCase> Chain => _chain ??= FilingWorkflow.Process.Compile(Workflow);

    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Source)) yield return ("source", "不能为空");
        foreach (var (path, reason) in Form.Problems()) yield return ($"form.{path}", reason);
        for (var i = 0; i < RegionCodes.Count; i++)
            if (RegionCodes[i] is not { Length: >= 2 and <= 6 } r || !r.All(char.IsAsciiDigit)) yield return ($"regionCodes[{i}]", "应为2到6位行政区划代码");
        if (OpenFilingsPerEnterprise < 1) yield return ("openFilingsPerEnterprise", "应为正整数");
        if (ExpertsRequired < 0) yield return ("expertsRequired", "不能为负数");
        if (ExpertsRequired > 0 && ReviewForm is null) yield return ("reviewForm", "需要专家评审时须声明评审表");
        if (ReviewForm is not null)
            foreach (var (path, reason) in ReviewForm.Problems()) yield return ($"reviewForm.{path}", reason);
        if (SummarySheet is not (null or "hangzhou-annex5")) yield return ("summarySheet", "目前只支持 hangzhou-annex5（杭州附件5备案汇总表）");
        foreach (var (path, reason) in FilingWorkflow.Process.Problems(Workflow)) yield return ($"workflow.{path}", reason);
    }
}

/// <summary>The experts' review form: scored items and the recommendation (通过/修改后通过/不通过).</summary>
public sealed class ReviewForm
{
    public required string Title { get; init; }
    public required IReadOnlyList<ReviewItem> Items { get; init; }
    /// <summary>Where the form comes from or, where the seeds give none, what it follows.</summary>
    public required string Basis { get; init; }

    public int MaxTotal => Items.Sum(i => i.MaxScore);

    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return ("title", "不能为空");
        if (Items.Count == 0) yield return ("items", "至少需要一个评分项");
        for (var i = 0; i < Items.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(Items[i].Key)) yield return ($"items[{i}].key", "不能为空");
            if (string.IsNullOrWhiteSpace(Items[i].Label)) yield return ($"items[{i}].label", "不能为空");
            if (Items[i].MaxScore < 1) yield return ($"items[{i}].maxScore", "应为正整数");
        }
        foreach (var dup in Items.GroupBy(i => i.Key).Where(g => g.Count() > 1)) yield return ("items", $"评分项 key “{dup.Key}”重复");
    }
}

/// <summary>专家评审建议</summary>
public enum Recommendation
{
    /// <summary>通过</summary>
    Pass = 1,
    /// <summary>修改后通过</summary>
    PassAfterRevision = 2,
    /// <summary>不通过</summary>
    Fail = 3,
}

public static class RecommendationLabels
{
    public static string Label(this Recommendation r) => r switch
    {
        Recommendation.Pass => "通过", Recommendation.PassAfterRevision => "修改后通过", Recommendation.Fail => "不通过", _ => "",
    };
}
