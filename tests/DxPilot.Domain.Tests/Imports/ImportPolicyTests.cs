using DxPilot.Domain.Accounts;
using DxPilot.Domain.Imports;

namespace DxPilot.Domain.Tests.Imports;

/// <summary>Bureaus import lists; the city reads every job of its programme, a district only its own.</summary>
public sealed class ImportPolicyTests
{
    private static readonly Actor City = new("c1", "杭州市经信局", Role.CityBureau, "hangzhou-2024");
    private static readonly Actor Binjiang = new("d1", "滨江区经信局", Role.DistrictBureau, "hangzhou-2024", District: "滨江区");
    private static readonly Actor Xihu = new("d2", "西湖区经信局", Role.DistrictBureau, "hangzhou-2024", District: "西湖区");
    private static readonly Actor OtherCity = new("c2", "长春市工信局", Role.CityBureau, "changchun-2025");
    private static readonly DateTime Now = new(2025, 7, 16, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(Role.CityBureau, true)]
    [InlineData(Role.DistrictBureau, true)]
    [InlineData(Role.ThinkTank, false)]
    [InlineData(Role.Enterprise, false)]
    [InlineData(Role.ServiceProvider, false)]
    [InlineData(Role.EvaluationAgency, false)]
    [InlineData(Role.AuditFirm, false)]
    [InlineData(Role.Expert, false)]
    public void Only_bureaus_start_an_import(Role role, bool allowed)
    {
        var refusal = ImportPolicy.Start(new Actor("u", "某人", role, "hangzhou-2024"));
        Assert.Equal(allowed ? null : "只有工信主管部门可以导入企业名单", refusal);
    }

    [Fact]
    public void The_city_reads_every_job_of_its_programme_a_district_only_its_own()
    {
        var jobs = new[] { ImportJob.Queue(Binjiang, "滨江区.xlsx", [1], Now), ImportJob.Queue(Xihu, "西湖区.xlsx", [1], Now) };
        string[] Read(Actor a) => jobs.AsQueryable().Where(ImportPolicy.Readable(a)).Select(j => j.FileName).ToArray();

        Assert.Equal(["滨江区.xlsx", "西湖区.xlsx"], Read(City));
        Assert.Equal(["滨江区.xlsx"], Read(Binjiang));
        Assert.Equal(["西湖区.xlsx"], Read(Xihu));
        Assert.Empty(Read(OtherCity));
    }
}
