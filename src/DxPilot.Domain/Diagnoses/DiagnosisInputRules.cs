using DxPilot.Domain.Text;

namespace DxPilot.Domain.Diagnoses;

/// <summary>What a team member and a visit record must be before they are kept; each problem keyed by its field, in Chinese.</summary>
public static class DiagnosisInputRules
{
    public const int MaxOutcomeCharacters = 5000;
    public const int MaxAttendance = 10000;

    public static Dictionary<string, string> CheckMember(TeamMemberInput m, IEnumerable<DiagnosisMember> team, Guid? revising = null)
    {
        var errors = new Dictionary<string, string>();
        Text(errors, "Name", "姓名", m.Name, 50, required: true);
        Text(errors, "Unit", "单位", m.Unit, 100, required: true);
        Text(errors, "Title", "职称", m.Title, 50, required: true);
        Text(errors, "Duties", "工作职责", m.Duties, 200);
        Text(errors, "Phone", "联系方式", m.Phone, 30);
        if (!errors.ContainsKey("Phone") && ContactFormats.PhoneProblem("联系方式", m.Phone) is { } phone) errors["Phone"] = phone;
        if (!Enum.IsDefined(m.TitleLevel)) errors["TitleLevel"] = "请选择职称等级";
        if (!Enum.IsDefined(m.Field)) errors["Field"] = "请选择专业领域";
        if (!Enum.IsDefined(m.Role)) errors["Role"] = "请选择组长或组员";
        if (!errors.ContainsKey("Name") && team.FirstOrDefault(t => t.Id != revising && Same(t.Name, m.Name) && Same(t.Unit, m.Unit)) is { } twin)
            errors["Name"] = $"团队中已有“{twin.Name}（{twin.Unit}）”，同一成员不能重复添加";
        return errors;
    }

    /// <param name="now">The programme's local wall-clock time: a visit cannot end after it.</param>
    public static Dictionary<string, string> CheckVisit(VisitInput v, IEnumerable<DiagnosisMember> team, DateTime now)
    {
        var errors = new Dictionary<string, string>();
        if (v.End <= v.Start) errors["End"] = $"结束时间应晚于开始时间（开始{v.Start:HH\\:mm}，结束{v.End:HH\\:mm}）";
        else if (v.Date.ToDateTime(v.End) > now) errors["Date"] = "现场诊断记录的时间不能晚于现在";
        if (!Enum.IsDefined(v.Topic)) errors["Topic"] = "请选择本次诊断主题";
        var ids = team.Select(t => t.Id).ToHashSet();
        if (v.MemberIds.Count == 0) errors["MemberIds"] = "请选择参加本次诊断的团队成员";
        else if (v.MemberIds.Any(id => !ids.Contains(id))) errors["MemberIds"] = "参加人员须是诊断团队成员";
        Text(errors, "ContactPerson", "企业对接人", v.ContactPerson, 50, required: true);
        Text(errors, "Outcome", "本次服务成果", v.Outcome, MaxOutcomeCharacters, required: true, multiline: true);
        if (v.Topic == VisitTopic.Training && v.Attendance is not (>= 1 and <= MaxAttendance))
            errors["Attendance"] = $"主题培训请填写参加人数（1至{MaxAttendance}人）";
        return errors;
    }

    private static void Text(Dictionary<string, string> errors, string field, string label, string? value, int max, bool required = false, bool multiline = false)
    {
        if (string.IsNullOrWhiteSpace(value)) { if (required) errors[field] = $"请填写{label}"; return; }
        if (ControlCharacters.In(value, multiline)) errors[field] = ControlCharacters.Message(label);
        else if (ChineseText.CountCharacters(value.Trim()) > max) errors[field] = $"{label}不超过{max}字";
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
