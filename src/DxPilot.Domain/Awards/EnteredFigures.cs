using DxPilot.Domain.Text;

namespace DxPilot.Domain.Awards;

/// <summary>
/// The numbers an applicant enters (each rate and the alternative it accepts, a 车间 mode's measured ratios, the 创新 figures
/// before and after) and what a draft's numbers and intellectual property rows must be, each refusal naming the figure or row.
/// </summary>
public static class EnteredFigures
{
    /// <summary>Larger than any figure the forms ask for (营业收入 in 万元 included): beyond it a digit was typed twice.</summary>
    public const decimal Largest = 1_000_000_000m;

    /// <summary>A figure the form asks for: <see cref="Percent"/> when it is a share of a whole (0 to 100 %),
    /// <see cref="Before"/> when its 改造前 value is asked too.</summary>
    public sealed record Figure(string Key, string Label, bool Percent, bool YesNo, bool Before)
    {
        /// <summary>The label a message names: a figure asked before and after says which of the two it is about.</summary>
        public string Named(bool before) => before ? $"{Label}（改造前）" : Before ? $"{Label}（改造后）" : Label;
    }

    public static string ErrorKey(string key, bool before) => (before ? "enteredBefore." : "entered.") + key;

    public static string IpErrorKey(int row) => $"ip{row}.kind";

    public static IReadOnlyDictionary<string, Figure> Of(AwardCall call)
    {
        var figures = new Dictionary<string, Figure>(StringComparer.Ordinal);
        foreach (var c in call.Directions.SelectMany(d => d.Criteria))
        {
            if (c.Kind == CriterionKind.Rate)
            {
                figures.TryAdd(c.Key, new(c.Key, c.Label, true, false, false));
                if (c.Alternative is { } alt) figures.TryAdd(c.Key + AwardCriteria.AlternativeSuffix, new(c.Key + AwardCriteria.AlternativeSuffix, alt, true, false, false));
            }
            foreach (var m in c.Kind == CriterionKind.Mode ? c.Modes : [])
                foreach (var r in m.Measured) figures.TryAdd(r.Key, new(r.Key, $"{m.Label}：{r.Label}", true, false, false));
            foreach (var f in c.Kind == CriterionKind.Improvement ? c.Figures : [])
                figures.TryAdd(f.Key, new(f.Key, f.Label, f.Share, f.YesNo, !f.YesNo));
        }
        return figures;
    }

    public static IEnumerable<(string Key, string Message)> Problems(AwardCall call, AwardContent content, DateOnly today)
    {
        var figures = Of(call);
        foreach (var (values, before) in new[] { (content.Entered, false), (content.EnteredBefore, true) })
            foreach (var (key, value) in values)
            {
                var errorKey = ErrorKey(key, before);
                if (!figures.TryGetValue(key, out var f) || (before && !f.Before))
                {
                    yield return (errorKey, $"本次申报没有{(before ? "改造前" : "")}指标“{key}”");
                    continue;
                }
                var label = f.Named(before);
                if (f.YesNo)
                {
                    if (value is not (0m or 1m)) yield return (errorKey, $"{f.Label}只能填“是”（1）或“否”（0）");
                }
                else if (value < 0) yield return (errorKey, $"{label}不能为负数");
                else if (f.Percent && value > 100m) yield return (errorKey, $"{label}：填报的比率应在0到100%之间");
                else if (value > Largest) yield return (errorKey, $"{label}的数值过大，请核对");
            }
        for (var i = 0; i < content.IntellectualProperty.Count; i++)
        {
            var ip = content.IntellectualProperty[i];
            if (string.IsNullOrWhiteSpace(ip.Kind) || string.IsNullOrWhiteSpace(ip.Number))
                yield return (IpErrorKey(i), $"知识产权第{i + 1}项：请填写类别和编号");
            else if (ip.Kind.Length > 40 || ip.Number.Length > 60)
                yield return (IpErrorKey(i), $"知识产权第{i + 1}项：类别不超过40字，编号不超过60字");
            else if (ip.GrantedOn > today)
                yield return (IpErrorKey(i), $"知识产权第{i + 1}项：授权（登记）日期{ChineseText.Date(ip.GrantedOn)}晚于今天");
            else if (ip.ExpiresOn is { } until && until < ip.GrantedOn)
                yield return (IpErrorKey(i), $"知识产权第{i + 1}项：有效期至{ChineseText.Date(until)}早于授权（登记）日期{ChineseText.Date(ip.GrantedOn)}");
        }
    }
}
