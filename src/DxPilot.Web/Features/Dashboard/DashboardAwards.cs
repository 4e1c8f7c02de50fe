using DxPilot.Domain.Awards;
using DxPilot.Domain.Programmes;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// 奖补（标杆、链式）: per county, the applications the city recognised counted per direction of each award call, and the amounts
/// recognised (<see cref="AwardApplication.RecognisedAmountWan"/>: 30万 / 20万 / 10万 / 50万), kept apart from the project
/// subsidies. Null on a programme without award calls.
/// </summary>
public sealed record AwardMoney(IReadOnlyList<AwardColumn> Columns, IReadOnlyList<DistrictAwards> Districts)
{
    public DistrictAwards Total => new("合计", Columns.Select((_, i) => Districts.Sum(d => d.Counts[i])).ToList(), Districts.Sum(d => d.AmountWan));
}

/// <summary>One direction of one call, with its amount per recognised application (万元).</summary>
public sealed record AwardColumn(string CallId, string Direction, string Label, decimal AmountWan);

/// <summary>A county's recognised applications per <see cref="AwardMoney.Columns"/> and the 万元 recognised there.</summary>
public sealed record DistrictAwards(string District, IReadOnlyList<int> Counts, decimal AmountWan)
{
    public decimal AmountOf(AwardColumn column, int index) => Counts[index] * column.AmountWan;
}

public sealed class DashboardAwards(DxPilotDbContext db, AwardCatalog calls)
{
    public async Task<AwardMoney?> ComputeAsync(Programme programme, string? district, CancellationToken ct)
    {
        // 数智 benchmarks before 链式 cases, as the notice lists them.
        var programmeCalls = calls.ForProgramme(programme.Id).OrderBy(c => c.Kind).ToList();
        if (programmeCalls.Count == 0) return null;
        var columns = programmeCalls.SelectMany(c => c.Directions.Select(d => new AwardColumn(c.Id, d.Key, d.Label, d.AmountWan))).ToList();
        // Counted per stored column of directions recognised in SQL, so that the 申报书 is never read; the amount is still the
        // application's own rule (AwardApplication.AmountWan), applied to each count.
        var recognised = db.AwardApplications.AsNoTracking().Where(a => a.ProgrammeId == programme.Id && a.Status == AwardStatus.Recognised);
        if (district is not null) recognised = recognised.Where(a => a.District == district);
        var groups = await recognised.GroupBy(a => new { a.CallId, a.District, a.RecognisedDirections })
            .Select(g => new { g.Key.CallId, g.Key.District, g.Key.RecognisedDirections, Count = g.Count() }).ToListAsync(ct);
        var byCall = programmeCalls.ToDictionary(c => c.Id);
        var order = programme.Districts.Names.ToList();
        var districts = groups.Where(g => byCall.ContainsKey(g.CallId)).GroupBy(g => g.District)
            .Select(d => new DistrictAwards(d.Key,
                columns.Select(c => d.Where(g => g.CallId == c.CallId && AwardApplication.Keys(g.RecognisedDirections).Contains(c.Direction)).Sum(g => g.Count)).ToList(),
                d.Sum(g => g.Count * AwardApplication.AmountWan(byCall[g.CallId], AwardApplication.Keys(g.RecognisedDirections)))))
            .OrderBy(d => order.IndexOf(d.District)).ToList();
        if (district is not null && districts.Count == 0) districts.Add(new DistrictAwards(district, columns.Select(_ => 0).ToList(), 0m));
        return new AwardMoney(columns, districts);
    }
}
