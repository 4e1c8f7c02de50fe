using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The needs and solutions catalogue (migration 0030): the scenario tree, the industries' common needs, the provider
/// pool, the products and the enterprises' needs.</summary>
internal static class CatalogueModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<CatalogueScenario>(x =>
        {
            x.ToTable("CatalogueScenarios");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
            x.Property(e => e.Code).HasMaxLength(32).IsRequired();
            x.Property(e => e.ParentCode).HasMaxLength(32);
            x.Property(e => e.Name).HasMaxLength(100).IsRequired();
            x.Property(e => e.Description).HasMaxLength(4000);
            x.Property(e => e.MiitScenarios).HasMaxLength(400).IsRequired();
            x.Property(e => e.MappingReason).HasMaxLength(1000);
            x.Property(e => e.ReinstatementReason).HasMaxLength(1000);
            x.Property(e => e.Version).IsConcurrencyToken();
            x.Ignore(e => e.MiitScenarioNames);
            x.Ignore(e => e.IsRetired);
            x.HasIndex(e => new { e.ProgrammeId, e.Code }).IsUnique();
        });

        b.Entity<CommonNeed>(x =>
        {
            x.ToTable("CatalogueCommonNeeds");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
            x.Property(e => e.ScenarioCode).HasMaxLength(32).IsRequired();
            x.Property(e => e.IndustryKey).HasMaxLength(100).IsRequired();
            x.Property(e => e.Text).HasMaxLength(4000).IsRequired();
            x.Property(e => e.Version).IsConcurrencyToken();
            x.HasIndex(e => new { e.ProgrammeId, e.IndustryKey, e.ScenarioCode });
        });

        b.Entity<PoolMember>(x =>
        {
            x.ToTable("PoolMembers");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
            x.Property(e => e.OrganisationName).HasMaxLength(200).IsRequired();
            x.Property(e => e.Uscc).HasMaxLength(18).IsRequired();
            x.Property(e => e.Address).HasMaxLength(200);
            x.Property(e => e.LegalRepresentative).HasMaxLength(50);
            x.Property(e => e.Qualifications).HasMaxLength(4000).IsRequired();
            x.Property(e => e.Cases).HasMaxLength(8000).IsRequired();
            x.Property(e => e.ContactName).HasMaxLength(50).IsRequired();
            x.Property(e => e.ContactPhone).HasMaxLength(30).IsRequired();
            x.Property(e => e.ContactEmail).HasMaxLength(100);
            x.Property(e => e.DecisionReason).HasMaxLength(1000);
            x.Property(e => e.Version).IsConcurrencyToken();
            x.Ignore(e => e.IsAdmitted);
            x.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            x.HasIndex(e => new { e.ProgrammeId, e.OrganisationId }).IsUnique();
            x.HasIndex(e => new { e.ProgrammeId, e.Status });
        });

        b.Entity<CatalogueProduct>(x =>
        {
            x.ToTable("CatalogueProducts");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
            x.Property(e => e.Name).HasMaxLength(100).IsRequired();
            x.Property(e => e.Summary).HasMaxLength(4000).IsRequired();
            x.Property(e => e.Scenarios).HasMaxLength(1000).IsRequired();
            x.Property(e => e.Industries).HasMaxLength(1000).IsRequired();
            x.Property(e => e.PriceLowWan).HasPrecision(14, 2);
            x.Property(e => e.PriceHighWan).HasPrecision(14, 2);
            x.Property(e => e.SpendCategory).HasMaxLength(64).IsRequired();
            x.Property(e => e.ReviewNote).HasMaxLength(1000);
            x.Property(e => e.Version).IsConcurrencyToken();
            x.Ignore(e => e.ScenarioCodes);
            x.Ignore(e => e.IndustryKeys);
            x.Ignore(e => e.IsFixedPrice);
            x.HasOne<Organisation>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
            // The catalogue as shown (approved, by name); a provider's own list, where a name is its product's only (migration 0045:
            // a check before inserting cannot stop two imports of one sheet at once).
            x.HasIndex(e => new { e.ProgrammeId, e.Status, e.Name });
            x.HasIndex(e => new { e.ProviderId, e.ProgrammeId, e.Name }).IsUnique();
        });

        b.Entity<EnterpriseNeed>(x =>
        {
            x.ToTable("EnterpriseNeeds");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
            x.Property(e => e.ScenarioCode).HasMaxLength(32).IsRequired();
            x.Property(e => e.Problem).HasMaxLength(2000).IsRequired();
            x.Property(e => e.Pain).HasMaxLength(2000);
            x.Property(e => e.BudgetWan).HasPrecision(14, 2);
            x.Property(e => e.AuthorName).HasMaxLength(100).IsRequired();
            x.Property(e => e.Version).IsConcurrencyToken();
            x.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            x.HasIndex(e => new { e.EnterpriseId, e.ScenarioCode });
            // The demand map: needs per scenario across the programme.
            x.HasIndex(e => new { e.ProgrammeId, e.ScenarioCode });
        });
    }
}
