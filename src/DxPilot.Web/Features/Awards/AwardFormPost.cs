using System.Globalization;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Awards;

/// <summary>
/// The application form's names and its post read back as what <see cref="AwardService.SaveDraftAsync"/> takes: the directions
/// ticked, a text per direction (sections, the scenarios written in order, empty slots left out), the figures, the mode, the
/// intellectual property rows and the contact. A number that is not one is named and left out, the rest is kept.
/// </summary>
public static class AwardFormPost
{
    public const string Directions = "Directions";
    public const string Mode = "Mode";
    /// <summary>Empty intellectual property rows offered below those entered.</summary>
    public const int SpareIpRows = 2;

    public static string Section(string direction, string key) => $"t.{direction}.{key}";
    public static string Scenario(string direction, int i, string key) => $"t.{direction}.sc{i}.{key}";
    public static string Typical(string direction, int i) => $"t.{direction}.sc{i}.typical";
    public static string Entered(string key) => "e." + key;
    public static string Before(string key) => "b." + key;
    public static string Ip(int i, string part) => $"ip{i}.{part}";

    public sealed record Read(List<string> Directions, AwardContent Content, Dictionary<string, string> Errors);

    public static Read From(AwardCall call, IFormCollection posted)
    {
        var errors = new Dictionary<string, string>();
        var content = new AwardContent
        {
            Mode = Text(posted, Mode),
            Specialty = Text(posted, "Specialty"), ContactName = Text(posted, "ContactName"), ContactPhone = Text(posted, "ContactPhone"), ContactEmail = Text(posted, "ContactEmail"),
            Remark = Text(posted, "Remark"),
        };
        foreach (var d in call.Directions)
        {
            var text = new AwardText();
            foreach (var s in d.Template.Sections)
                if (Text(posted, Section(d.Key, s.Key)) is { } value) text.Sections[s.Key] = value;
            if (d.Template.Scenarios is { } block)
                for (var i = 0; i < block.Max; i++)
                {
                    var scenario = new ScenarioText { TypicalScenario = int.TryParse(posted[Typical(d.Key, i)], out var n) ? n : null };
                    foreach (var f in block.Fields)
                        if (Text(posted, Scenario(d.Key, i, f.Key)) is { } value) scenario.Fields[f.Key] = value;
                    if (scenario.TypicalScenario is not null || scenario.Fields.Count > 0) text.Scenarios.Add(scenario);
                }
            if (text.Sections.Count > 0 || text.Scenarios.Count > 0) content.Texts[d.Key] = text;
        }
        foreach (var (name, value) in posted)
        {
            var before = name.StartsWith("b.", StringComparison.Ordinal);
            var target = name.StartsWith("e.", StringComparison.Ordinal) ? content.Entered : before ? content.EnteredBefore : null;
            if (target is null || string.IsNullOrWhiteSpace(value)) continue;
            if (decimal.TryParse(HalfWidth.Of(value.ToString()).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) target[name[2..]] = number;
            else errors[EnteredFigures.ErrorKey(name[2..], before)] = $"{Label(call, name[2..], before)}：“{value}”不是数字，请填写数字";
        }
        for (var i = 0; posted.ContainsKey(Ip(i, "kind")); i++)
        {
            var (kind, number, granted, expires) = (Text(posted, Ip(i, "kind")), Text(posted, Ip(i, "number")), Text(posted, Ip(i, "granted")), Text(posted, Ip(i, "expires")));
            if (kind is null && number is null && granted is null && expires is null) continue;
            if (kind is null || number is null || !DateOnly.TryParse(granted, CultureInfo.InvariantCulture, out var on))
            {
                errors[EnteredFigures.IpErrorKey(i)] = $"知识产权第{i + 1}行：请填写类别、编号和授权（登记）日期";
                continue;
            }
            DateOnly? until = DateOnly.TryParse(expires, CultureInfo.InvariantCulture, out var e) ? e : null;
            content.IntellectualProperty.Add(new IpRight(kind, number, on, until));
        }
        return new Read(posted[Directions].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList(), content, errors);
    }

    private static string Label(AwardCall call, string key, bool before) =>
        EnteredFigures.Of(call).TryGetValue(key, out var f) ? f.Named(before) : key;

    private static string? Text(IFormCollection posted, string name) => posted[name].ToString() is { Length: > 0 } v && !string.IsNullOrWhiteSpace(v) ? v : null;
}
