namespace DxPilot.Web.Features.Enterprises;

/// <summary>Registry limits a deployment may change (DxPilot:* in configuration).</summary>
public sealed record RegistrySettings(int SearchCountLimit)
{
    public static RegistrySettings From(IConfiguration c) => new(Math.Max(1, c.GetValue("DxPilot:SearchCountLimit", 2_000)));
}
