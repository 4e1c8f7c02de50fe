using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Workflow;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>A proposal as the API returns it; <see cref="Version"/> goes back with a decision.</summary>
public sealed record BureauFieldChangeDto(
    Guid Id, Guid EnterpriseId, string Name, string? Uscc, QualityTier QualityTier, bool? AboveScale, string IndustryKey, string Reason,
    string ProposedByName, DateTime ProposedAt, string Status, string StatusLabel, string? DecidedByName, DateTime? DecidedAt,
    string? DecisionReason, int Version)
{
    public static BureauFieldChangeDto From(BureauFieldChange c) => new(
        c.Id, c.EnterpriseId, c.Name, c.Uscc, c.QualityTier, c.AboveScale, c.IndustryKey, c.Reason, c.ProposedByName, c.ProposedAt,
        WorkflowNames.Of(c.Status), BureauFieldChangeWorkflow.Chain.Label(c.Status), c.DecidedByName, c.DecidedAt, c.DecisionReason, c.Version);
}

/// <summary>A bureau's decision: the trigger's name (confirm, reject), its reason, and the proposal's version as read.</summary>
public sealed record BureauFieldChangeDecision(string? Trigger, string? Reason, int? Version);
