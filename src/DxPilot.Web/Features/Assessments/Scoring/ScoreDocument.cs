using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using DxPilot.Domain.Instruments;

namespace DxPilot.Web.Features.Assessments.Scoring;

/// <summary>评分答卷: the document an evaluation agency scores, by the command line or the API:
/// <c>{"instrument":"miit-2024","answers":{"网络建设":["B","D"],"信息系统":"C"},"scenarios":{"产品设计":2},"rawInputs":{"生产设备数量（台）":120}}</c>.
/// Answers are keyed by question name and option letter (<c>k</c>) of the instrument file; one letter may be given as a string.</summary>
public sealed record ScoreDocument
{
    /// <summary>A filled-in sheet is about 1 KB; anything far larger is not one.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly string[] Fields = ["instrument", "answers", "scenarios", "rawInputs"];

    /// <summary>When given, must be the instrument scored against.</summary>
    public string? Instrument { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Scenario name → level 0-4.</summary>
    public IReadOnlyDictionary<string, int> Scenarios { get; init; } = new Dictionary<string, int>();
    /// <summary>Optional: device counts, energy, revenue … from which some answers follow.</summary>
    public IReadOnlyDictionary<string, decimal> RawInputs { get; init; } = new Dictionary<string, decimal>();

    public AnswerSheet ToSheet() => new() { Answers = Answers, ScenarioLevels = Scenarios, RawInputs = RawInputs };

    /// <summary>Reads the document and reports every problem of encoding, syntax and type at once, in Chinese, so that
    /// an agency fixes a file in one go. Names and letters are checked later against the instrument.</summary>
    public static (ScoreDocument? Document, IReadOnlyList<InputProblem> Problems) Read(ReadOnlyMemory<byte> content)
    {
        if (EncodingProblem(content.Span) is { } encoding) return (null, [new(InputProblem.Document, encoding)]);
        if (content.Span.StartsWith(Encoding.UTF8.Preamble)) content = content[Encoding.UTF8.Preamble.Length..];
        if (content.Span.Trim(" \t\r\n"u8).IsEmpty) return (null, [new(InputProblem.Document, "内容为空，应为一份 JSON 答卷")]);

        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(content);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"（第{line + 1}行第{ex.BytePositionInLine + 1}个字节附近）" : "";
            return (null, [new(InputProblem.Document, $"内容不是有效的 JSON{where}")]);
        }

        using (json)
        {
            try
            {
                return ReadRoot(json.RootElement);
            }
            catch (InvalidOperationException)
            {
                // The parser accepts an escaped lone surrogate ("\ud800"), which no string can hold; reading it throws.
                return (null, [new(InputProblem.Document, "内容含有无效的 Unicode 转义（单独的代理项，如 \\ud800）")]);
            }
        }
    }

    private static (ScoreDocument?, IReadOnlyList<InputProblem>) ReadRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return (null, [new(InputProblem.Document, $"内容应为一个 JSON 对象 {{\"instrument\":…,\"answers\":{{…}},\"scenarios\":{{…}}}}，收到{Describe(root)}")]);

