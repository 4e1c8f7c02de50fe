using System.Globalization;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Workflow;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>A team member as the form posts it; enums by their names, so an unknown value is a field error, not a crash.</summary>
public sealed class MemberForm
{
    public int Version { get; set; }
    public string? Name { get; set; }
    public string? Unit { get; set; }
    public string? Title { get; set; }
    public string? TitleLevel { get; set; }
    public string? Field { get; set; }
    public string? Role { get; set; }
    public string? Duties { get; set; }
    public string? Phone { get; set; }

    public TeamMemberInput ToInput() => new(Name ?? "", Unit ?? "", Title ?? "",
        WorkflowNames.Parse<TitleLevel>(TitleLevel) ?? (TitleLevel)(-1), WorkflowNames.Parse<ExpertiseField>(Field) ?? (ExpertiseField)(-1),
        WorkflowNames.Parse<TeamRole>(Role) ?? (TeamRole)(-1), Duties, Phone);
}

/// <summary>A row action (remove a member, a visit, a photo) from the version read.</summary>
public sealed class RowForm
{
    public int Version { get; set; }
    public Guid Id { get; set; }
    public string? Tag { get; set; }
}

public sealed class AgreementForm
{
    public int Version { get; set; }
    public string? SignedOn { get; set; }

    public DateOnly? Date => DateOnly.TryParseExact(SignedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

public sealed class AssessmentLinkForm
{
    public int Version { get; set; }
    public Guid? AssessmentId { get; set; }
}

/// <summary>A visit record as the form posts it; times as HH:mm, the date as yyyy-MM-dd (what the browser's inputs send).</summary>
public sealed class VisitForm
{
    public int Version { get; set; }
    public string? Date { get; set; }
    public string? Start { get; set; }
    public string? End { get; set; }
    public string? Topic { get; set; }
    /// <summary>No box ticked posts nothing, and the form binder then sets null: kept empty instead.</summary>
    public List<Guid> MemberIds { get; set => field = value ?? []; } = [];
    public string? ContactPerson { get; set; }
    public string? Outcome { get; set; }
    public string? Attendance { get; set; }

    public static VisitForm From(DiagnosisVisit v, int version) => new()
    {
        Version = version, Date = v.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Start = v.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        End = v.End.ToString("HH:mm", CultureInfo.InvariantCulture), Topic = WorkflowNames.Of(v.Topic), MemberIds = [.. v.MemberIds],
        ContactPerson = v.ContactPerson, Outcome = v.Outcome, Attendance = v.Attendance?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The input, or the fields that could not be read at all (a date that is not a date).</summary>
    public (VisitInput? Input, Dictionary<string, string> Errors) Parse()
    {
        var errors = new Dictionary<string, string>();
        if (!DateOnly.TryParseExact(Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) errors["Date"] = "请填写诊断日期";
        if (!TimeOnly.TryParseExact(Start, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)) errors["Start"] = "请填写开始时间（时:分）";
        if (!TimeOnly.TryParseExact(End, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)) errors["End"] = "请填写结束时间（时:分）";
        if (WorkflowNames.Parse<VisitTopic>(Topic) is not { } topic) { errors["Topic"] = "请选择本次诊断主题"; topic = default; }
        int? attendance = null;
        if (!string.IsNullOrWhiteSpace(Attendance))
        {
            if (int.TryParse(HalfWidth.Of(Attendance).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n)) attendance = n;
            else errors["Attendance"] = "参加人数应为整数";
        }
        return errors.Count > 0
            ? (null, errors)
            : (new VisitInput(date, start, end, topic, MemberIds, ContactPerson ?? "", Outcome ?? "", attendance), errors);
    }
}

/// <summary>The satisfaction form as posted: each rating by its name.</summary>
public sealed class SatisfactionForm
{
    // Form binding leaves a collection null when no field of it was posted (no rating chosen): then none is chosen.
    public List<string?> Ratings { get; set => field = value ?? []; } = [null, null, null, null, null];
    public string? Overall { get; set; }
    public string? Adoption { get; set; }
    public string? Comment { get; set; }

    public SatisfactionInput ToInput() => new(Ratings.Select(WorkflowNames.Parse<Rating>).ToList(),
        WorkflowNames.Parse<OverallSatisfaction>(Overall), WorkflowNames.Parse<Adoption>(Adoption), Comment);
}

/// <summary>指定验收专家 from the API: the expert accounts' ids (all of them: who is not listed is no longer named) and the
/// version read (optional).</summary>
public sealed record ExpertsInput(IReadOnlyList<string?>? Accounts, int? Version);

/// <summary>The page's 指定验收专家 form: the version read; the ticked accounts are read from the posted form (accounts).</summary>
public sealed class ExpertsForm
{
    public int Version { get; set; }
}
