using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace DxPilot.Web.Features.Operations.Backup;

/// <summary>
/// The blob store's files on disk, `blobs/ab/cd/&lt;sha256&gt;`: content-addressed, so a file whose name is its hash is
/// complete and never changes, and copying the tree while the platform runs is safe. Anything else there (a file still
/// being written under a temporary name) is not a blob and is skipped.
/// </summary>
public static partial class BlobTree
{
    public const string Folder = "blobs";

    public sealed record Summary(int Count, long Bytes, string ListSha256);

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashName();

    /// <summary>The blobs under the folder, as relative paths `ab/cd/&lt;sha256&gt;` in ordinal order.</summary>
    public static IReadOnlyList<string> List(string root)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(r => r.Split('/') is [{ Length: 2 }, { Length: 2 }, var name] && HashName().IsMatch(name))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Counts, bytes, and one hash over the list of names: a blob missing, added or renamed changes it.</summary>
    public static Summary Summarise(string root, IReadOnlyList<string> blobs) => new(
        blobs.Count,
        blobs.Sum(b => new FileInfo(Path.Combine(root, b)).Length),
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(blobs.Select(b => b + "\n"))))));

    /// <summary>True when the file's content hashes to its name.</summary>
    public static bool IsIntact(string root, string blob)
    {
        using var stream = File.OpenRead(Path.Combine(root, blob));
        return Convert.ToHexStringLower(SHA256.HashData(stream)) == Path.GetFileName(blob);
    }

    /// <summary>Copies one blob unless the target already has it: to a temporary name, then renamed, so a reader never sees half a file.</summary>
    public static void CopyInto(string fromRoot, string toRoot, string blob)
    {
        var target = Path.Combine(toRoot, blob);
        if (File.Exists(target)) return;
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = $"{target}.{Guid.NewGuid():N}.partial";
        File.Copy(Path.Combine(fromRoot, blob), partial);
        File.Move(partial, target, overwrite: true);
    }
}
