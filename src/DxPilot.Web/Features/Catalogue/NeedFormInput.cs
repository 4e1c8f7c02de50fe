using DxPilot.Domain.Catalogue;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>The needs page's forms as the browser posts them.</summary>
public sealed class NeedFormInput
{
    public Guid? Id { get; set; }
    public string? Scenario { get; set; }
    public string? Problem { get; set; }
    public string? Pain { get; set; }
    public string? Priority { get; set; }
    public string? BudgetWan { get; set; }
    public int Version { get; set; }

    public NeedForm ToForm() => new(Scenario, Problem, Pain, NeedEndpoints.ParsePriority(Priority), BudgetWan);
}
