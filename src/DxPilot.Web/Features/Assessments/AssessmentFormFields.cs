using System.Globalization;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Assessments;

/// <summary>The HTML form generated from an instrument, as field names: q{i} for question i's option letters, s{i} for
/// scenario i's level, r{j} for the j-th raw input, e.q{i} / e.s{i} for evidence notes. Index-based names keep the
/// posted form ASCII; the answers are stored by the instrument's names.</summary>
public sealed class AssessmentFormFields(Instrument instrument)
{
    /// <summary>Each raw input once, in the order the questions first ask for it (two questions share 生产设备数量).</summary>
    public IReadOnlyList<string> RawInputs { get; } = instrument.Questions
        .Where(q => q.RawBands is not null).SelectMany(q => q.RawBands!.InputNames).Distinct().ToList();

    public static string Question(Question q) => $"q{q.Index}";
    public static string Scenario(Scenario s) => $"s{s.Index}";
    public static string Evidence(Question q) => $"e.q{q.Index}";
    public static string Evidence(Scenario s) => $"e.s{s.Index}";
    public string Raw(string name) => $"r{IndexOf(name)}";

    /// <summary>Whether this question is where the raw input is first asked (later questions point back to it).</summary>
    public bool FirstAsks(Question q, string input) =>
        instrument.Questions.First(x => x.RawBands?.InputNames.Contains(input) == true).Index == q.Index;

    /// <summary>What was posted, as an input the service validates. Unparseable numbers are kept out and reported.</summary>
    public AssessmentInput Read(IFormCollection form, out Dictionary<string, string> errors)
    {
        errors = [];
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var scenarios = new Dictionary<string, int>(StringComparer.Ordinal);
        var raw = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var evidence = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var q in instrument.Questions)
        {
            var letters = form[Question(q)].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
            if (letters.Count > 0) answers[q.Name] = letters;
            if (form[Evidence(q)].ToString() is { Length: > 0 } note) evidence[q.Name] = note;
        }
        foreach (var s in instrument.Scenarios)
        {
            var text = form[Scenario(s)].ToString();
            if (text.Length > 0)
            {
                if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var level)) scenarios[s.Name] = level;
                else errors[s.Name] = $"应用场景“{s.Name}”的等级应为0至{LevelRule.MaxLevel}";
            }
            if (form[Evidence(s)].ToString() is { Length: > 0 } note) evidence[s.Name] = note;
        }
        foreach (var name in RawInputs)
        {
            var text = HalfWidth.Of(form[Raw(name)].ToString()).Trim();
            if (text.Length == 0) continue;
            if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)) raw[name] = value;
            else errors[name] = $"“{name}”应为数字";
        }
        return new AssessmentInput
        {
            Instrument = instrument.Id,
            Stage = Enum.TryParse<AssessmentStage>(form["Stage"], out var stage) && Enum.IsDefined(stage) ? stage : null,
            AssessedOn = form["AssessedOn"],
            Answers = answers, Scenarios = scenarios, RawInputs = raw, Evidence = evidence,
            Version = int.TryParse(form["Version"], out var version) ? version : null,
        };
    }

    private int IndexOf(string name)
    {
        for (var j = 0; j < RawInputs.Count; j++)
            if (RawInputs[j] == name) return j;
        throw new KeyNotFoundException(name);
    }
}
