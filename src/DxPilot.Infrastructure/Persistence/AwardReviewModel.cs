using DxPilot.Domain.Awards;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The third party's expert reviews of award applications and the directions the city recognised (migration 0027).</summary>
internal static class AwardReviewModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AwardApplication>(x =>
        {
            x.Property(e => e.RecognisedDirections).HasMaxLength(200).IsRequired().HasDefaultValue("||");
            x.Ignore(e => e.DirectionsRecognised);
            x.Ignore(e => e.DirectionsNotRecognised);
        });

        b.Entity<AwardExpertReview>(r =>
        {
            r.ToTable("AwardExpertReviews");
            r.HasKey(x => x.Id);
            r.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            r.Property(x => x.CallId).HasMaxLength(64).IsRequired();
            r.Property(x => x.ExpertUserId).HasMaxLength(64).IsRequired();
            r.Property(x => x.ExpertName).HasMaxLength(100).IsRequired();
            r.Property(x => x.AssignedByName).HasMaxLength(100).IsRequired();
            r.Property(x => x.Scores).HasConversion(DxPilotDbContext.JsonConverter<Dictionary<string, int>>(), DxPilotDbContext.JsonValueComparer<Dictionary<string, int>>()).IsRequired();
            r.Property(x => x.Opinion).HasMaxLength(4000);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.Ignore(x => x.IsDone);
            r.Ignore(x => x.Total);
            r.HasOne<AwardApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            // One review per expert per round: assigning twice finds the first.
            r.HasIndex(x => new { x.ApplicationId, x.Round, x.ExpertUserId }).IsUnique();
            // An expert's queue.
            r.HasIndex(x => new { x.ExpertUserId, x.SubmittedAt });
        });
    }
}
