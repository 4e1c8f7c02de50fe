using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The filing tables (migration 0018): the filing, its submitted versions and its expert reviews.</summary>
internal static class FilingModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Filing>(f =>
        {
            f.ToTable("Filings");
            f.HasKey(x => x.Id);
            f.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            f.Property(x => x.District).HasMaxLength(64).IsRequired();
            f.Property(x => x.Values).HasConversion(DxPilotDbContext.JsonConverter<FilingAnswers>(), DxPilotDbContext.JsonValueComparer<FilingAnswers>()).IsRequired();
            f.Property(x => x.ProjectName).HasMaxLength(200).IsRequired();
            f.Property(x => x.InvestmentWan).HasPrecision(14, 2);
            f.Property(x => x.LastOpinion).HasMaxLength(4000);
            f.Property(x => x.CreatedByName).HasMaxLength(100).IsRequired();
            f.Property(x => x.Version).IsConcurrencyToken();
            f.Ignore(x => x.ExcludedFromCentralFunds);
            f.Ignore(x => x.IsEditable);
            f.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            f.HasIndex(x => x.EnterpriseId);
            // The queues: a bureau's filings in one state, longest waiting first; a district's the same within its district.
            f.HasIndex(x => new { x.ProgrammeId, x.Status, x.StatusSince });
            f.HasIndex(x => new { x.ProgrammeId, x.District, x.Status, x.StatusSince });
        });

        b.Entity<FilingVersion>(v =>
        {
            v.ToTable("FilingVersions");
            v.HasKey(x => x.Id);
            v.Property(x => x.SubmittedByName).HasMaxLength(100).IsRequired();
            v.Property(x => x.Values).HasConversion(DxPilotDbContext.JsonConverter<Dictionary<string, string>>(), DxPilotDbContext.JsonValueComparer<Dictionary<string, string>>()).IsRequired();
            v.Property(x => x.Basics).HasConversion(DxPilotDbContext.JsonConverter<Dictionary<string, string>>(), DxPilotDbContext.JsonValueComparer<Dictionary<string, string>>()).IsRequired();
            v.Property(x => x.Providers).HasConversion(DxPilotDbContext.JsonConverter<List<FilingProvider>>(), DxPilotDbContext.JsonComparer<FilingProvider>()).IsRequired();
            v.HasOne<Filing>().WithMany().HasForeignKey(x => x.FilingId).OnDelete(DeleteBehavior.Cascade);
            v.HasIndex(x => new { x.FilingId, x.Round }).IsUnique();
        });

        b.Entity<FilingExpertReview>(r =>
        {
            r.ToTable("FilingExpertReviews");
            r.HasKey(x => x.Id);
            r.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            r.Property(x => x.ExpertUserId).HasMaxLength(64).IsRequired();
            r.Property(x => x.ExpertName).HasMaxLength(100).IsRequired();
            r.Property(x => x.AssignedByName).HasMaxLength(100).IsRequired();
            r.Property(x => x.Scores).HasConversion(DxPilotDbContext.JsonConverter<Dictionary<string, int>>(), DxPilotDbContext.JsonValueComparer<Dictionary<string, int>>()).IsRequired();
            r.Property(x => x.Opinion).HasMaxLength(4000);
            r.Property(x => x.Version).IsConcurrencyToken();
            r.Ignore(x => x.IsDone);
            r.Ignore(x => x.Total);
            r.HasOne<Filing>().WithMany().HasForeignKey(x => x.FilingId).OnDelete(DeleteBehavior.Cascade);
            // One review per expert per round: assigning twice finds the first.
            r.HasIndex(x => new { x.FilingId, x.Round, x.ExpertUserId }).IsUnique();
            // An expert's queue.
            r.HasIndex(x => new { x.ExpertUserId, x.SubmittedAt });
        });
    }
}
