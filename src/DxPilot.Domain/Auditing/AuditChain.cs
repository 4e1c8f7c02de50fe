using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Encodings.Web;

namespace DxPilot.Domain.Auditing;

/// <summary>
/// The hash chain over audit entries: each entry's hash covers its own content and the previous entry's hash, so
/// changing, deleting or inserting an entry breaks every link after it.
/// </summary>
public static class AuditChain
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Both databases keep milliseconds exactly; finer ticks would not survive PostgreSQL's microseconds.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    public static string HashOf(AuditEntry e, string? previousHash) => HashOf(e, previousHash, ChangesText(e.Changes));

    /// <summary>The changes as the hash covers them (JSON).</summary>
    private static string ChangesText(List<FieldChange> changes) => JsonSerializer.Serialize(changes, Json);

    private static string HashOf(AuditEntry e, string? previousHash, string changes)
    {
        var text = string.Join('\u001f',
            "v1",
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.ToString("yyyy-MM-ddTHH:mm:ss.fff", CultureInfo.InvariantCulture),
            e.ProgrammeId, e.EntityType, e.EntityId, e.Action.ToString(), e.ActorId, e.ActorName, e.Source ?? "\u0000",
            changes,
            previousHash ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Links <paramref name="entry"/> after the entry with the previous sequence and hash; returns its changes as
    /// hashed (<see cref="ChangesText"/>), which a writer may store as they are instead of serialising them again.</summary>
    public static string Link(AuditEntry entry, long previousSequence, string? previousHash)
    {
        var changes = ChangesText(entry.Changes);
        entry.Sequence = previousSequence + 1;
        entry.PreviousHash = previousHash;
        entry.Hash = HashOf(entry, previousHash, changes);
        return changes;
    }

    /// <summary>Checks entries read in sequence order; the first broken link with the reason, or null when all hold.</summary>
    public sealed class Verifier
    {
        private long _sequence;
        private string? _hash;

        public long Checked { get; private set; }

        public string? Next(AuditEntry e)
        {
            Checked++;
            string? broken =
                e.Sequence != _sequence + 1 ? (e.Sequence > _sequence + 1
                    ? $"第{_sequence + 1}至{e.Sequence - 1}条记录缺失（可能被删除）"
                    : $"序号{e.Sequence}重复或倒序")
                : e.PreviousHash != _hash ? "记录中的“上一条哈希”与上一条记录不符（上一条可能被删除或改动）"
                : e.Hash is null ? "记录没有哈希"
                : e.Hash != HashOf(e, e.PreviousHash) ? "记录内容与其哈希不符（记录被改动）"
                : null;
            _sequence = e.Sequence;
            _hash = e.Hash;
            return broken;
        }
    }
}
