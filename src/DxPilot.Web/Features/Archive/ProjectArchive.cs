using System.IO.Compression;
using System.Security.Cryptography;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Archive;

/// <summary>
/// 材料归档 (seed 004 三（三）: 资金拨付、绩效评价、材料归档): every document of a project, an enterprise's projects or a district's
/// or programme's, in one .zip, a folder per project with its files in the order of the process, and 归档目录.xlsx listing each
/// file with its date, author, whether uploaded or generated, and its SHA-256. The archive's audit entry carries the SHA-256 of
/// that index, so every file's hash is tied to the audit trail: an upload's hash is also its address in the blob store.
/// </summary>
public sealed class ProjectArchive(DxPilotDbContext db, ProjectService projects, IEnumerable<IArchiveSource> sources, IBlobStore blobs, AuditLog audit,
    ShownTime time, ProgrammeCatalog programmes, TimeProvider clock)
{
    /// <summary>Projects one download may hold: a district's or a programme's archive beyond it is taken in parts (by district).</summary>
    public const int MaxProjects = 500;

    public static bool Allowed(Actor a) => a.Role is Role.CityBureau or Role.DistrictBureau or Role.ThinkTank;

    /// <summary>The projects of the scope asked for, within the actor's; null (404) when the actor archives nothing.</summary>
    public IQueryable<Project>? Scope(Actor actor, Guid? projectId, Guid? enterpriseId, string? district)
    {
        if (!Allowed(actor) || projects.RulesOf(actor) is null) return null;
        var q = projects.InScope(actor);
        if (projectId is { } p) q = q.Where(x => x.Id == p);
        if (enterpriseId is { } e) q = q.Where(x => x.EnterpriseId == e);
        if (!string.IsNullOrWhiteSpace(district)) q = q.Where(x => x.District == district);
        return q;
    }

    /// <summary>What the archive is of, as its file name and index title say it: the enterprise and the project, the enterprise,
    /// the district, or the city's whole programme.</summary>
    public async Task<string> TitleAsync(Actor actor, IQueryable<Project> scope, Guid? projectId, Guid? enterpriseId, string? district, CancellationToken ct)
    {
        if (projectId is not null || enterpriseId is not null)
        {
            var first = await scope.AsNoTracking().OrderBy(p => p.FiledAt)
                .Select(p => new { p.ProjectName, Enterprise = db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).FirstOrDefault() })
                .FirstAsync(ct);
            return Safe(projectId is not null ? $"{first.Enterprise}-{first.ProjectName}" : first.Enterprise ?? "");
        }
        return Safe(programmes.Get(actor.ProgrammeId).Area(district));
    }

    /// <summary>Writes the archive of <paramref name="scope"/> into <paramref name="output"/> (a seekable temporary file: the
    /// index is written last, once every file's hash is known); returns how many projects and files it holds.</summary>
    public async Task<(int Projects, int Files)> WriteAsync(Actor actor, IQueryable<Project> scope, string title, Stream output, CancellationToken ct)
    {
        var list = await scope.AsNoTracking().OrderBy(p => p.District).ThenBy(p => p.FiledAt).Take(MaxProjects).ToListAsync(ct);
        var names = await db.Enterprises.Where(e => list.Select(p => p.EnterpriseId).Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var index = new List<(string Project, string File, string Date, string Author, string Source, string Sha)>();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < list.Count; i++)
            {
                var project = list[i];
                var folder = Safe($"{i + 1:D3}-{names.GetValueOrDefault(project.EnterpriseId, "")}-{project.ProjectName}");
                var items = new List<ArchiveItem>();
                foreach (var source in sources) items.AddRange(await source.ItemsAsync(actor, project, ct));
                var n = 0;
                foreach (var item in items.OrderBy(x => x.Order).ThenBy(x => x.At))
                {
                    var entryName = $"{folder}/{++n:D2}-{Safe(item.Name)}";
                    var sha = await WriteEntryAsync(zip, entryName, item, ct);
                    index.Add(($"{names.GetValueOrDefault(project.EnterpriseId, "")}：{project.ProjectName}", entryName,
                        item.At is { } at ? ChineseText.Date(DateOnly.FromDateTime(time.Local(at))) : "", item.Author, item.Source, sha));
                }
            }
            var indexSha = WriteIndex(zip, title, index);
            await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("ProjectArchive", title),
                $"材料归档：{list.Count}个项目、{index.Count}个文件；归档目录SHA-256 {indexSha}", ct: ct);
        }
        return (list.Count, index.Count);
    }

    private async Task<string> WriteEntryAsync(ZipArchive zip, string name, ArchiveItem item, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        entry.LastWriteTime = Shown(item.At ?? clock.GetUtcNow().UtcDateTime);
        await using var target = entry.Open();
        if (item.Stored is { } file)
        {
            // An upload is kept under its SHA-256: what is archived is what was uploaded.
            await using var content = await blobs.OpenAsync(file.Sha256, ct);
            if (content is null)
            {
                // Said in the file and in the index, never silently left out.
                await target.WriteAsync(System.Text.Encoding.UTF8.GetBytes($"文件存储中缺少该文件（SHA-256 {file.Sha256}），请联系平台管理员。"), ct);
                return $"缺失：{file.Sha256}";
            }
            await content.CopyToAsync(target, ct);
            return file.Sha256;
        }
        using var buffer = new MemoryStream();
        item.Generate!(buffer);
        buffer.Position = 0;
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer));
        buffer.Position = 0;
        await buffer.CopyToAsync(target, ct);
        return sha;
    }

    private string WriteIndex(ZipArchive zip, string title, IReadOnlyList<(string Project, string File, string Date, string Author, string Source, string Sha)> index)
    {
        using var buffer = new MemoryStream();
        using (var sheet = new XlsxSheetStream(buffer, "归档目录", [6, 36, 60, 16, 24, 10, 70]))
        {
            sheet.WriteRow([$"{title} 材料归档目录"], XlsxSheetStream.Look.Title);
            sheet.WriteRow(["序号", "项目", "文件", "日期", "作者", "来源", "SHA-256"], XlsxSheetStream.Look.Header);
            for (var i = 0; i < index.Count; i++)
            {
                var r = index[i];
                sheet.WriteRow([(i + 1).ToString(), r.Project, r.File, r.Date, r.Author, r.Source, r.Sha]);
            }
            sheet.Close();
        }
        var bytes = buffer.ToArray();
        var entry = zip.CreateEntry("000-归档目录.xlsx", CompressionLevel.Fastest);
        entry.LastWriteTime = Shown(clock.GetUtcNow().UtcDateTime);
        using (var target = entry.Open()) target.Write(bytes);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>A zip keeps a file's wall-clock time without its zone: the programme's (Beijing) time, as the platform shows times.</summary>
    private DateTimeOffset Shown(DateTime utc) => new(time.Local(utc), time.Zone.GetUtcOffset(utc));

    /// <summary>A name safe in a zip on every system: no path separators or characters Windows refuses, not over 80 characters
    /// (cut before its extension, which stays).</summary>
    private static string Safe(string name)
    {
        var cleaned = new string(name.Select(c => c is '/' or '\\' or ':' or '*' or '?' or '"' or '<' or '>' or '|' || char.IsControl(c) ? '_' : c).ToArray()).Trim();
        var extension = Path.GetExtension(cleaned);
        return cleaned.Length <= 80 ? cleaned : cleaned[..(80 - extension.Length)] + extension;
    }
}
