using System.Text.Json;
using System.Text.Json.Serialization;
using DxPilot.Domain.Programmes;

namespace DxPilot.Infrastructure.Programmes;

/// <summary>A configuration file that cannot be used: which file, where inside it, and why. Stops start-up.</summary>
public sealed class ConfigurationFileException(string file, string path, string reason)
    : Exception($"配置文件 {file} 有误：{path}：{reason}")
{
    public string File { get; } = file;
    public string JsonPath { get; } = path;
    public string Reason { get; } = reason;
}

/// <summary>The programmes of config/programmes/*.json, loaded once at start-up.</summary>
public sealed class ProgrammeCatalog
{
    private readonly Dictionary<string, Programme> _byId;

    public ProgrammeCatalog(IEnumerable<Programme> programmes) =>
        _byId = programmes.ToDictionary(p => p.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<Programme> All => _byId.Values;

    public Programme Get(string id) =>
        _byId.TryGetValue(id, out var p) ? p : throw new KeyNotFoundException($"没有编号为“{id}”的试点");

    public Programme? Find(string? id) => id is not null && _byId.TryGetValue(id, out var p) ? p : null;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static ProgrammeCatalog LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new ConfigurationFileException(folder, "$", "试点配置目录不存在");
        var programmes = new List<Programme>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var p = LoadFile(file);
            if (programmes.Any(x => x.Id == p.Id)) throw new ConfigurationFileException(file, "$.id", $"试点编号“{p.Id}”重复");
            programmes.Add(p);
        }
        if (programmes.Count == 0) throw new ConfigurationFileException(folder, "$", "目录中没有试点配置文件（*.json）");
        return new ProgrammeCatalog(programmes);
    }

    public static Programme LoadFile(string file)
    {
        var p = Read<Programme>(file, x => x.Id);
        foreach (var (path, reason) in p.Problems())
            throw new ConfigurationFileException(file, path, reason);
        return p;
    }

    /// <summary>A configuration file read strictly (no unknown members, required values present) whose id is its file
    /// name; any problem stops start-up with the file, the JSON path and the reason.</summary>
    internal static T Read<T>(string file, Func<T, string> idOf) where T : class
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>(File.ReadAllBytes(file), Options);
        }
        catch (JsonException ex)
        {
            throw new ConfigurationFileException(file, ex.Path ?? "$", Explain(ex));
        }
        if (value is null) throw new ConfigurationFileException(file, "$", "文件内容为空");
        var expectedId = Path.GetFileNameWithoutExtension(file);
        if (idOf(value) != expectedId) throw new ConfigurationFileException(file, "$.id", $"应与文件名一致，为“{expectedId}”");
        return value;
    }

    // System.Text.Json's message carries line numbers and type names; the first sentence is the useful part.
    private static string Explain(JsonException ex)
    {
        var line = ex.LineNumber is { } l ? $"（第{l + 1}行）" : "";
        var msg = ex.Message;
        var cut = msg.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? msg[..cut] : msg) + line;
    }
}
