using Microsoft.EntityFrameworkCore;

namespace DxPilot.Infrastructure.Persistence;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>Which database, from configuration: ConnectionStrings:DxPilot plus Database:Provider (or DXPILOT_DATABASE__PROVIDER).</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseProvider ParseProvider(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.PostgreSql,
        _ => throw new InvalidOperationException($"Database:Provider “{text}” 无法识别：应为 Sqlite 或 PostgreSQL"),
    };

    public void Apply(DbContextOptionsBuilder b)
    {
        if (Provider == DatabaseProvider.PostgreSql)
            b.UseNpgsql(ConnectionString);
        else
            b.UseSqlite(ConnectionString);
    }
}