        var problems = new List<InputProblem>();
        string? instrument = null;
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var scenarios = new Dictionary<string, int>(StringComparer.Ordinal);
        var rawInputs = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var field in Properties(root, InputProblem.Document, problems))
        {
            switch (field.Name)
            {
                case "instrument" when field.Value.ValueKind == JsonValueKind.String:
                    instrument = field.Value.GetString();
                    break;
                case "instrument":
                    problems.Add(new("instrument", $"instrument 应为评测工具代号（字符串，如 \"miit-2024\"），收到{Describe(field.Value)}"));
                    break;
                case "answers":
                    ReadAnswers(field.Value, answers, problems);
                    break;
                case "scenarios":
                    ReadScenarios(field.Value, scenarios, problems);
                    break;
                case "rawInputs":
                    ReadRawInputs(field.Value, rawInputs, problems);
                    break;
                default:
                    // Refused rather than ignored: a misspelt "rawInput" would otherwise drop data without a word.
                    problems.Add(new(field.Name, $"未知的字段“{field.Name}”，可用的字段：{string.Join("、", Fields)}"));
                    break;
            }
        }
        return problems.Count > 0 ? (null, problems) : (new ScoreDocument { Instrument = instrument, Answers = answers, Scenarios = scenarios, RawInputs = rawInputs }, problems);
    }

    private static void ReadAnswers(JsonElement value, Dictionary<string, IReadOnlyList<string>> answers, List<InputProblem> problems)
    {
        if (!IsObject(value, "answers", "{\"题目名\": \"C\" 或 [\"B\",\"D\"]}", problems)) return;
        foreach (var answer in Properties(value, "answers", problems))
        {
            var path = $"answers.{answer.Name}";
            var expected = $"题目“{answer.Name}”的答案应为选项字母（如 \"C\"）或字母数组（如 [\"B\",\"D\"]），收到";
            switch (answer.Value.ValueKind)
            {
                case JsonValueKind.String:
                    answers[answer.Name] = [answer.Value.GetString()!];
                    break;
                case JsonValueKind.Array:
                    var notLetters = answer.Value.EnumerateArray().Where(l => l.ValueKind != JsonValueKind.String).ToList();
                    if (notLetters.Count > 0) problems.Add(new(path, $"{expected}含{Describe(notLetters[0])}的数组"));
                    else answers[answer.Name] = answer.Value.EnumerateArray().Select(l => l.GetString()!).ToList();
                    break;
                default:
                    problems.Add(new(path, expected + Describe(answer.Value)));
                    break;
            }
        }
    }

    private static void ReadScenarios(JsonElement value, Dictionary<string, int> scenarios, List<InputProblem> problems)
    {
        if (!IsObject(value, "scenarios", "{\"场景名\": 0至4}", problems)) return;
        foreach (var scenario in Properties(value, "scenarios", problems))
        {
            // Only whole numbers reach the instrument, which then checks the range 0-4.
            if (scenario.Value.ValueKind == JsonValueKind.Number && scenario.Value.TryGetInt32(out var level))
                scenarios[scenario.Name] = level;
            else
                problems.Add(new($"scenarios.{scenario.Name}",
                    $"应用场景“{scenario.Name}”的等级应为0至{LevelRule.MaxLevel}的整数（0表示{LevelNames.NotReached}），收到{Describe(scenario.Value)}"));
        }
    }

    private static void ReadRawInputs(JsonElement value, Dictionary<string, decimal> rawInputs, List<InputProblem> problems)
    {
        if (!IsObject(value, "rawInputs", "{\"生产设备数量（台）\": 120}", problems)) return;
        foreach (var input in Properties(value, "rawInputs", problems))
        {
            if (input.Value.ValueKind == JsonValueKind.Number && input.Value.TryGetDecimal(out var number))
                rawInputs[input.Name] = number;
            else
                problems.Add(new($"rawInputs.{input.Name}", $"原始数据“{input.Name}”应为数字，收到{Describe(input.Value)}"));
        }
    }

    private static bool IsObject(JsonElement value, string field, string example, List<InputProblem> problems)
    {
        if (value.ValueKind == JsonValueKind.Object) return true;
        problems.Add(new(field, $"{field} 应为对象 {example}，收到{Describe(value)}"));
        return false;
    }

    /// <summary>An object's properties; a name given twice is reported, since which of the two counts would be a guess.</summary>
    private static IEnumerable<JsonProperty> Properties(JsonElement obj, string path, List<InputProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in obj.EnumerateObject())
        {
            if (seen.Add(p.Name)) yield return p;
            else problems.Add(new(path == InputProblem.Document ? p.Name : $"{path}.{p.Name}", $"“{p.Name}”出现了不止一次"));
        }
    }

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => $"字符串 \"{e.GetString()}\"",
        JsonValueKind.Number => $"数字 {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"布尔值 {e.GetRawText()}",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "数组",
        _ => "对象",
    };

    /// <summary>Named explicitly: Excel and Notepad on Chinese Windows save GB18030/GBK or UTF-16 by default, and the JSON
    /// parser would only say that some byte is unexpected.</summary>
    private static string? EncodingProblem(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return "内容是 UTF-16 编码，应为 UTF-8：请另存为 UTF-8 后重试";
        if (Utf8.IsValid(bytes)) return null;
        var at = 0;
        while (Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) == System.Buffers.OperationStatus.Done) at += consumed;
        return $"内容不是 UTF-8 编码（第{at + 1}个字节 0x{bytes[at]:X2} 无法按 UTF-8 解码，可能是 GB18030/GBK 编码）：请另存为 UTF-8 后重试";
    }
}
