using DxPilot.Infrastructure.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>The demand map's kept counts (migration 0037): one row per programme, district, pilot industry and level-3 scenario
/// with demand; rows that fall to zero are removed.</summary>
internal static class DemandCountModel
{
    public const string Table = "DemandCounts";

    public static void Configure(ModelBuilder b) => b.Entity<DemandCount>(x =>
    {
        x.ToTable(Table);
        x.HasKey(e => new { e.ProgrammeId, e.District, e.IndustryKey, e.ScenarioCode });
        // As wide as the columns they copy (Enterprises.District, Enterprises.IndustryKey, EnterpriseNeeds.ScenarioCode).
        x.Property(e => e.ProgrammeId).HasMaxLength(64);
        x.Property(e => e.District).HasMaxLength(64);
        x.Property(e => e.IndustryKey).HasMaxLength(64);
        x.Property(e => e.ScenarioCode).HasMaxLength(32);
    });
}
