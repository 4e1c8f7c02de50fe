using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Diagnoses;

/// <summary>本次诊断主题, as the 现场诊断记录表 lists them (seed 002 附件3).</summary>
public enum VisitTopic
{
    /// <summary>情况调研</summary>
    Survey = 1,
    /// <summary>主题培训 (counts towards the training rule of 四（三）)</summary>
    Training = 2,
    /// <summary>访谈交流</summary>
    Interview = 3,
    /// <summary>技术诊断</summary>
    TechnicalDiagnosis = 4,
    /// <summary>方案沟通</summary>
    PlanDiscussion = 5,
    /// <summary>回访</summary>
    FollowUp = 6,
    /// <summary>诊断结果汇报</summary>
    ResultBriefing = 7,
}

public static class VisitTopics
{
    public static string Label(this VisitTopic topic) => topic switch
    {
        VisitTopic.Survey => "情况调研", VisitTopic.Training => "主题培训", VisitTopic.Interview => "访谈交流",
        VisitTopic.TechnicalDiagnosis => "技术诊断", VisitTopic.PlanDiscussion => "方案沟通", VisitTopic.FollowUp => "回访",
        VisitTopic.ResultBriefing => "诊断结果汇报", _ => "",
    };
}

/// <summary>
/// 现场诊断记录 (one per visit, seed 002 附件3 现场诊断记录表): the date and time span in the programme's local time, the topic,
/// the team members present, the enterprise's contact person and what was done and found; a training also its attendance.
/// </summary>
public sealed class DiagnosisVisit : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<Diagnosis>(DiagnosisId);
    (string Field, string Value) IAuditedPart.AuditLine => ("现场诊断记录", Describe());
    AuditAction IAuditedPart.PartAction => AuditAction.DetailsChanged;

    public Guid Id { get; private set; }
    public Guid DiagnosisId { get; private set; }
    /// <summary>诊断日期, local.</summary>
    public DateOnly Date { get; private set; }
    public TimeOnly Start { get; private set; }
    public TimeOnly End { get; private set; }
    public VisitTopic Topic { get; private set; }
    /// <summary>The team members present (ids of <see cref="DiagnosisMember"/>), stored as a list.</summary>
    public List<Guid> MemberIds { get; private set; } = [];
    /// <summary>试点企业对接人</summary>
    public string ContactPerson { get; private set; } = "";
    /// <summary>本次服务成果: what was done and found.</summary>
    public string Outcome { get; private set; } = "";
    /// <summary>参加培训人数, for a 主题培训.</summary>
    public int? Attendance { get; private set; }
    public DateTime RecordedAt { get; private set; }

    private DiagnosisVisit() { }

    public TimeSpan Duration => End.ToTimeSpan() - Start.ToTimeSpan();

    public static DiagnosisVisit Record(Guid diagnosisId, VisitInput input, DateTime now)
    {
        var v = new DiagnosisVisit { Id = Guid.CreateVersion7(), DiagnosisId = diagnosisId, RecordedAt = now };
        v.Revise(input);
        return v;
    }

    public void Revise(VisitInput input)
    {
        (Date, Start, End, Topic) = (input.Date, input.Start, input.End, input.Topic);
        MemberIds = [.. input.MemberIds.Distinct()];
        ContactPerson = input.ContactPerson.Trim();
        Outcome = input.Outcome.Trim();
        Attendance = input.Topic == VisitTopic.Training ? input.Attendance : null;
    }

    /// <summary>The span as instants, for judging the photos' capture times.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Span(TimeZoneInfo zone) =>
        (LocalTime.Instant(Date.ToDateTime(Start), zone), LocalTime.Instant(Date.ToDateTime(End), zone));

    public string Describe() =>
        $"{ChineseText.Date(Date)} {Start:HH\\:mm}-{End:HH\\:mm} {Topic.Label()}{(Attendance is { } n ? $"（{n}人参加）" : "")}，对接人{ContactPerson}";
}

/// <summary>A visit as typed, before it is checked (<see cref="DiagnosisRules.CheckVisit"/>).</summary>
public sealed record VisitInput(DateOnly Date, TimeOnly Start, TimeOnly End, VisitTopic Topic, IReadOnlyList<Guid> MemberIds,
    string ContactPerson, string Outcome, int? Attendance);
