using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Imports;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Assignments;
using DxPilot.Web.Features.Enterprises.Import;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// Development data: the Hangzhou 滨江区 reference list (seed 003 附件3) and a fictional Changchun list (config/demo), each
/// imported through the real importer, one account per role of DOMAIN §1, and the demo organisations assigned through the
/// assignment service (so their history exists). A second run finds them and changes nothing.
/// </summary>
public sealed class DemoData(DxPilotDbContext db, UserManager<AppUser> users, ImportQueue imports, AssessmentDemoData assessments,
    Benchmarks.BenchmarkDemoData benchmark, Awards.AwardDemoData awards, Filings.FilingDemoData filings, Projects.ProjectDemoData projects, Supervision.SupervisionDemoData supervision,
    Catalogue.CatalogueDemoData catalogue, Diagnoses.DiagnosisDemoData diagnoses,
    AssignmentService assignments, CurrentActor current, PlatformPaths paths, ILogger<DemoData> logger)
{
    public const string Password = "DxPilot#2025";
    public const string Programme = "hangzhou-2024";
    private const string ReferenceList = "demo/hangzhou-binjiang-reference.csv";
    public const string Changchun = "changchun-2025";
    private const string ChangchunList = "demo/changchun-demo-enterprises.csv";

    public sealed record Login(string UserName, string Who, Role Role);

    public async Task<IReadOnlyList<Login>> EnsureAsync(CancellationToken ct = default)
    {
        var names = await ImportOnce(Programme, ReferenceList, "滨江区企业名单（演示）.csv", "hz-city", "杭州市经信局（演示）", ct);
        var city = await ActorOf("hz-city");

        // The demo organisations serve the first six of the list by name: by name, not the programme's first files, which
        // may be anybody's.
        var chosen = names.Order(StringComparer.Ordinal).Take(6).ToList();
        var enterprises = (await db.Enterprises.Where(e => e.ProgrammeId == Programme && chosen.Contains(e.Name)).ToListAsync(ct))
            .OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var provider = await EnsureOrganisation(city, "杭州数智转型服务有限公司（演示）", OrganisationKind.ServiceProvider, enterprises.Take(3), 3, ct);
        var agency = await EnsureOrganisation(city, "浙江数字化评测中心（演示）", OrganisationKind.EvaluationAgency, enterprises.Skip(2).Take(2), 2, ct);
        var audit = await EnsureOrganisation(city, "杭州正信会计师事务所（演示）", OrganisationKind.AuditFirm, enterprises.Take(1), 1, ct);
        var thinkTank = await EnsureOrganisation(city, "杭州产业数字化研究院（演示）", OrganisationKind.ThinkTank, [], 0, ct);
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
            .. await EnsureChangchunAsync(ct),
            .. await benchmark.EnsureAsync(ct),
            .. await awards.EnsureAsync(ct),
        ];
        // The demo assessments belong to the file both the provider and the agency serve, whatever it is called now.
        var servedByBoth = await db.Assignments.Where(x => x.OrganisationId == provider.Id).Select(x => x.EnterpriseId)
            .Intersect(db.Assignments.Where(x => x.OrganisationId == agency.Id).Select(x => x.EnterpriseId)).OrderBy(x => x).FirstOrDefaultAsync(ct);
        if (servedByBoth != Guid.Empty)
            await assessments.EnsureAsync(await ActorOf("hz-provider"), await ActorOf("hz-agency"), servedByBoth, ct);
        // 改造项目备案 at each step of the chain, on the same files in the same order (the first is hz-enterprise's own); the other
        // filers' accounts are listed after hz-enterprise.
        var filers = await filings.EnsureAsync(enterprises, "hz-enterprise", ct);
        // The two filed ones carried on: one to 已验收，待审计, one through its audit and approval to a first payment.
        await projects.EnsureAsync(ct);
        // The think tanks' comments on those filings and their ratings of the demo providers and enterprises.
        await supervision.EnsureAsync(ct);
        // Changchun's provider pool and catalogue.
        await catalogue.EnsureAsync(ct);
        var after = Array.FindIndex(logins, l => l.UserName == "hz-enterprise") + 1;
        return [.. logins[..after], .. filers, .. logins[after..]];
    }

    /// <summary>Changchun's diagnosis pilot (seed 002): twelve fictional files in four districts and its four pilot industries;
    /// the provider serves the list's first four (two of them in 朝阳区, so that cc-chaoyang sees both served and unserved files)
    /// and diagnoses the first two (Features/Diagnoses/DiagnosisDemoData).</summary>
    private async Task<Login[]> EnsureChangchunAsync(CancellationToken ct)
    {
        var names = await ImportOnce(Changchun, ChangchunList, "长春市试点企业名单（演示）.csv", "cc-city", "长春市工信局（演示）", ct);
        var city = await ActorOf("cc-city");
        var listed = await db.Enterprises.Where(e => e.ProgrammeId == Changchun && names.Contains(e.Name)).ToListAsync(ct);
        var enterprises = names.Select(n => listed.FirstOrDefault(e => e.Name == n)).OfType<Enterprise>().ToList();
        var provider = await EnsureOrganisation(city, "长春智造数字化服务有限公司（演示）", OrganisationKind.ServiceProvider, enterprises.Take(4), 4, ct);
        var agency = await EnsureOrganisation(city, "吉林省数字化水平评测中心（演示）", OrganisationKind.EvaluationAgency, enterprises.Take(2), 2, ct);
        var thinkTank = await EnsureOrganisation(city, "长春产业数字化研究院（演示）", OrganisationKind.ThinkTank, [], 0, ct);
        var own = enterprises.FirstOrDefault();
        Login[] logins =
        [
            await EnsureUser("cc-city", "长春市工信局（演示）", Role.CityBureau, Changchun, ct: ct),
            await EnsureUser("cc-chaoyang", "朝阳区工信局（演示）", Role.DistrictBureau, Changchun, district: "朝阳区", ct: ct),
            await EnsureUser("cc-provider", provider.Name, Role.ServiceProvider, Changchun, organisation: provider.Id, ct: ct),
            await EnsureUser("cc-agency", agency.Name, Role.EvaluationAgency, Changchun, organisation: agency.Id, ct: ct),
            await EnsureUser("cc-thinktank", thinkTank.Name, Role.ThinkTank, Changchun, organisation: thinkTank.Id, ct: ct),
            await EnsureUser("cc-expert", "李专家（演示）", Role.Expert, Changchun, ct: ct),
            .. own is null && await users.FindByNameAsync("cc-enterprise") is null ? (Login[])[]
                : [await EnsureUser("cc-enterprise", own?.Name ?? "", Role.Enterprise, Changchun, enterprise: own?.Id, ct: ct)],
        ];
        await diagnoses.EnsureAsync(enterprises.Take(4).ToList(), ct);
        return logins;
    }

    /// <summary>
    /// Imports a demo list once, under the name a bureau's own file would carry (users see it in the import list and every
    /// record's history), as the programme's city bureau (created first: the importer needs a named actor), and answers
    /// the list's names in their order. A rerun after files were renamed must not register them again under their old names;
    /// a run that stopped before the import completed imports again, which fills in only the missing rows.
    /// </summary>
    private async Task<List<string>> ImportOnce(string programme, string list, string shownName, string cityUser, string cityName, CancellationToken ct)
    {
        var file = Path.Combine(paths.ConfigFolder, list);
        await EnsureUser(cityUser, cityName, Role.CityBureau, programme, ct: ct);
        if (!await db.ImportJobs.AnyAsync(j => j.ProgrammeId == programme && j.FileName == shownName && j.Status == ImportStatus.Completed, ct))
        {
            var outcome = await imports.RunNowAsync(await ActorOf(cityUser), shownName, await File.ReadAllBytesAsync(file, ct), ct);
            logger.LogInformation("演示数据：导入 {File}：新建 {Created} 家，未导入 {Refused} 行", file, outcome.Value?.Created, outcome.Value?.Refused);
        }
        return ReferenceNames(file);
    }

    private async Task<Actor> ActorOf(string userName) => (await users.ActorAsync(userName))!;

    private static List<string> ReferenceNames(string file)
    {
        var lines = File.ReadAllLines(file);
        var column = Array.IndexOf(lines[0].Split(','), "企业名称");
        return [.. lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[column].Trim()).Distinct()];
    }

    private async Task<Organisation> EnsureOrganisation(Actor city, string name, OrganisationKind kind, IEnumerable<Enterprise> serves, int serving,
        CancellationToken ct)
    {
        // The city registers the organisation (机构名录) and assigns it, as a bureau would on the pages.
        current.Assume(city);
        var org = await db.Organisations.FirstOrDefaultAsync(o => o.ProgrammeId == city.ProgrammeId && o.Name == name, ct);
        if (org is null)
        {
            org = new Organisation { ProgrammeId = city.ProgrammeId, Name = name, Kind = kind };
            db.Organisations.Add(org);
            await db.SaveChangesAsync(ct);
        }
        // A partly seeded database may have the organisation with fewer assignments than it serves; a full one gets none
        // added, even if a file it serves has since been renamed.
        var assigned = await db.Assignments.Where(x => x.OrganisationId == org.Id).Select(x => x.EnterpriseId).ToListAsync(ct);
        foreach (var e in serves.Where(e => !assigned.Contains(e.Id)).Take(Math.Max(0, serving - assigned.Count)))
        {
            var outcome = await assignments.AssignAsync(city, e.Id, org.Id, ct, note: "演示数据");
            if (!outcome.IsOk) logger.LogWarning("演示数据：{Enterprise} 未能分配给 {Organisation}：{Reason}", e.Name, name, outcome.Message);
        }
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
