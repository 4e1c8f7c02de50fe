using System.Globalization;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Diagnoses.Report;

/// <summary>
/// What a report save must respect, and how what was typed is kept: line breaks as "\n", blank rows and items left out,
/// amounts as 万元 with two decimals. Every refusal names the part and says what to change; the key is the form field's name.
/// </summary>
public static class ReportRules
{
    /// <summary>The largest amount a 万元 cell takes (100亿元): more is a typing slip.</summary>
    public const decimal MaxWan = 1_000_000m;

    public static (ReportContent Content, Dictionary<string, string> Errors) Clean(ReportContent typed)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var clean = new ReportContent();

        foreach (var t in ReportOutline.Texts)
        {
            var text = Lines(typed.TextOf(t.Key));
            if (text.Trim().Length == 0) continue;
            var count = ChineseText.CountCharacters(text);
            if (count > ReportOutline.SectionMaxCharacters)
                errors[FieldNames.Text(t.Key)] = $"{t.Heading}不能超过{ReportOutline.SectionMaxCharacters:N0}字（现有{count:N0}字），请精简后再保存";
            else if (ControlCharacters.In(text, multiline: true)) errors[FieldNames.Text(t.Key)] = ControlCharacters.Message(t.Heading);
            clean.Texts[t.Key] = text;
        }

