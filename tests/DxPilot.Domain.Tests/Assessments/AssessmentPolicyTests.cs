using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;

namespace DxPilot.Domain.Tests.Assessments;

/// <summary>Who records which stage (DOMAIN §3: an enterprise only self-tests; its official level comes from an
/// on-site evaluation), who edits, who re-scores.</summary>
public sealed class AssessmentPolicyTests
{
    private static readonly Guid Own = Guid.NewGuid(), Other = Guid.NewGuid(), Org = Guid.NewGuid();

    [Theory]
    [InlineData(Role.Enterprise, new[] { AssessmentStage.SelfTest })]
    [InlineData(Role.ServiceProvider, new[] { AssessmentStage.Before })]
    [InlineData(Role.EvaluationAgency, new[] { AssessmentStage.Before, AssessmentStage.After })]
    [InlineData(Role.CityBureau, new AssessmentStage[0])]
    [InlineData(Role.DistrictBureau, new AssessmentStage[0])]
    [InlineData(Role.ThinkTank, new AssessmentStage[0])]
    [InlineData(Role.AuditFirm, new AssessmentStage[0])]
    [InlineData(Role.Expert, new AssessmentStage[0])]
    public void Each_role_records_only_its_stages(Role role, AssessmentStage[] stages)
    {
        var actor = new Actor("u", "某人", role, "p", EnterpriseId: Own, OrganisationId: Org);
        Assert.Equal(stages, AssessmentPolicy.StagesFor(actor));
        Assert.Equal(stages.Length > 0, AssessmentPolicy.Record(actor, Own) is null);
    }

    [Fact]
    public void An_enterprise_self_tests_only_its_own_file()
    {
        var enterprise = new Actor("u", "某企业", Role.Enterprise, "p", EnterpriseId: Own);
        Assert.Null(AssessmentPolicy.Record(enterprise, Own));
        Assert.Equal("只有企业本身（自测）、为其诊断的服务商或评测机构可以填写评测", AssessmentPolicy.Record(enterprise, Other));
    }
}
