using System.Text.Json.Serialization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Awards;

/// <summary>数智标杆 (directions an enterprise picks) or 链式案例 (one case naming the SMEs it drove).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AwardKind>))]
public enum AwardKind { Benchmark = 1, Chain = 2 }

/// <summary>
/// 奖补申报通知 as its file in config/awards declares it: the directions with their amounts, templates and criteria, how many
/// directions one application may take and which exclude each other, the typical-scenario list, the 链式 rules, and the
/// review chain. A city adds a call with a new file, not with code.
/// </summary>
public sealed class AwardCall
{
    public required string Id { get; init; }
    /// <summary>The call's name as users read it.</summary>
    public required string Title { get; init; }
    public required string ProgrammeId { get; init; }
    public required AwardKind Kind { get; init; }
    public required CallDocument Document { get; init; }
    /// <summary>The roles that take part; anyone else finds nothing.</summary>
    public required IReadOnlyList<string> Participants { get; init; }
    public required IReadOnlyList<AwardDirection> Directions { get; init; }
    /// <summary>申报方向（限选N项）.</summary>
    public int MaxDirections { get; init; } = 1;
    /// <summary>The typical scenarios a 小灯塔 scenario is mapped to (seed 004 附件6); editable data, gaps included.</summary>
    public IReadOnlyList<TypicalScenario> TypicalScenarios { get; init; } = [];
    /// <summary>The 链式 case's own rules; null for a 数智 call.</summary>
    public ChainCaseRules? ChainCase { get; init; }
    /// <summary>The third party's expert review before the city decides; null where the city decides alone.</summary>
    public AwardReviewRules? Review { get; init; }
    public required WorkflowChain Workflow { get; init; }

    private Workflow<AwardStatus, AwardTrigger, AwardCase>? _compiled;
    private HashSet<Role>? _roles;

    /// <summary>The compiled chain (the loader calls <see cref="Problems"/> first).</summary>
    [JsonIgnore]
    public Workflow<AwardStatus, AwardTrigger, AwardCase> Chain => _compiled ??= AwardWorkflow.Process.Compile(Workflow);

    public bool Admits(Actor a) =>
        a.ProgrammeId == ProgrammeId && (_roles ??= Participants.Select(WorkflowNames.Parse<Role>).OfType<Role>().ToHashSet()).Contains(a.Role);

    public AwardDirection? Direction(string key) => Directions.FirstOrDefault(d => d.Key == key);

    /// <summary>Everything a loader must refuse, each with its JSON path.</summary>
    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return ("$.title", "不能为空");
        if (string.IsNullOrWhiteSpace(Document.Title)) yield return ("$.document.title", "不能为空");
        if (!Enum.IsDefined(Kind)) yield return ("$.kind", "应为benchmark或chain");
        for (var i = 0; i < Participants.Count; i++)
            if (WorkflowNames.Parse<Role>(Participants[i]) is null) yield return ($"$.participants[{i}]", $"不认识的角色“{Participants[i]}”");
        if (Directions.Count == 0) yield return ("$.directions", "至少需要一个申报方向");
        if (MaxDirections < 1 || MaxDirections > Math.Max(1, Directions.Count)) yield return ("$.maxDirections", $"应在1到{Directions.Count}之间");
        for (var i = 0; i < Directions.Count; i++)
            foreach (var (path, reason) in Directions[i].Problems(TypicalScenarios))
                yield return ($"$.directions[{i}].{path}", reason);
        foreach (var key in Directions.GroupBy(d => d.Key).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return ("$.directions", $"方向“{key}”重复");
        foreach (var n in TypicalScenarios.GroupBy(s => s.Number).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return ("$.typicalScenarios", $"典型场景编号{n}重复");
        if (Kind == AwardKind.Chain && ChainCase is null) yield return ("$.chainCase", "链式案例申报须声明带动规则");
        if (Kind == AwardKind.Benchmark && ChainCase is not null) yield return ("$.chainCase", "数智标杆申报不声明带动规则");
        if (ChainCase is { } c)
        {
            if (c.Modes.Count == 0) yield return ("$.chainCase.modes", "至少需要一个案例模式");
            if (c.MinDrivenSmes < 1) yield return ("$.chainCase.minDrivenSmes", "应至少为1");
        }
        if (Review is not null)
            foreach (var (path, reason) in Review.Problems(this)) yield return ($"$.review.{path}", reason);
        foreach (var (path, reason) in AwardWorkflow.Process.Problems(Workflow)) yield return ($"$.workflow.{path}", reason);
    }
}

/// <summary>
/// 申报方向: its amount (奖补资金, 万元), the group of directions of which an application may take only one (小灯塔 and 车间),
/// its 申报书 template with the length limits, and the criteria the platform checks.
/// </summary>
public sealed record AwardDirection(string Key, string Label, decimal AmountWan, AwardTemplate Template, IReadOnlyList<CriterionRule> Criteria,
    string? ExclusiveGroup = null, string? Source = null, IReadOnlyList<AwardEvidenceSubject>? Attachments = null, string? AttachmentsSource = null)
{
    /// <summary>The 相关附件 its template lists (附件4 五、相关附件; 链式 附件2 三、材料要求): offered as 证明材料 subjects and shown as a
    /// checklist to the applicant, the county and the experts. Listed, not required: the seed asks the county to check the
    /// materials (县区审核), and a missing one is for it to return.</summary>
    public IReadOnlyList<AwardEvidenceSubject> Listed => Attachments ?? [];

    public IEnumerable<(string Path, string Reason)> Problems(IReadOnlyList<TypicalScenario> typical)
    {
        if (string.IsNullOrWhiteSpace(Key)) yield return ("key", "不能为空");
        if (string.IsNullOrWhiteSpace(Label)) yield return ("label", "不能为空");
        if (AmountWan <= 0 || decimal.Round(AmountWan, 2) != AmountWan) yield return ("amountWan", "应为大于0、最多两位小数的万元数");
        foreach (var (path, reason) in Template.Problems()) yield return ($"template.{path}", reason);
        for (var i = 0; i < Criteria.Count; i++)
            foreach (var reason in Criteria[i].Problems(Template, typical)) yield return ($"criteria[{i}]", reason);
        foreach (var key in Criteria.GroupBy(c => c.Key).Where(g => g.Count() > 1).Select(g => g.Key))
            yield return ("criteria", $"条件“{key}”重复");
        if (Listed.Contains(AwardEvidenceSubject.Other)) yield return ("attachments", "“其他相关附件”总可上传，不必列出");
        if (Listed.Count != Listed.Distinct().Count()) yield return ("attachments", "相关附件重复");
    }
}

/// <summary>One of 《智能制造典型场景参考指引》's scenarios: its number, the 环节 it belongs to, its name; a gap the seed's text
/// lacks is kept as an entry the city completes (<see cref="Missing"/>), a 环节 heading it lacks as an empty <see cref="Stage"/>.</summary>
public sealed record TypicalScenario(int Number, string Stage, string Name, bool Missing = false);

/// <summary>链式: the five modes, how many SMEs a case must name (each confirming in its own account) and what a named SME
/// must be.</summary>
public sealed record ChainCaseRules(IReadOnlyList<string> Modes, int MinDrivenSmes, string? Source = null);
