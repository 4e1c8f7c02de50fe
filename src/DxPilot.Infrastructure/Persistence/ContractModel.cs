using DxPilot.Domain.Files;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Filings.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The service contracts of filings and their stamped scans (migration 0019).</summary>
internal static class ContractModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<ServiceContract>(c =>
        {
            c.ToTable("ServiceContracts");
            c.HasKey(x => x.Id);
            c.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            foreach (var name in new[] { nameof(ServiceContract.Number), nameof(ServiceContract.Name), nameof(ServiceContract.ProviderName),
                         nameof(ServiceContract.ProviderContact), nameof(ServiceContract.ProviderPhone) })
                c.Property<string>(name).HasMaxLength(ContractRules.MaxText).IsRequired();
            foreach (var name in new[] { nameof(ServiceContract.ProviderLegalRepresentative), nameof(ServiceContract.ProviderAddress),
                         nameof(ServiceContract.ProviderBankAccount), nameof(ServiceContract.ProviderBank), nameof(ServiceContract.EnterpriseBankAccount),
                         nameof(ServiceContract.EnterpriseBank) })
                c.Property<string?>(name).HasMaxLength(ContractRules.MaxText);
            c.Property(x => x.ProviderUscc).HasMaxLength(18).IsRequired();
            c.Property(x => x.Work).HasMaxLength(ContractRules.MaxWork).IsRequired();
            c.Property(x => x.Lines).HasConversion(DxPilotDbContext.JsonConverter<ContractLines>(), DxPilotDbContext.JsonValueComparer<ContractLines>()).IsRequired();
            c.Property(x => x.TotalYuan).HasPrecision(14, 2);
            c.Property(x => x.CreatedByName).HasMaxLength(100).IsRequired();
            c.Property(x => x.Version).IsConcurrencyToken();
            c.Ignore(x => x.FirstPaymentYuan);
            c.Ignore(x => x.SecondPaymentYuan);
            c.HasOne<Filing>().WithMany().HasForeignKey(x => x.FilingId).OnDelete(DeleteBehavior.Cascade);
            c.HasIndex(x => x.FilingId);
            // The expert conflict check looks contracts up by provider.
            c.HasIndex(x => x.ProviderUscc);
            // A provider's filings and projects include those it contracted (ProviderWork).
            c.HasIndex(x => x.ProviderOrganisationId);
        });

        b.Entity<ContractScan>(s =>
        {
            s.ToTable("ContractScans");
            s.HasKey(x => x.Id);
            File(s.ComplexProperty(x => x.File));
            s.Property(x => x.UploadedByName).HasMaxLength(100).IsRequired();
            s.HasOne<ServiceContract>().WithMany().HasForeignKey(x => x.ContractId).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => x.ContractId);
        });
    }

    private static void File(ComplexPropertyBuilder<FileRef> f)
    {
        f.Property(x => x.Name).HasColumnName("FileName").HasMaxLength(260).IsRequired();
        f.Property(x => x.ContentType).HasColumnName("ContentType").HasMaxLength(32).IsRequired();
        f.Property(x => x.Size).HasColumnName("SizeBytes");
        f.Property(x => x.Sha256).HasColumnName("Sha256").HasMaxLength(64).IsRequired();
    }
}
