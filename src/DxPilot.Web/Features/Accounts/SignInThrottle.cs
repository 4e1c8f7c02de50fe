using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Accounts;

/// <summary>
/// Failed sign-ins per network address: after <see cref="AccountSettings.ClientFailureLimit"/> failures within
/// <see cref="AccountSettings.ClientFailureMinutes"/> the address may not try again until that window ends, whichever accounts it
/// named. The per-account lockout cannot see one password tried on every account in turn. Counted in the database, so every
/// copy of the platform refuses alike; the limit is generous because a government office or an industrial park signs in from
/// one address. A request without a peer address (the in-process test server) is not counted.
/// </summary>
public sealed class SignInThrottle(DxPilotDbContext db, AccountSettings settings, TimeProvider clock, AuditLog audit)
{
    /// <summary>The address a limit applies to: IPv4 as it is; IPv6 by its /64, which one subscriber holds whole.</summary>
    public static string? ClientOf(IPAddress? address)
    {
        if (address is null) return null;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    /// <summary>Until when (UTC) an address that has used up its failures must wait, or null when it may try.</summary>
    public async Task<DateTime?> RefusedUntilAsync(string? client, CancellationToken ct = default)
    {
        if (client is null) return null;
        var row = await db.ClientSignInFailures.AsNoTracking().FirstOrDefaultAsync(x => x.Client == client, ct);
        if (row is null || row.Failures < settings.ClientFailureLimit) return null;
        var until = WindowEnd(row.WindowStartTicks);
        return until > clock.GetUtcNow().UtcDateTime ? until : null;
    }

    /// <summary>What the sign-in page and the token endpoint answer an address that must wait.</summary>
    public static string Refusal(DateTime until) => $"该网络地址登录失败次数过多，请于{Beijing(until)}后再试";

    /// <summary>Counts a failed sign-in from <paramref name="client"/> in one statement (two copies failing at once both count); the
    /// failure that reaches the limit is recorded in the audit trail, once per window.</summary>
    public async Task RecordFailureAsync(string? client, CancellationToken ct = default)
    {
        if (client is null) return;
        var now = clock.GetUtcNow().UtcDateTime;
        var conn = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // Both databases read the row's old values in every SET expression, so the window restarts and the count resets together.
            await using var count = SqlCommands.Command(conn, null, """
                INSERT INTO "ClientSignInFailures" ("Client", "WindowStartTicks", "Failures") VALUES (@client, @now, 1)
                ON CONFLICT ("Client") DO UPDATE SET
                    "Failures" = CASE WHEN "ClientSignInFailures"."WindowStartTicks" <= @ended THEN 1 ELSE "ClientSignInFailures"."Failures" + 1 END,
                    "WindowStartTicks" = CASE WHEN "ClientSignInFailures"."WindowStartTicks" <= @ended THEN @now ELSE "ClientSignInFailures"."WindowStartTicks" END
                RETURNING "Failures", "WindowStartTicks"
                """, ("client", client), ("now", now.Ticks), ("ended", (now - Window).Ticks));
            int failures;
            long started;
            await using (var reader = await count.ExecuteReaderAsync(ct))
            {
                await reader.ReadAsync(ct);
                (failures, started) = (Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
            }
            // Addresses whose window ended a day ago are forgotten, so the table holds only the day's.
            await using (var forget = SqlCommands.Command(conn, null, """DELETE FROM "ClientSignInFailures" WHERE "WindowStartTicks" < @stale""",
                ("stale", (now - Window - TimeSpan.FromDays(1)).Ticks)))
                await forget.ExecuteNonQueryAsync(ct);
            if (failures != settings.ClientFailureLimit) return;
            await audit.RecordAsync(AuditAction.ClientThrottled, "", new AuditKey("Client", client),
                $"{settings.ClientFailureMinutes}分钟内登录失败{failures}次，暂停该地址登录至{Beijing(WindowEnd(started))}", ("anonymous", $"未登录（{client}）"), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private TimeSpan Window => TimeSpan.FromMinutes(settings.ClientFailureMinutes);

    private DateTime WindowEnd(long startTicks) => new DateTime(startTicks, DateTimeKind.Utc) + Window;

    // Before anyone has signed in there is no programme to read a zone from; every pilot city keeps Beijing time.
    private static string Beijing(DateTime utc) => $"{LocalTime.Show(utc, LocalTime.Beijing)}（北京时间）";
}
