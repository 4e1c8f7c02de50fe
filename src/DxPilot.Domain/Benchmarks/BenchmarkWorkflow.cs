using DxPilot.Domain.Instruments;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Benchmarks;

/// <summary>The operations on a 示范标杆 application; each call file says who may take which, from where to where.</summary>
public enum BenchmarkTrigger
{
    /// <summary>提交申报 (the enterprise; again after a return)</summary>
    Submit = 1,
    /// <summary>开始审核</summary>
    StartReview = 2,
    /// <summary>退回修改, with the reason the enterprise reads</summary>
    Return = 3,
    /// <summary>认定为示范标杆企业</summary>
    Recognise = 4,
    /// <summary>不予认定, with the reason</summary>
    NotRecognise = 5,
}

/// <summary>What the benchmark's guards look at: the application with the instrument, the evidence on file and the reviewer's
/// scores per item (null: none given).</summary>
public sealed record BenchmarkCase(BenchmarkApplication Application, Instrument Instrument, EvidenceOnFile Evidence,
    IReadOnlyDictionary<int, decimal>? ReviewerScores = null);

/// <summary>The 示范标杆申报 process: its vocabulary and guards. Its chain (states' labels, who does what) is in the call's file.</summary>
public static class BenchmarkWorkflow
{
    /// <summary>Seed 000 三: every precondition is a hard stop (不得申报); the reason names each failing one.</summary>
    public static readonly Guard<BenchmarkCase> Preconditions = new("preconditions", c =>
    {
        var failing = c.Subject.Application.Preconditions(c.Subject.Instrument, c.Subject.Evidence).Where(p => !p.Passed).ToList();
        return failing.Count == 0
            ? null
            : $"以下{failing.Count}项前置条件未满足，不能提交：{string.Join("；", failing.Select(p => $"{p.Precondition.Name}：{p.Reason}"))}";
    });

    /// <summary>认定 rests on the reviewer's score of every item; the reason names each item still unscored.</summary>
    public static readonly Guard<BenchmarkCase> ReviewComplete = new("reviewComplete", c =>
    {
        var unscored = BenchmarkReview.Unscored(c.Subject.Instrument, c.Subject.ReviewerScores);
        return unscored.Count == 0 ? null : $"{c.Action}前须为每一项审核评分，尚未评分的{unscored.Count}项：{string.Join("、", unscored.Select(q => q.Name))}";
    });

    public static readonly WorkflowProcess<BenchmarkStatus, BenchmarkTrigger, BenchmarkCase> Process =
        new("示范标杆申报", nameof(BenchmarkApplication), Preconditions, Guard<BenchmarkCase>.ReasonRequired, ReviewComplete);
}
