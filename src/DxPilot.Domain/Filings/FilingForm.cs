using System.Text.Json.Serialization;

namespace DxPilot.Domain.Filings;

/// <summary>
/// A programme's filing form (备案申请表) as its file declares it under filing.form: the sections and fields of the official
/// form (Hangzhou 附件1, Changchun 附件4), their limits and options. A new city with another variant writes another form; no
/// code names a field except the few the rules read (<see cref="FilingKeys"/>).
/// </summary>
public sealed class FilingForm
{
    /// <summary>The form's official title, printed on its .docx.</summary>
    public required string Title { get; init; }
    public required IReadOnlyList<FilingSection> Sections { get; init; }
    /// <summary>The signature and stamp lines under the declaration, as the official form prints them.</summary>
    public IReadOnlyList<string> Signature { get; init; } = [];
    /// <summary>The closing box for the district bureau's opinion where the form has one (Changchun 附件4 县（市、区）工信主管部门意见),
    /// printed from the district's review of the round.</summary>
    public string? DistrictOpinion { get; init; }

    public IEnumerable<FilingField> Fields => Sections.SelectMany(s => s.Fields);

    public FilingField? Field(string key) => Fields.FirstOrDefault(f => f.Key == key);

    /// <summary>The fields a person types (not those read from the enterprise file nor the contracts' providers).</summary>
    public IEnumerable<FilingField> Typed => Fields.Where(f => f.Kind is not (FieldKind.Enterprise or FieldKind.Providers));

    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return ("title", "不能为空");
        if (Sections.Count == 0) yield return ("sections", "至少需要一个部分");
        for (var s = 0; s < Sections.Count; s++)
        {
            if (string.IsNullOrWhiteSpace(Sections[s].Title)) yield return ($"sections[{s}].title", "不能为空");
            for (var f = 0; f < Sections[s].Fields.Count; f++)
                foreach (var (path, reason) in Sections[s].Fields[f].Problems())
                    yield return ($"sections[{s}].fields[{f}].{path}", reason);
        }
        foreach (var dup in Fields.GroupBy(f => f.Key).Where(g => g.Count() > 1)) yield return ("sections", $"字段 key “{dup.Key}”重复");
        // The rules read these; a form without them cannot be checked on submission.
        foreach (var (key, kind) in FilingKeys.Required)
        {
            var field = Field(key);
            if (field is null) yield return ("sections", $"缺少字段“{key}”（{FilingKeys.Describe(key)}）");
            else if (field.Kind != kind) yield return ("sections", $"字段“{key}”应为 {FieldKinds.Name(kind)}");
        }
    }
}

public sealed class FilingSection
{
    public required string Title { get; init; }
    /// <summary>Who fills it as the seed says ("试点企业与数字化服务商共同填写"): shown on the form and letting the provider edit.</summary>
    public FilledBy FilledBy { get; init; } = FilledBy.Enterprise;
    public required IReadOnlyList<FilingField> Fields { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<FilledBy>))]
public enum FilledBy
{
    /// <summary>试点企业填写</summary>
    Enterprise = 1,
    /// <summary>试点企业与数字化服务商共同填写</summary>
    Together = 2,
}

[JsonConverter(typeof(JsonStringEnumConverter<FieldKind>))]
public enum FieldKind
{
    /// <summary>Read from the enterprise file (<see cref="FilingField.Source"/>), never retyped; frozen in each version.</summary>
    Enterprise = 1,
    /// <summary>One line.</summary>
    Text,
    /// <summary>Prose with its limit (<see cref="FilingField.MaxChars"/>), counted as a person counts.</summary>
    LongText,
    /// <summary>One of the options (an "其他" option may carry its text).</summary>
    Single,
    /// <summary>Any of the options.</summary>
    Multi,
    /// <summary>万元, positive, two decimals at most.</summary>
    Amount,
    /// <summary>A start and end month (年 月至 年 月).</summary>
    Period,
    /// <summary>The 改造前/改造后 table (<see cref="FilingField.Aspects"/>).</summary>
    Effects,
    /// <summary>A statement the enterprise must confirm.</summary>
    Declaration,
    /// <summary>The providers' table, filled from the filing's contracts.</summary>
    Providers,
}

public static class FieldKinds
{
    public static string Name(FieldKind k) => Workflow.WorkflowNames.Of(k);
}

/// <summary>One option of a choice; <see cref="Level"/> gives a level's number (自测 一级 = 1, 目标 三级 = 3) where rules compare.</summary>
public sealed record FieldOption(string Value, string Label, int? Level = null, bool Other = false);

