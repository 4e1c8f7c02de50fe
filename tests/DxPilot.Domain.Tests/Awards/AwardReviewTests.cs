using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Reviews;
using DxPilot.Domain.Tests.Support;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Tests.Awards;

/// <summary>The third party's review of award applications (seed 004 三（三）) and recognition per direction: conflict of interest,
/// the scores against the call's ranges, the guard on the city's decision and the amounts recognised (30 / 20 / 10 万, 链式 50 万).</summary>
public class AwardReviewTests
{
    private static readonly AwardCall Shuzhi = AwardFiles.Shuzhi;
    private static readonly AwardCall Chain = AwardFiles.Chain;
    private static readonly DateTime Now = new(2025, 9, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Guid EnterpriseId = Guid.NewGuid();
    private static readonly Actor County = new("d1", "正定县工信局", Role.DistrictBureau, Shuzhi.ProgrammeId, District: "正定县");
    private static readonly Actor City = new("c1", "市工信局", Role.CityBureau, Shuzhi.ProgrammeId);
    private static readonly Actor Enterprise = new("e1", "企业", Role.Enterprise, Shuzhi.ProgrammeId, EnterpriseId: EnterpriseId);

    /// <summary>An application of these directions driven to 评审中 (its texts are not what these tests are about: the submission's
    /// problems are given as none).</summary>
    private static AwardApplication UnderReview(AwardCall call, params string[] directions)
    {
        var a = AwardApplication.Start(call, Guid.NewGuid(), EnterpriseId, "正定县", Now);
        a.Revise(call, directions, new AwardContent(), Now);
        Assert.True(a.Apply(call.Chain, AwardTrigger.Submit, Enterprise, null, new AwardCase([], null), Now).Taken);
        Assert.True(a.Apply(call.Chain, AwardTrigger.Recommend, County, null, new AwardCase([], "已现场核查"), Now).Taken);
        Assert.True(a.Apply(call.Chain, AwardTrigger.StartReview, City, null, new AwardCase([], null), Now).Taken);
        return a;
    }

    private static AwardCase Reviewed(AwardCall call, AwardApplication a, ExpertTally tally, IReadOnlyList<string>? recognised = null) =>
        new([], null) { Reviews = tally, Applied = a.PickedDirections.Select(call.Direction).OfType<AwardDirection>().ToList(), Recognised = recognised };

    [Fact]
    public void An_expert_whose_organisation_serves_the_enterprise_or_contracted_for_it_is_refused_naming_why()
    {
        var org = Guid.NewGuid();
        Assert.Equal("利益冲突：该专家所在单位是该企业的服务商，不能评审其申报",
            AwardPolicy.Conflict(org, "91130100MA0000001X", [Guid.NewGuid(), org], []));
        Assert.Equal("利益冲突：该专家所在单位是该企业改造项目合同的服务商，不能评审其申报",
            AwardPolicy.Conflict(org, "91130100MA0000001X", [Guid.NewGuid()], ["91130100MA0000001X"]));
        Assert.Null(AwardPolicy.Conflict(org, "91130100MA0000001X", [Guid.NewGuid()], ["91130100MA0000002X"]));
        // An expert without an employer on file has none to conflict with.
        Assert.Null(AwardPolicy.Conflict(null, null, [Guid.NewGuid()], ["91130100MA0000001X"]));
        // Filing keeps its own wording of the same rule.
        Assert.Equal("利益冲突：该专家所在单位是该项目合同的服务商，不能评审其备案",
            Domain.Filings.FilingPolicy.Conflict(org, "91130100MA0000001X", [], ["91130100MA0000001X"]));
    }

    [Fact]
    public void The_items_are_each_criterion_of_the_directions_applied_for_with_the_calls_ranges()
    {
        var items = Shuzhi.Review!.Items(Shuzhi, ["innovation", "lighthouse"]);
        // The call's order, each criterion of 小灯塔 (6) then 创新 (1); each direction's maxima add up to 100 as the file states.
        Assert.Equal(["lighthouse.digitalEquipment", "lighthouse.networked", "lighthouse.scenarios", "lighthouse.level", "lighthouse.leadership",
            "lighthouse.innovation", "innovation.improvement"], items.Select(i => i.Key));
        Assert.Equal([15, 15, 20, 20, 15, 15, 100], items.Select(i => i.MaxScore));
        Assert.Equal("生产设备数字化率不低于60%（“小灯塔”标杆企业）", items[0].Label);
        Assert.Equal([40, 60], Chain.Review!.Items(Chain, ["chain"]).Select(i => i.MaxScore));
        Assert.Equal((3, 3), (Shuzhi.Review.MinReviews, Chain.Review.MinReviews));
    }

    [Fact]
    public void A_call_file_missing_a_criterions_range_or_naming_an_unknown_one_is_refused_with_its_path()
    {
        var json = AwardFiles.Text("sjz-chain-2025.json");
        var missing = AwardFiles.Parse(json.Replace("\"chain\": {\"mode\": 40, \"results\": 60}", "\"chain\": {\"mode\": 40}"));
        Assert.Contains(("$.review.maxScores.chain", "缺少条件“results”的满分"), missing.Problems());
        var unknown = AwardFiles.Parse(json.Replace("\"results\": 60}", "\"results\": 60, \"speed\": 0}"));
        Assert.Contains(unknown.Problems(), p => p == ("$.review.maxScores.chain.speed", "该方向没有这一条件"));
        Assert.Contains(unknown.Problems(), p => p == ("$.review.maxScores.chain.speed", "满分应为正整数"));
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("15", null)]
    [InlineData("16", "“生产设备数字化率不低于60%（“小灯塔”标杆企业）”应为0到15之间的整数")]
    [InlineData("-1", "“生产设备数字化率不低于60%（“小灯塔”标杆企业）”应为0到15之间的整数")]
    [InlineData("7.5", "“生产设备数字化率不低于60%（“小灯塔”标杆企业）”应为0到15之间的整数")]
    [InlineData("", "请为“生产设备数字化率不低于60%（“小灯塔”标杆企业）”打分")]
    public void A_score_is_a_whole_number_from_0_to_the_items_maximum(string first, string? error)
    {
        var items = Shuzhi.Review!.Items(Shuzhi, ["lighthouse"]);
        var given = items.ToDictionary(i => i.Key, i => (string?)"10");
        given["lighthouse.digitalEquipment"] = first;
        var (scores, errors) = AwardReviewScores.Check(items, given, AwardRecommendation.Recognise, "场景完整，数据可信");
        if (error is null)
        {
            Assert.Empty(errors);
            Assert.Equal(int.Parse(first) + 50, scores.Values.Sum());
        }
        else Assert.Equal(error, errors["lighthouse.digitalEquipment"]);
    }

    [Fact]
    public void A_hand_in_needs_a_recommendation_and_an_opinion_and_no_item_the_form_lacks()
    {
        var items = Shuzhi.Review!.Items(Shuzhi, ["innovation"]);
        var (_, errors) = AwardReviewScores.Check(items, new Dictionary<string, string?> { ["innovation.improvement"] = "80", ["lighthouse.level"] = "10" }, null, " ");
        Assert.Equal("请选择评审建议：推荐认定或不推荐", errors["recommendation"]);
        Assert.Equal("请填写评审意见，说明推荐或不推荐的理由", errors["opinion"]);
        Assert.Equal("评审表中没有该评分项", errors["lighthouse.level"]);
        var (_, tooLong) = AwardReviewScores.Check(items, new Dictionary<string, string?> { ["innovation.improvement"] = "80" }, AwardRecommendation.NotRecognise,
            new string('意', 2001));
        Assert.Equal("评审意见不超过2000字", tooLong["opinion"]);
    }

    [Fact]
    public void Recognition_and_its_refusal_need_the_calls_minimum_of_reviews_handed_in_and_none_pending()
    {
        var a = UnderReview(Shuzhi, "innovation");
        var min = Shuzhi.Review!.MinReviews;
        foreach (var trigger in new[] { AwardTrigger.Recognise, AwardTrigger.NotRecognise })
        {
            var action = trigger == AwardTrigger.Recognise ? "认定" : "不予认定";
            Assert.Equal($"不能{action}：须先指派至少3名专家评审（已指派2名）",
                a.Apply(Shuzhi.Chain, trigger, City, "理由", Reviewed(Shuzhi, a, new(min, min - 1, min - 1)), Now).Refusal!.Message);
            Assert.Equal($"不能{action}：还有1名专家未提交评审意见",
                a.Apply(Shuzhi.Chain, trigger, City, "理由", Reviewed(Shuzhi, a, new(min, min + 1, min)), Now).Refusal!.Message);
            Assert.Equal(AwardStatus.UnderReview, a.Status);
        }
        Assert.True(a.Apply(Shuzhi.Chain, AwardTrigger.Recognise, City, null, Reviewed(Shuzhi, a, new(min, min, min)), Now).Taken);
        Assert.Equal(AwardStatus.Recognised, a.Status);
    }

    [Fact]
    public void Recognised_in_one_direction_and_not_the_other_pays_that_directions_amount()
    {
        var done = new ExpertTally(3, 3, 3);
        var both = UnderReview(Shuzhi, "lighthouse", "innovation");
        Assert.Equal(0m, both.RecognisedAmountWan(Shuzhi));
        Assert.Equal("未认定“创新能力显著提升企业”，须填写理由",
            both.Apply(Shuzhi.Chain, AwardTrigger.Recognise, City, null, Reviewed(Shuzhi, both, done, ["lighthouse"]), Now).Refusal!.Message);
        Assert.Equal("认定须至少选择一个申报方向",
            both.Apply(Shuzhi.Chain, AwardTrigger.Recognise, City, "都不认定", Reviewed(Shuzhi, both, done, []), Now).Refusal!.Message);
        Assert.Equal("该申报没有申报方向“smartFactory”",
            both.Apply(Shuzhi.Chain, AwardTrigger.Recognise, City, "理由", Reviewed(Shuzhi, both, done, ["smartFactory"]), Now).Refusal!.Message);
        Assert.True(both.Apply(Shuzhi.Chain, AwardTrigger.Recognise, City, "创新投入提升幅度不足", Reviewed(Shuzhi, both, done, ["lighthouse"]), Now).Taken);
        Assert.Equal(("|lighthouse|", 30m), (both.RecognisedDirections, both.RecognisedAmountWan(Shuzhi)));
        Assert.Equal(["innovation"], both.DirectionsNotRecognised);

        var all = UnderReview(Shuzhi, "lighthouse", "innovation");
        Assert.True(all.Apply(Shuzhi.Chain, AwardTrigger.Recognise, City, null, Reviewed(Shuzhi, all, done), Now).Taken);
        Assert.Equal(30m + 10m, all.RecognisedAmountWan(Shuzhi));

        var factory = UnderReview(Shuzhi, "smartFactory");
        Assert.True(factory.Apply(Shuzhi.Chain, AwardTrigger.Recognise, City, null, Reviewed(Shuzhi, factory, done, ["smartFactory"]), Now).Taken);
        Assert.Equal(20m, factory.RecognisedAmountWan(Shuzhi));

        var chain = UnderReview(Chain, "chain");
        Assert.True(chain.Apply(Chain.Chain, AwardTrigger.Recognise, City, null, Reviewed(Chain, chain, done), Now).Taken);
        Assert.Equal(50m, chain.RecognisedAmountWan(Chain));

        var refused = UnderReview(Shuzhi, "lighthouse");
        Assert.True(refused.Apply(Shuzhi.Chain, AwardTrigger.NotRecognise, City, "场景不足4个", Reviewed(Shuzhi, refused, done), Now).Taken);
        Assert.Equal(0m, refused.RecognisedAmountWan(Shuzhi));
        Assert.Equal(["lighthouse"], refused.DirectionsNotRecognised);
    }

    [Fact]
    public void A_review_is_of_the_applications_current_round_and_handed_in_once()
    {
        var a = UnderReview(Shuzhi, "innovation");
        var review = AwardExpertReview.Assign(a, "x1", "赵专家", "市工信局", Now);
        Assert.Equal(1, review.Round);
        review.Submit(new Dictionary<string, int> { ["innovation.improvement"] = 82 }, AwardRecommendation.Recognise, " 提升明显 ", Now);
        Assert.Equal((82, 82, "提升明显"), (review.Total, review.TotalOf("innovation"), review.Opinion));
        Assert.Throws<InvalidOperationException>(() => review.Submit([], AwardRecommendation.NotRecognise, "改", Now));

        // Returned and submitted again: the next round.
        Assert.True(a.Apply(Shuzhi.Chain, AwardTrigger.Return, City, "请补充创新投入数据", new AwardCase([], null), Now).Taken);
        Assert.Throws<InvalidOperationException>(() => AwardExpertReview.Assign(a, "x1", "赵专家", "市工信局", Now));
        Assert.True(a.Apply(Shuzhi.Chain, AwardTrigger.Submit, Enterprise, null, new AwardCase([], null), Now).Taken);
        Assert.True(a.Apply(Shuzhi.Chain, AwardTrigger.Recommend, County, null, new AwardCase([], "已现场核查"), Now).Taken);
        Assert.True(a.Apply(Shuzhi.Chain, AwardTrigger.StartReview, City, null, new AwardCase([], null), Now).Taken);
        Assert.Equal(2, AwardExpertReview.Assign(a, "x1", "赵专家", "市工信局", Now).Round);
    }
}
