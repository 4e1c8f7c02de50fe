using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Photos;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses.Photos;

/// <summary>
/// `photos check`: a provider checks a folder of site-visit photos before uploading, with the checks and verdicts of the
/// upload (<see cref="PhotoVerdicts"/>). One JSON line per file in name order; exit 0 when every file is ok, 2 when any is
/// not, 1 on a usage error. Duplicates are looked for within the folder and, when the configured database can be read, among
/// the photos already stored.
/// </summary>
public static class PhotosCommand
{
    public const string Verb = "photos";

    private const string Usage = """
        用法：photos check --start 2026-03-10T09:00 --end 2026-03-10T12:30 [--site 43.8171,125.3235] [--tolerance 15] [--far 2] 文件夹
          --start/--end  诊断开始和结束时间；不带时区的时间按北京时间理解
          --site         企业现场的纬度,经度（不填时，与同一文件夹中其他照片的位置比较）
          --tolerance    允许的时间误差（分钟，默认15）
          --far          允许的距离（公里，默认2）
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, CancellationToken ct = default)
    {
        if (args is not ["check", .. var rest]) return await UsageError(errors, "请指定子命令 check");
        var parsed = Parse(rest);
        if (parsed.Error is { } error) return await UsageError(errors, error);
        var options = parsed.Options!;

        var zone = LocalTime.Beijing;
        List<string> files;
        try { files = Directory.EnumerateFiles(options.Folder).Order(StringComparer.Ordinal).ToList(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await UsageError(errors, $"无法读取文件夹“{options.Folder}”中的文件列表（没有权限或读取出错）");
        }
        var photos = new List<PhotoToJudge>(files.Count);
        // A file that cannot be read at all (no permission, a link to nothing, a disk error) is reported and the rest checked.
        var unopened = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = await OpenIndexAsync(options.Configuration, errors, ct);
        await using (index)
        {
            foreach (var path in files)
            {
                var name = Path.GetFileName(path);
                PhotoFileFacts facts;
                try
                {
                    await using var stream = File.OpenRead(path);
                    facts = (await PhotoReader.ReadAsync(stream, options.Rules, ct)).Facts;
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    unopened[name] = Unopened(ex);
                    continue;
                }
                IReadOnlyList<PhotoReuse> reuses = facts.Hash is { } hash && index?.Prints is { } prints
                    ? await prints.FindReuseAsync(hash, facts.Sha256, excludingVisit: null, ct)
                    : [];
                photos.Add(new PhotoToJudge(name, facts, reuses));
            }
        }

        var verdicts = PhotoVerdicts.Judge(options.Span, options.Site, options.Rules, zone, photos);
        var next = 0;
        foreach (var name in files.Select(Path.GetFileName))
        {
            if (unopened.TryGetValue(name!, out var why))
            {
                await Line(output, name!, [new PhotoProblem(PhotoProblemCodes.Unreadable, why)], null, zone);
                continue;
            }
            var (verdict, facts) = (verdicts[next], photos[next].Facts);
            next++;
            await Line(output, verdict.Name, verdict.Problems, facts, zone);
        }
        return unopened.Count == 0 && verdicts.All(v => v.Ok) ? 0 : 2;
    }

    private static Task Line(TextWriter output, string file, IReadOnlyList<PhotoProblem> problems, PhotoFileFacts? facts, TimeZoneInfo zone) =>
        output.WriteLineAsync(JsonSerializer.Serialize(new
        {
            file,
            ok = problems.Count == 0,
            problems = problems.Select(p => new { code = p.Code, message = p.Message }),
            takenAt = facts?.TakenAt(zone)?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            latitude = facts?.Position?.Latitude,
            longitude = facts?.Position?.Longitude,
        }, Json));

    /// <summary>Why a file of the folder could not be read, in words a provider can act on.</summary>
    private static string Unopened(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "无法打开文件：没有读取权限；请检查文件权限后重试",
        FileNotFoundException or DirectoryNotFoundException => "无法打开文件：文件不存在（可能是指向已删除文件的快捷方式或链接）；请放入照片原图后重试",
        _ => "无法读取文件（读取时出错）；请把照片重新复制到文件夹后重试",
    };

    private sealed record Options(VisitSpan Span, GeoPoint? Site, PhotoRules Rules, string Folder, string[] Configuration);

    private sealed record Parsed(Options? Options, string? Error);

    private static Parsed Parse(string[] args)
    {
        string? start = null, end = null, site = null, tolerance = null, far = null, folder = null;
        var configuration = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            // Settings such as --ConnectionStrings:DxPilot=… point the command at a database, as for the other verbs.
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Contains(':') && a.Contains('=')) { configuration.Add(a); continue; }
            if (a is "--start" or "--end" or "--site" or "--tolerance" or "--far")
            {
                if (i + 1 >= args.Length) return new(null, $"{a} 后面缺少值");
                var value = args[++i];
                switch (a)
                {
                    case "--start": start = value; break;
                    case "--end": end = value; break;
                    case "--site": site = value; break;
                    case "--tolerance": tolerance = value; break;
                    default: far = value; break;
                }
                continue;
            }
            if (a.StartsWith("--", StringComparison.Ordinal)) return new(null, $"无法识别的选项 {a}");
            if (folder is not null) return new(null, "只能指定一个文件夹");
            folder = a;
        }
        if (start is null || end is null) return new(null, "请用 --start 和 --end 指定诊断的开始和结束时间");
        if (folder is null) return new(null, "请指定存放照片的文件夹");
        if (!Directory.Exists(folder)) return new(null, $"找不到文件夹“{folder}”");
        if (Instant(start) is not { } from) return new(null, $"开始时间“{start}”无法识别，请写成 2026-03-10T09:00");
        if (Instant(end) is not { } to) return new(null, $"结束时间“{end}”无法识别，请写成 2026-03-10T12:30");
        if (to <= from) return new(null, "结束时间必须晚于开始时间");
        GeoPoint? point = null;
        if (site is not null)
        {
            if (Site(site) is not { } p) return new(null, $"现场位置“{site}”无法识别，请写成 纬度,经度，如 43.8171,125.3235");
            point = p;
        }
        var rules = PhotoRules.Default;
        if (tolerance is not null)
        {
            if (!int.TryParse(tolerance, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes > 24 * 60)
                return new(null, $"时间误差“{tolerance}”应为0到1440之间的整数分钟");
            rules = rules with { Tolerance = TimeSpan.FromMinutes(minutes) };
        }
        if (far is not null)
        {
            if (!double.TryParse(far, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var km) || km <= 0 || km > 1000)
                return new(null, $"允许距离“{far}”应为大于0的公里数，如 2 或 0.5");
            rules = rules with { FarMetres = km * 1000 };
        }
        return new(new Options(new VisitSpan(from, to), point, rules, folder, [.. configuration]), null);
    }

    /// <summary>2026-03-10T09:00 (北京时间) or with an explicit offset, 2026-03-10T09:00+08:00.</summary>
    private static DateTimeOffset? Instant(string text)
    {
        string[] local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];
        if (DateTime.TryParseExact(text, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wall))
            return new DateTimeOffset(wall, LocalTime.Beijing.GetUtcOffset(wall));
        string[] offset = ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"];
        return DateTimeOffset.TryParseExact(text, offset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private static GeoPoint? Site(string text)
    {
        var parts = text.Split(',');
        return parts.Length == 2
            && double.TryParse(parts[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) && Math.Abs(lat) <= 90
            && double.TryParse(parts[1].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) && Math.Abs(lon) <= 180
            ? new GeoPoint(lat, lon) : null;
    }

    private static async Task<int> UsageError(TextWriter errors, string reason)
    {
        await errors.WriteLineAsync(reason);
        await errors.WriteLineAsync(Usage);
        return 1;
    }

    /// <summary>The stored photos' index on the configured database, or null (said on stderr) when there is none to read:
    /// an SQLite file that does not exist is not created, and a database without the index (not migrated) is not changed.</summary>
    private static async Task<StoredIndex?> OpenIndexAsync(string[] configuration, TextWriter errors, CancellationToken ct)
    {
        var app = PlatformHost.ForCommand(configuration);
        var scope = app.Services.CreateAsyncScope();
        var index = new StoredIndex(app, scope);
        try
        {
            var database = scope.ServiceProvider.GetRequiredService<DatabaseOptions>();
            if (database.Provider == DatabaseProvider.Sqlite
                && new SqliteConnectionStringBuilder(database.ConnectionString).DataSource is var file && !File.Exists(file))
                return await Without(index, errors, "未找到平台数据库");
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            _ = await db.PhotoPrints.AnyAsync(ct);
            index.Prints = new PhotoPrints(db);
            return index;
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException)
        {
            return await Without(index, errors, "无法读取平台数据库（未连接上，或尚未升级到包含照片索引的版本）");
        }
    }

    private static async Task<StoredIndex?> Without(StoredIndex index, TextWriter errors, string why)
    {
        await errors.WriteLineAsync($"{why}：只在本文件夹内查找重复照片，未与平台上已存的照片比对。");
        await index.DisposeAsync();
        return null;
    }

    private sealed class StoredIndex(WebApplication app, AsyncServiceScope scope) : IAsyncDisposable
    {
        public PhotoPrints? Prints { get; set; }

        public async ValueTask DisposeAsync()
        {
            await scope.DisposeAsync();
            await app.DisposeAsync();
        }
    }
}