public sealed class FilingField
{
    /// <summary>The stored key (values are kept by it, versions compared by it).</summary>
    public required string Key { get; init; }
    public required string Label { get; init; }
    public required FieldKind Kind { get; init; }
    public string? Hint { get; init; }
    public bool Required { get; init; } = true;
    public int? MaxChars { get; init; }
    public IReadOnlyList<FieldOption> Options { get; init; } = [];
    /// <summary>For <see cref="FieldKind.Enterprise"/>: which item of the enterprise file (<see cref="FilingBasics"/>).</summary>
    public string? Source { get; init; }
    /// <summary>For <see cref="FieldKind.Effects"/>: the aspects (创新, 市场, 提质 …).</summary>
    public IReadOnlyList<string> Aspects { get; init; } = [];
    /// <summary>For <see cref="FieldKind.Multi"/> and the software list: options grouped under headings (研发设计类 …).</summary>
    public string? Group { get; init; }
    /// <summary>For <see cref="FieldKind.Providers"/>: the printed table's columns where the programme's form lists them in one row
    /// (seed 002 附件4: 序号、单位名称、是否签合同、合同金额、联系人、联系电话); empty for seed 003's two rows per contract.</summary>
    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>The columns a <see cref="Columns"/> list may name.</summary>
    public static readonly IReadOnlyList<string> ProviderColumns =
        ["序号", "单位名称", "统一社会信用代码", "法人代表", "联系人", "联系电话", "是否签合同", "合同金额", "合同名称", "合同编号", "合同签订日期", "主要承担的工作"];

    public FieldOption? Option(string value) => Options.FirstOrDefault(o => o.Value == value);

    internal IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Key) || Key.Contains('.') || Key.Contains('\n')) yield return ("key", "应为不含“.”的非空标识");
        if (string.IsNullOrWhiteSpace(Label)) yield return ("label", "不能为空");
        if (!Enum.IsDefined(Kind)) yield return ("kind", "不认识的字段类型");
        if (Kind is FieldKind.Single or FieldKind.Multi && Options.Count == 0) yield return ("options", "选择题至少需要一个选项");
        foreach (var dup in Options.GroupBy(o => o.Value).Where(g => g.Count() > 1)) yield return ("options", $"选项“{dup.Key}”重复");
        if (Options.Any(o => string.IsNullOrWhiteSpace(o.Value) || o.Value.Contains('\n'))) yield return ("options", "选项值不能为空或含换行");
        if (Kind is FieldKind.Text or FieldKind.LongText && MaxChars is not > 0) yield return ("maxChars", "文字字段须写明字数上限");
        if (Kind == FieldKind.Enterprise && (Source is null || !FilingBasics.Sources.ContainsKey(Source)))
            yield return ("source", $"企业档案中没有“{Source}”，可选：{string.Join("、", FilingBasics.Sources.Keys)}");
        if (Kind == FieldKind.Effects && Aspects.Count == 0) yield return ("aspects", "成效表至少需要一个方面");
        foreach (var column in Columns.Where(c => !ProviderColumns.Contains(c)))
            yield return ("columns", $"服务商表没有“{column}”一栏，可选：{string.Join("、", ProviderColumns)}");
    }
}

/// <summary>The few fields the rules read, by key; every programme's form has them.</summary>
public static class FilingKeys
{
    public const string ProjectName = "projectName";
    public const string Period = "period";
    public const string Investment = "investment";
    public const string SelfTest = "selfTest";
    public const string TargetLevel = "targetLevel";
    public const string Plan = "plan";
    public const string Declaration = "declaration";
    /// <summary>The pilot-industry enterprise a chain-linked SME files under (链式带动的上下游关联中小企业); optional.</summary>
    public const string ChainLead = "chainLead";

    public static readonly IReadOnlyList<(string Key, FieldKind Kind)> Required =
    [
        (ProjectName, FieldKind.Text), (Period, FieldKind.Period), (Investment, FieldKind.Amount), (SelfTest, FieldKind.Single),
        (TargetLevel, FieldKind.Single), (Plan, FieldKind.LongText), (Declaration, FieldKind.Declaration),
    ];

    public static string Describe(string key) => key switch
    {
        ProjectName => "项目名称", Period => "实施期限", Investment => "项目投入（万元）", SelfTest => "数字化水平自测",
        TargetLevel => "改造后目标数字化水平", Plan => "项目实施方案", Declaration => "真实性声明", _ => key,
    };
}
