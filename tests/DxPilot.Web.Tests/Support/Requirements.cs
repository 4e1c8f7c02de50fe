namespace DxPilot.Web.Tests.Support;

public static class Requirements
{
    /// <summary>Skips with the reason on a developer machine; in CI (DXPILOT_REQUIRE_ALL=1) a missing dependency is a failure, so nothing skips there.</summary>
    public static void Unmet(string why)
    {
        if (Environment.GetEnvironmentVariable("DXPILOT_REQUIRE_ALL") == "1") Assert.Fail(why);
        Assert.Skip(why);
    }
}
