using System.Diagnostics;
using Bogus;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace DxPilot.Bench.Diagnoses;

/// <summary>
/// 诊断进度总览 at scale (issue 9, Measure): for each size, a throwaway PostgreSQL database with that many Changchun enterprises,
/// each assigned to one of 40 providers and diagnosed in a mix of states; then the overview's queries in process (the
/// service as the page calls it) and the pages through HTTP against the platform started on that database. Medians in ms.
/// </summary>
public static class DiagnosisOverviewBench
{
    private const string Programme = "changchun-2025";

    public static async Task<int> RunAsync(string[] args)
    {
        var admin = BenchTools.AdminConnection(args);
        var sizes = (Generate.Arg(args, "--sizes") ?? "500,100000").Split(',').Select(int.Parse).ToList();
        var requests = int.Parse(Generate.Arg(args, "--requests") ?? "50");
        var port = Generate.Arg(args, "--port") ?? "5114";
        // Keeps the generated databases (named on the console) for EXPLAIN; drop them by hand afterwards.
        var keep = args.Contains("--keep");
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average at start: {BenchTools.Load()}");
        Console.WriteLine($"{"diagnoses",10} {"what",-34} {"median ms",10} {"p95 ms",8}  ({requests} sequential after 10 warm-up)");
        var ok = true;
        // A database kept by an earlier run (--keep) is measured again as it is.
        var reuse = Generate.Arg(args, "--database");
        if (reuse is not null) sizes = [sizes[^1]];
        foreach (var size in sizes)
        {
            var (database, connection) = await BenchTools.DatabaseAsync(admin, reuse, "diagbench", size);
            try
            {
                var sw = Stopwatch.StartNew();
                if (reuse is null) await SeedAsync(connection, size);
                Console.WriteLine($"{size,10} {"(generated in " + sw.Elapsed.TotalSeconds.ToString("F0") + " s)",-34}");
                ok &= await InProcessAsync(connection, size, requests);
                ok &= await ThroughHttpAsync(connection, size, requests, port);
            }
            finally
            {
                NpgsqlConnection.ClearAllPools();
                if (keep || reuse is not null) Console.WriteLine($"kept database {database}");
                else await BenchTools.ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }
        Console.WriteLine($"load average at end: {BenchTools.Load()}");
        Console.WriteLine(ok ? "OK: every median under 100 ms" : "NOT OK: a median is 100 ms or more");
        return ok ? 0 : 1;
    }

    /// <summary>N enterprises over Changchun's districts, 40 providers, every enterprise assigned and diagnosed: 30 % in
    /// progress (a third of those past their term), 15 % submitted, 10 % returned, 45 % accepted.</summary>
    private static async Task SeedAsync(string connection, int count)
    {
        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(DatabaseProvider.PostgreSql, connection).Apply(options);
        await using (var db = new DxPilotDbContext(options.Options, new AuditContext()))
            await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync();
        var programme = ProgrammeCatalog.LoadFolder(Path.Combine(Repo.Root, "config", "programmes")).Get(Programme);
        var rules = programme.Diagnosis!;
        var faker = new Faker("zh_CN") { Random = new Randomizer(20261126) };
        var city = new Actor("bench-city", "长春市工信局", Role.CityBureau, Programme);
        var green = new DiagnosisChecklist(DiagnosisChecklist.Keys.Select(k => new ChecklistItem(k, k, ChecklistStage.Submission, true, "")).ToList());
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);

        var providers = Enumerable.Range(1, 40).Select(i => new Organisation { ProgrammeId = Programme, Name = $"长春数字化服务商{i:D2}有限公司", Kind = OrganisationKind.ServiceProvider }).ToList();
        await using (var db = new DxPilotDbContext(options.Options, new AuditContext()))
        {
            db.Organisations.AddRange(providers);
            await db.SaveChangesAsync();
        }
        const int batch = 2000;
        for (var done = 0; done < count; done += batch)
        {
            await using var db = new DxPilotDbContext(options.Options, new AuditContext());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var industry = faker.PickRandom(programme.Industries.ToList());
                var e = Enterprise.Register(programme, new EnterpriseDetails
                {
                    Name = $"长春{faker.Random.String2(2, "华恒瑞泰鑫达宏明兴盛安康信德正通天元金海")}{i}制造有限公司", Uscc = Generate.Uscc(i),
                    District = faker.PickRandom(programme.Districts.Names.ToList()), IndustryKey = industry.Key,
                }, now);
                db.Enterprises.Add(e);
                var provider = providers[i % providers.Count];
                db.Assignments.Add(AssignmentPolicy.Assign(DxPilot.Domain.Accounts.Actor.System(Programme, "测试数据"), e, provider, [], null, now.AddDays(-60)).Assignment!);
                var by = new Actor("bench-provider", provider.Name, Role.ServiceProvider, Programme, OrganisationId: provider.Id);
                var d = Diagnosis.Open(Programme, e.Id, e.District, provider.Id, by, now.AddDays(-50));
                var roll = faker.Random.Double();
                d.SignAgreement(today.AddDays(-faker.Random.Int(0, roll < 0.1 ? 60 : 29)), now);
                if (roll >= 0.30) d.Apply(rules.Chain, DiagnosisTrigger.Submit, by, null, green, now);
                if (roll is >= 0.45 and < 0.55) d.Apply(rules.Chain, DiagnosisTrigger.Return, city, "请补充", green, now);
                if (roll >= 0.55) d.Apply(rules.Chain, DiagnosisTrigger.Accept, city, "同意", green, now);
                d.Checked(roll < 0.30 ? new DiagnosisChecklist([new ChecklistItem("report", "", ChecklistStage.Submission, false, "")]) : green);
                db.Diagnoses.Add(d);
            }
            await db.SaveChangesAsync();
        }
        await BenchTools.ExecuteAsync(connection, "VACUUM ANALYZE");
    }

    private static async Task<bool> InProcessAsync(string connection, int size, int requests)
    {
        var data = Path.Combine(Path.GetTempPath(), $"dxpilot-diagbench-{Guid.NewGuid():N}");
        await using var platform = BenchTools.InProcess<DiagnosisOverview>(connection, data);
        _ = platform.Server;
        var city = new Actor("bench-city", "长春市工信局", Role.CityBureau, Programme);
        var district = city with { Role = Role.DistrictBureau, District = "朝阳区" };
        var ok = true;
        // CountAsync: the queries every time, not the page's short-lived copy.
        foreach (var (name, actor) in new[] { ("overview queries, city", city), ("overview queries, district", district) })
            ok &= Report(size, name, requests, await BenchTools.TimeAsync(requests, 10, async () =>
            {
                await using var scope = platform.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(actor);
                var progress = await scope.ServiceProvider.GetRequiredService<DiagnosisOverview>().CountAsync(actor);
                if (progress.Total.Diagnosed == 0 || (actor == city && progress.Total.Diagnosed != size)) throw new InvalidOperationException("overview counted wrong");
            }));
        ok &= Report(size, "list service, city, red=any", requests, await BenchTools.TimeAsync(requests, 10, async () =>
        {
            await using var scope = platform.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(city);
            await scope.ServiceProvider.GetRequiredService<DiagnosisService>().ListAsync(city, new DiagnosisFilter(Red: DiagnosisFilter.AnyRed), 1);
        }));
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        return ok;
    }

    private static async Task<bool> ThroughHttpAsync(string connection, int size, int requests, string port)
    {
        var url = $"http://127.0.0.1:{port}";
        var data = Path.Combine(Path.GetTempPath(), $"dxpilot-diagbench-{Guid.NewGuid():N}");
        using var process = LocalServer.Start(LocalServer.Dll(), url, data, new Dictionary<string, string>
        {
            ["Database__Provider"] = "PostgreSQL", ["ConnectionStrings__DxPilot"] = connection
        });
        try
        {
            using var http = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2) };
            await LocalServer.WaitHealthyAsync(http, process);
            await Measure.SignInWithCookie(http, "cc-city", "DxPilot#2025");
            var ok = true;
            foreach (var (name, path) in new[] { ("overview page (HTTP)", "/diagnoses/overview"), ("list page (HTTP), red=any", "/diagnoses?red=any") })
                ok &= Report(size, name, requests, await BenchTools.TimeAsync(requests, 10, async () =>
                {
                    using var r = await http.GetAsync(path);
                    r.EnsureSuccessStatusCode();
                    await r.Content.ReadAsByteArrayAsync();
                }));
            return ok;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            try { Directory.Delete(data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }


    private static bool Report(int size, string name, int requests, List<double> times)
    {
        var median = times[times.Count / 2];
        Console.WriteLine($"{size,10} {name,-34} {median,10:F1} {times[(int)(times.Count * 0.95)],8:F1}   load {BenchTools.Load()}");
        return median < 100;
    }
}