        foreach (var table in ReportOutline.Tables)
        {
            var rows = typed.RowsOf(table.Key).Where(r => r.Any(c => !string.IsNullOrWhiteSpace(c))).ToList();
            if (rows.Count > ReportOutline.TableMaxRows)
            {
                errors[FieldNames.Table(table.Key)] = $"{table.Caption}最多{ReportOutline.TableMaxRows}行（现有{rows.Count}行），请合并或删减后再保存";
                rows = rows.Take(ReportOutline.TableMaxRows).ToList();
            }
            var kept = new List<List<string>>();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new List<string>();
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    var column = table.Columns[c];
                    var (value, problem) = Cell(column, c < rows[r].Count ? rows[r][c] : null);
                    if (problem is not null) errors[FieldNames.Cell(table.Key, r, c)] = $"{table.Caption}第{r + 1}行“{column.Label}”{problem}";
                    row.Add(value);
                }
                kept.Add(row);
            }
            if (kept.Count > 0) clean.Tables[table.Key] = kept;
        }

        foreach (var (key, label) in ReportOutline.NeedCategories)
        {
            var items = typed.NeedsOf(key).Select(Lines).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
            if (items.Count > ReportOutline.NeedMaxItems)
                errors[FieldNames.Needs(key)] = $"表9“{label}”最多{ReportOutline.NeedMaxItems}条（现有{items.Count}条）";
            else if (items.FirstOrDefault(i => ChineseText.CountCharacters(i) > ReportOutline.CellMaxCharacters) is { } long_)
                errors[FieldNames.Needs(key)] = $"表9“{label}”每条不超过{ReportOutline.CellMaxCharacters:N0}字（有一条{ChineseText.CountCharacters(long_):N0}字）";
            else if (items.Any(i => ControlCharacters.In(i, multiline: true))) errors[FieldNames.Needs(key)] = ControlCharacters.Message($"表9“{label}”");
            if (items.Count > 0) clean.Needs[key] = items;
        }

        Basics(typed, clean, errors);
        return (clean, errors);
    }

    private static void Basics(ReportContent typed, ReportContent clean, Dictionary<string, string> errors)
    {
        string Label(string key) => $"表1“{ReportOutline.BasicsFields.First(f => f.Key == key).Label}”";
        void Keep(string key, string value) { if (value.Length > 0) clean.Basics[key] = value; }

        var intro = Lines(typed.BasicsOf("intro")).Trim();
        if (ChineseText.CountCharacters(intro) > ReportOutline.BasicsIntroMaxCharacters)
            errors[FieldNames.Basics("intro")] = $"表1“企业基本情况”应在{ReportOutline.BasicsIntroMaxCharacters}字以内（现有{ChineseText.CountCharacters(intro)}字）";
        else if (ControlCharacters.In(intro, multiline: true)) errors[FieldNames.Basics("intro")] = ControlCharacters.Message(Label("intro"));
        Keep("intro", intro);

        var ownership = typed.BasicsOf("ownership").Trim();
        if (ownership.Length > 0 && !ReportOutline.Ownerships.Contains(ownership))
            errors[FieldNames.Basics("ownership")] = $"{Label("ownership")}请在{string.Join("、", ReportOutline.Ownerships)}中选择";
        else Keep("ownership", ownership);

        foreach (var (key, kind) in new[] { ("digitalStaff", ReportColumnKind.Whole), ("invested", ReportColumnKind.Wan), ("budget", ReportColumnKind.Wan) })
        {
            var (value, problem) = Cell(new ReportColumn(key, kind), typed.BasicsOf(key));
            if (problem is not null) errors[FieldNames.Basics(key)] = $"{Label(key)}{problem}";
            Keep(key, value);
        }

        var honours = Lines(typed.BasicsOf("honours")).Trim();
        if (ChineseText.CountCharacters(honours) > ReportOutline.CellMaxCharacters)
            errors[FieldNames.Basics("honours")] = $"{Label("honours")}不超过{ReportOutline.CellMaxCharacters:N0}字";
        else if (ControlCharacters.In(honours, multiline: true)) errors[FieldNames.Basics("honours")] = ControlCharacters.Message(Label("honours"));
        Keep("honours", honours);

        var offered = ReportOutline.Directions.SelectMany(d => d.Options).ToHashSet(StringComparer.Ordinal);
        clean.Directions = typed.Directions.Where(offered.Contains).Distinct().ToList();
        var other = (typed.OtherDirections ?? "").Trim();
        if (ChineseText.CountCharacters(other) > 200) errors[FieldNames.OtherDirections] = "拟实施数字化转型方向的“其他”不超过200字";
        else if (ControlCharacters.In(other)) errors[FieldNames.OtherDirections] = ControlCharacters.Message("拟实施数字化转型方向的“其他”");
        clean.OtherDirections = other.Length == 0 ? null : other;
    }

    /// <summary>A cell as kept, or why it cannot be.</summary>
    private static (string Value, string? Problem) Cell(ReportColumn column, string? typed)
    {
        var value = Lines(typed).Trim();
        if (value.Length == 0) return ("", null);
        if (ControlCharacters.In(value, multiline: true)) return (value, "含有不可见的控制字符，请删除后再保存");
        switch (column.Kind)
        {
            case ReportColumnKind.Whole:
                return int.TryParse(HalfWidth.Of(value), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 10_000_000
                    ? (n.ToString(CultureInfo.InvariantCulture), null)
                    : (value, "须为不小于0的整数");
            case ReportColumnKind.YesNo:
                return value is "是" or "否" ? (value, null) : (value, "请填“是”或“否”");
            case ReportColumnKind.Wan:
                var amount = HalfWidth.Of(value).Replace(",", "");
                return decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var wan)
                       && wan <= MaxWan && decimal.Round(wan, 2) == wan
                    ? (wan.ToString("0.00", CultureInfo.InvariantCulture), null)
                    : (value, $"须为以万元计的金额，不小于0、最多两位小数，如 12.50（不超过{MaxWan:N0}万元）");
            default:
                return ChineseText.CountCharacters(value) > ReportOutline.CellMaxCharacters
                    ? (value, $"不超过{ReportOutline.CellMaxCharacters:N0}字（现有{ChineseText.CountCharacters(value):N0}字）")
                    : (value, null);
        }
    }

    private static string Lines(string? text) => (text ?? "").Replace("\r\n", "\n").Replace('\r', '\n');
}

/// <summary>The form field each part of a report is posted in, shared by the page, the autosave and the refusals.</summary>
public static class FieldNames
{
    public const string OtherDirections = "basics.otherDirections";
    public const string Directions = "basics.directions";
    public static string Text(string key) => $"text.{key}";
    public static string Table(string key) => $"table.{key}";
    public static string Cell(string table, int row, int column) => $"table.{table}.{row}.{column}";
    public static string Needs(string key) => $"needs.{key}";
    public static string Basics(string key) => $"basics.{key}";
}
