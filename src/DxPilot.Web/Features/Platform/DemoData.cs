using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Imports;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Enterprises.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// Development data: the Hangzhou 滨江区 reference list (seed 003 附件3) imported through the real importer, and one
/// account per role of DOMAIN §1. A second run finds them and changes nothing.
/// </summary>
public sealed class DemoData(DxPilotDbContext db, UserManager<AppUser> users, ImportQueue imports, AssessmentDemoData assessments,
    Benchmarks.BenchmarkDemoData benchmark, PlatformPaths paths, ILogger<DemoData> logger)
{
    public const string Password = "DxPilot#2025";
    public const string Programme = "hangzhou-2024";
    private const string ReferenceList = "demo/hangzhou-binjiang-reference.csv";

    public sealed record Login(string UserName, string Who, Role Role);

    public async Task<IReadOnlyList<Login>> EnsureAsync(CancellationToken ct = default)
    {
        var file = Path.Combine(paths.ConfigFolder, ReferenceList);
        var names = ReferenceNames(file);
        // Imported once: a rerun after files were renamed must not register them again under their old names. A run that
        // stopped before the import completed imports again, which fills in only the missing rows.
        if (!await db.ImportJobs.AnyAsync(j => j.ProgrammeId == Programme && j.FileName == Path.GetFileName(file) && j.Status == ImportStatus.Completed, ct))
        {
            // The importer needs a named actor; a city bureau account is created first.
            await EnsureUser("hz-city", "杭州市经信局（演示）", Role.CityBureau, Programme, ct: ct);
            var city = await ActorOf("hz-city");
            var outcome = await imports.RunNowAsync(city, Path.GetFileName(file), await File.ReadAllBytesAsync(file, ct), ct);
            logger.LogInformation("演示数据：导入 {File}：新建 {Created} 家，未导入 {Refused} 行", file, outcome.Value?.Created, outcome.Value?.Refused);
        }

        // The demo organisations serve the first six of the list by name: by name, not the programme's first files, which
        // may be anybody's.
        var chosen = names.Order(StringComparer.Ordinal).Take(6).ToList();
        var enterprises = (await db.Enterprises.Where(e => e.ProgrammeId == Programme && chosen.Contains(e.Name)).ToListAsync(ct))
            .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var provider = await EnsureOrganisation("杭州数智转型服务有限公司（演示）", OrganisationKind.ServiceProvider, enterprises.Take(3), 3, ct);
        var agency = await EnsureOrganisation("浙江数字化评测中心（演示）", OrganisationKind.EvaluationAgency, enterprises.Skip(2).Take(2), 2, ct);
        var audit = await EnsureOrganisation("杭州正信会计师事务所（演示）", OrganisationKind.AuditFirm, enterprises.Take(1), 1, ct);
        var thinkTank = await EnsureOrganisation("杭州产业数字化研究院（演示）", OrganisationKind.ThinkTank, [], 0, ct);
        var own = enterprises.FirstOrDefault();

        Login[] logins =
        [
            await EnsureUser("hz-city", "杭州市经信局（演示）", Role.CityBureau, Programme, ct: ct),
            await EnsureUser("hz-binjiang", "滨江区经信局（演示）", Role.DistrictBureau, Programme, district: "滨江区", ct: ct),
            await EnsureUser("hz-xihu", "西湖区经信局（演示）", Role.DistrictBureau, Programme, district: "西湖区", ct: ct),
            await EnsureUser("hz-thinktank", thinkTank.Name, Role.ThinkTank, Programme, organisation: thinkTank.Id, ct: ct),
            await EnsureUser("hz-provider", provider.Name, Role.ServiceProvider, Programme, organisation: provider.Id, ct: ct),
            await EnsureUser("hz-agency", agency.Name, Role.EvaluationAgency, Programme, organisation: agency.Id, ct: ct),
            await EnsureUser("hz-audit", audit.Name, Role.AuditFirm, Programme, organisation: audit.Id, ct: ct),
            await EnsureUser("hz-expert", "王专家（演示）", Role.Expert, Programme, ct: ct),
            .. own is null && await users.FindByNameAsync("hz-enterprise") is null ? (Login[])[]
                : [await EnsureUser("hz-enterprise", own?.Name ?? "", Role.Enterprise, Programme, enterprise: own?.Id, ct: ct)],
            await EnsureUser("cc-city", "长春市工信局（演示）", Role.CityBureau, "changchun-2025", ct: ct),
            .. await benchmark.EnsureAsync(ct),
        ];
        // The demo assessments belong to the file both the provider and the agency serve, whatever it is called now.
        var servedByBoth = await db.Assignments.Where(x => x.OrganisationId == provider.Id).Select(x => x.EnterpriseId)
            .Intersect(db.Assignments.Where(x => x.OrganisationId == agency.Id).Select(x => x.EnterpriseId)).OrderBy(x => x).FirstOrDefaultAsync(ct);
        if (servedByBoth != Guid.Empty)
            await assessments.EnsureAsync(await ActorOf("hz-provider"), await ActorOf("hz-agency"), servedByBoth, ct);
        return logins;
    }

    private async Task<Actor> ActorOf(string userName) => (await users.FindByNameAsync(userName))!.ToActor();

    private static List<string> ReferenceNames(string file)
    {
        var lines = File.ReadAllLines(file);
        var column = Array.IndexOf(lines[0].Split(','), "企业名称");
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[column].Trim()).Distinct()];
    }

    private async Task<Organisation> EnsureOrganisation(string name, OrganisationKind kind, IEnumerable<Enterprise> serves, int serving, CancellationToken ct)
    {
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.ProgrammeId == Programme && o.Name == name, ct);
        if (org is null)
        {
            org = new Organisation { ProgrammeId = Programme, Name = name, Kind = kind };
            db.Organisations.Add(org);
        }
        // A partly seeded database may have the organisation with fewer assignments than it serves; a full one gets none
        // added, even if a file it serves has since been renamed.
        var assigned = await db.Assignments.Where(x => x.OrganisationId == org.Id).Select(x => x.EnterpriseId).ToListAsync(ct);
        foreach (var e in serves.Where(e => !assigned.Contains(e.Id)).Take(Math.Max(0, serving - assigned.Count)))
            db.Assignments.Add(new Assignment { OrganisationId = org.Id, EnterpriseId = e.Id, AssignedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(ct);
        return org;
    }

    private async Task<Login> EnsureUser(string userName, string displayName, Role role, string programme,
        string? district = null, Guid? enterprise = null, Guid? organisation = null, CancellationToken ct = default)
    {
        if (await users.FindByNameAsync(userName) is null)
        {
            var user = new AppUser
            {
                UserName = userName, DisplayName = displayName, Role = role, ProgrammeId = programme,
                District = district, EnterpriseId = enterprise, OrganisationId = organisation, EmailConfirmed = true,
            };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException($"演示账号 {userName} 创建失败：{string.Join("；", result.Errors.Select(e => e.Description))}");
        }
        return new Login(userName, displayName, role);
    }
}
