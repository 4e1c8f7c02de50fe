using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DxPilot.Web.Features.Assessments.Scoring;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>The `score` verb as an evaluation agency runs it, in process on temporary files. Expected numbers are the
/// official tables' (see <see cref="AnswerDocuments"/>), never the engine's output.</summary>
public sealed class ScoreCliTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("dxpilot-score-");

    public void Dispose() => _folder.Delete(recursive: true);

    /// <summary>Runs `score ARGS` (the arguments after the verb) with stdout and stderr captured.</summary>
    private static (int Exit, string Out, string Err) Score(params string[] args)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exit = new ScoreCommand(output, errors, showProgress: false).Run(args);
        return (exit, output.ToString(), errors.ToString());
    }

    private string Write(string name, JsonNode document) => Write(name, Encoding.UTF8.GetBytes(AnswerDocuments.Text(document)));

    private string Write(string name, byte[] content)
    {
        var path = Path.Combine(_folder.FullName, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static decimal Points(JsonElement obj, string name) => obj.GetProperty(name).GetDecimal();

    private static int[] Counts(JsonElement report, string name) =>
        report.GetProperty("scenarioCounts").GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    [Fact]
    public void The_all_maximum_sheet_with_every_scenario_at_four_is_100_points_and_level_four()
    {
        var (exit, output, errors) = Score("--instrument", "miit-2024", Write("满分.json", AnswerDocuments.AllMaximum()));

        Assert.Equal(0, exit);
        Assert.Equal("", errors);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal("满分.json", report.GetProperty("file").GetString());
        Assert.Equal(JsonValueKind.Number, report.GetProperty("score").ValueKind);
        Assert.Equal(100m, report.GetProperty("score").GetDecimal());
        Assert.Equal(4, report.GetProperty("level").GetInt32());
        Assert.Equal("四级（协同级）", report.GetProperty("levelName").GetString());
        var dimensions = report.GetProperty("dimensions");
        Assert.Equal(50m, Points(dimensions, "数字化基础"));
        Assert.Equal(30m, Points(dimensions, "数字化管理"));
        Assert.Equal(20m, Points(dimensions, "数字化成效"));
        foreach (var (name, points) in AnswerDocuments.FullSubIndicators)
            Assert.Equal(points, Points(report.GetProperty("subIndicators"), name));
        Assert.Equal([0, 0, 0, 0, 16], Counts(report, "atLevel"));
        Assert.Equal([0, 0, 0, 0, 10], Counts(report, "constrainedAtLevel"));
        Assert.Equal(0, report.GetProperty("shortfalls").GetArrayLength());
        Assert.Equal(0, report.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public void The_all_none_sheet_is_0_points_and_no_level()
    {
        var (exit, output, _) = Score("--instrument", "miit-2024", Write("无.json", AnswerDocuments.AllNone()));

        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(0m, report.GetProperty("score").GetDecimal());
        Assert.Equal(0, report.GetProperty("level").GetInt32());
        Assert.Equal("无等级", report.GetProperty("levelName").GetString());
        Assert.All(report.GetProperty("subIndicators").EnumerateObject(), s => Assert.Equal(0m, s.Value.GetDecimal()));
        Assert.Equal([16, 0, 0, 0, 0], Counts(report, "atLevel"));
        Assert.Equal([1, 2, 3, 4], report.GetProperty("shortfalls").EnumerateArray().Select(s => s.GetProperty("level").GetInt32()));
        Assert.Contains("总分0分，需要20分", report.GetProperty("shortfalls")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void A_mid_range_sheet_scores_each_sub_indicator_as_the_reference_options_add_up()
    {
        var (exit, output, _) = Score("--instrument", "miit-2024", Write("mid.json", AnswerDocuments.MidRange()));

        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(42.25m, report.GetProperty("score").GetDecimal());
        foreach (var (name, points) in AnswerDocuments.MidRangeSubIndicators)
            Assert.Equal(points, Points(report.GetProperty("subIndicators"), name));
        Assert.Equal(19m, Points(report.GetProperty("dimensions"), "数字化基础"));
        Assert.Equal(11.25m, Points(report.GetProperty("dimensions"), "数字化管理"));
        Assert.Equal(12m, Points(report.GetProperty("dimensions"), "数字化成效"));
        Assert.Equal(1.875m, Points(report.GetProperty("questions"), "管理机制"));
        Assert.Equal(2, report.GetProperty("level").GetInt32());
        Assert.Equal("二级（规范级）", report.GetProperty("levelName").GetString());
        Assert.Equal([2, 8, 5, 1, 0], Counts(report, "atLevel"));
        Assert.Equal([0, 6, 3, 1, 0], Counts(report, "constrainedAtLevel"));
        Assert.Equal([16, 14, 6, 1, 0], Counts(report, "atOrAbove"));
        Assert.Equal([10, 10, 4, 1, 0], Counts(report, "constrainedAtOrAbove"));
        var threeMissed = report.GetProperty("shortfalls")[0];
        Assert.Equal(3, threeMissed.GetProperty("level").GetInt32());
        var reason = threeMissed.GetProperty("reason").GetString();
        Assert.Contains("需要60分", reason);
        Assert.Contains("应用场景达到三级的只有1个，需要8个", reason);
        Assert.Contains("约束性场景达到三级的只有1个，需要5个", reason);
    }

    [Fact]
    public void Eight_scenarios_at_three_with_only_four_constrained_stays_at_level_two()
    {
        // 表6: 三级 needs 8 scenarios at 三级 of which 5 constrained. Four constrained and the four unconstrained
        // 工艺设计, 售后服务, 计划排程, 人力资源 at 3; the rest at 2 keeps 二级 (16 ≥ 6, 10 constrained ≥ 3).
        var sheet = AnswerDocuments.AllMaximum(scenarioLevel: 2);
        foreach (var s in new[] { "产品设计", "营销管理", "生产管控", "质量管理", "工艺设计", "售后服务", "计划排程", "人力资源" })
            sheet["scenarios"]![s] = 3;

        var (exit, output, _) = Score("--instrument", "miit-2024", Write("boundary.json", sheet));

        Assert.Equal(0, exit);
        var report = JsonDocument.Parse(output).RootElement;
        Assert.Equal(2, report.GetProperty("level").GetInt32());
        Assert.Contains("约束性场景达到三级的只有4个，需要5个", report.GetProperty("shortfalls")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void A_chosen_band_that_contradicts_the_raw_inputs_is_scored_with_a_warning()
    {
        // 80 of 100 devices digital is 80 %, band E (60%,100%]; the sheet says C.
        var sheet = AnswerDocuments.MidRange();
        sheet["rawInputs"] = new JsonObject { ["生产设备数量（台）"] = 100, ["实现数字化的生产设备数量（台）"] = 80 };

        var (exit, output, _) = Score("--instrument", "miit-2024", Write("raw.json", sheet));

        Assert.Equal(0, exit);
        var warning = Assert.Single(JsonDocument.Parse(output).RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("answers.设备数字化", warning.GetProperty("path").GetString());
        Assert.Contains("应为E", warning.GetProperty("message").GetString());
    }

    [Fact]
    public void A_folder_gives_one_line_per_file_in_ordinal_order_and_the_bad_file_does_not_stop_the_others()
    {
        var bad = AnswerDocuments.MidRange();
        bad["answers"]!["信息系统"] = "F";
        Write("甲.json", AnswerDocuments.MidRange());
        Write("B.json", AnswerDocuments.AllMaximum());
        Write("a.json", bad);
        Write("说明.txt", Encoding.UTF8.GetBytes("not an answer sheet"));

        var (exit, output, errors) = Score("--instrument", "miit-2024", _folder.FullName);

        Assert.Equal(2, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["B.json", "a.json", "甲.json"], lines.Select(l => l.GetProperty("file").GetString()));
        Assert.Equal(100m, lines[0].GetProperty("score").GetDecimal());
        Assert.Equal(42.25m, lines[2].GetProperty("score").GetDecimal());
        Assert.False(lines[1].TryGetProperty("score", out _));
        Assert.Equal("answers.信息系统", lines[1].GetProperty("errors")[0].GetProperty("path").GetString());
        Assert.Contains("a.json", errors);
        Assert.Contains("题目“信息系统”没有选项“F”", errors);
        Assert.DoesNotContain("B.json", errors);
        Assert.DoesNotContain("评分 [", errors); // no progress bar when stderr is not a terminal
    }

    /// <summary>Each bad document: what to change in the mid-range sheet, and what the message must name.</summary>
    public static TheoryData<string, string[]> BadDocuments => new()
    {
        { "unknown-question", ["未知的题目“网络建设2”"] },
        { "unknown-scenario", ["未知的应用场景“智能排产”"] },
        { "letter-not-offered", ["题目“信息系统”没有选项“F”", "A、B、C、D、E"] },
        { "none-mixed", ["网络建设", "A“无”不能与其他选项同时勾选"] },
        { "two-letters-on-single-choice", ["信息系统", "单选"] },
        { "level-above-four", ["产品设计", "0至4", "5"] },
        { "level-negative", ["产品设计", "0至4", "-1"] },
        { "level-not-integer", ["产品设计", "整数", "2.5"] },
        { "level-as-string", ["产品设计", "整数", "字符串 \"3\""] },
        { "missing-answers", ["2道题目未作答", "数据安全", "价值效益"] },
        { "missing-scenarios", ["1个应用场景未评定等级", "决策支持"] },
        { "answer-a-number", ["网络建设", "数字 3"] },
        { "letter-a-number", ["网络建设", "数字 2"] },
        { "answers-an-array", ["answers 应为对象"] },
        { "scenarios-a-string", ["scenarios 应为对象"] },
        { "raw-input-a-string", ["原始数据“生产设备数量（台）”应为数字"] },
        { "unknown-field", ["未知的字段“rawInput”", "rawInputs"] },
        { "duplicate-answer", ["“网络建设”出现了不止一次"] },
        { "other-instrument", ["miit-2022", "miit-2024", "不一致"] },
        { "not-an-object", ["应为一个 JSON 对象"] },
        { "not-json", ["不是有效的 JSON", "第1行"] },
        { "empty", ["内容为空"] },
        { "gb18030", ["不是 UTF-8 编码", "GB18030"] },
        { "utf16", ["UTF-16"] },
    };

    private static byte[] BadDocument(string kind)
    {
        var sheet = AnswerDocuments.MidRange();
        var answers = sheet["answers"]!.AsObject();
        var scenarios = sheet["scenarios"]!.AsObject();
        string? text = null;
        switch (kind)
        {
            case "unknown-question": answers["网络建设2"] = "B"; break;
            case "unknown-scenario": scenarios["智能排产"] = 1; break;
            case "letter-not-offered": answers["信息系统"] = "F"; break;
            case "none-mixed": answers["网络建设"] = new JsonArray("A", "C"); break;
            case "two-letters-on-single-choice": answers["信息系统"] = new JsonArray("B", "C"); break;
            case "level-above-four": scenarios["产品设计"] = 5; break;
            case "level-negative": scenarios["产品设计"] = -1; break;
            case "level-not-integer": scenarios["产品设计"] = 2.5; break;
            case "level-as-string": scenarios["产品设计"] = "3"; break;
            case "missing-answers": answers.Remove("数据安全"); answers.Remove("价值效益"); break;
            case "missing-scenarios": scenarios.Remove("决策支持"); break;
            case "answer-a-number": answers["网络建设"] = 3; break;
            case "letter-a-number": answers["网络建设"] = new JsonArray("B", 2); break;
            case "answers-an-array": sheet["answers"] = new JsonArray("B"); break;
            case "scenarios-a-string": sheet["scenarios"] = "全部二级"; break;
            case "raw-input-a-string": sheet["rawInputs"] = new JsonObject { ["生产设备数量（台）"] = "一百" }; break;
            case "unknown-field": sheet["rawInput"] = new JsonObject(); break;
            case "duplicate-answer": text = AnswerDocuments.Text(sheet).Replace("\"网络建设\":", "\"网络建设\":\"A\",\"网络建设\":"); break;
            case "other-instrument": sheet["instrument"] = "miit-2022"; break;
            case "not-an-object": text = "[1, 2]"; break;
            case "not-json": text = "{\"answers\": {\"网络建设\": B}}"; break;
            case "empty": text = ""; break;
            case "gb18030":
                Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                return Encoding.GetEncoding("GB18030").GetBytes(AnswerDocuments.Text(sheet));
            case "utf16": return [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(AnswerDocuments.Text(sheet))];
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
        return Encoding.UTF8.GetBytes(text ?? AnswerDocuments.Text(sheet));
    }

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void A_bad_file_exits_2_naming_the_file_and_what_is_wrong(string kind, string[] named)
    {
        var (exit, output, errors) = Score("--instrument", "miit-2024", Write($"{kind}.json", BadDocument(kind)));

        Assert.Equal(2, exit);
        Assert.StartsWith($"{kind}.json：", errors);
        foreach (var part in named) Assert.Contains(part, errors);
        var refusal = JsonDocument.Parse(output).RootElement;
        Assert.Equal($"{kind}.json", refusal.GetProperty("file").GetString());
        Assert.NotEqual(0, refusal.GetProperty("errors").GetArrayLength());
        Assert.False(refusal.TryGetProperty("score", out _));
    }

    [Fact]
    public void An_unknown_instrument_lists_the_ones_that_score_answer_sheets()
    {
        var (exit, output, errors) = Score("--instrument", "miit-2025", Write("mid.json", AnswerDocuments.MidRange()));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("未知的评测工具“miit-2025”", errors);
        Assert.Contains("miit-2022、miit-2024", errors);
    }

    [Fact]
    public void The_heilongjiang_benchmark_is_refused_because_its_items_score_only_with_evidence()
    {
        var (exit, _, errors) = Score("--instrument", "hlj-benchmark", Write("mid.json", AnswerDocuments.MidRange()));

        Assert.Equal(2, exit);
        Assert.Contains("按佐证材料计分", errors);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_named()
    {
        var missing = Path.Combine(_folder.FullName, "没有这个目录");
        var (exit, _, errors) = Score("--instrument", "miit-2024", missing);

        Assert.Equal(2, exit);
        Assert.Contains($"找不到文件或目录：{missing}", errors);
    }

    [Fact]
    public void A_folder_without_answer_files_is_an_error()
    {
        var (exit, _, errors) = Score("--instrument", "miit-2024", _folder.FullName);

        Assert.Equal(2, exit);
        Assert.Contains("目录中没有答卷（*.json）", errors);
    }

    [Theory]
    [InlineData("缺少 --instrument", "answers.json")]
    [InlineData("--instrument 后面缺少取值", "answers.json", "--instrument")]
    [InlineData("缺少要评分的答卷文件或目录", "--instrument", "miit-2024")]
    [InlineData("未知的选项 --verbose", "--verbose", "--instrument", "miit-2024", "answers.json")]
    [InlineData("只能给一个文件或目录，多出了 b.json", "--instrument", "miit-2024", "a.json", "b.json")]
    public void Usage_errors_exit_2_with_the_reason_and_the_usage(string reason, params string[] args)
    {
        var (exit, output, errors) = Score(args);

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(reason, errors);
        Assert.Contains("用法：", errors);
    }

    [Fact]
    public void Config_points_to_another_configuration_folder()
    {
        var sheet = Write("mid.json", AnswerDocuments.MidRange());
        var missing = Path.Combine(_folder.FullName, "elsewhere");

        var (exit, _, errors) = Score("--config", missing, "--instrument", "miit-2024", sheet);
        Assert.Equal(1, exit);
        Assert.Contains("评测工具目录不存在", errors);

        var copy = Directory.CreateDirectory(Path.Combine(_folder.FullName, "config", "instruments"));
        File.Copy(Path.Combine(PlatformProcess.ConfigFolder(), "instruments", "miit-2024.json"), Path.Combine(copy.FullName, "miit-2024.json"));
        (exit, var output, _) = Score("--config", copy.Parent!.FullName, "--instrument", "miit-2024", sheet);
        Assert.Equal(0, exit);
        Assert.Equal(42.25m, JsonDocument.Parse(output).RootElement.GetProperty("score").GetDecimal());
    }

    /// <summary>The real executable, as `dotnet run --project src/DxPilot.Web -- score` starts it: the verb is dispatched
    /// before any web host or database, so it exits by itself; stderr is redirected, so there is no progress bar.</summary>
    [Fact]
    public async Task The_platform_executable_runs_the_verb_without_starting_the_web_host()
    {
        Write("a.json", AnswerDocuments.AllMaximum());
        Write("b.json", AnswerDocuments.AllNone());
        var exit = await PlatformProcess.RunAsync(["score", "--instrument", "miit-2024", _folder.FullName],
            new Dictionary<string, string> { ["DxPilot__ConfigPath"] = PlatformProcess.ConfigFolder() }, _folder.FullName);

        Assert.Equal(0, exit.Code);
        Assert.Equal("", exit.Errors);
        var lines = exit.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"levelName\":\"四级（协同级）\"", lines[0]); // Chinese written as is, not \u-escaped
        Assert.Equal(0m, JsonDocument.Parse(lines[1]).RootElement.GetProperty("score").GetDecimal());
    }

}
