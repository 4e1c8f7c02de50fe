using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Reviews;
using DxPilot.Domain.Tests.Support;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Tests.Filings;

/// <summary>
/// The review chains as the programme files declare them (seed 003 二: 企业申报 → 区、县（市）审核上报 → 专家审核 → 备案确认; seed 002
/// 三（二）4 and 附件4: 县（市、区）工信主管部门意见 → 市工信局): every role's allowed and forbidden transitions from every state.
/// </summary>
public sealed class FilingChainTests
{
    private static readonly DateTime Now = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Enterprise = Guid.NewGuid();

    private static Actor As(Role role, string programme = "hangzhou-2024") => role switch
    {
        Role.Enterprise => new("e1", "企业", role, programme, EnterpriseId: Enterprise),
        Role.DistrictBureau => new("d1", "区县", role, programme, District: "滨江区"),
        _ => new($"{role}", role.Label(), role, programme),
    };

    private static readonly Role[] Roles = Enum.GetValues<Role>();

    /// <summary>Who may take which trigger from which state, as seed 003 二 reads.</summary>
    private static readonly (FilingStatus From, FilingTrigger Trigger, Role Who)[] Allowed =
    [
        (FilingStatus.Draft, FilingTrigger.Submit, Role.Enterprise),
        (FilingStatus.Returned, FilingTrigger.Submit, Role.Enterprise),
        (FilingStatus.DistrictReview, FilingTrigger.Pass, Role.DistrictBureau),
        (FilingStatus.DistrictReview, FilingTrigger.Return, Role.DistrictBureau),
        (FilingStatus.CityReview, FilingTrigger.Return, Role.DistrictBureau),
        (FilingStatus.DistrictReview, FilingTrigger.Return, Role.CityBureau),
        (FilingStatus.CityReview, FilingTrigger.Return, Role.CityBureau),
        (FilingStatus.CityReview, FilingTrigger.Confirm, Role.CityBureau),
        (FilingStatus.CityReview, FilingTrigger.Reject, Role.CityBureau),
    ];

    [Theory]
    [InlineData("hangzhou-2024")]
    [InlineData("changchun-2025")]
    public void Every_role_may_take_exactly_the_declared_transitions_from_every_state(string programme)
    {
        var chain = ProgrammeFiles.ById(programme).Filing!.Chain;
        foreach (var state in Enum.GetValues<FilingStatus>())
        foreach (var role in Roles)
        {
            var open = chain.Open(state, As(role, programme)).Select(t => t.Trigger).ToHashSet();
            var expected = Allowed.Where(a => a.From == state && a.Who == role).Select(a => a.Trigger).ToHashSet();
            Assert.True(expected.SetEquals(open), $"{programme} {state} {role}: {string.Join(",", open)}");
        }
    }

    private static Filing Draft() => Filing.Start("hangzhou-2024", Enterprise, "滨江区", As(Role.Enterprise), Now);

    private static FilingCase Case(Filing f, IReadOnlyList<string>? problems = null, ExpertTally? experts = null) =>
        new(f, problems ?? [], experts ?? new ExpertTally(1, 1, 1));

    private static TransitionResult<FilingStatus> Take(Filing f, FilingTrigger trigger, Role role, string? reason = null, FilingCase? subject = null,
        string programme = "hangzhou-2024") =>
        f.Apply(ProgrammeFiles.ById(programme).Filing!.Chain, trigger, As(role, programme), reason, subject ?? Case(f), (false, true), Now);

    [Fact]
    public void A_forbidden_transition_cannot_be_expressed_and_changes_nothing()
    {
        var f = Draft();
        var byCity = Take(f, FilingTrigger.Confirm, Role.CityBureau, "同意");
        Assert.Equal(RefusalKind.WrongState, byCity.Refusal!.Kind);
        var byProvider = Take(f, FilingTrigger.Submit, Role.ServiceProvider);
        Assert.Equal(RefusalKind.NotAllowed, byProvider.Refusal!.Kind);
        Assert.Equal("数字化转型服务商无权提交备案", byProvider.Refusal.Message);
        Assert.Equal(FilingStatus.Draft, f.Status);
        Assert.Equal(0, f.Round);
        Assert.Equal(1, f.Version);
    }

