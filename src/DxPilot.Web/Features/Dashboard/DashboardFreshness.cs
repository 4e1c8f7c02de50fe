using DxPilot.Domain.Programmes;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// How the dashboard stays fresh at national scale: each scope's figures (programme, district) are kept for
/// <c>Dashboard:FreshSeconds</c> (5 by default) by <see cref="Freshness{TKey,TValue}"/>; 0 computes on every read.
/// </summary>
public sealed class DashboardFreshness(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
{
    private readonly Freshness<(string Programme, string? District), DashboardFigures> _figures = 
        new(scopes, clock, Freshness<(string, string?), DashboardFigures>.Window(configuration, "Dashboard"));

    public Task<DashboardFigures> GetAsync(Programme programme, string? district, CancellationToken ct) =>
        _figures.GetAsync((programme.Id, district),
            (services, c) => services.GetRequiredService<DashboardQueries>().ComputeAsync(programme, district, clock.GetUtcNow().UtcDateTime, c), ct);
}
