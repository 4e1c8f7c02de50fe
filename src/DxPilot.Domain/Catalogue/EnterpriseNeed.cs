using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;

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

    /// <summary>A need as its author writes it, or the reasons (by field) it cannot be kept; who may write it is
    /// <see cref="NeedPolicy.Write"/>'s to say, before this.</summary>
    public static (EnterpriseNeed? Need, IReadOnlyDictionary<string, string> Errors) Write(Actor author, Guid enterpriseId, NeedForm form,
        IReadOnlySet<string> activeScenarios, Guid? diagnosisId, DateTime now)
    {
        var (values, errors) = form.Read(activeScenarios);
        if (values is null) return (null, errors);
        var need = new EnterpriseNeed
        {
            Id = Guid.CreateVersion7(), ProgrammeId = author.ProgrammeId, EnterpriseId = enterpriseId,
            Source = author.Role == Role.ServiceProvider ? NeedSource.Provider : NeedSource.Enterprise, DiagnosisId = diagnosisId,
            AuthorName = author.Name, CreatedAt = now,
        };
        need.Take(values, now);
        return (need, errors);
    }

    public IReadOnlyDictionary<string, string> Edit(NeedForm form, IReadOnlySet<string> activeScenarios, DateTime now)
    {
        // A need kept in a scenario the city retired since stays where it is; a move goes to one in use.
        var scenarios = form.ScenarioCode?.Trim() == ScenarioCode ? new HashSet<string>(activeScenarios) { ScenarioCode } : activeScenarios;
        var (values, errors) = form.Read(scenarios);
        if (values is null) return errors;
        Take(values, now);
        Version++;
        return errors;
    }

    private void Take(NeedValues v, DateTime now)
    {
        (ScenarioCode, Problem, Pain, Priority, BudgetWan) = (v.ScenarioCode, v.Problem, v.Pain, v.Priority, v.BudgetWan);
        UpdatedAt = now;
    }
}

public static class NeedPriorityLabels
{
    public static string Label(this NeedPriority p) => p switch { NeedPriority.High => "高", NeedPriority.Medium => "中", NeedPriority.Low => "低", _ => "" };
}

/// <summary>需求 as a form writes it: the level-3 scenario's code, the problem, the pain, the priority and the budget as typed.</summary>
public sealed record NeedForm(string? ScenarioCode, string? Problem, string? Pain, NeedPriority Priority, string? BudgetWan)
{
    internal (NeedValues? Values, IReadOnlyDictionary<string, string> Errors) Read(IReadOnlySet<string> activeScenarios)
    {
        var errors = new Dictionary<string, string>();
        var code = ScenarioCode?.Trim() ?? "";
        if (code.Length == 0) errors["scenarioCode"] = "请选择需求所属的三级场景";
        else if (!activeScenarios.Contains(code)) errors["scenarioCode"] = $"三级场景“{code}”不存在或已停用";
        if (CatalogueText.Problem(Problem, "问题及需求", 1000) is { } p) errors["problem"] = p;
        if (CatalogueText.Problem(Pain, "痛点", 1000, required: false) is { } pain) errors["pain"] = pain;
        if (!Enum.IsDefined(Priority)) errors["priority"] = "请选择优先级：高、中或低";
        decimal? budget = null;
        if (!string.IsNullOrWhiteSpace(BudgetWan))
        {
            if (!decimal.TryParse(HalfWidth.Of(BudgetWan).Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var b))
                errors["budgetWan"] = "拟投入预算应为数字（万元），如 30";
            else if (b <= 0) errors["budgetWan"] = "拟投入预算须大于0（万元）；没有预算请留空";
            else if (decimal.Round(b, 2) != b || b > ProductForm.MaxPriceWan) errors["budgetWan"] = "拟投入预算最多两位小数，且不超过100000万元";
            else budget = b;
        }
        if (errors.Count > 0) return (null, errors);
        return (new NeedValues(code, Problem!.Trim(), CatalogueText.Clean(Pain), Priority, budget), errors);
    }
}

internal sealed record NeedValues(string ScenarioCode, string Problem, string? Pain, NeedPriority Priority, decimal? BudgetWan);
