using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>Saved priced plans and their shares with providers (migration 0036).</summary>
internal static class PlanModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<SavedPlan>(x =>
        {
            x.ToTable("SavedPlans");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
            x.Property(e => e.Title).HasMaxLength(SavedPlan.MaxTitle * 2).IsRequired();
            x.Property(e => e.Pins).HasMaxLength(4000).IsRequired();
            foreach (var money in new[] { nameof(SavedPlan.TotalLowWan), nameof(SavedPlan.TotalHighWan), nameof(SavedPlan.EligibleLowWan),
                         nameof(SavedPlan.EligibleHighWan), nameof(SavedPlan.SubsidyLowWan), nameof(SavedPlan.SubsidyHighWan),
                         nameof(SavedPlan.OwnShareLowWan), nameof(SavedPlan.OwnShareHighWan), nameof(SavedPlan.WithheldHighWan) })
                x.Property<decimal>(money).HasPrecision(14, 2);
            x.Property(e => e.BasisLow).HasMaxLength(1000).IsRequired();
            x.Property(e => e.BasisHigh).HasMaxLength(1000).IsRequired();
            x.Property(e => e.Scenarios).HasConversion(DxPilotDbContext.JsonConverter<SavedPlanScenarios>(), DxPilotDbContext.JsonValueComparer<SavedPlanScenarios>()).IsRequired();
            x.Property(e => e.Lines).HasConversion(DxPilotDbContext.JsonConverter<SavedPlanLines>(), DxPilotDbContext.JsonValueComparer<SavedPlanLines>()).IsRequired();
            x.Property(e => e.CreatedById).HasMaxLength(64).IsRequired();
            x.Property(e => e.CreatedByName).HasMaxLength(100).IsRequired();
            x.Property(e => e.Version).IsConcurrencyToken();
            x.Ignore(e => e.PinnedProducts);
            x.Ignore(e => e.ProviderIds);
            x.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            // An enterprise's plans, newest first.
            x.HasIndex(e => new { e.EnterpriseId, e.CreatedAt });
        });

        b.Entity<SavedPlanShare>(x =>
        {
            x.ToTable("SavedPlanShares");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProviderName).HasMaxLength(200).IsRequired();
            x.Property(e => e.SharedById).HasMaxLength(64).IsRequired();
            x.Property(e => e.SharedByName).HasMaxLength(100).IsRequired();
            x.Property(e => e.WithdrawnByName).HasMaxLength(100);
            x.HasOne<SavedPlan>().WithMany().HasForeignKey(e => e.PlanId).OnDelete(DeleteBehavior.Cascade);
            x.HasOne<Organisation>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
            x.HasIndex(e => e.PlanId);
            // A provider's shared plans and its to-do.
            x.HasIndex(e => new { e.ProviderId, e.WithdrawnAt });
        });
    }
}
