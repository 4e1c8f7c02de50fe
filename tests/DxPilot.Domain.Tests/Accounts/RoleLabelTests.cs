using DxPilot.Domain.Accounts;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Accounts;

/// <summary>A role is called what the programme's own documents call it: the national names unless the programme file
/// says otherwise, and a provincial programme must say what its top bureau is.</summary>
public sealed class RoleLabelTests
{
    [Fact]
    public void The_heilongjiang_call_names_its_bureaus_as_a_province()
    {
        var province = ProgrammeFiles.Heilongjiang;
        Assert.Equal("province", province.Level);
        Assert.Equal("省工信主管部门", province.RoleLabel(Role.CityBureau));
        Assert.Equal("市（地）工信主管部门", province.RoleLabel(Role.DistrictBureau));
        Assert.Equal("试点企业", province.RoleLabel(Role.Enterprise));
    }

    [Fact]
    public void A_city_programme_keeps_the_national_names()
    {
        Assert.Equal("市工信主管部门", ProgrammeFiles.Hangzhou.RoleLabel(Role.CityBureau));
        Assert.Equal("县（市、区）工信主管部门", ProgrammeFiles.Hangzhou.RoleLabel(Role.DistrictBureau));
    }

    [Fact]
    public void A_provincial_programme_without_its_bureau_label_is_refused()
    {
        var text = ProgrammeFiles.Text("heilongjiang-2025.json");
        var start = text.IndexOf("\"roleLabels\"", StringComparison.Ordinal);
        var end = text.IndexOf('}', start) + 1;
        var withoutLabels = ProgrammeFiles.Parse(text[..start] + text[(end + 1)..]);

        Assert.Contains(withoutLabels.Problems(), p => p.Path == "$.roleLabels.CityBureau");
    }
}
