namespace DxPilot.Web.Features.Benchmarks;

/// <summary>A transition asked for on the detail page or through the API: the trigger's name ("return"), the reason, and the
/// version the decision was taken on.</summary>
public sealed class TransitionInput
{
    public string? Trigger { get; set; }
    public string? Reason { get; set; }
    public int? Version { get; set; }
}
