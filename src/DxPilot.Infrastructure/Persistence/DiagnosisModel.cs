using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Files;
using DxPilot.Domain.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The diagnosis tables (migration 0013): the diagnosis, its rows, the satisfaction form and the submitted rounds.</summary>
internal static class DiagnosisModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<Diagnosis>(d =>
        {
            d.ToTable("Diagnoses");
            d.HasKey(x => x.Id);
            d.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            d.Property(x => x.AcceptedByName).HasMaxLength(100);
            d.Property(x => x.AcceptanceOpinion).HasMaxLength(4000);
            d.Property(x => x.OpenedByName).HasMaxLength(100).IsRequired();
            d.Property(x => x.Version).IsConcurrencyToken();
            d.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            d.HasOne<Organisation>().WithMany().HasForeignKey(x => x.ProviderId).OnDelete(DeleteBehavior.Restrict);
            // One diagnosis of an enterprise per provider; a provider that takes over after another opens its own.
            d.HasIndex(x => new { x.EnterpriseId, x.ProviderId }).IsUnique();
            // The lists by state, and the dashboard's distinct diagnosed enterprises from the index alone (migration 0023).
            d.HasIndex(x => new { x.ProgrammeId, x.Status, x.EnterpriseId });
            d.HasIndex(x => x.ProviderId);
            // The file's district, copied for the overview and the lists (DistrictCopies, migration 0039); the overview's
            // counts by district and provider read this index alone.
            d.Property(x => x.District).HasMaxLength(64).IsRequired().HasDefaultValue("");
            d.HasIndex(x => new { x.ProgrammeId, x.District, x.ProviderId, x.Status, x.Round });
            // The expert accounts named to accept it, "|id|id|" (NamedAccounts, migration 0042).
            d.Property(x => x.ExpertAccounts).IsRequired().HasDefaultValue("");
        });

        b.Entity<DiagnosisMember>(m =>
        {
            m.ToTable("DiagnosisMembers");
            m.HasKey(x => x.Id);
            m.Property(x => x.Name).HasMaxLength(100).IsRequired();
            m.Property(x => x.Unit).HasMaxLength(200).IsRequired();
            m.Property(x => x.Title).HasMaxLength(100).IsRequired();
            m.Property(x => x.Duties).HasMaxLength(400);
            m.Property(x => x.Phone).HasMaxLength(60);
            m.HasOne<Diagnosis>().WithMany().HasForeignKey(x => x.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<DiagnosisVisit>(v =>
        {
            v.ToTable("DiagnosisVisits");
            v.HasKey(x => x.Id);
            v.Property(x => x.MemberIds).HasConversion(DxPilotDbContext.JsonConverter<List<Guid>>(), DxPilotDbContext.JsonComparer<Guid>()).IsRequired();
            v.Property(x => x.ContactPerson).HasMaxLength(100).IsRequired();
            v.Property(x => x.Outcome).IsRequired();
            v.Ignore(x => x.Duration);
            v.HasOne<Diagnosis>().WithMany().HasForeignKey(x => x.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
            v.HasIndex(x => new { x.DiagnosisId, x.Date });
        });

        b.Entity<VisitPhoto>(p =>
        {
            p.ToTable("VisitPhotos");
            p.HasKey(x => x.Id);
            File(p.ComplexProperty(x => x.File));
            p.Property(x => x.ThumbnailSha256).HasMaxLength(64);
            p.Property(x => x.ReusedFrom).HasMaxLength(400);
            p.Property(x => x.UploadedByName).HasMaxLength(100).IsRequired();
            p.HasOne<DiagnosisVisit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
            p.HasIndex(x => x.VisitId);
            p.HasIndex(x => x.DiagnosisId);
        });

        b.Entity<AgreementScan>(a =>
        {
            a.ToTable("AgreementScans");
            a.HasKey(x => x.Id);
            File(a.ComplexProperty(x => x.File));
            a.Property(x => x.UploadedByName).HasMaxLength(100).IsRequired();
            a.HasOne<Diagnosis>().WithMany().HasForeignKey(x => x.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
            a.HasIndex(x => x.DiagnosisId);
        });

        b.Entity<DiagnosisSatisfaction>(s =>
        {
            s.ToTable("DiagnosisSatisfactions");
            s.HasKey(x => x.Id);
            s.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            s.Property(x => x.Comment).HasMaxLength(4000);
            s.Property(x => x.SubmittedByName).HasMaxLength(100).IsRequired();
            s.Ignore(x => x.Ratings);
            s.HasOne<Diagnosis>().WithMany().HasForeignKey(x => x.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
            // Once: a second form for the same diagnosis loses at the database too.
            s.HasIndex(x => x.DiagnosisId).IsUnique();
        });

        b.Entity<DiagnosisSubmission>(s =>
        {
            s.ToTable("DiagnosisSubmissions");
            s.HasKey(x => x.Id);
            s.Property(x => x.SubmittedByName).HasMaxLength(100).IsRequired();
            s.Property(x => x.Content).IsRequired();
            s.HasOne<Diagnosis>().WithMany().HasForeignKey(x => x.DiagnosisId).OnDelete(DeleteBehavior.Cascade);
            s.HasIndex(x => new { x.DiagnosisId, x.Round }).IsUnique();
        });
    }

    /// <summary>A stored file's reference, in the columns the other file tables use.</summary>
    private static void File(ComplexPropertyBuilder<FileRef> f)
    {
        f.Property(x => x.Name).HasColumnName("FileName").HasMaxLength(260).IsRequired();
        f.Property(x => x.ContentType).HasColumnName("ContentType").HasMaxLength(32).IsRequired();
        f.Property(x => x.Size).HasColumnName("SizeBytes");
        f.Property(x => x.Sha256).HasColumnName("Sha256").HasMaxLength(64).IsRequired();
    }
}
