using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Catalogue;

/// <summary>
/// 分享方案: the enterprise shared a saved plan with a provider (who, when, with whom), until it withdraws the share. The provider
/// reads the plan while the share stands; <see cref="OpenedAt"/> is when it first opened it (its to-do ends then). A share
/// withdrawn stays on record; sharing again is a new share.
/// </summary>
public sealed class SavedPlanShare : IAuditedPart
{
    public Guid Id { get; private set; }
    public Guid PlanId { get; private set; }
    public Guid ProviderId { get; private set; }
    public string ProviderName { get; private set; } = "";
    public string SharedById { get; private set; } = "";
    public string SharedByName { get; private set; } = "";
    public DateTime SharedAt { get; private set; }
    public DateTime? OpenedAt { get; private set; }
    public DateTime? WithdrawnAt { get; private set; }
    public string? WithdrawnByName { get; private set; }

    private SavedPlanShare() { }

    AuditKey IAuditedPart.Owner => AuditKey.Of<SavedPlan>(PlanId);
    (string Field, string Value) IAuditedPart.AuditLine => ("分享给服务商", WithdrawnAt is null ? ProviderName : $"{ProviderName}（已撤回）");
    AuditAction IAuditedPart.PartAction => AuditAction.DetailsChanged;

    public bool Standing => WithdrawnAt is null;

    /// <summary>A share with <paramref name="providerId"/>; whether the enterprise may share, and with that provider, is
    /// <see cref="NeedPolicy.SharePlan"/>'s and <see cref="NeedPolicy.ShareWith"/>'s to say, before this.</summary>
    public static SavedPlanShare With(SavedPlan plan, Guid providerId, string providerName, Actor by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), PlanId = plan.Id, ProviderId = providerId, ProviderName = providerName,
        SharedById = by.UserId, SharedByName = by.Name, SharedAt = now,
    };

    public void Withdraw(Actor by, DateTime now) => (WithdrawnAt, WithdrawnByName) = (now, by.Name);

    /// <summary>The provider opened the plan: the first time counts.</summary>
    public void Opened(DateTime now) => OpenedAt ??= now;
}
