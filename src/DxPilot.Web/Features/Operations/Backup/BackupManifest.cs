using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DxPilot.Web.Features.Operations.Backup;

/// <summary>
/// `FILE.manifest.json`, written last: its presence says the backup finished, and its sizes and hashes let `restore`
/// refuse a truncated or altered copy before it touches live data.
/// </summary>
public sealed record BackupManifest(
    string Format, DateTime CreatedAt, long DatabaseBytes, string DatabaseSha256,
    IReadOnlyDictionary<string, long> Rows, BlobTree.Summary Blobs)
{
    public const string CurrentFormat = "dxpilot-sqlite-backup/1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string PathFor(string backupFile) => backupFile + ".manifest.json";
    public static string BlobsFor(string backupFile) => backupFile + ".blobs";

    public void Write(string backupFile)
    {
        var path = PathFor(backupFile);
        File.WriteAllText(path + ".partial", JsonSerializer.Serialize(this, Json));
        File.Move(path + ".partial", path, overwrite: true);
    }

    /// <summary>The manifest, or why there is none to trust.</summary>
    public static (BackupManifest? Manifest, string? Problem) Read(string backupFile)
    {
        var path = PathFor(backupFile);
        if (!File.Exists(path)) return (null, $"缺少备份清单 {path}：备份没有完成，或不是用 backup 命令做的");
        try
        {
            var manifest = JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json);
            return manifest?.Format == CurrentFormat ? (manifest, null) : (null, $"备份清单 {path} 的格式无法识别（应为 {CurrentFormat}）");
        }
        catch (JsonException ex)
        {
            return (null, $"备份清单 {path} 已损坏：{ex.Message}");
        }
    }

    public static string Sha256Of(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
