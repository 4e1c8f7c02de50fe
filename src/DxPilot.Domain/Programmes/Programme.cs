using DxPilot.Domain.Text;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;

namespace DxPilot.Domain.Programmes;

/// <summary>试点 programme: one city's (or province's) pilot as data, loaded from config/programmes/*.json.</summary>
public sealed class Programme
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string City { get; init; }
    public required string Province { get; init; }
    /// <summary>"city" or "province".</summary>
    public required string Level { get; init; }

    /// <summary>The whole of the programme's area as a title says it: 全市, or 全省 for a provincial programme.</summary>
    public string Whole => Level == "province" ? "全省" : "全市";

    /// <summary>What a title names for <paramref name="district"/>, or the whole area with its name (杭州市全市) when none.</summary>
    public string Area(string? district) => district ?? City + Whole;

    public required ProgrammePeriod Period { get; init; }
    public required IReadOnlyList<SourceDocument> Sources { get; init; }
    public required DistrictList Districts { get; init; }
    public required IReadOnlyList<PilotIndustry> Industries { get; init; }
    public IReadOnlyList<ProgrammeTarget> Targets { get; init; } = [];
    public IReadOnlyList<ProgrammeDeadline> Deadlines { get; init; } = [];
    public required MoneyRules Money { get; init; }
    /// <summary>The programme's diagnosis (咨询诊断) rules and chain; null where the programme runs no diagnosis.</summary>
    public DiagnosisRules? Diagnosis { get; init; }
    /// <summary>The programme's project filing (改造项目备案): its form, eligibility, expert review and chain; null where it files none.</summary>
    public Filings.FilingRules? Filing { get; init; }
    /// <summary>What follows a filed project (evaluation, acceptance, audit, subsidy): its chain and parameters; null where none.</summary>
    public Projects.ProjectRules? Project { get; init; }
    /// <summary>The think tank's rating criteria (第三方智库督导评价); null where the programme defines none.</summary>
    public Supervision.SupervisionRules? Supervision { get; init; }
    /// <summary>The IANA zone its people read clocks in; times are stored in UTC and shown in it.</summary>
    public string TimeZone { get; init; } = LocalTime.DefaultZone;

    /// <summary>The zone of <see cref="TimeZone"/> (checked by <see cref="Problems"/> when loaded).</summary>
    public TimeZoneInfo Zone => _zone ??= LocalTime.Find(TimeZone) ?? LocalTime.Beijing;
    private TimeZoneInfo? _zone;

    /// <summary>What this programme calls a role where the national names do not fit: in a provincial call the top
    /// bureau is the province's department (省工信主管部门) and the "districts" are prefecture cities.</summary>
    public IReadOnlyDictionary<Role, string> RoleLabels { get; init; } = new Dictionary<Role, string>();

    /// <summary>The role's name as this programme's users know it.</summary>
    public string RoleLabel(Role role) => RoleLabels.TryGetValue(role, out var label) ? label : role.Label();

    public bool HasDistrict(string district) => Districts.Names.Contains(district);

    /// <summary>The pilot industry named by key, full name or alias (as bureaus' sheets write it), or by a 4-digit code.</summary>
    public PilotIndustry? FindIndustry(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim();
        return Industries.FirstOrDefault(i => i.Key == t || i.Name == t || i.Aliases.Contains(t))
               ?? (IndustryCodes.IsWellFormed(t) ? IndustryForCode(t) : null);
    }

    public PilotIndustry? IndustryForCode(string code) => Industries.FirstOrDefault(i => i.Covers(code));

    /// <summary>Everything a loader must refuse, each with the JSON path it concerns.</summary>
    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Id)) yield return ("$.id", "不能为空");
        if (LocalTime.Find(TimeZone) is null) yield return ("$.timeZone", $"“{TimeZone}”不是已知的时区（如 Asia/Shanghai）");
        if (Level is not ("city" or "province")) yield return ("$.level", "应为 city（市级试点）或 province（省级）");
        // The national names say 市; a provincial programme must name its own top bureau.
        if (Level == "province" && !RoleLabels.ContainsKey(Role.CityBureau))
            yield return ("$.roleLabels.CityBureau", "省级试点须写明省级主管部门的称谓（如 省工信主管部门）");
        foreach (var (role, label) in RoleLabels)
            if (string.IsNullOrWhiteSpace(label)) yield return ($"$.roleLabels.{role}", "不能为空");
        if (Period.End <= Period.Start) yield return ("$.period", "结束日期应晚于开始日期");
        if (Districts.Names.Count == 0) yield return ("$.districts.names", "至少需要一个县（市、区）");
        foreach (var dup in Districts.Names.GroupBy(d => d).Where(g => g.Count() > 1))
            yield return ("$.districts.names", $"重复的县（市、区）“{dup.Key}”");
        if (Industries.Count == 0) yield return ("$.industries", "至少需要一个试点行业");
        for (var i = 0; i < Industries.Count; i++)
        {
            var ind = Industries[i];
            if (string.IsNullOrWhiteSpace(ind.Key)) yield return ($"$.industries[{i}].key", "不能为空");
            if (ind.Codes.Count == 0 && ind.Divisions.Count == 0)
                yield return ($"$.industries[{i}]", "codes 与 divisions 至少填写一项");
            for (var c = 0; c < ind.Codes.Count; c++)
                if (!IndustryCodes.IsWellFormed(ind.Codes[c].Code))
                    yield return ($"$.industries[{i}].codes[{c}].code", $"“{ind.Codes[c].Code}”不是4位国民经济行业代码");
            for (var d = 0; d < ind.Divisions.Count; d++)
                if (ind.Divisions[d].Length != 2 || !ind.Divisions[d].All(char.IsAsciiDigit))
                    yield return ($"$.industries[{i}].divisions[{d}]", $"“{ind.Divisions[d]}”不是2位行业大类代码");
        }
        foreach (var dup in Industries.GroupBy(i => i.Key).Where(g => g.Count() > 1))
            yield return ("$.industries", $"重复的行业 key “{dup.Key}”");
        if (Diagnosis is { } diagnosis)
            foreach (var (path, reason) in diagnosis.Problems()) yield return ($"$.diagnosis.{path}", reason);
        if (Filing is { } filing)
            foreach (var (path, reason) in filing.Problems()) yield return ($"$.filing.{path}", reason);
        if (Supervision is { } supervision)
            foreach (var (path, reason) in supervision.Problems()) yield return ($"$.supervision.{path}", reason);
        var m = Money;
        if (m.SubsidyRatio is < 0 or > 1) yield return ("$.money.subsidyRatio", "应在0到1之间");
        if (m.SubsidyCapWan is < 0) yield return ("$.money.subsidyCapWan", "不能为负数");
        if (m.CentralShare is < 0 or > 1) yield return ("$.money.centralShare", "应在0到1之间");
        if (m.MinLevelAfter is < 1 or > 4) yield return ("$.money.minLevelAfter", "应为1到4级");
        if (m.SubsidyRatio is not null && m.SpendCategories.Count == 0) yield return ("$.money.spendCategories", "规定补助比例时须声明审计的支出类别");
        for (var c = 0; c < m.SpendCategories.Count; c++)
        {
            if (string.IsNullOrWhiteSpace(m.SpendCategories[c].Key)) yield return ($"$.money.spendCategories[{c}].key", "不能为空");
            if (string.IsNullOrWhiteSpace(m.SpendCategories[c].Name)) yield return ($"$.money.spendCategories[{c}].name", "不能为空");
        }
        foreach (var dup in m.SpendCategories.GroupBy(c => c.Key).Where(g => g.Count() > 1))
            yield return ("$.money.spendCategories", $"重复的支出类别 key “{dup.Key}”");
        if (Project is { } project)
            foreach (var (path, reason) in project.Problems()) yield return ($"$.project.{path}", reason);
        for (var a = 0; a < m.Awards.Count; a++)
            if (m.Awards[a].AmountWan < 0) yield return ($"$.money.awards[{a}].amountWan", "不能为负数");
    }
}

