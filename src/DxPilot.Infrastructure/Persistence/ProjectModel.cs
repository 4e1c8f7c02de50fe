using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Files;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The project tables (migration 0020): the filed project to its subsidy, its invoices, its scans and its payments.</summary>
internal static class ProjectModel
{
    public const int MaxText = 200;
    public const int MaxProse = 4000;

    public static void Configure(ModelBuilder b)
    {
        b.Entity<Project>(p =>
        {
            p.ToTable("Projects");
            p.HasKey(x => x.Id);
            p.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            p.Property(x => x.District).HasMaxLength(64).IsRequired();
            p.Property(x => x.ProjectName).HasMaxLength(MaxText).IsRequired();
            p.Property(x => x.InvestmentWan).HasPrecision(14, 2);
            p.Property(x => x.Completion).HasConversion(DxPilotDbContext.JsonConverter<CompletionReport>(), DxPilotDbContext.JsonValueComparer<CompletionReport>()).IsRequired();
            p.Property(x => x.AgencyName).HasMaxLength(MaxText);
            p.Property(x => x.ScoreAfter).HasPrecision(6, 2);
            p.Property(x => x.ScoreBefore).HasPrecision(6, 2);
            p.Property(x => x.EvaluationConclusion).HasMaxLength(MaxProse);
            p.Property(x => x.Acceptance).HasConversion(DxPilotDbContext.JsonConverter<AcceptanceRecord>(), DxPilotDbContext.JsonValueComparer<AcceptanceRecord>()).IsRequired();
            p.Property(x => x.ExpertAccounts).HasMaxLength(2000).IsRequired();
            p.Property(x => x.DistrictOpinion).HasMaxLength(MaxProse);
            p.Property(x => x.AuditFirmName).HasMaxLength(MaxText);
            p.Property(x => x.EligibleYuan).HasPrecision(14, 2);
            p.Property(x => x.AuditOpinion).HasMaxLength(MaxProse);
            p.Property(x => x.SubsidyWan).HasPrecision(14, 2);
            p.Property(x => x.CentralWan).HasPrecision(14, 2);
            p.Property(x => x.LocalWan).HasPrecision(14, 2);
            p.Property(x => x.SubsidyBasis).HasMaxLength(MaxProse);
            p.Property(x => x.ApprovalBatch).HasMaxLength(64);
            p.Property(x => x.PaidWan).HasPrecision(14, 2);
            p.Property(x => x.Version).IsConcurrencyToken();
            p.Ignore(x => x.OutstandingWan);
            p.HasOne<Filing>().WithMany().HasForeignKey(x => x.FilingId).OnDelete(DeleteBehavior.Restrict);
            p.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            // One project per filed filing: confirming twice finds the first.
            p.HasIndex(x => x.FilingId).IsUnique();
            p.HasIndex(x => x.EnterpriseId);
            // Whether an evaluation names an assessment (then it is locked: AssessmentPolicy.Locked).
            p.HasIndex(x => x.AfterAssessmentId);
            p.HasIndex(x => x.BeforeAssessmentId);
            // The queues and the dashboard's counts: per state (and district), oldest first.
            p.HasIndex(x => new { x.ProgrammeId, x.Status, x.StatusSince });
            p.HasIndex(x => new { x.ProgrammeId, x.District, x.Status, x.StatusSince });
            // The dashboard's enterprises whose project passed acceptance (migration 0023).
            p.HasIndex(x => new { x.ProgrammeId, x.District, x.EnterpriseId }).HasFilter("\"AcceptedAt\" IS NOT NULL");
        });

        b.Entity<ProjectInvoice>(i =>
        {
            i.ToTable("ProjectInvoices");
            i.HasKey(x => x.Id);
            i.Property(x => x.Number).HasMaxLength(64).IsRequired();
            i.Property(x => x.Seller).HasMaxLength(MaxText).IsRequired();
            i.Property(x => x.Item).HasMaxLength(MaxText).IsRequired();
            i.Property(x => x.AmountYuan).HasPrecision(14, 2);
            i.Property(x => x.EligibleYuan).HasPrecision(14, 2);
            i.Property(x => x.CategoryKey).HasMaxLength(64);
            i.Property(x => x.AuditNote).HasMaxLength(MaxText * 5);
            File(i.ComplexProperty(x => x.Scan));
            i.Ignore(x => x.Classified);
            i.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            // An invoice number is entered once per project.
            i.HasIndex(x => new { x.ProjectId, x.Number }).IsUnique();
        });

        b.Entity<ProjectFile>(f =>
        {
            f.ToTable("ProjectFiles");
            f.HasKey(x => x.Id);
            File(f.ComplexProperty(x => x.File));
            f.Property(x => x.UploadedByName).HasMaxLength(100).IsRequired();
            f.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            f.HasIndex(x => x.ProjectId);
        });

        b.Entity<ProjectPayment>(p =>
        {
            p.ToTable("ProjectPayments");
            p.HasKey(x => x.Id);
            p.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            p.Property(x => x.AmountWan).HasPrecision(14, 2);
            p.Property(x => x.VoucherNo).HasMaxLength(64).IsRequired();
            p.Property(x => x.Note).HasMaxLength(MaxText);
            p.Property(x => x.RecordedByName).HasMaxLength(100).IsRequired();
            p.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
            p.HasIndex(x => x.ProjectId);
            // A voucher is entered once in the programme: paying twice with it is refused by the database too.
            p.HasIndex(x => new { x.ProgrammeId, x.VoucherNo }).IsUnique();
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
