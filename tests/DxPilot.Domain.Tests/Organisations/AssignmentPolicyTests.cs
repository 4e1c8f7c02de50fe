using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Organisations;

/// <summary>服务商分配 (DOMAIN §1): bureaus assign within their scope, one organisation of each kind per enterprise, a withdrawal
/// needs its reason.</summary>
public sealed class AssignmentPolicyTests
{
    private const string Programme = "changchun-2025";
    private static readonly DateTime At = new(2025, 7, 16, 2, 0, 0, DateTimeKind.Utc);

    private static readonly Actor City = new("u1", "长春市工信局", Role.CityBureau, Programme);
    private static readonly Actor Chaoyang = new("u2", "朝阳区工信局", Role.DistrictBureau, Programme, District: "朝阳区");
    private static readonly Actor Lvyuan = Chaoyang with { UserId = "u3", Name = "绿园区工信局", District = "绿园区" };

    private static readonly Organisation Provider = new() { ProgrammeId = Programme, Name = "甲服务商", Kind = OrganisationKind.ServiceProvider };
    private static readonly Organisation OtherProvider = new() { ProgrammeId = Programme, Name = "乙服务商", Kind = OrganisationKind.ServiceProvider };
    private static readonly Organisation Agency = new() { ProgrammeId = Programme, Name = "丙评测机构", Kind = OrganisationKind.EvaluationAgency };
    private static readonly Organisation ThinkTank = new() { ProgrammeId = Programme, Name = "丁智库", Kind = OrganisationKind.ThinkTank };

    private static Enterprise InChaoyang() => Enterprise.Register(ProgrammeFiles.Changchun,
        new EnterpriseDetails { Name = "长春测试汽车零部件有限公司", District = "朝阳区", IndustryKey = "汽车零部件配件制造" }, At);

    private static (Assignment Assignment, string OrganisationName)[] None => [];

    private static (Assignment, string) Assigned(Enterprise e, Organisation o)
    {
        var (link, _, refusal) = AssignmentPolicy.Assign(City, e, o, None, null, At);
        Assert.Null(refusal);
        return (link!, o.Name);
    }

    [Fact]
    public void The_city_and_the_enterprises_district_assign_and_the_change_names_who_and_when()
    {
        var e = InChaoyang();
        foreach (var bureau in new[] { City, Chaoyang })
        {
            var (link, change, refusal) = AssignmentPolicy.Assign(bureau, e, Provider, None, null, At);
            Assert.Null(refusal);
            Assert.Equal((Provider.Id, e.Id, OrganisationKind.ServiceProvider), (link!.OrganisationId, link.EnterpriseId, link.Kind));
            Assert.Equal((AssignmentChangeKind.Assigned, bureau.UserId, bureau.Name, At, Programme),
                (change!.Change, change.ActorId, change.ActorName, change.At, change.ProgrammeId));
        }
    }

    [Fact]
    public void Another_district_and_every_role_that_is_not_a_bureau_are_refused()
    {
        var e = InChaoyang();
        var (_, _, other) = AssignmentPolicy.Assign(Lvyuan, e, Provider, None, null, At);
        Assert.Equal(new AssignmentRefusal(AssignmentRefusalKind.NotAllowed, "您只能分配绿园区的企业"), other);
        foreach (var role in new[] { Role.ServiceProvider, Role.EvaluationAgency, Role.AuditFirm, Role.ThinkTank, Role.Expert, Role.Enterprise })
        {
            var actor = new Actor("x", "x", role, Programme, OrganisationId: Provider.Id, EnterpriseId: e.Id);
            var (link, change, refusal) = AssignmentPolicy.Assign(actor, e, Provider, None, null, At);
            Assert.Equal(AssignmentRefusalKind.NotAllowed, refusal?.Kind);
            Assert.Null(link);
            Assert.Null(change);
            Assert.Equal(AssignmentRefusalKind.NotAllowed, AssignmentPolicy.Withdraw(actor, e, Provider, Assigned(e, Provider).Item1, "理由", At).Refusal?.Kind);
        }
    }

    [Fact]
    public void One_organisation_of_each_kind_per_enterprise()
    {
        var e = InChaoyang();
        var current = new[] { Assigned(e, Provider) };

        var again = AssignmentPolicy.Assign(City, e, Provider, current, null, At).Refusal;
        Assert.Equal(new AssignmentRefusal(AssignmentRefusalKind.AlreadyAssigned, "该企业已分配给甲服务商，无需重复分配"), again);
        var second = AssignmentPolicy.Assign(City, e, OtherProvider, current, null, At).Refusal;
        Assert.Equal(AssignmentRefusalKind.AlreadyAssigned, second?.Kind);
        Assert.Contains("服务商“甲服务商”", second!.Message);
        Assert.Contains("先撤销原分配", second.Message);
        // An agency beside the provider is another kind.
        Assert.Null(AssignmentPolicy.Assign(City, e, Agency, current, null, At).Refusal);
    }

    [Fact]
    public void The_think_tank_is_not_assigned()
    {
        var refusal = AssignmentPolicy.Assign(City, InChaoyang(), ThinkTank, None, null, At).Refusal;
        Assert.Equal(AssignmentRefusalKind.Invalid, refusal?.Kind);
        Assert.Contains("智库", refusal!.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_withdrawal_without_a_reason_is_refused(string? reason)
    {
        var e = InChaoyang();
        var refusal = AssignmentPolicy.Withdraw(Chaoyang, e, Provider, Assigned(e, Provider).Item1, reason, At).Refusal;
        Assert.Equal(new AssignmentRefusal(AssignmentRefusalKind.Invalid, "撤销分配须填写理由，如：企业另选服务商"), refusal);
    }

    [Fact]
    public void A_withdrawal_reason_is_kept_up_to_its_limit()
    {
        var e = InChaoyang();
        var link = Assigned(e, Provider).Item1;
        var longest = new string('因', AssignmentPolicy.MaxReasonCharacters);
        var (change, refusal) = AssignmentPolicy.Withdraw(Chaoyang, e, Provider, link, "  " + longest + " ", At);
        Assert.Null(refusal);
        Assert.Equal((AssignmentChangeKind.Withdrawn, longest), (change!.Change, change.Reason));
        Assert.Equal(AssignmentRefusalKind.Invalid, AssignmentPolicy.Withdraw(Chaoyang, e, Provider, link, longest + "因", At).Refusal?.Kind);
        Assert.Equal(AssignmentRefusalKind.Invalid, AssignmentPolicy.Withdraw(Chaoyang, e, Provider, link, "企业\u0000另选", At).Refusal?.Kind);
    }

    [Fact]
    public void Withdrawing_what_is_not_assigned_is_refused()
    {
        var refusal = AssignmentPolicy.Withdraw(City, InChaoyang(), Provider, null, "企业另选服务商", At).Refusal;
        Assert.Equal(new AssignmentRefusal(AssignmentRefusalKind.AlreadyAssigned, "该企业目前没有分配给甲服务商，无需撤销"), refusal);
    }

    [Fact]
    public void Who_reads_the_list_and_the_history()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var a = new Actor("x", "x", role, Programme, District: "朝阳区");
            var list = role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank or Role.ServiceProvider or Role.EvaluationAgency or Role.AuditFirm;
            Assert.Equal(list, AssignmentPolicy.ReadList(a) is null);
            Assert.Equal(role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank, AssignmentPolicy.ReadHistory(a) is null);
            Assert.Equal(role is Role.ServiceProvider or Role.EvaluationAgency or Role.AuditFirm, AssignmentPolicy.SeesOnlyOwn(a));
        }
    }
}
