using DxPilot.Domain.Awards;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Awards;

/// <summary>Directions, length limits, the 链式 rule and picture sizes, each at its boundary (seed 004 附件1 二, 附件4, 附件2).</summary>
public class AwardRulesTests
{
    private static readonly AwardCall Shuzhi = AwardFiles.Shuzhi;
    private static AwardTemplate Lighthouse => Shuzhi.Direction("lighthouse")!.Template;
    private static AwardTemplate Chain => AwardFiles.Chain.Directions[0].Template;

    [Theory]
    [InlineData(new[] { "lighthouse" }, null)]
    [InlineData(new[] { "smartFactory" }, null)]
    [InlineData(new[] { "innovation" }, null)]
    [InlineData(new[] { "lighthouse", "innovation" }, null)]
    [InlineData(new[] { "smartFactory", "innovation" }, null)]
    [InlineData(new[] { "lighthouse", "smartFactory" }, "“小灯塔”标杆企业和数字化车间及智能工厂限报1项，请只选其中之一")]
    [InlineData(new[] { "lighthouse", "smartFactory", "innovation" }, "申报方向限选2项（已选3项）")]
    [InlineData(new string[0], "请选择申报方向")]
    [InlineData(new[] { "chain" }, "本次申报没有方向“chain”")]
    public void Directions_at_most_two_and_lighthouse_or_factory_not_both(string[] picked, string? refusal)
    {
        var problems = AwardDirections.Problems(Shuzhi, picked);
        if (refusal is null) Assert.Empty(problems);
        else Assert.Contains(refusal, problems);
    }

    [Fact]
    public void Three_directions_with_lighthouse_and_factory_name_both_broken_rules()
    {
        var problems = AwardDirections.Problems(Shuzhi, ["lighthouse", "smartFactory", "innovation"]);
        Assert.Equal(2, problems.Count);
    }

    private static AwardText LighthouseText(int scenarios, string description)
    {
        var text = new AwardText
        {
            Sections = { ["basics"] = "企业概况", ["foundation"] = "设备情况", ["leadership"] = "领导小组", ["plan"] = "三年规划" },
        };
        for (var i = 0; i < scenarios; i++)
            text.Scenarios.Add(new ScenarioText
            {
                TypicalScenario = 8 + i,
                Fields = { ["description"] = description, ["painPoints"] = "痛点", ["results"] = "成效", ["economics"] = "经济性" },
            });
        return text;
    }

