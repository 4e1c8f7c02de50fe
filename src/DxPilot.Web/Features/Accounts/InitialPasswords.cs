using System.Security.Cryptography;
using System.Text.Json;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Spreadsheets;
using Microsoft.AspNetCore.DataProtection;

namespace DxPilot.Web.Features.Accounts;

/// <summary>A password a bureau issued: shown once, then the account must choose its own.</summary>
public sealed record IssuedPassword(string UserName, string DisplayName, string Scope, string Password);

/// <summary>The passwords issued by one action (a new account, a batch for the registry, a reset), and the accounts that
/// could not be created with the reason.</summary>
public sealed record IssuedBatch(Guid Id, string IssuedBy, DateTime IssuedAtUtc, IReadOnlyList<IssuedPassword> Accounts, IReadOnlyList<string> Refused);

/// <summary>
/// One-time passwords: random, never stored in clear or logged. The page that issues them shows them once and carries the
/// batch, encrypted with the platform's keys and valid for 30 minutes, in its download form; the server keeps nothing
/// but the hash, so the spreadsheet can be fetched from any copy of the platform, and only once (the audit trail
/// remembers the download).
/// </summary>
public sealed class InitialPasswords(IDataProtectionProvider protection)
{
    public static readonly TimeSpan DownloadWindow = TimeSpan.FromMinutes(30);

    // No 0/O, 1/l/I: a password read off paper is typed right. The symbols are Identity's "non-alphanumeric" and
    // none of = + - @, so no spreadsheet takes a cell for a formula.
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "#%*!?";

    /// <summary>12 characters with each kind the password policy asks for.</summary>
    public static string Generate()
    {
        string[] kinds = [Upper, Lower, Digits, Symbols];
        var all = string.Concat(kinds);
        var chars = kinds.Select(Pick).Concat(Enumerable.Range(0, 8).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);

        static char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
    }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("DxPilot.InitialPasswords").ToTimeLimitedDataProtector();

    public string Protect(IssuedBatch batch) => Protector.Protect(JsonSerializer.Serialize(batch), DownloadWindow);

    /// <summary>The batch, or null when the token was altered or its 30 minutes are over.</summary>
    public IssuedBatch? Unprotect(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            return JsonSerializer.Deserialize<IssuedBatch>(Protector.Unprotect(token));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public static string FileName(IssuedBatch batch, TimeZoneInfo zone) => $"初始密码{ChineseText.Minute(LocalTime.FromUtc(batch.IssuedAtUtc, zone))}.xlsx";

    /// <summary>The batch as a spreadsheet to hand out: every cell is text, none a formula.</summary>
    public static void WriteXlsx(Stream output, IssuedBatch batch, TimeZoneInfo zone) =>
        XlsxWriter.Write(output, "初始密码",
            [new("登录名", 24), new("名称", 36), new("账号类型与范围", 36), new("初始密码（首次登录须修改）", 28)],
            batch.Accounts.Select(a => (IReadOnlyList<object?>)[a.UserName, a.DisplayName, a.Scope, a.Password]),
            title: $"初始密码（{LocalTime.Show(batch.IssuedAtUtc, zone)} 生成，仅可下载一次，请妥善保管）");
}
