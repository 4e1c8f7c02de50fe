using DxPilot.Domain.Projects;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

/// <summary>
/// What the programme dashboard reads beyond the project's own columns (migration 0022): the rectification deadline, generated
/// by the database from the acceptance document so that no save path has to remember it. A shadow property: the domain keeps
/// the deadline in <see cref="AcceptanceRecord.RectifyBy"/>; queries read the column through <see cref="RectifyBy"/>.
/// </summary>
public static class DashboardModel
{
    public const string RectifyBy = "RectifyBy";

    private const string PostgresRectifyBy =
        "make_date(substr(CAST(\"Acceptance\" AS jsonb) ->> 'rectifyBy', 1, 4)::integer, substr(CAST(\"Acceptance\" AS jsonb) ->> 'rectifyBy', 6, 2)::integer, "
        + "substr(CAST(\"Acceptance\" AS jsonb) ->> 'rectifyBy', 9, 2)::integer)";

    private const string SqliteRectifyBy = "json_extract(\"Acceptance\", '$.rectifyBy')";

    internal static void Configure(ModelBuilder b, bool postgres) =>
        b.Entity<Project>().Property<DateOnly?>(RectifyBy)
            .HasComputedColumnSql(postgres ? PostgresRectifyBy : SqliteRectifyBy, stored: postgres);
}
