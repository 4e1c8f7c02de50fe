using System.Globalization;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Filings;

/// <summary>
/// What was typed into a filing form, flat by key so that versions compare field by field: a choice's option values one per
/// line, an "其他" text under "key.other", a period under "key.start"/"key.end" (yyyy-MM), an effects table under
/// "key.{aspect}.before"/".after", amounts in 万元 as invariant decimals, a declaration as "true".
/// </summary>
public static class FilingValues
{
    public const string Other = ".other";
    public const string Start = ".start";
    public const string End = ".end";
    /// <summary>A generous bound on any one-line answer whose form sets none (a period's month, an 其他 text).</summary>
    public const int OtherMaxChars = 100;

    public static string? Text(IReadOnlyDictionary<string, string> values, string key) =>
        values.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    public static IReadOnlyList<string> Choices(IReadOnlyDictionary<string, string> values, string key) =>
        Text(values, key)?.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];

    public static decimal? Amount(IReadOnlyDictionary<string, string> values, string key) =>
        Text(values, key) is { } t && decimal.TryParse(HalfWidth.Of(t), NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    public static (DateOnly Start, DateOnly End)? Period(IReadOnlyDictionary<string, string> values, string key) =>
        Month(Text(values, key + Start)) is { } s && Month(Text(values, key + End)) is { } e ? (s, e) : null;

    public static DateOnly? Month(string? text) =>
        text is not null && DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A field's answer as a person reads it (options by label, 其他 with its text, a period as 2025年1月至2025年12月).</summary>
    public static string Show(FilingField f, IReadOnlyDictionary<string, string> values)
    {
        string Label(string v) => f.Option(v) is { } o ? o.Other && Text(values, f.Key + Other) is { } other ? $"{o.Label}：{other}" : o.Label : v;
        return f.Kind switch
        {
            FieldKind.Single => Text(values, f.Key) is { } v ? Label(v) : "",
            FieldKind.Multi => string.Join("、", Choices(values, f.Key).Select(Label)),
            FieldKind.Amount => Amount(values, f.Key) is { } a ? ChineseText.Wan(a) : "",
            FieldKind.Period => Period(values, f.Key) is var (s, e) ? $"{s.Year}年{s.Month}月至{e.Year}年{e.Month}月" : "",
            FieldKind.Declaration => Text(values, f.Key) == "true" ? "已声明" : "",
            FieldKind.Effects => string.Join("；", f.Aspects.Select(a =>
                $"{a}：改造前 {Text(values, $"{f.Key}.{a}.before") ?? "—"}，改造后 {Text(values, $"{f.Key}.{a}.after") ?? "—"}")),
            _ => Text(values, f.Key) ?? "",
        };
    }

    /// <summary>
    /// Every mistake in the values, by key, in Chinese. A draft may leave fields empty; a submission (<paramref name="complete"/>)
    /// may not. Keys the form does not have are refused: nothing is stored that no page shows.
    /// </summary>
    public static Dictionary<string, string> Check(FilingForm form, IReadOnlyDictionary<string, string> values, bool complete)
    {
        var errors = new Dictionary<string, string>();
        var known = new HashSet<string>();
        foreach (var f in form.Typed)
        {
            foreach (var k in KeysOf(f)) known.Add(k);
            Check(f, values, complete, errors);
        }
        foreach (var key in values.Keys.Where(k => !known.Contains(k)))
            errors[key] = $"备案申请表中没有“{key}”这一项";
        foreach (var (key, value) in values)
            if (!errors.ContainsKey(key) && ControlCharacters.In(value, multiline: true)) errors[key] = ControlCharacters.Message(LabelOf(form, key));
        return errors;
    }

    /// <summary>The keys a field's answer may use.</summary>
    public static IEnumerable<string> KeysOf(FilingField f) => f.Kind switch
    {
        FieldKind.Single or FieldKind.Multi => f.Options.Any(o => o.Other) ? [f.Key, f.Key + Other] : [f.Key],
        FieldKind.Period => [f.Key + Start, f.Key + End],
        FieldKind.Effects => f.Aspects.SelectMany(a => new[] { $"{f.Key}.{a}.before", $"{f.Key}.{a}.after" }),
        _ => [f.Key],
    };

    /// <summary>What a key is called on the form ("实施期限（开始）", "创新方面成效（改造后）").</summary>
    public static string LabelOf(FilingForm form, string key)
    {
        foreach (var f in form.Fields)
        {
            if (key == f.Key) return f.Label;
            if (key == f.Key + Other) return $"{f.Label}（其他）";
            if (key == f.Key + Start) return $"{f.Label}（开始）";
            if (key == f.Key + End) return $"{f.Label}（结束）";
            foreach (var a in f.Aspects)
            {
                if (key == $"{f.Key}.{a}.before") return $"{f.Label}·{a}（改造前）";
                if (key == $"{f.Key}.{a}.after") return $"{f.Label}·{a}（改造后）";
            }
        }
        return key;
    }

    private static void Check(FilingField f, IReadOnlyDictionary<string, string> values, bool complete, Dictionary<string, string> errors)
    {
        var text = Text(values, f.Key);
        void Missing(string key, string message) { if (complete && f.Required) errors[key] = message; }
        switch (f.Kind)
        {
            case FieldKind.Text or FieldKind.LongText:
                if (text is null) { Missing(f.Key, $"请填写{f.Label}"); break; }
                var count = ChineseText.CountCharacters(text.Trim());
                if (f.MaxChars is { } max && count > max) errors[f.Key] = $"{f.Label}不超过{max}字，现为{count}字";
                else if (f.Kind == FieldKind.Text && text.Contains('\n')) errors[f.Key] = $"{f.Label}只能填写一行";
                break;
            case FieldKind.Single or FieldKind.Multi:
                var chosen = f.Kind == FieldKind.Single ? text is null ? [] : [text] : Choices(values, f.Key);
                if (chosen.Count == 0) { Missing(f.Key, $"请选择{f.Label}"); break; }
                if (f.Kind == FieldKind.Single && text!.Contains('\n')) { errors[f.Key] = $"{f.Label}只能选一项"; break; }
                if (chosen.FirstOrDefault(c => f.Option(c) is null) is { } unknown) { errors[f.Key] = $"{f.Label}没有选项“{unknown}”"; break; }
                if (chosen.Distinct().Count() != chosen.Count) { errors[f.Key] = $"{f.Label}的选项重复"; break; }
                var other = Text(values, f.Key + Other);
                var otherChosen = chosen.Any(c => f.Option(c)!.Other);
                if (otherChosen && other is null) Missing(f.Key + Other, $"选择“其他”时请写明{f.Label}的内容");
                if (!otherChosen && other is not null) errors[f.Key + Other] = $"未选择“其他”，不能填写其他内容";
                if (other is not null && ChineseText.CountCharacters(other) > OtherMaxChars) errors[f.Key + Other] = $"其他内容不超过{OtherMaxChars}字";
                break;
            case FieldKind.Amount:
                if (text is null) { Missing(f.Key, $"请填写{f.Label}"); break; }
                if (AmountProblem(text, f.Label) is { } why) errors[f.Key] = why;
                break;
            case FieldKind.Period:
                var s = Text(values, f.Key + Start);
                var e = Text(values, f.Key + End);
                if (s is null || e is null) { Missing(f.Key + (s is null ? Start : End), $"请填写{f.Label}的{(s is null ? "开始" : "结束")}年月"); }
                if (s is not null && Month(s) is null) errors[f.Key + Start] = $"{f.Label}的开始年月应写作 2025-01";
                if (e is not null && Month(e) is null) errors[f.Key + End] = $"{f.Label}的结束年月应写作 2025-12";
                if (Month(s) is { } sm && Month(e) is { } em && em < sm) errors[f.Key + End] = $"{f.Label}的结束年月早于开始年月";
                break;
            case FieldKind.Effects:
                foreach (var a in f.Aspects)
                foreach (var side in new[] { "before", "after" })
                {
                    var key = $"{f.Key}.{a}.{side}";
                    var v = Text(values, key);
                    if (v is null) Missing(key, $"请填写{a}方面{(side == "before" ? "改造前" : "改造后")}的成效");
                    else if (ChineseText.CountCharacters(v) > (f.MaxChars ?? 200)) errors[key] = $"{a}方面成效不超过{f.MaxChars ?? 200}字";
                }
                break;
            case FieldKind.Declaration:
                if (text is null) Missing(f.Key, $"请阅读并确认{f.Label}");
                else if (text != "true") errors[f.Key] = $"{f.Label}只能确认";
                break;
        }
    }

    /// <summary>万元: a positive number with two decimals at most (the official sheets' precision).</summary>
    public static string? AmountProblem(string text, string label)
    {
        if (!decimal.TryParse(HalfWidth.Of(text).Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d))
            return $"{label}应为数字（万元）";
        if (d <= 0) return $"{label}应大于0";
        if (d.Scale > 2 && d != Math.Round(d, 2)) return $"{label}最多保留两位小数";
        if (d >= 100_000_000m) return $"{label}过大，请核对单位（万元）";
        return null;
    }
}