    [Fact]
    public void Submission_is_refused_with_every_problem_and_counts_a_round_when_it_passes()
    {
        var f = Draft();
        var refused = Take(f, FilingTrigger.Submit, Role.Enterprise, subject: Case(f, ["请填写项目名称", "中小企业：大型企业"]));
        Assert.Equal("不能提交备案：请填写项目名称；中小企业：大型企业", refused.Refusal!.Message);
        var taken = Take(f, FilingTrigger.Submit, Role.Enterprise);
        Assert.True(taken.Taken);
        Assert.Equal((FilingStatus.DistrictReview, 1), (f.Status, f.Round));
        Assert.True(f.Pilot2022);
        Assert.True(f.ExcludedFromCentralFunds);
        Assert.Equal(("draft", "districtReview", "submit"), (taken.Record!.FromState, taken.Record.ToState, taken.Record.Trigger));
    }

    [Fact]
    public void Returns_need_a_reason_the_district_passes_with_its_opinion_and_Hangzhou_s_city_waits_for_its_experts()
    {
        var f = Draft();
        Take(f, FilingTrigger.Submit, Role.Enterprise);
        Assert.Equal("退回修改须填写理由", Take(f, FilingTrigger.Return, Role.DistrictBureau, " ").Refusal!.Message);
        Assert.Equal("初审通过并报送须填写审核意见", Take(f, FilingTrigger.Pass, Role.DistrictBureau).Refusal!.Message);
        Assert.True(Take(f, FilingTrigger.Pass, Role.DistrictBureau, "经会同区财政局初审，同意报送。").Taken);
        Assert.Equal("经会同区财政局初审，同意报送。", f.LastOpinion);
        Assert.Equal("不能备案确认：须先指派至少1名专家评审（已指派0名）",
            Take(f, FilingTrigger.Confirm, Role.CityBureau, "同意", Case(f, experts: new ExpertTally(1, 0, 0))).Refusal!.Message);
        Assert.Equal("不能备案确认：还有1名专家未提交评审意见",
            Take(f, FilingTrigger.Confirm, Role.CityBureau, "同意", Case(f, experts: new ExpertTally(1, 2, 1))).Refusal!.Message);
        Assert.True(Take(f, FilingTrigger.Confirm, Role.CityBureau, "同意备案，下达试点改造任务。").Taken);
        Assert.Equal(FilingStatus.Filed, f.Status);
        Assert.Equal(Now, f.FiledAt);
    }

    [Fact]
    public void Changchun_s_city_confirms_without_experts()
    {
        var f = Filing.Start("changchun-2025", Enterprise, "朝阳区", As(Role.Enterprise, "changchun-2025"), Now);
        Assert.True(Take(f, FilingTrigger.Submit, Role.Enterprise, programme: "changchun-2025").Taken);
        Assert.True(Take(f, FilingTrigger.Pass, Role.DistrictBureau, "同意。", programme: "changchun-2025").Taken);
        Assert.True(Take(f, FilingTrigger.Confirm, Role.CityBureau, "同意入库。", Case(f, experts: new ExpertTally(0, 0, 0)), "changchun-2025").Taken);
        Assert.Equal("已备案", ProgrammeFiles.Changchun.Filing!.Chain.Label(f.Status));
    }

    [Fact]
    public void A_submitted_filing_is_not_edited_until_it_is_returned()
    {
        var f = Draft();
        var form = ProgrammeFiles.Hangzhou.Filing!.Form;
        f.Edit(new Dictionary<string, string?> { ["projectName"] = "数字化车间" }, form, "滨江区", Now);
        Take(f, FilingTrigger.Submit, Role.Enterprise);
        Assert.Throws<InvalidOperationException>(() => f.Edit(new Dictionary<string, string?> { ["projectName"] = "改" }, form, "滨江区", Now));
        Take(f, FilingTrigger.Return, Role.DistrictBureau, "请补充合同。");
        f.Edit(new Dictionary<string, string?> { ["projectName"] = "数字化车间改造" }, form, "滨江区", Now);
        Assert.Equal("数字化车间改造", f.ProjectName);
    }
}
