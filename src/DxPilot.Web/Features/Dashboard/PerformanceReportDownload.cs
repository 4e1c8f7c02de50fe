using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// GET /api/dashboard/performance-report.docx?district=…: the 绩效评价报告 of the dashboard's scope, from the very figures the
/// dashboard shows (the same fresh copy), with its scope rules (a district bureau its own district, 404 for other accounts). The
/// download is audited as an export of the dashboard, as the .xlsx is.
/// </summary>
public static class PerformanceReportDownload
{
    /// <summary>Its route in the dashboard's /api group, and its whole path.</summary>
    public const string Route = "/dashboard/performance-report.docx", Path = "/api" + Route;

    /// <summary>The page's link for a scope (null: the whole programme, or the district bureau's own).</summary>
    public static string PathFor(string? district) => district is null ? Path : $"{Path}?district={Uri.EscapeDataString(district)}";

    public static async Task<IResult> DownloadAsync(HttpContext http, string? district, DashboardService dashboards, CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        var outcome = await dashboards.GetAsync(actor, district, ct);
        if (outcome.Value is not { } figures) return ApiResults.From(outcome, _ => Results.Empty);
        var programme = dashboards.ProgrammeOf(actor);
        var asOf = DateOnly.FromDateTime(LocalTime.FromUtc(figures.ComputedAt, programme.Zone));
        return await WordFile.DownloadAsync(http, programme.Id, new AuditKey("Dashboard", programme.Id),
            PerformanceReportDocument.FileName(programme, figures, asOf), s => PerformanceReportDocument.Write(s, programme, figures, asOf));
    }
}
