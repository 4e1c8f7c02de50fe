using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Catalogue;

/// <summary>服务商资源池成员资格的状态.</summary>
public enum PoolStatus
{
    /// <summary>待审核: the provider applied.</summary>
    Applied = 1,
    /// <summary>已入池: may list products, which the city reviews before they are shown.</summary>
    Admitted = 2,
    /// <summary>暂停: its products are hidden and it may add none; the city may reinstate it.</summary>
    Suspended = 3,
    /// <summary>已移出: its products are hidden for good; it may apply again.</summary>
    Removed = 4,
    /// <summary>未通过: the application was refused, with the reason; it may apply again.</summary>
    Refused = 5,
}

/// <summary>
/// 服务商资源池: a service provider's membership of a programme's pool, from its application (organisation details, USCC,
/// qualifications, cases, contacts) through the city's admission, suspension or removal, each with its reason and recorded.
/// One row per provider and programme; applying again after a refusal or removal reopens the same row, so the history is one.
/// </summary>
public sealed class PoolMember : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<PoolMember>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    /// <summary>The provider (an <see cref="Organisations.Organisation"/> of kind 服务商).</summary>
    [NotAudited] public Guid OrganisationId { get; private set; }
    public PoolStatus Status { get; private set; }
    /// <summary>单位名称 as the application states it.</summary>
    public string OrganisationName { get; private set; } = "";
    public string Uscc { get; private set; } = "";
    public string? Address { get; private set; }
    public string? LegalRepresentative { get; private set; }
    /// <summary>资质: certifications, qualifications, what it is good at.</summary>
    public string Qualifications { get; private set; } = "";
    /// <summary>典型案例.</summary>
    public string Cases { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public string? ContactEmail { get; private set; }
    public DateTime? AppliedAt { get; private set; }
    /// <summary>When the city last admitted, suspended, removed or refused it, and why (shown to the provider).</summary>
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private PoolMember() { }

    /// <summary>Whether its products may be listed and shown.</summary>
    public bool IsAdmitted => Status == PoolStatus.Admitted;
}
