using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The imported acceptance results (migration 0038): one row per enterprise and project name.</summary>
internal static class AcceptanceResultModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<AcceptanceResult>(r =>
        {
            r.ToTable("AcceptanceResults");
            r.HasKey(x => x.Id);
            r.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            r.Property(x => x.District).HasMaxLength(64).IsRequired();
            // Characters as a person counts them; an emoji is two UTF-16 units.
            r.Property(x => x.ProjectName).HasMaxLength(2 * AcceptanceResult.MaxProjectNameCharacters).IsRequired();
            r.Property(x => x.AgencyName).HasMaxLength(2 * AcceptanceResult.MaxAgencyNameCharacters).IsRequired();
            r.Property(x => x.AgencyUscc).HasMaxLength(18);
            r.Property(x => x.Remark).HasMaxLength(2 * AcceptanceResult.MaxRemarkCharacters);
            r.Property(x => x.SourceFile).HasMaxLength(200).IsRequired();
            r.Property(x => x.Version).IsConcurrencyToken();
            r.Ignore(x => x.Facts);
            r.Ignore(x => x.Conclusion);
            r.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            // Nothing imported twice: the same enterprise and project again finds this row; two imports at once let one through.
            r.HasIndex(x => new { x.EnterpriseId, x.ProjectName }).IsUnique();
            // The list per county, newest acceptance first.
            r.HasIndex(x => new { x.ProgrammeId, x.District, x.AcceptedOn });
        });
    }
}
