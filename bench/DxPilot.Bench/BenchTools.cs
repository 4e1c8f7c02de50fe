using System.Diagnostics;
using Npgsql;

namespace DxPilot.Bench;

/// <summary>What the database-backed benches share: the machine's load, sequential timings after a warm-up, and one statement
/// on a throwaway database.</summary>
public static class BenchTools
{
    /// <summary>The 1, 5 and 15 minute load averages ("?" off Linux): the machines are shared, figures need their load.</summary>
    public static string Load() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "?";

    /// <summary><paramref name="count"/> sequential runs after <paramref name="warmUp"/> untimed ones, in ms, sorted.</summary>
    public static async Task<List<double>> TimeAsync(int count, int warmUp, Func<Task> run)
    {
        for (var i = 0; i < warmUp; i++) await run();
        var times = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var sw = Stopwatch.StartNew();
            await run();
            times.Add(sw.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    public static async Task ExecuteAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
