using DxPilot.Infrastructure.Persistence;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>A recorded blob the configured store cannot serve intact, and why.</summary>
public sealed record BlobFault(StoredBlob Blob, DateTime RecordedAt, string Reason);

/// <summary>How many recorded blobs were read and how many bytes they hold, and how many were damaged.</summary>
public sealed record BlobCheckResult(long Checked, long Bytes, long Damaged);

/// <summary>
/// Reads every recorded blob (table Blobs) through the configured store, as a download would, and reports each one whose bytes
/// are missing or no longer match its hash or size. The records are read in hash order, 500 at a time, each blob streamed
/// through, so neither the list nor a file is ever held whole in memory; uploads arriving meanwhile are checked if their hash
/// sorts after the current one.
/// </summary>
public sealed class BlobCheck(BlobDatabase database, IBlobStore store)
{
    private const int Page = 500;

    public async Task<BlobCheckResult> RunAsync(Func<BlobFault, Task> onFault, CancellationToken ct)
    {
        var (count, bytes, damaged, after) = (0L, 0L, 0L, "");
        while (true)
        {
            var page = await NextPageAsync(after, ct);
            foreach (var (blob, recordedAt) in page)
            {
                count++;
                bytes += blob.Size;
                if (await ReasonItIsDamagedAsync(blob.Sha256, ct) is not { } reason) continue;
                damaged++;
                await onFault(new BlobFault(blob, recordedAt, reason));
            }
            if (page.Count < Page) return new BlobCheckResult(count, bytes, damaged);
            after = page[^1].Blob.Sha256;
        }
    }

    private async Task<string?> ReasonItIsDamagedAsync(string sha256, CancellationToken ct)
    {
        try
        {
            await using var content = await store.OpenAsync(sha256, ct);
            // Recorded when the page was read and gone since: nothing is left to serve or to damage.
            if (content is null) return null;
            await content.CopyToAsync(Stream.Null, ct);
            return null;
        }
        catch (BlobDamagedException e)
        {
            return e.Reason;
        }
    }

    private async Task<List<(StoredBlob Blob, DateTime RecordedAt)>> NextPageAsync(string after, CancellationToken ct)
    {
        await using var conn = await database.OpenAsync(ct);
        await using var cmd = SqlCommands.Command(conn, null,
            $"""SELECT "Sha256", "Size", "ContentType", "CreatedAt" FROM "Blobs" WHERE "Sha256" > @after ORDER BY "Sha256" LIMIT {Page}""",
            ("@after", after));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var page = new List<(StoredBlob, DateTime)>(Page);
        while (await reader.ReadAsync(ct))
            page.Add((new StoredBlob(reader.GetString(0), reader.GetInt64(1), reader.GetString(2)), DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)));
        return page;
    }
}
