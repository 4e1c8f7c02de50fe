using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The award tables (migration 0025): the batches of a call, the applications and their frozen revisions; the 链式 invitations
/// (migration 0026); the summary's fields beside the 申报书 (migration 0041).</summary>
internal static class AwardModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AwardBatch>(x =>
        {
            x.ToTable("AwardBatches");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
            x.Property(e => e.CallId).HasMaxLength(64).IsRequired();
            x.Property(e => e.Name).HasMaxLength(60).IsRequired();
            x.Property(e => e.Version).IsConcurrencyToken();
            x.Ignore(e => e.IsOpen);
            // 第N批 once per call: two bureaus opening at once, one wins.
            x.HasIndex(e => new { e.CallId, e.Number }).IsUnique();
        });

        b.Entity<AwardApplication>(x =>
        {
            x.ToTable("AwardApplications");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
            x.Property(e => e.CallId).HasMaxLength(64).IsRequired();
            x.Property(e => e.District).HasMaxLength(64).IsRequired();
            x.Property(e => e.Directions).HasMaxLength(200).IsRequired();
            x.Property(e => e.Content).HasConversion(DxPilotDbContext.JsonConverter<AwardContent>(), DxPilotDbContext.JsonValueComparer<AwardContent>()).IsRequired();
            x.Property(e => e.SiteCheckNote).HasMaxLength(2000);
            // The 申报书's fields the county summaries list, in columns of their own (migration 0041): an export reads these,
            // never the 申报书. Unbounded: a draft may hold more than the limits submission enforces.
            x.ComplexProperty(e => e.Summary, s =>
            {
                s.Property(f => f.ContactName).HasColumnName("ContactName");
                s.Property(f => f.ContactPhone).HasColumnName("ContactPhone");
                s.Property(f => f.ContactEmail).HasColumnName("ContactEmail");
                s.Property(f => f.Remark).HasColumnName("Remark");
                s.Property(f => f.Mode).HasColumnName("Mode");
                s.Property(f => f.CaseName).HasColumnName("CaseName");
                s.Property(f => f.CaseBrief).HasColumnName("CaseBrief");
            });
            x.Property(e => e.Version).IsConcurrencyToken();
            x.Ignore(e => e.IsEditable);
            x.Ignore(e => e.PickedDirections);
            x.HasOne<Enterprise>().WithMany().HasForeignKey(e => e.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            x.HasOne<AwardBatch>().WithMany().HasForeignKey(e => e.BatchId).OnDelete(DeleteBehavior.Restrict);
            // One application per enterprise, call and batch (it carries up to the call's number of directions): a second is refused.
            x.HasIndex(e => new { e.CallId, e.BatchId, e.EnterpriseId }).IsUnique();
            x.HasIndex(e => e.EnterpriseId);
            // The county's and the city's lists: per call and state (and district), newest first.
            x.HasIndex(e => new { e.CallId, e.Status, e.UpdatedAt });
            x.HasIndex(e => new { e.CallId, e.District, e.Status, e.UpdatedAt });
            // Every state but draft, newest first (migration 0029): read backwards, no sort of the whole call.
            x.HasIndex(e => new { e.CallId, e.UpdatedAt });
        });

        b.Entity<AwardRevision>(x =>
        {
            x.ToTable("AwardRevisions");
            x.HasKey(e => e.Id);
            x.Property(e => e.Directions).HasMaxLength(200).IsRequired();
            x.Property(e => e.Content).HasConversion(DxPilotDbContext.JsonConverter<AwardContent>(), DxPilotDbContext.JsonValueComparer<AwardContent>()).IsRequired();
            x.Property(e => e.SubmittedBy).HasMaxLength(100).IsRequired();
            x.Property(e => e.Files!).HasConversion(DxPilotDbContext.JsonConverter<List<FrozenAwardFile>>(), DxPilotDbContext.JsonComparer<FrozenAwardFile>());
            x.HasOne<AwardApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            x.HasIndex(e => new { e.ApplicationId, e.Revision }).IsUnique();
        });

        b.Entity<AwardInvitation>(x =>
        {
            x.ToTable("AwardInvitations");
            x.HasKey(e => e.Id);
            x.Property(e => e.ProgrammeId).HasMaxLength(64).IsRequired();
            x.Property(e => e.Uscc).HasMaxLength(18).IsRequired();
            x.Property(e => e.Name).HasMaxLength(200).IsRequired();
            x.Property(e => e.Code).HasMaxLength(16).IsRequired();
            x.Property(e => e.AnsweredBy).HasMaxLength(100);
            x.Property(e => e.Version).IsConcurrencyToken();
            x.Ignore(e => e.AsDriven);
            x.HasOne<AwardApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
            // Each SME once per case; an SME finds what names it by its USCC; a code is quoted once.
            x.HasIndex(e => new { e.ApplicationId, e.Uscc }).IsUnique();
            x.HasIndex(e => new { e.ProgrammeId, e.Uscc });
            x.HasIndex(e => e.Code).IsUnique();
        });
    }
}
