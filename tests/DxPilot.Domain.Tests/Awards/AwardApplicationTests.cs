using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Tests.Support;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Tests.Awards;

public class AwardApplicationTests
{
    private static readonly AwardCall Call = AwardFiles.Shuzhi;
    private static readonly DateTime Now = new(2025, 8, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid EnterpriseId = Guid.NewGuid();
    private static readonly Actor Enterprise = new("e1", "企业", Role.Enterprise, Call.ProgrammeId, EnterpriseId: EnterpriseId);
    private static readonly Actor County = new("d1", "正定县工信局", Role.DistrictBureau, Call.ProgrammeId, District: "正定县");
    private static readonly Actor City = new("c1", "市工信局", Role.CityBureau, Call.ProgrammeId);

    private static AwardContent Innovation(string basics) => new()
    {
        Texts =
        {
            ["innovation"] = new AwardText
            {
                Sections = { ["basics"] = basics, ["input"] = "投入", ["invention"] = "发明", ["drive"] = "驱动", ["collaboration"] = "协同" },
            },
        },
    };

    private static TransitionResult<AwardStatus> Submit(AwardApplication a, params string[] facts) =>
        a.Apply(Call.Chain, AwardTrigger.Submit, Enterprise, null, new AwardCase(a.SubmissionProblems(Call, facts, NoChecks), null), Now);

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<CriterionCheck>> NoChecks = new Dictionary<string, IReadOnlyList<CriterionCheck>>();

    /// <summary>A 小灯塔 申报书 with every section written and these typical scenarios (each with its four fields).</summary>
    private static AwardContent Lighthouse(params int[] typical)
    {
        var text = new AwardText { Sections = { ["basics"] = "基本情况", ["foundation"] = "基础设施", ["leadership"] = "领导小组", ["plan"] = "规划方案" } };
        foreach (var n in typical)
            text.Scenarios.Add(new ScenarioText
            {
                TypicalScenario = n,
                Fields = { ["description"] = "场景描述", ["painPoints"] = "痛点", ["results"] = "成效", ["economics"] = "经济性" },
            });
        return new AwardContent { Texts = { ["lighthouse"] = text } };
    }

    private static IReadOnlyList<string> LighthouseProblems(AwardApplication a, AwardFacts facts)
    {
        var d = Call.Direction("lighthouse")!;
        var checks = AwardCriteria.Check(d, facts with { Text = a.Content.TextOf("lighthouse") }, Call.TypicalScenarios, new DateOnly(2025, 8, 1));
        return a.SubmissionProblems(Call, [], new Dictionary<string, IReadOnlyList<CriterionCheck>> { ["lighthouse"] = checks });
    }

    [Fact]
    public void A_lighthouse_with_fewer_than_4_scenarios_or_below_level_three_is_not_submitted_the_reviewers_criteria_stay_for_the_review()
    {
        // Seed 004 附件1-1 二 "打造应用场景不少于 4 个" and 三 "数字化水平等级达到三级及以上，且等级有明显提升": counted and read by the
        // platform, they stop submission. 四 (领导机构…) and 五 (知识产权) are the reviewers' to judge and do not.
        var a = AwardApplication.Start(Call, Guid.NewGuid(), EnterpriseId, "正定县", Now);
        a.Revise(Call, ["lighthouse"], Lighthouse(7, 8), Now);
        var problems = LighthouseProblems(a, new AwardFacts { LevelBefore = 1, LevelAfter = 2, Agency = "河北评测中心" });
        Assert.Contains("应用场景至少4个（现有2个）", problems);
        Assert.Contains("不符合“应用场景不少于4个（对应典型场景）”：已填2个场景，其中2个对应典型场景：7.生产计划优化、8.智能排产调度，须不少于4个", problems);
        Assert.Contains("不符合“数字化水平达到三级及以上且等级有明显提升”：评测机构（河北评测中心）改造后评测二级，改造前一级，须达到三级及以上", problems);
        Assert.DoesNotContain(problems, p => p.Contains("知识产权") || p.Contains("转型保障能力") || p.Contains("数字化率"));

        // 三级 but not risen: still stops it.
        a.Revise(Call, ["lighthouse"], Lighthouse(7, 8, 11, 12), Now);
        Assert.Equal(["不符合“数字化水平达到三级及以上且等级有明显提升”：评测机构（河北评测中心）改造后评测三级，改造前三级，等级未提升"],
            LighthouseProblems(a, new AwardFacts { LevelBefore = 3, LevelAfter = 3, Agency = "河北评测中心" }));
        // Four typical scenarios and 二级 → 三级: nothing objective stops it; rates and IP unproven are for the reviewers.
        Assert.Empty(LighthouseProblems(a, new AwardFacts { LevelBefore = 2, LevelAfter = 3, Agency = "河北评测中心" }));
    }

    [Fact]
    public void Submission_names_every_unmet_limit_direction_and_fact_and_changes_nothing()
    {
        var a = AwardApplication.Start(Call, Guid.NewGuid(), EnterpriseId, "正定县", Now);
        a.Revise(Call, ["lighthouse", "smartFactory", "innovation"], Innovation(new string('企', 501)), Now);
        var version = a.Version;
        var refused = Submit(a, "该企业没有通过验收的改造项目，不能申报");
        Assert.False(refused.Taken);
        var message = refused.Refusal!.Message;
        Assert.Contains("该企业没有通过验收的改造项目，不能申报", message);
        Assert.Contains("申报方向限选2项（已选3项）", message);
        Assert.Contains("限报1项", message);
        Assert.Contains("创新能力显著提升企业：企业基本情况不超过500字（现有501字，超出1字）", message);
        Assert.Equal((AwardStatus.Draft, 0, version), (a.Status, a.Revision, a.Version));
    }

    [Fact]
    public void A_returned_application_is_revised_and_submitted_again_as_a_new_revision()
    {
        var a = AwardApplication.Start(Call, Guid.NewGuid(), EnterpriseId, "正定县", Now);
        a.Revise(Call, ["innovation"], Innovation("企业基本情况"), Now);
        Assert.Equal("|innovation|", a.Directions);
        Assert.True(Submit(a).Taken);
        Assert.Equal((AwardStatus.Submitted, 1), (a.Status, a.Revision));
        Assert.Throws<InvalidOperationException>(() => a.Revise(Call, ["innovation"], Innovation("改"), Now));

        Assert.False(a.Apply(Call.Chain, AwardTrigger.Return, County, null, new AwardCase([], null), Now).Taken);
        Assert.True(a.Apply(Call.Chain, AwardTrigger.Return, County, "请补充创新投入数据", new AwardCase([], null), Now).Taken);
        a.Revise(Call, ["innovation"], Innovation("补充后的企业基本情况"), Now);
        Assert.True(Submit(a).Taken);
        Assert.Equal(2, a.Revision);

        Assert.False(a.Apply(Call.Chain, AwardTrigger.Recommend, City, null, new AwardCase([], "已核查"), Now).Taken);
        Assert.True(a.Apply(Call.Chain, AwardTrigger.Recommend, County, null, new AwardCase([], " 8月5日现场核查，情况属实 "), Now).Taken);
        Assert.Equal((AwardStatus.Recommended, "8月5日现场核查，情况属实"), (a.Status, a.SiteCheckNote));
        Assert.False(a.Apply(Call.Chain, AwardTrigger.Recognise, City, null, new AwardCase([], null), Now).Taken);
        Assert.True(a.Apply(Call.Chain, AwardTrigger.StartReview, City, null, new AwardCase([], null), Now).Taken);
        Assert.True(a.Apply(Call.Chain, AwardTrigger.Recognise, City, null, new AwardCase([], null) { Reviews = new(3, 3, 3) }, Now).Taken);
        Assert.Equal(AwardStatus.Recognised, a.Status);
    }

    [Fact]
    public void A_returned_application_left_unrevised_is_ended_for_its_batch_by_the_city_only_once_the_batch_has_closed()
    {
        foreach (var call in new[] { Call, AwardFiles.Chain })
        {
            var a = AwardApplication.Start(call, Guid.NewGuid(), EnterpriseId, "正定县", Now);
            Assert.True(a.Apply(call.Chain, AwardTrigger.Submit, Enterprise, null, new AwardCase([], null), Now).Taken);
            Assert.True(a.Apply(call.Chain, AwardTrigger.Return, County, "请补充", new AwardCase([], null), Now).Taken);
            var open = new AwardCase([], null) { BatchOpen = true };
            var closed = new AwardCase([], null);

            Assert.Equal("本批次尚未截止，企业仍可修改后重新提交；批次截止后方可本批不予认定",
                a.Apply(call.Chain, AwardTrigger.Lapse, City, "逾期未修改", open, Now).Refusal!.Message);
            Assert.Equal(RefusalKind.NotAllowed, a.Apply(call.Chain, AwardTrigger.Lapse, County, "逾期未修改", closed, Now).Refusal!.Kind);
            Assert.Equal(RefusalKind.NotAllowed, a.Apply(call.Chain, AwardTrigger.Lapse, Enterprise, "逾期未修改", closed, Now).Refusal!.Kind);
            Assert.Equal("本批不予认定须填写理由", a.Apply(call.Chain, AwardTrigger.Lapse, City, " ", closed, Now).Refusal!.Message);
            Assert.Equal(AwardStatus.Returned, a.Status);

            var ended = a.Apply(call.Chain, AwardTrigger.Lapse, City, "批次截止后未按意见修改重新提交", closed, Now);
            Assert.True(ended.Taken);
            Assert.Equal((AwardStatus.NotRecognised, "lapse", "returned", "notRecognised"),
                (a.Status, ended.Record!.Trigger, ended.Record.FromState, ended.Record.ToState));
            Assert.Equal("本批未通过认定", call.Chain.Label(a.Status, Enterprise));
            // Only from 退回修改: an application with the county or the experts is decided on its merits, not ended.
            Assert.Equal(RefusalKind.WrongState, a.Apply(call.Chain, AwardTrigger.Lapse, City, "再次", closed, Now).Refusal!.Kind);
        }
    }

    [Fact]
    public void A_re_application_starts_from_a_copy_of_the_earlier_text_with_only_the_directions_still_open()
    {
        // Seed 004 三（三）"当次评审未通过认定的，后续转型提升后可继续申报": 小灯塔 recognised, 创新 not; only 创新 comes over.
        var earlier = AwardApplication.Start(Call, Guid.NewGuid(), EnterpriseId, "正定县", Now);
        var content = Lighthouse(7, 8, 11, 12);
        content.Texts["innovation"] = Innovation("企业基本情况").Texts["innovation"];
        content.ContactName = "王经理";
        earlier.Revise(Call, ["lighthouse", "innovation"], content, Now);
        var open = AwardReapplication.StillOpen(Call, earlier.PickedDirections, [new OtherApplication("第1批", AwardStatus.Recognised, "已认定", ["lighthouse"])]);
        Assert.Equal(["innovation"], open);

        var again = AwardApplication.StartAgain(Call, Guid.NewGuid(), EnterpriseId, "正定县", earlier, open, earlier.Content.Carried(open), Now);
        Assert.Equal((earlier.Id, "|innovation|", AwardStatus.Draft, 0), (again.CarriedFromId, again.Directions, again.Status, again.Revision));
        Assert.Equal(["innovation"], again.Content.Texts.Keys);
        Assert.Equal("王经理", again.Summary.ContactName);
        // A copy: the new draft's text changes, the earlier one's does not.
        again.Content.Texts["innovation"].Sections["basics"] = "转型提升后的企业基本情况";
        Assert.Equal("企业基本情况", earlier.Content.Texts["innovation"].Sections["basics"]);
        Assert.Equal(2, earlier.Content.Texts.Count);

        // Its files: the 证明材料 the new application still takes come over; not the signed scans (each submission signs anew),
        // not 小灯塔's scenario pictures, not 车间's 改造前后影像 (no direction carried offers it).
        var scan = new DxPilot.Domain.Files.FileRef(new string('a', 64), 1024, "application/pdf", "扫描件.pdf");
        AwardFile File(AwardFileSlot slot) => AwardFile.Upload(earlier.Id, slot, scan, null, "王经理", Now);
        var files = new[]
        {
            File(new AwardFileSlot(AwardFileKind.Pledge)), File(new AwardFileSlot(AwardFileKind.Declaration)),
            File(new AwardFileSlot(AwardFileKind.ScenarioPicture, "lighthouse", 1)), File(AwardFileSlot.Evidence(AwardEvidenceSubject.BusinessLicence)),
            File(AwardFileSlot.Evidence(AwardEvidenceSubject.IpCertificate)), File(AwardFileSlot.Evidence(AwardEvidenceSubject.BeforeAfterImages)),
        };
        var carried = files.Where(f => AwardReapplication.Carries(Call, f, open)).Select(f => f.CarriedTo(again.Id)).ToList();
        Assert.Equal([AwardFileSlot.Evidence(AwardEvidenceSubject.BusinessLicence), AwardFileSlot.Evidence(AwardEvidenceSubject.IpCertificate)], carried.Select(f => f.Slot));
        Assert.All(carried, f => Assert.Equal((again.Id, "王经理", Now, scan), (f.ApplicationId, f.UploadedByName, f.UploadedAt, f.File)));
    }

    [Fact]
    public void Directions_are_kept_in_the_calls_order_and_the_content_is_audited_field_by_field()
    {
        Assert.Equal("|lighthouse|innovation|", AwardApplication.DirectionsColumn(Call, ["innovation", "lighthouse"]));
        var content = Innovation("基本情况");
        content.ContactName = "王经理";
        content.Entered["innovationSpendShare"] = 4.5m;
        var fields = content.AuditFields();
        Assert.Equal("基本情况", fields["innovation.basics"]);
        Assert.Equal("王经理", fields["联系人"]);
        Assert.Equal("4.5", fields["填报:innovationSpendShare"]);
    }

    [Fact]
    public void The_summarys_fields_follow_the_content_on_every_save_and_revision()
    {
        var a = AwardApplication.Start(AwardFiles.Chain, Guid.NewGuid(), EnterpriseId, "正定县", Now);
        Assert.Equal(new AwardSummaryFields(null, null, null, null, null, null, null), a.Summary);

        static AwardContent Case(string name, string brief, string contact) => new()
        {
            Texts = { ["chain"] = new AwardText { Sections = { ["name"] = name, ["summary"] = "案例简述正文", ["brief"] = brief } } },
            Mode = "平台赋能", ContactName = contact, ContactPhone = "13900002222", ContactEmail = "sun@example.com", Remark = " 备注 ",
        };
        a.Revise(AwardFiles.Chain, ["chain"], Case("某企业通过平台带动配套企业", "平台赋能20家配套企业", "孙经理"), Now);
        // As typed (the sheet prints what the applicant wrote), the brief from its own section, not the 250-character summary.
        Assert.Equal(new AwardSummaryFields("孙经理", "13900002222", "sun@example.com", " 备注 ", "平台赋能", "某企业通过平台带动配套企业", "平台赋能20家配套企业"),
            a.Summary);

        Assert.True(a.Apply(AwardFiles.Chain.Chain, AwardTrigger.Submit, Enterprise, null, new AwardCase([], null), Now).Taken);
        Assert.True(a.Apply(AwardFiles.Chain.Chain, AwardTrigger.Return, County, "请补充", new AwardCase([], null), Now).Taken);
        a.Revise(AwardFiles.Chain, ["chain"], Case("修改后的案例名称", "修改后的简述", "李经理"), Now);
        Assert.Equal(("李经理", "修改后的案例名称", "修改后的简述"), (a.Summary.ContactName, a.Summary.CaseName, a.Summary.CaseBrief));

        // A section emptied, or a 数智 application without a case: the columns say nothing rather than keep the old text.
        var shuzhi = AwardApplication.Start(Call, Guid.NewGuid(), EnterpriseId, "正定县", Now);
        shuzhi.Revise(Call, ["innovation"], Innovation("企业基本情况"), Now);
        Assert.Equal(AwardSummaryFields.Empty, shuzhi.Summary);
        a.Revise(AwardFiles.Chain, ["chain"], new AwardContent(), Now);
        Assert.Equal(AwardSummaryFields.Empty, a.Summary);
    }
}
