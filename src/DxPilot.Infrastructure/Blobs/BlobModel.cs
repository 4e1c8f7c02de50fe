using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Blobs;

/// <summary>A row of table Blobs: what is stored under a hash. Written by the blob store only, after the bytes are complete.</summary>
public sealed class BlobRow
{
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public string ContentType { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>A row of table BlobChunks: up to 1 MB of a blob held in the database (<see cref="DatabaseBlobStore"/>).</summary>
public sealed class BlobChunkRow
{
    public string Sha256 { get; set; } = "";
    public int Seq { get; set; }
    public byte[] Bytes { get; set; } = [];
}

/// <summary>The blob tables in the EF model, so that the schema test holds the migration to them. The store reads and
/// writes them with plain SQL (<see cref="BlobDatabase"/>).</summary>
public static class BlobModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<BlobRow>(e =>
        {
            e.ToTable("Blobs");
            e.HasKey(x => x.Sha256);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        });
        // No foreign key to Blobs: an upload's chunks are written under a temporary key before its hash is known.
        b.Entity<BlobChunkRow>(e =>
        {
            e.ToTable("BlobChunks");
            e.HasKey(x => new { x.Sha256, x.Seq });
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.Bytes).IsRequired();
        });
    }
}
