using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Diagnoses;

/// <summary>很好 / 较好 / 一般 / 较差 (附件3 企业满意度评价表).</summary>
public enum Rating
{
    /// <summary>较差</summary>
    Poor = 1,
    /// <summary>一般</summary>
    Fair = 2,
    /// <summary>较好</summary>
    Good = 3,
    /// <summary>很好</summary>
    VeryGood = 4,
}

/// <summary>满意 / 比较满意 / 不满意</summary>
public enum OverallSatisfaction
{
    /// <summary>不满意</summary>
    Dissatisfied = 1,
    /// <summary>比较满意</summary>
    FairlySatisfied = 2,
    /// <summary>满意</summary>
    Satisfied = 3,
}

/// <summary>采纳 / 部分采纳 / 不采纳 (of the provider's recommendations)</summary>
public enum Adoption
{
    /// <summary>不采纳</summary>
    None = 1,
    /// <summary>部分采纳</summary>
    Partly = 2,
    /// <summary>采纳</summary>
    Adopted = 3,
}

public static class SatisfactionLabels
{
    public static string Label(this Rating r) => r switch { Rating.VeryGood => "很好", Rating.Good => "较好", Rating.Fair => "一般", _ => "较差" };

    public static string Label(this OverallSatisfaction o) => o switch
    {
        OverallSatisfaction.Satisfied => "满意", OverallSatisfaction.FairlySatisfied => "比较满意", _ => "不满意",
    };

    public static string Label(this Adoption a) => a switch { Adoption.Adopted => "采纳", Adoption.Partly => "部分采纳", _ => "不采纳" };

    /// <summary>The five items of the form, in its order, with the text the enterprise rates (word for word).</summary>
    public static readonly (string Name, string Text)[] Items =
    [
        ("诊断过程", "诊断工作切合企业实际，深入了解了企业现状，与企业相关人员做了深入沟通。"),
        ("问题分析", "诊断机构对行业发展趋势和样板企业了解深刻，对企业痛点把握准确，提出的问题具有针对性。"),
        ("方案建议", "相关建议切实可行，升级路径清晰，具有经济实用型，兼具广度和深度。"),
        ("业务水平", "服务机构具备专业的业务水平。"),
        ("诊断结果", "本次诊断有启发、收获，会考虑开展进一步的智能化改造。"),
    ];
}

/// <summary>
/// 企业满意度评价表: the enterprise's rating of its diagnosis, once. Only the enterprise fills it, and once submitted nobody
/// changes it (it has no method that would).
/// </summary>
public sealed class DiagnosisSatisfaction : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<DiagnosisSatisfaction>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid DiagnosisId { get; private set; }
    /// <summary>诊断过程, 问题分析, 方案建议, 业务水平, 诊断结果 in the form's order.</summary>
    public Rating Process { get; private set; }
    public Rating Analysis { get; private set; }
    public Rating Advice { get; private set; }
    public Rating Competence { get; private set; }
    public Rating Result { get; private set; }
    public OverallSatisfaction Overall { get; private set; }
    public Adoption Adoption { get; private set; }
    public string? Comment { get; private set; }
    public string SubmittedByName { get; private set; } = "";
    public DateTime SubmittedAt { get; private set; }

    private DiagnosisSatisfaction() { }

    public IReadOnlyList<Rating> Ratings => [Process, Analysis, Advice, Competence, Result];

    public static DiagnosisSatisfaction Submit(Diagnosis diagnosis, IReadOnlyList<Rating> ratings, OverallSatisfaction overall, Adoption adoption,
        string? comment, string byName, DateTime now)
    {
        if (ratings.Count != SatisfactionLabels.Items.Length) throw new ArgumentException("评价项目应为5项", nameof(ratings));
        return new DiagnosisSatisfaction
        {
            Id = Guid.CreateVersion7(), ProgrammeId = diagnosis.ProgrammeId, DiagnosisId = diagnosis.Id,
            Process = ratings[0], Analysis = ratings[1], Advice = ratings[2], Competence = ratings[3], Result = ratings[4],
            Overall = overall, Adoption = adoption, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
            SubmittedByName = byName, SubmittedAt = now,
        };
    }
}
