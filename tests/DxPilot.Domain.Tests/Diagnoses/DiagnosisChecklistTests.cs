using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Tests.Support;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Tests.Diagnoses;

/// <summary>
/// Each hard rule of seed 002 四 and 附件2/3 at its boundary, with Changchun's numbers as its programme file states them
/// (团队不少于3人、中级及以上不少于1人; 单次诊断不少于3小时; 培训不低于2小时; 每次照片不少于5张: 进门1、出门1、培训或访谈2、生产现场1;
/// 报告不少于1.5万字; 服务期30天).
/// </summary>
public sealed class DiagnosisChecklistTests
{
    private static readonly DiagnosisRules Rules = ProgrammeFiles.Changchun.Diagnosis!;
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 3, 20, 8, 0, 0, DateTimeKind.Utc);

    private static DiagnosisMember Member(string name, TitleLevel level = TitleLevel.Junior, TeamRole role = TeamRole.Member) =>
        DiagnosisMember.Add(Id, new TeamMemberInput(name, "长春数智服务有限公司", "工程师", level, ExpertiseField.Software, role), Now);

    private static readonly DiagnosisMember[] Team =
        [Member("张伟", TitleLevel.Senior, TeamRole.Leader), Member("李娜"), Member("王强")];

    private static CheckedVisit Visit(VisitTopic topic, string start, string end, int? attendance = null, params PhotoTag[] photos) => new(
        DiagnosisVisit.Record(Id, new VisitInput(new DateOnly(2026, 3, 10), TimeOnly.Parse(start), TimeOnly.Parse(end), topic, [Team[0].Id],
            "赵厂长", "调研了生产现场", attendance), Now),
        photos.Select(t => new CheckedPhoto(t, true)).ToList());

    private static readonly PhotoTag[] FivePhotos =
        [PhotoTag.EntryLogo, PhotoTag.ExitLogo, PhotoTag.TrainingOrInterview, PhotoTag.TrainingOrInterview, PhotoTag.ProductionFloor];

    private static readonly CheckedVisit Diagnosing = Visit(VisitTopic.Survey, "09:00", "12:00", null, FivePhotos);
    private static readonly CheckedVisit Training = Visit(VisitTopic.Training, "14:00", "16:00", 30, FivePhotos);

    private static DiagnosisChecklist Check(IReadOnlyList<DiagnosisMember>? team = null, IReadOnlyList<CheckedVisit>? visits = null,
        int report = 15000, DateOnly? signed = null, DateOnly? today = null, bool rated = false) =>
        DiagnosisChecklist.Check(Rules, new DiagnosisFacts(today ?? new DateOnly(2026, 3, 20), signed ?? new DateOnly(2026, 3, 1), team ?? Team,
            visits ?? [Diagnosing, Training], AssessmentLinked: true, report, rated));

    private static ChecklistItem Item(DiagnosisChecklist c, string key) => c.Items.Single(i => i.Key == key);

    [Fact]
    public void Everything_in_place_is_all_green_for_submission_and_waits_only_for_the_satisfaction_form()
    {
        var c = Check();
        Assert.Null(c.Refusal(ChecklistStage.Submission));
        Assert.Equal(["satisfaction"], c.Items.Where(i => !i.Passed).Select(i => i.Key));
        Assert.Equal("以下1项未满足：1.企业满意度评价：企业尚未提交满意度评价表（提交验收后由企业填写）", c.Refusal(ChecklistStage.Acceptance));
        Assert.True(Check(rated: true).AllGreen);
    }

    [Fact]
    public void Two_members_are_too_few_three_are_enough()
    {
        var two = Item(Check(team: Team[..2]), "team");
        Assert.False(two.Passed);
        Assert.Equal("现有2人，应不少于3人", two.Reason);
        var three = Item(Check(), "team");
        Assert.True(three.Passed);
        Assert.Equal("3人，其中中级及以上职称1人，组长张伟", three.Reason);
    }

    [Fact]
    public void A_team_without_an_intermediate_title_or_without_a_leader_is_red()
    {
        var juniors = Item(Check(team: [Member("甲", role: TeamRole.Leader), Member("乙"), Member("丙")]), "team");
        Assert.Equal((false, "中级及以上职称0人，应不少于1人"), (juniors.Passed, juniors.Reason));
        var intermediate = Item(Check(team: [Member("甲", TitleLevel.Intermediate, TeamRole.Leader), Member("乙"), Member("丙")]), "team");
        Assert.True(intermediate.Passed);
        var leaderless = Item(Check(team: [Member("甲", TitleLevel.Senior), Member("乙"), Member("丙")]), "team");
        Assert.Equal((false, "尚未指定组长"), (leaderless.Passed, leaderless.Reason));
        var twoLeaders = Item(Check(team: [Member("甲", TitleLevel.Senior, TeamRole.Leader), Member("乙", role: TeamRole.Leader), Member("丙")]), "team");
        Assert.Equal((false, "组长应为1人，现有2人"), (twoLeaders.Passed, twoLeaders.Reason));
    }

    [Fact]
    public void A_visit_of_2h59_is_too_short_3h00_is_enough()
    {
        var short_ = Item(Check(visits: [Visit(VisitTopic.Survey, "09:00", "11:59", null, FivePhotos), Training]), "visits");
        Assert.Equal((false, "1次现场诊断，最长2小时59分，应至少有1次不少于3小时"), (short_.Passed, short_.Reason));
        var enough = Item(Check(visits: [Visit(VisitTopic.Survey, "09:00", "12:00", null, FivePhotos), Training]), "visits");
        Assert.Equal((true, "1次现场诊断，最长3小时"), (enough.Passed, enough.Reason));
    }

    [Fact]
    public void A_long_training_does_not_stand_in_for_the_diagnosis_visit()
    {
        var onlyTraining = Item(Check(visits: [Visit(VisitTopic.Training, "09:00", "13:00", 20, FivePhotos)]), "visits");
        Assert.Equal((false, "尚未记录现场诊断（主题培训以外）"), (onlyTraining.Passed, onlyTraining.Reason));
    }

    [Fact]
    public void A_training_of_1h59_is_too_short_2h00_with_its_attendance_is_enough()
    {
        var short_ = Item(Check(visits: [Diagnosing, Visit(VisitTopic.Training, "14:00", "15:59", 30, FivePhotos)]), "training");
        Assert.Equal((false, "1次主题培训，最长1小时59分，应至少1次不少于2小时并记录参加人数"), (short_.Passed, short_.Reason));
        var enough = Item(Check(visits: [Diagnosing, Visit(VisitTopic.Training, "14:00", "16:00", 30, FivePhotos)]), "training");
        Assert.Equal((true, "1次主题培训达到2小时（2小时，30人参加）"), (enough.Passed, enough.Reason));
        var none = Item(Check(visits: [Diagnosing]), "training");
        Assert.Equal((false, "尚未记录主题培训，应至少1次、不少于2小时"), (none.Passed, none.Reason));
    }

    [Fact]
    public void Four_photos_are_too_few_five_of_the_right_kinds_are_enough()
    {
        var four = Item(Check(visits: [Visit(VisitTopic.Survey, "09:00", "12:00", null, PhotoTag.EntryLogo, PhotoTag.ExitLogo, PhotoTag.TrainingOrInterview,
            PhotoTag.ProductionFloor), Training]), "photo-counts");
        Assert.Equal((false, "2026年3月10日情况调研：共4张，应不少于5张，缺培训或访谈照片1张"), (four.Passed, four.Reason));
        Assert.True(Item(Check(), "photo-counts").Passed);
        var noFloor = Item(Check(visits: [Visit(VisitTopic.Survey, "09:00", "12:00", null, PhotoTag.EntryLogo, PhotoTag.ExitLogo,
            PhotoTag.TrainingOrInterview, PhotoTag.TrainingOrInterview, PhotoTag.Other), Training]), "photo-counts");
        Assert.Equal((false, "2026年3月10日情况调研：缺生产现场照片1张"), (noFloor.Passed, noFloor.Reason));
    }

    [Fact]
    public void A_photo_that_fails_its_checks_makes_the_photo_item_red()
    {
        var visit = Diagnosing with { Photos = [.. Diagnosing.Photos.Take(4), new CheckedPhoto(PhotoTag.ProductionFloor, false)] };
        var item = Item(Check(visits: [visit, Training]), "photo-checks");
        Assert.Equal((false, "未通过核验的照片：2026年3月10日情况调研1张（详见各次记录）"), (item.Passed, item.Reason));
    }

    [Theory]
    [InlineData(14999, false)]
    [InlineData(15000, true)]
    public void The_report_needs_15000_characters(int characters, bool passed)
    {
        var item = Item(Check(report: characters), "report");
        Assert.Equal((passed, $"现有{characters:#,0}字，要求不少于15,000字"), (item.Passed, item.Reason));
    }

    [Fact]
    public void The_agreement_is_in_term_on_day_30_and_past_it_on_day_31()
    {
        var signed = new DateOnly(2026, 3, 1);
        Assert.Equal(new DateOnly(2026, 3, 30), DiagnosisChecklist.TermEnds(signed, 30));
        var day30 = Item(Check(signed: signed, today: new DateOnly(2026, 3, 30)), "agreement");
        Assert.Equal((true, "2026年3月1日签订，服务期至2026年3月30日（今天届满）"), (day30.Passed, day30.Reason));
        var day31 = Item(Check(signed: signed, today: new DateOnly(2026, 3, 31)), "agreement");
        Assert.Equal((false, "2026年3月1日签订，服务期已于2026年3月30日届满（已超过1天），请续签协议并上传"), (day31.Passed, day31.Reason));
        var missing = DiagnosisChecklist.Check(Rules, new DiagnosisFacts(new DateOnly(2026, 3, 20), null, Team, [Diagnosing, Training], true, 15000, false));
        Assert.Equal("尚未上传双方盖章的协议扫描件", Item(missing, "agreement").Reason);
    }

    [Fact]
    public void The_red_items_are_kept_as_bits_of_their_keys()
    {
        var c = Check(team: Team[..2], report: 10);
        Assert.Equal(DiagnosisChecklist.Bit("team") | DiagnosisChecklist.Bit("report") | DiagnosisChecklist.Bit("satisfaction"), c.Mask);
    }

    [Fact]
    public void Submission_is_refused_naming_every_red_item_and_acceptance_waits_for_the_opinion_and_the_form()
    {
        var chain = Rules.Chain;
        var provider = new Actor("p", "长春数智服务有限公司", Role.ServiceProvider, "changchun-2025", OrganisationId: Guid.NewGuid());
        var diagnosis = Diagnosis.Open("changchun-2025", Guid.NewGuid(), "朝阳区", provider.OrganisationId!.Value, provider, Now);
        var red = diagnosis.Apply(chain, DiagnosisTrigger.Submit, provider, null, Check(team: Team[..2], report: 14999), Now);
        Assert.Equal(RefusalKind.GuardFailed, red.Refusal!.Kind);
        Assert.Equal("不能提交：以下2项未满足：1.诊断团队：现有2人，应不少于3人；2.诊断报告字数：现有14,999字，要求不少于15,000字", red.Refusal.Message);
        Assert.Equal(DiagnosisStatus.InProgress, diagnosis.Status);

        Assert.True(diagnosis.Apply(chain, DiagnosisTrigger.Submit, provider, null, Check(), Now).Taken);
        Assert.Equal((DiagnosisStatus.Submitted, 1), (diagnosis.Status, diagnosis.Round));
        Assert.Equal(RefusalKind.NotAllowed, diagnosis.Apply(chain, DiagnosisTrigger.Accept, provider, "同意", Check(rated: true), Now).Refusal!.Kind);

        var city = new Actor("c", "长春市工信局", Role.CityBureau, "changchun-2025");
        Assert.Equal("不能通过验收：以下1项未满足：1.企业满意度评价：企业尚未提交满意度评价表（提交验收后由企业填写）",
            diagnosis.Apply(chain, DiagnosisTrigger.Accept, city, "同意通过", Check(), Now).Refusal!.Message);
        Assert.Equal("须填写验收意见", diagnosis.Apply(chain, DiagnosisTrigger.Accept, city, " ", Check(rated: true), Now).Refusal!.Message);
        Assert.True(diagnosis.Apply(chain, DiagnosisTrigger.Accept, city, "诊断规范，同意通过验收", Check(rated: true), Now).Taken);
        Assert.Equal((DiagnosisStatus.Accepted, "诊断规范，同意通过验收", "长春市工信局"), (diagnosis.Status, diagnosis.AcceptanceOpinion, diagnosis.AcceptedByName));
    }
}
