using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Benchmarks;

/// <summary>
/// 审核评分: the province's score of each self-score item, beside the enterprise's own (seed 000 asks the province to recognise the
/// benchmarks; its self-score instrument gives each item its points). Scores are saved as they are given; 认定 needs every item scored
/// (<see cref="BenchmarkWorkflow.ReviewComplete"/>).
/// </summary>
public sealed class BenchmarkReview : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<BenchmarkReview>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid ApplicationId { get; private set; }
    public BenchmarkReviewScores Scores { get; private set; } = new();
    public decimal Total { get; private set; }
    public string ReviewerName { get; private set; } = "";
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private BenchmarkReview() { }

    public static BenchmarkReview Start(BenchmarkApplication application, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = application.ProgrammeId, ApplicationId = application.Id, UpdatedAt = now,
    };

    /// <summary>Replaces the scores; call <see cref="Problems"/> first.</summary>
    public void Record(Instrument instrument, IReadOnlyDictionary<int, decimal> scores, string by, DateTime now)
    {
        Scores = new BenchmarkReviewScores { Items = new SortedDictionary<int, decimal>(scores.ToDictionary()).ToDictionary() };
        Total = instrument.Questions.Sum(q => scores.GetValueOrDefault(q.No!.Value));
        ReviewerName = by;
        UpdatedAt = now;
        Version++;
    }

    /// <summary>Each score outside its item's points (0 to the item's maximum, at most one decimal), above 0 for an item the enterprise's
    /// own self-score gives 0, or of an item the instrument does not have, keyed by the item's number. Seed 000 二: an item answered 是
    /// must be described in detail and proven by pictures, "如没有详细描述及图片，则该项为0分"; the review does not give what the
    /// enterprise neither claimed nor proved (<paramref name="self"/>: its self-score against the evidence on file).</summary>
    public static Dictionary<string, string> Problems(Instrument instrument, IReadOnlyDictionary<int, decimal> scores, BenchmarkScore self)
    {
        var errors = new Dictionary<string, string>();
        foreach (var (no, score) in scores)
        {
            var key = no.ToString(CultureInfo.InvariantCulture);
            if (instrument.Questions.FirstOrDefault(q => q.No == no) is not { } item) errors[key] = $"没有第{no}项（共{instrument.Questions.Count}项）";
            else if (score < 0 || score > item.Points || decimal.Round(score, 1) != score)
                errors[key] = $"{item.Name}的评分应在0至{Points(item.Points)}分之间（最多一位小数），填写的是{score.ToString("0.##########", CultureInfo.InvariantCulture)}";
            else if (score > 0 && Unproven(item, self) is { } why)
                errors[key] = $"{item.Name}：{why}，审核得分只能为0分";
        }
        return errors;
    }

    /// <summary>Why the enterprise's own score of an item is 0 (it did not answer 是, or lacks the description or the pictures), or null
    /// when the item earned its points.</summary>
    public static string? Unproven(Question item, BenchmarkScore self)
    {
        var own = self.Items.FirstOrDefault(i => i.Item.No == item.No);
        if (own is null || !own.Yes) return "企业未选择“是”（选择“否”或未作答）";
        if (own.Points > 0) return null;
        var lacks = own.Lacks.Count > 0 ? string.Join("和", own.Lacks) : "详细描述及图片";
        return $"企业选择“是”但缺少{lacks}，自评为0分";
    }

    /// <summary>The items not scored yet, in the instrument's order.</summary>
    public static IReadOnlyList<Question> Unscored(Instrument instrument, IReadOnlyDictionary<int, decimal>? scores) =>
        instrument.Questions.Where(q => scores is null || !scores.ContainsKey(q.No!.Value)).ToList();

    public static string Points(decimal points) => points.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>The reviewer's score per item number.</summary>
public sealed class BenchmarkReviewScores : IAuditedDocument
{
    public Dictionary<int, decimal> Items { get; set; } = [];

    public IReadOnlyDictionary<string, string> AuditFields() =>
        Items.OrderBy(i => i.Key).ToDictionary(i => $"第{i.Key}项评分", i => BenchmarkReview.Points(i.Value));
}

/// <summary>Who scores and who reads the scores.</summary>
public static class BenchmarkReviewPolicy
{
    /// <summary>Whoever the call's chain lets recognise scores (Heilongjiang: the province).</summary>
    public static string? Review(Workflow<BenchmarkStatus, BenchmarkTrigger, BenchmarkCase> chain, Actor a) =>
        chain.Transitions.Any(t => t.Trigger == BenchmarkTrigger.Recognise && t.Who.Any(p => p.Admits(a))) ? null : "只有认定示范标杆的主管部门可以审核评分";

    /// <summary>The review can be changed while the application is under review.</summary>
    public static string? Open(BenchmarkApplication application, string statusLabel) =>
        application.Status == BenchmarkStatus.UnderReview ? null : $"开始审核后、认定前才能评分（当前状态：{statusLabel}）";

    /// <summary>The bureaus read the scores of the applications they read; the enterprise its own once decided.</summary>
    public static bool MaySee(Actor a, BenchmarkApplication application) =>
        a.IsBureau || (a.Role == Role.Enterprise && a.EnterpriseId == application.EnterpriseId
                       && application.Status is BenchmarkStatus.Recognised or BenchmarkStatus.NotRecognised);
}
