using DxPilot.Domain.Diagnoses;

namespace DxPilot.Domain.Tests.Diagnoses;

/// <summary>What a team member and a visit record must be: each bad input named with its field and reason.</summary>
public sealed class DiagnosisInputRulesTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DiagnosisMember Leader = DiagnosisMember.Add(Id,
        new TeamMemberInput("张伟", "长春数智服务有限公司", "高级工程师", TitleLevel.Senior, ExpertiseField.Software, TeamRole.Leader), DateTime.UtcNow);
    private static readonly DateTime Now = new(2026, 3, 10, 18, 0, 0);

    private static VisitInput Visit(string date = "2026-03-10", string start = "09:00", string end = "12:00", VisitTopic topic = VisitTopic.Survey,
        int? attendance = null, Guid? member = null, string outcome = "调研了生产现场") =>
        new(DateOnly.Parse(date), TimeOnly.Parse(start), TimeOnly.Parse(end), topic, [member ?? Leader.Id], "赵厂长", outcome, attendance);

    [Fact]
    public void The_same_member_twice_is_refused_whatever_the_spacing_or_case()
    {
        var errors = DiagnosisInputRules.CheckMember(new TeamMemberInput(" 张伟 ", "长春数智服务有限公司", "工程师", TitleLevel.Intermediate,
            ExpertiseField.Hardware, TeamRole.Member), [Leader]);
        Assert.Equal("团队中已有“张伟（长春数智服务有限公司）”，同一成员不能重复添加", errors["Name"]);
        Assert.Empty(DiagnosisInputRules.CheckMember(new TeamMemberInput("张伟", "吉林工业大学", "教授", TitleLevel.Senior, ExpertiseField.Industry,
            TeamRole.Member), [Leader]));
    }

    [Fact]
    public void A_member_without_a_name_or_with_a_control_character_is_refused()
    {
        var errors = DiagnosisInputRules.CheckMember(new TeamMemberInput("", "单位\u0000", "工程师", TitleLevel.Junior, ExpertiseField.Other, TeamRole.Member), []);
        Assert.Equal("请填写姓名", errors["Name"]);
        Assert.Equal("单位含有不可见的控制字符，请删除后再保存", errors["Unit"]);
    }

    [Fact]
    public void An_end_before_the_start_is_refused_with_both_times()
    {
        var errors = DiagnosisInputRules.CheckVisit(Visit(start: "14:00", end: "13:30"), [Leader], Now);
        Assert.Equal("结束时间应晚于开始时间（开始14:00，结束13:30）", errors["End"]);
    }

    [Fact]
    public void A_visit_in_the_future_is_refused()
    {
        Assert.Equal("现场诊断记录的时间不能晚于现在", DiagnosisInputRules.CheckVisit(Visit(date: "2026-03-11"), [Leader], Now)["Date"]);
        Assert.Equal("现场诊断记录的时间不能晚于现在", DiagnosisInputRules.CheckVisit(Visit(start: "17:00", end: "18:01"), [Leader], Now)["Date"]);
        Assert.Empty(DiagnosisInputRules.CheckVisit(Visit(start: "15:00", end: "18:00"), [Leader], Now));
    }

    [Fact]
    public void Members_present_must_be_of_the_team_and_a_training_needs_its_attendance()
    {
        Assert.Equal("参加人员须是诊断团队成员", DiagnosisInputRules.CheckVisit(Visit(member: Guid.NewGuid()), [Leader], Now)["MemberIds"]);
        Assert.Equal("主题培训请填写参加人数（1至10000人）", DiagnosisInputRules.CheckVisit(Visit(topic: VisitTopic.Training), [Leader], Now)["Attendance"]);
        Assert.Empty(DiagnosisInputRules.CheckVisit(Visit(topic: VisitTopic.Training, attendance: 25), [Leader], Now));
    }

    [Fact]
    public void An_outcome_beyond_its_limit_is_refused()
    {
        var errors = DiagnosisInputRules.CheckVisit(Visit(outcome: new string('诊', 200_000)), [Leader], Now);
        Assert.Equal("本次服务成果不超过5000字", errors["Outcome"]);
    }
}
