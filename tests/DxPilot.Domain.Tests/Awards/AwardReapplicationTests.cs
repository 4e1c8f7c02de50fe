using DxPilot.Domain.Awards;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Awards;

/// <summary>"动态申报、成熟一批、发布一批" (seed 004 三（三）): only what was not recognised applies again in a later batch; an
/// application still undecided stops a new one; a recognised direction (and its 限报1项 partner) cannot be applied for again.</summary>
public class AwardReapplicationTests
{
    private static readonly AwardCall Shuzhi = AwardFiles.Shuzhi;
    private static readonly AwardCall Chain = AwardFiles.Chain;

    private static OtherApplication In(string batch, AwardStatus status, string label, params string[] recognised) => new(batch, status, label, recognised);

    [Theory]
    [InlineData(AwardStatus.Submitted, "待县区审核")]
    [InlineData(AwardStatus.Recommended, "县区已推荐")]
    [InlineData(AwardStatus.UnderReview, "评审中")]
    [InlineData(AwardStatus.Returned, "退回修改")]
    public void An_undecided_application_in_an_earlier_batch_stops_a_new_one_naming_its_batch_and_state(AwardStatus status, string label)
    {
        var earlier = new[] { In("第1批", status, label) };
        Assert.Equal($"本企业在第1批的申报（{label}）尚未作出认定结论，结论公布前不能再次申报", AwardReapplication.StartRefusal(Shuzhi, earlier));
        Assert.Contains($"本企业在第1批的申报（{label}）尚未作出认定结论，结论公布前不能再次申报", AwardReapplication.Problems(Shuzhi, ["innovation"], earlier));
    }

    [Theory]
    [InlineData(AwardStatus.NotRecognised)]
    [InlineData(AwardStatus.NotRecommended)]
    public void An_application_not_recognised_applies_again_for_the_same_direction(AwardStatus status)
    {
        var earlier = new[] { In("第1批", status, "未通过认定") };
        Assert.Null(AwardReapplication.StartRefusal(Shuzhi, earlier));
        Assert.Empty(AwardReapplication.Problems(Shuzhi, ["lighthouse", "innovation"], earlier));
    }

    [Fact]
    public void A_recognised_direction_cannot_be_applied_for_again_nor_its_exclusive_partner_but_another_direction_can()
    {
        var earlier = new[] { In("第1批", AwardStatus.Recognised, "已认定", "lighthouse") };
        Assert.Null(AwardReapplication.StartRefusal(Shuzhi, earlier));   // 创新能力显著提升 is still open
        Assert.Empty(AwardReapplication.Problems(Shuzhi, ["innovation"], earlier));
        Assert.Equal(["“小灯塔”标杆企业已在第1批认定（已认定），不能再次申报"], AwardReapplication.Problems(Shuzhi, ["lighthouse"], earlier));
        Assert.Equal(["数字化车间及智能工厂与第1批已认定的“小灯塔”标杆企业限报1项，不能再次申报"], AwardReapplication.Problems(Shuzhi, ["smartFactory"], earlier));
    }

    [Fact]
    public void A_direction_left_out_of_a_recognition_applies_again()
    {
        // Recognised for 小灯塔 only, of 小灯塔 and 创新: 创新 was not recognised and may come again.
        var earlier = new[] { In("第1批", AwardStatus.Recognised, "已认定", "lighthouse") };
        Assert.Empty(AwardReapplication.Problems(Shuzhi, ["innovation"], earlier));
    }

    [Fact]
    public void Every_direction_recognised_stops_the_start_naming_the_batches()
    {
        var earlier = new[] { In("第1批", AwardStatus.Recognised, "已认定", "smartFactory"), In("第2批", AwardStatus.Recognised, "已认定", "innovation") };
        Assert.Equal("本企业已在第1批认定为数字化车间及智能工厂，第2批认定为创新能力显著提升企业，本申报的方向均已认定或与已认定方向限报1项，不能再次申报",
            AwardReapplication.StartRefusal(Shuzhi, earlier));
        var chain = new[] { In("第1批", AwardStatus.Recognised, "已认定", "chain") };
        Assert.NotNull(AwardReapplication.StartRefusal(Chain, chain));
    }

    [Fact]
    public void Nothing_before_is_no_refusal()
    {
        Assert.Null(AwardReapplication.StartRefusal(Shuzhi, []));
        Assert.Empty(AwardReapplication.Problems(Shuzhi, ["lighthouse"], []));
    }
}
