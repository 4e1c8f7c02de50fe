using DxPilot.Domain.Awards;
using DxPilot.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The award applications' scans and pictures (migration 0028): the bytes in the blob store, the slot and reference here.</summary>
internal static class AwardFileModel
{
    public static void Configure(ModelBuilder b) => b.Entity<AwardFile>(x =>
    {
        x.ToTable("AwardFiles");
        x.HasKey(e => e.Id);
        x.Property(e => e.Direction).HasMaxLength(64);
        File(x.ComplexProperty(e => e.File));
        x.Property(e => e.UploadedByName).HasMaxLength(100).IsRequired();
        x.Ignore(e => e.Slot);
        x.HasOne<AwardApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        x.HasIndex(e => new { e.ApplicationId, e.Kind });
    });

    private static void File(ComplexPropertyBuilder<FileRef> f)
    {
        f.Property(x => x.Name).HasColumnName("FileName").HasMaxLength(260).IsRequired();
        f.Property(x => x.ContentType).HasColumnName("ContentType").HasMaxLength(32).IsRequired();
        f.Property(x => x.Size).HasColumnName("SizeBytes");
        f.Property(x => x.Sha256).HasColumnName("Sha256").HasMaxLength(64).IsRequired();
    }
}
