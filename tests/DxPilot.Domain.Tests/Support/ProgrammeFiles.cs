using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using DxPilot.Domain.Programmes;

namespace DxPilot.Domain.Tests.Support;

/// <summary>
/// The real programme files of config/programmes, deserialised with the same options as
/// DxPilot.Infrastructure.Programmes.ProgrammeCatalog (which this project does not reference).
/// </summary>
public static class ProgrammeFiles
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Lazy<Programme> HangzhouLazy = new(() => Load("hangzhou-2024.json"));
    private static readonly Lazy<Programme> ChangchunLazy = new(() => Load("changchun-2025.json"));

    public static Programme Hangzhou => HangzhouLazy.Value;
    public static Programme Changchun => ChangchunLazy.Value;
    public static Programme Heilongjiang => Load("heilongjiang-2025.json");

    /// <summary>A programme file's text read with the same options, unchecked, so a test can see what the loader refuses.</summary>
    public static Programme Parse(string json) => JsonSerializer.Deserialize<Programme>(json, Options)!;

    public static string Text(string file) => File.ReadAllText(Path.Combine(RepositoryFiles.Config, "programmes", file));

    public static Programme ById(string id) => id switch
    {
        "hangzhou-2024" => Hangzhou,
        "changchun-2025" => Changchun,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, null),
    };

    private static Programme Load(string file)
    {
        var path = Path.Combine(Path.Combine(RepositoryFiles.Config, "programmes"), file);
        var p = JsonSerializer.Deserialize<Programme>(File.ReadAllBytes(path), Options)
                ?? throw new InvalidOperationException($"{path} is empty");
        var problems = p.Problems().ToList();
        if (problems.Count > 0) throw new InvalidOperationException($"{path}: {string.Join("; ", problems)}");
        return p;
    }
}

public static partial class Chinese
{
    /// <summary>True when the message contains at least one CJK ideograph (messages are for Chinese users).</summary>
    public static bool IsChinese(string? s) => s is not null && Cjk().IsMatch(s);

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Cjk();
}
