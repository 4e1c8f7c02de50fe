using DxPilot.Domain.Benchmarks;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The province's scores of a 示范标杆 application (migration 0028), one review per application.</summary>
internal static class BenchmarkReviewModel
{
    public static void Configure(ModelBuilder b) => b.Entity<BenchmarkReview>(x =>
    {
        x.ToTable("BenchmarkReviews");
        x.HasKey(e => e.Id);
        x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
        x.Property(e => e.Scores).HasConversion(DxPilotDbContext.JsonConverter<BenchmarkReviewScores>(), DxPilotDbContext.JsonValueComparer<BenchmarkReviewScores>()).IsRequired();
        x.Property(e => e.Total).HasPrecision(6, 1);
        x.Property(e => e.ReviewerName).HasMaxLength(100).IsRequired();
        x.Property(e => e.Version).IsConcurrencyToken();
        x.HasOne<BenchmarkApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        x.HasIndex(e => e.ApplicationId).IsUnique();
    });
}
