using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Diagnoses;

/// <summary>职称等级 (seed 002 四（二）: at least one member 中级 or higher).</summary>
public enum TitleLevel
{
    None = 0,
    /// <summary>初级</summary>
    Junior = 1,
    /// <summary>中级</summary>
    Intermediate = 2,
    /// <summary>高级</summary>
    Senior = 3,
}

/// <summary>The field a member brings (seed 002 四（二）: 软件、硬件、集成、行业).</summary>
public enum ExpertiseField
{
    /// <summary>软件</summary>
    Software = 1,
    /// <summary>硬件</summary>
    Hardware = 2,
    /// <summary>集成</summary>
    Integration = 3,
    /// <summary>行业</summary>
    Industry = 4,
    /// <summary>其他</summary>
    Other = 5,
}

/// <summary>组长 or 组员.</summary>
public enum TeamRole
{
    /// <summary>组员</summary>
    Member = 1,
    /// <summary>组长</summary>
    Leader = 2,
}

public static class TeamLabels
{
    public static string Label(this TitleLevel level) => level switch
    {
        TitleLevel.Junior => "初级", TitleLevel.Intermediate => "中级", TitleLevel.Senior => "高级", _ => "无职称",
    };

    public static string Label(this ExpertiseField field) => field switch
    {
        ExpertiseField.Software => "软件", ExpertiseField.Hardware => "硬件", ExpertiseField.Integration => "集成",
        ExpertiseField.Industry => "行业", _ => "其他",
    };

    public static string Label(this TeamRole role) => role == TeamRole.Leader ? "组长" : "组员";
}

/// <summary>诊断团队成员: one person of the provider's diagnosis team for one enterprise.</summary>
public sealed class DiagnosisMember : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<Diagnosis>(DiagnosisId);
    (string Field, string Value) IAuditedPart.AuditLine => ("诊断团队成员", Describe());

    public Guid Id { get; private set; }
    public Guid DiagnosisId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>所在单位 (a member may come from a partner of the provider).</summary>
    public string Unit { get; private set; } = "";
    /// <summary>职称 as written on the certificate (高级工程师, 工程师…).</summary>
    public string Title { get; private set; } = "";
    public TitleLevel TitleLevel { get; private set; }
    public ExpertiseField Field { get; private set; }
    public TeamRole Role { get; private set; }
    /// <summary>工作职责 in this diagnosis (the report's 诊断人员列表).</summary>
    public string? Duties { get; private set; }
    public string? Phone { get; private set; }
    public DateTime AddedAt { get; private set; }

    private DiagnosisMember() { }

    public static DiagnosisMember Add(Guid diagnosisId, TeamMemberInput input, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), DiagnosisId = diagnosisId, Name = input.Name.Trim(), Unit = input.Unit.Trim(), Title = input.Title.Trim(),
        TitleLevel = input.TitleLevel, Field = input.Field, Role = input.Role, Duties = Blank(input.Duties), Phone = Blank(input.Phone), AddedAt = now,
    };

    public string Describe() => $"{Name}（{Unit}，{Title}/{TitleLevel.Label()}，{Field.Label()}，{Role.Label()}）";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A member as typed, before it is checked.</summary>
public sealed record TeamMemberInput(string Name, string Unit, string Title, TitleLevel TitleLevel, ExpertiseField Field, TeamRole Role,
    string? Duties = null, string? Phone = null);