    public static TheoryData<string, int> Texts => new()
    {
        // 500 as a person counts them: CJK, emoji (one grapheme each, even with a skin tone or as a family), mixed, combining marks.
        { new string('字', 500), 500 },
        { string.Concat(Enumerable.Repeat("👍🏽", 500)), 500 },
        { string.Concat(Enumerable.Repeat("👨‍👩‍👧", 500)), 500 },
        { string.Concat(Enumerable.Repeat("ab中😀", 125)), 500 },
        { string.Concat(Enumerable.Repeat("e\u0301", 500)), 500 },
        { "  " + new string('字', 500) + "\n\n", 500 },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void A_scenario_description_of_500_characters_as_a_person_counts_them_passes_and_501_is_refused(string text500, int expected)
    {
        Assert.Equal(expected, AwardLimits.Count(text500));
        Assert.Empty(AwardLimits.SubmissionProblems(Lighthouse, LighthouseText(4, text500), [8, 9, 10, 11]));
        var over = AwardLimits.SubmissionProblems(Lighthouse, LighthouseText(4, text500.Trim() + "字"), [8, 9, 10, 11]);
        Assert.Equal(4, over.Count);
        Assert.Equal(new TextProblem("scenarios[0].description", "场景1的场景描述不超过500字（现有501字，超出1字）"), over[0]);
        Assert.Equal("501/500字", AwardLimits.Counter(text500.Trim() + "字", 500));
    }

    [Theory]
    [InlineData("results", 300)]
    [InlineData("economics", 300)]
    [InlineData("painPoints", 500)]
    public void Each_scenario_field_at_its_limit_passes_and_one_more_is_refused(string field, int limit)
    {
        // Seed 004 附件1-1 二: "应用场景不少于 4 个" — the template asks for all four.
        var text = LighthouseText(4, "描述");
        text.Scenarios[0].Fields[field] = new string('效', limit);
        Assert.Empty(AwardLimits.SubmissionProblems(Lighthouse, text));
        text.Scenarios[0].Fields[field] = new string('效', limit + 1);
        Assert.Equal([$"scenarios[0].{field}"], AwardLimits.SubmissionProblems(Lighthouse, text).Select(p => p.Path));
    }

    [Fact]
    public void Basics_of_501_characters_are_refused_but_a_draft_keeps_them()
    {
        var text = LighthouseText(1, "描述");
        text.Sections["basics"] = new string('企', 501);
        Assert.Contains(new TextProblem("sections.basics", "企业基本情况不超过500字（现有501字，超出1字）"), AwardLimits.SubmissionProblems(Lighthouse, text));
        Assert.Empty(AwardLimits.DraftProblems(Lighthouse, text));
    }

    [Fact]
    public void A_fifth_scenario_is_refused_and_a_draft_cannot_hold_control_characters()
    {
        var five = LighthouseText(5, "描述");
        Assert.Contains(new TextProblem("scenarios", "应用场景最多4个（现有5个）"), AwardLimits.DraftProblems(Lighthouse, five));
        var control = LighthouseText(1, "描述\u0007");
        Assert.Contains(AwardLimits.DraftProblems(Lighthouse, control), p => p.Path == "scenarios[0].description" && p.Message.Contains("控制字符"));
    }

    [Fact]
    public void Submission_names_each_missing_part_and_each_unmapped_scenario()
    {
        var text = LighthouseText(2, "描述");
        text.Sections.Remove("plan");
        text.Scenarios[1].TypicalScenario = null;
        text.Scenarios[0].TypicalScenario = 99;
        var problems = AwardLimits.SubmissionProblems(Lighthouse, text, Shuzhi.TypicalScenarios.Select(t => t.Number).ToList());
        Assert.Contains(new TextProblem("sections.plan", "请填写企业在未来投入计划、推广路径、三年内规划等方面的考虑"), problems);
        Assert.Contains(new TextProblem("scenarios[0].typicalScenario", "场景1：典型场景清单中没有第99项"), problems);
        Assert.Contains(new TextProblem("scenarios[1].typicalScenario", "场景2：请选择对应的典型场景"), problems);
    }

    private static AwardText ChainText(int name, int summary, int measures, int results, int problems) => new()
    {
        Sections =
        {
            ["name"] = new string('名', name), ["summary"] = new string('述', summary), ["measures"] = new string('举', measures),
            ["results"] = new string('效', results), ["problems"] = new string('难', problems), ["brief"] = "简述",
        },
    };

    [Fact]
    public void A_chain_case_at_every_limit_passes_and_one_more_in_each_part_is_refused_by_that_part()
    {
        // 50 + 250 = 300 (案例简介) and 50 + 250 + 1800 + 1000 + 400 = 3500 (全文): the seed's totals meet exactly at the parts' limits.
        Assert.Empty(AwardLimits.SubmissionProblems(Chain, ChainText(50, 250, 1800, 1000, 400)));
        Assert.Equal(["sections.name", "totals", "totals"], AwardLimits.SubmissionProblems(Chain, ChainText(51, 250, 1800, 1000, 400)).Select(p => p.Path));
        var summary = AwardLimits.SubmissionProblems(Chain, ChainText(50, 251, 1800, 1000, 400));
        Assert.Contains(new TextProblem("totals", "案例简介（案例名称与案例简述）合计不超过300字（现有301字，超出1字）"), summary);
        Assert.Contains(new TextProblem("totals", "案例全文合计不超过3500字（现有3501字，超出1字）"), summary);
        Assert.Equal(["sections.measures", "totals"], AwardLimits.SubmissionProblems(Chain, ChainText(50, 250, 1801, 1000, 400)).Select(p => p.Path));
        Assert.Equal(["sections.results", "totals"], AwardLimits.SubmissionProblems(Chain, ChainText(50, 250, 1800, 1001, 400)).Select(p => p.Path));
        Assert.Equal(["sections.problems", "totals"], AwardLimits.SubmissionProblems(Chain, ChainText(50, 250, 1800, 1000, 401)).Select(p => p.Path));
    }

    private static readonly ChainCaseRules Rules = AwardFiles.Chain.ChainCase!;
    private const string Lead = "91130100MA0000000X";

    private static List<DrivenSme> Smes(int n, DrivenAnswer answer = DrivenAnswer.Confirmed) =>
        Enumerable.Range(1, n).Select(i => new DrivenSme($"9113010{i:D2}MA00000{i:D2}", $"配套企业{i}", answer)).ToList();

    [Fact]
    public void A_chain_case_needs_eight_confirmed_smes_other_than_itself_each_once()
    {
        Assert.Empty(ChainCase.Problems(Rules, Lead, "平台赋能", Smes(8)));
        Assert.Contains("带动的中小企业不少于8家（已确认7家）", ChainCase.Problems(Rules, Lead, "平台赋能", Smes(7)));

        var withSelf = Smes(7).Append(new DrivenSme(Lead.ToLowerInvariant(), "申报企业", DrivenAnswer.Confirmed)).ToList();
        var self = ChainCase.Problems(Rules, Lead, "平台赋能", withSelf);
        Assert.Contains("带动的中小企业不能包括申报企业自身", self);
        Assert.Contains("带动的中小企业不少于8家（已确认7家）", self);

        var twice = Smes(7).Append(Smes(1)[0] with { Uscc = " " + Smes(1)[0].Uscc.ToLowerInvariant() }).ToList();
        var dup = ChainCase.Problems(Rules, Lead, "平台赋能", twice);
        Assert.Contains(dup, p => p.StartsWith("配套企业1（") && p.EndsWith("重复列出了2次"));
        Assert.Contains("带动的中小企业不少于8家（已确认7家）", dup);

        var declined = Smes(8);
        declined[7] = declined[7] with { Answer = DrivenAnswer.Declined };
        Assert.Contains("配套企业8未确认被带动（已拒绝）", ChainCase.Problems(Rules, Lead, "平台赋能", declined));
        var pending = Smes(8);
        pending[0] = pending[0] with { Answer = DrivenAnswer.Pending };
        Assert.Contains("配套企业1尚未确认", ChainCase.Problems(Rules, Lead, "平台赋能", pending));
        Assert.Contains("请选择案例模式：技术赋能、供应链赋能、平台赋能、生态赋能、绿色赋能", ChainCase.Problems(Rules, Lead, "数据赋能", Smes(8)));
    }

    [Theory]
    [InlineData(1000, 1000, null)]
    [InlineData(1001, 800, "插图宽和高均不超过1000×1000像素（该图为1001×800像素）")]
    [InlineData(800, 1001, "插图宽和高均不超过1000×1000像素（该图为800×1001像素）")]
    public void A_picture_up_to_1000_by_1000_pixels_passes(int width, int height, string? refusal)
    {
        Assert.Equal(refusal, ImageLimit.Problem(Chain.Images!, width, height));
        Assert.Null(ImageLimit.CountProblem(Chain.Images!, 2));
        Assert.Equal("插图不超过2个（现有3个）", ImageLimit.CountProblem(Chain.Images!, 3));
    }

    [Fact]
    public void Evidence_files_take_a_subject_of_the_list_and_each_criterion_names_the_subjects_that_support_it()
    {
        Assert.Equal((null, null), AwardFileRules.Rules(Shuzhi, AwardFileSlot.Evidence(AwardEvidenceSubject.IpCertificate)));
        Assert.StartsWith("请选择证明材料的类别：企业法人营业执照复印件、经会计师事务所审计的财务报告、纳税凭证或纳税证明、设备数字化率/联网率证明、知识产权证书",
            AwardFileRules.Rules(Shuzhi, new AwardFileSlot(AwardFileKind.Evidence)).Problem);
        Assert.NotNull(AwardFileRules.Rules(Shuzhi, new AwardFileSlot(AwardFileKind.Evidence, null, 99)).Problem);
        // 带动中小企业的佐证材料 is the 链式 case's (附件2 三（七）), not a 数智 application's.
        Assert.NotNull(AwardFileRules.Rules(Shuzhi, AwardFileSlot.Evidence(AwardEvidenceSubject.DrivenSmes)).Problem);
        Assert.Equal((null, null), AwardFileRules.Rules(AwardFiles.Chain, AwardFileSlot.Evidence(AwardEvidenceSubject.DrivenSmes)));
        Assert.Equal("证明材料：知识产权证书", AwardFile.SlotLabel(AwardFileKind.Evidence, (int)AwardEvidenceSubject.IpCertificate));
        // 小灯塔: 五、相关附件 (营业执照, 审计报告, 纳税凭证, 等级证书, 奖励证书) and what its criteria name: the rates (附件1-1 一), IP,
        // 转型保障; 创新 (三、相关附件): the same list, IP and 其他相关附件.
        Assert.Equal([AwardEvidenceSubject.BusinessLicence, AwardEvidenceSubject.FinancialReport, AwardEvidenceSubject.TaxProof, AwardEvidenceSubject.EquipmentRates,
                AwardEvidenceSubject.IpCertificate, AwardEvidenceSubject.Leadership, AwardEvidenceSubject.LevelCertificate, AwardEvidenceSubject.Honours, AwardEvidenceSubject.Other],
            AwardFileRules.EvidenceSubjects(Shuzhi, ["lighthouse"]));
        Assert.Equal([AwardEvidenceSubject.BusinessLicence, AwardEvidenceSubject.FinancialReport, AwardEvidenceSubject.TaxProof, AwardEvidenceSubject.IpCertificate,
                AwardEvidenceSubject.LevelCertificate, AwardEvidenceSubject.Honours, AwardEvidenceSubject.Other],
            AwardFileRules.EvidenceSubjects(Shuzhi, ["innovation"]));
        // 车间 adds 改造前后的影像资料 (its 五（四）); the 链式 case lists 附件2 三's materials.
        Assert.Contains(AwardEvidenceSubject.BeforeAfterImages, AwardFileRules.Listed(Shuzhi, ["smartFactory"]));
        Assert.DoesNotContain(AwardEvidenceSubject.BeforeAfterImages, AwardFileRules.Listed(Shuzhi, ["lighthouse", "innovation"]));
        Assert.Equal([AwardEvidenceSubject.BusinessLicence, AwardEvidenceSubject.FinancialReport, AwardEvidenceSubject.TaxProof, AwardEvidenceSubject.CreditReport,
            AwardEvidenceSubject.DrivenSmes], AwardFileRules.Listed(AwardFiles.Chain, ["chain"]));
        Assert.Equal([AwardEvidenceSubject.EquipmentRates], Shuzhi.Direction("lighthouse")!.Criteria.Single(c => c.Key == "networked").Evidence);
        // Evidence is never required to submit.
        Assert.DoesNotContain(AwardFileRules.SubmissionProblems(Shuzhi, [new AwardFileSlot(AwardFileKind.Pledge), new AwardFileSlot(AwardFileKind.Declaration)], ["lighthouse"]),
            p => p.Contains("证明材料", StringComparison.Ordinal));
    }
}