public sealed record ProgrammePeriod(DateOnly Start, DateOnly End);

public sealed record SourceDocument(string Id, string Title, string? File = null, string? Note = null);

public sealed class DistrictList
{
    public required string Source { get; init; }
    public required IReadOnlyList<string> Names { get; init; }
}

/// <summary>试点细分行业 with its GB/T 4754-2017 codes.</summary>
public sealed class PilotIndustry
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<IndustryCode> Codes { get; init; } = [];
    /// <summary>2-digit 大类 admitted wholesale (e.g. the whole of 制造业 for a province-wide call).</summary>
    public IReadOnlyList<string> Divisions { get; init; } = [];
    public required string Source { get; init; }

    public bool Covers(string code) =>
        IndustryCodes.IsWellFormed(code) && (Codes.Any(c => c.Code == code) || Divisions.Contains(code[..2]));
}

public sealed record IndustryCode(string Code, string Name);

public sealed record ProgrammeTarget(string Description, int? Count, string? Unit, DateOnly? Due, string Source);

public sealed record ProgrammeDeadline(string Description, DateOnly Date, string? AppliesTo, string Source);

public sealed class MoneyRules
{
    /// <summary>补助比例 of the audited eligible spend; null where the programme pays no project subsidy.</summary>
    public decimal? SubsidyRatio { get; init; }
    /// <summary>每家企业补助上限（万元）; null: none.</summary>
    public decimal? SubsidyCapWan { get; init; }
    /// <summary>The part of a subsidy paid from central funds (0 to 1): withheld for an enterprise excluded from them.</summary>
    public decimal CentralShare { get; init; }
    /// <summary>The level the third-party evaluation must find after transformation (二级).</summary>
    public int MinLevelAfter { get; init; } = 2;
    /// <summary>Whether the level must also reach the filing's target.</summary>
    public bool ReachTargetLevel { get; init; }
    /// <summary>The audit's spend categories: which count as eligible (软件、云服务、必要的数据采集传输设备) and which not.</summary>
    public IReadOnlyList<SpendCategory> SpendCategories { get; init; } = [];
    public IReadOnlyList<AwardAmount> Awards { get; init; } = [];
    public string? Source { get; init; }
}

/// <summary>An audit spend category: its key, its name, whether it counts towards the subsidy, and examples for the auditor.</summary>
public sealed record SpendCategory(string Key, string Name, bool Eligible, string? Examples = null);

public sealed record AwardAmount(string Name, decimal AmountWan, string Source);

public static class IndustryCodes
{
    /// <summary>A GB/T 4754-2017 小类 code: 4 ASCII digits.</summary>
    public static bool IsWellFormed(string? code) => code is { Length: 4 } && code.All(char.IsAsciiDigit);
}
