using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Catalogue;

public enum NeedPriority
{
    /// <summary>高</summary>
    High = 1,
    /// <summary>中</summary>
    Medium = 2,
    /// <summary>低</summary>
    Low = 3,
}

/// <summary>Who wrote a need down.</summary>
public enum NeedSource
{
    /// <summary>企业填报</summary>
    Enterprise = 1,
    /// <summary>服务商诊断中收集 (it feeds 表9 of the diagnosis report).</summary>
    Provider = 2,
}

/// <summary>
/// 企业个性需求 (一企一档): one enterprise's need in one level-3 scenario — the problem, the pain it causes, its priority and the
/// budget the enterprise would spend on it — written by the enterprise or by its provider during a diagnosis.
/// </summary>
public sealed class EnterpriseNeed : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<EnterpriseNeed>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid EnterpriseId { get; private set; }
    public string ScenarioCode { get; private set; } = "";
    /// <summary>问题及需求.</summary>
    public string Problem { get; private set; } = "";
    /// <summary>痛点: what the problem costs the enterprise.</summary>
    public string? Pain { get; private set; }
    public NeedPriority Priority { get; private set; }
    /// <summary>拟投入预算（万元）, when stated: the match prefers products within it.</summary>
    public decimal? BudgetWan { get; private set; }
    [NotAudited] public NeedSource Source { get; private set; }
    /// <summary>The diagnosis during which the provider collected it.</summary>
    [NotAudited] public Guid? DiagnosisId { get; private set; }
    [NotAudited] public string AuthorName { get; private set; } = "";
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private EnterpriseNeed() { }
}
