using System.Text.RegularExpressions;

namespace DxPilot.Web.Tests.Support;

/// <summary>Source files that write tables around the change tracker (ExecuteUpdate/ExecuteDelete, raw INSERT/UPDATE/DELETE/COPY):
/// such writes skip the save steps that keep derived data (demand counts, the registry generation) in step.</summary>
public static class TrackerBypass
{
    public static Regex Bulk(params string[] sets) =>
        new($@"\.({string.Join('|', sets)})\b[^;]*\.Execute(Update|Delete)", RegexOptions.Singleline);

    public static Regex Raw(params string[] tables) =>
        new($@"(INSERT\s+INTO|UPDATE|DELETE\s+FROM|COPY)\s+\\?""?({string.Join('|', tables)})\b", RegexOptions.IgnoreCase);

    /// <summary>The files under src/ that match either pattern, relative to src/.</summary>
    public static List<string> Offenders(Regex bulk, Regex raw)
    {
        var src = Path.Combine(Path.GetDirectoryName(PlatformProcess.ConfigFolder())!, "src");
        var built = new[] { "obj", "bin" }.Select(d => $"{Path.DirectorySeparatorChar}{d}{Path.DirectorySeparatorChar}").ToArray();
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !built.Any(f.Contains))
            .Where(f => File.ReadAllText(f) is var text && (bulk.IsMatch(text) || raw.IsMatch(text)))
            .Select(f => Path.GetRelativePath(src, f)).ToList();
    }
}
