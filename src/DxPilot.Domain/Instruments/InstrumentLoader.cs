using System.Text.Json;

namespace DxPilot.Domain.Instruments;

/// <summary>A refused instrument file: which file, where inside it (JSON path) and why, for every problem found.</summary>
public sealed class InstrumentFormatException(string file, IReadOnlyList<(string Path, string Reason)> problems)
    : Exception($"评测工具文件{file}有误：" + string.Join("；", problems.Select(p => $"{p.Path}: {p.Reason}")))
{
    public string File { get; } = file;
    public IReadOnlyList<(string Path, string Reason)> Problems { get; } = problems;
}

/// <summary>Reads an instrument JSON file (config/instruments/*.json), checks it and compiles it for scoring.</summary>
public static class InstrumentLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt key must not silently drop a number a bureau meant to change.
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    public static Instrument Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, Path.GetFileName(path));
    }

    /// <param name="fileName">Named in every error message.</param>
    public static Instrument Load(Stream stream, string fileName)
    {
        InstrumentFile? file;
        try
        {
            file = JsonSerializer.Deserialize<InstrumentFile>(stream, Options);
        }
        catch (JsonException ex)
        {
            throw new InstrumentFormatException(fileName, [(ex.Path ?? "$", Explain(ex))]);
        }
        if (file is null) throw new InstrumentFormatException(fileName, [("$", "文件为空")]);

        var compiler = new InstrumentCompiler();
        var instrument = compiler.Compile(file);
        if (compiler.Problems.Count > 0 || instrument is null)
            throw new InstrumentFormatException(fileName, compiler.Problems);
        return instrument;
    }

    /// <summary>Loads every *.json of a folder, keyed by instrument id.</summary>
    public static IReadOnlyDictionary<string, Instrument> LoadFolder(string folder) =>
        Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Load).ToDictionary(i => i.Id);

    private static string Explain(JsonException ex) =>
        ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "未知的字段（拼写错误？）"
        : ex.Message.Contains("could not be converted", StringComparison.Ordinal) ? "类型不对（例如应为数字却写成了文字）"
        : "不是有效的JSON：" + ex.Message;
}
