using System.Text;
using System.Text.Json;
using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Assessments.Scoring;

/// <summary>
/// `score --instrument miit-2024 [--config DIR] PATH`: an evaluation agency scores answer files without a database or
/// the web host. A file gives one JSON object on stdout; a folder gives one line per *.json file (JSON Lines, ordinal
/// name order), each with its <c>file</c>. A file that cannot be scored gives <c>{"file","errors"}</c> on stdout in
/// its place and its reasons on stderr; the others are still scored.
/// </summary>
public sealed class ScoreCommand(TextWriter output, TextWriter errors, bool showProgress)
{
    public const string Verb = "score";
    public const int Scored = 0;
    /// <summary>config/ or an instrument file is missing or malformed: the platform's fault, not the input's.</summary>
    public const int ConfigurationBroken = 1;
    /// <summary>A usage error, or at least one file not scored.</summary>
    public const int BadInput = 2;

    public const string Usage = """
        用法：dotnet run --project src/DxPilot.Web -- score --instrument <评测工具> [--config <配置目录>] <答卷.json 或 目录>
          --instrument  评测工具代号，如 miit-2024
          --config      配置目录（含 instruments/），默认从当前目录向上查找 config/
          答卷为 UTF-8 编码的 JSON：{"instrument":"miit-2024","answers":{"网络建设":["B","D"],"信息系统":"C",…},"scenarios":{"产品设计":2,…}}
        退出码：0 全部评分成功；1 配置目录或评测工具文件有误；2 用法错误或有答卷未能评分
        """;

    /// <summary>The process's streams. Results go out as UTF-8 whatever the console's code page (a Chinese Windows
    /// console would otherwise write GBK into a redirected file); the progress bar only when a person watches stderr.</summary>
    public static ScoreCommand ForConsole() =>
        new(new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false)) { AutoFlush = true }, Console.Error, !Console.IsErrorRedirected);

    public int Run(IReadOnlyList<string> args)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            output.WriteLine(Usage);
            return Scored;
        }
        if (ParseArguments(args) is not ({ } instrumentId, var configFolder, { } path))
            return BadInput;

        if (LoadCatalog(configFolder) is not { } catalog) return ConfigurationBroken;

        var (scorer, refusal) = SheetScoring.ScorerFor(catalog, instrumentId);
        if (scorer is null)
        {
            errors.WriteLine(refusal);
            return BadInput;
        }

        if (File.Exists(path)) return Write(ScoreFile(scorer, path), ScoreJson.Indented) ? Scored : BadInput;
        if (Directory.Exists(path)) return ScoreFolder(scorer, path);
        errors.WriteLine($"找不到文件或目录：{path}");
        return BadInput;
    }

    private (string? Instrument, string? Config, string? Path) ParseArguments(IReadOnlyList<string> args)
    {
        string? instrument = null, config = null, path = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--instrument" or "--config" when i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    return Refuse($"{args[i]} 后面缺少取值");
                case "--instrument":
                    instrument = args[++i];
                    break;
                case "--config":
                    config = args[++i];
                    break;
                case var option when option.StartsWith('-'):
                    return Refuse($"未知的选项 {option}");
                case var positional when path is null:
                    path = positional;
                    break;
                default:
                    return Refuse($"只能给一个文件或目录，多出了 {args[i]}");
            }
        }
        if (instrument is null) return Refuse("缺少 --instrument（评测工具代号，如 miit-2024）");
        if (path is null) return Refuse("缺少要评分的答卷文件或目录");
        return (instrument, config, path);

        (string?, string?, string?) Refuse(string why)
        {
            errors.WriteLine(why);
            errors.WriteLine(Usage);
            return default;
        }
    }

    /// <summary>Finds config/ as the platform does (DxPilot:ConfigPath from the environment, else walking up from the
    /// working directory); --config overrides. Only the instruments are loaded: no database, no web host.</summary>
    private InstrumentCatalog? LoadCatalog(string? configFolder)
    {
        var settings = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddEnvironmentVariables("DXPILOT_")
            .AddInMemoryCollection(configFolder is null ? [] : [new("DxPilot:ConfigPath", configFolder)])
            .Build();
        PlatformPaths paths;
        try
        {
            paths = PlatformPaths.Resolve(settings, Directory.GetCurrentDirectory());
        }
        catch (InvalidOperationException notFound)
        {
            errors.WriteLine($"{notFound.Message}，或用 --config 指定");
            return null;
        }
        try
        {
            return InstrumentCatalog.LoadFolder(Path.Combine(paths.ConfigFolder, "instruments"));
        }
        catch (InstrumentFormatException malformed)
        {
            errors.WriteLine(malformed.Message);
            return null;
        }
    }

    private int ScoreFolder(Scorer scorer, string folder)
    {
        var files = Directory.EnumerateFiles(folder, "*.json").OrderBy(Path.GetFileName, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            errors.WriteLine($"目录中没有答卷（*.json）：{folder}");
            return BadInput;
        }
        var progress = showProgress ? new ProgressBar(errors, files.Count) : null;
        var allScored = true;
        for (var i = 0; i < files.Count; i++)
        {
            progress?.Show(i);
            var outcome = ScoreFile(scorer, files[i]);
            if (outcome.Report is null) progress?.Clear();
            allScored &= Write(outcome, ScoreJson.Lines);
        }
        progress?.Show(files.Count);
        progress?.Clear();
        return allScored ? Scored : BadInput;
    }

    private static FileOutcome ScoreFile(Scorer scorer, string path)
    {
        var name = Path.GetFileName(path);
        byte[] content;
        try
        {
            var length = new FileInfo(path).Length;
            if (length > ScoreDocument.MaxBytes)
                return new(name, null, [new(InputProblem.Document, $"文件有{length}字节，超过答卷的上限{ScoreDocument.MaxBytes / 1024} KB（一份答卷约 1 KB），不像是答卷")]);
            content = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(name, null, [new(InputProblem.Document, $"无法读取文件：{ex.Message}")]);
        }
        var outcome = SheetScoring.Score(scorer, content);
        return new(name, outcome.Report is { } report ? report with { File = name } : null, outcome.Errors);
    }

    /// <summary>Writes the report, or the refusal on stdout and each reason on stderr; true when scored.</summary>
    private bool Write(FileOutcome outcome, JsonSerializerOptions json)
    {
        if (outcome.Report is { } report)
        {
            output.WriteLine(JsonSerializer.Serialize(report, json));
            return true;
        }
        output.WriteLine(JsonSerializer.Serialize(new Refusal(outcome.File, outcome.Errors), json));
        foreach (var e in outcome.Errors) errors.WriteLine($"{outcome.File}：{e.Message}");
        return false;
    }

    private sealed record FileOutcome(string File, ScoreReport? Report, IReadOnlyList<InputProblem> Errors);

    /// <summary>The line that stands for a file not scored, so that every input file has exactly one line.</summary>
    private sealed record Refusal(string File, IReadOnlyList<InputProblem> Errors);
}
