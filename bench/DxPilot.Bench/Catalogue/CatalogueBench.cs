using System.Diagnostics;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Supervision;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Catalogue;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Bench.Catalogue;

/// <summary>
/// 供需适配库 at national scale (issue 13, Measure): a throwaway PostgreSQL database with one programme (Changchun's tree and
/// industries) holding P providers in the pool (2 % suspended), 5 products each (90 % approved, the rest drafts or under review),
/// each serving 1-3 of 50 of the 54 level-3 scenarios (4 left without supply) and fitting every industry or 1-2 of the four, and
/// N enterprises over the 15 districts with 1-5 needs each, their scenarios skewed (a few scenarios are asked for by many). One
/// enterprise in five is served by a provider that diagnosed it and got a satisfaction form; half the providers carry a think-tank
/// rating. Then in process, as the pages call them: MatchService.ListAsync for many enterprises, DemandMapService.MapAsync for the
/// city, a district and an industry (live, from the kept counts), a need added and removed through NeedService (what keeping the
/// counts costs a writer), the catalogue list's query (shown products in a scenario, first page by name, with its count), and
/// the priced plan of a self-test through PricedPlanService (gap of 10 scenarios). Medians and p95 in ms.
/// </summary>
public static class CatalogueBench
{
    private const string Programme = "changchun-2025";

    public static async Task<int> RunAsync(string[] args)
    {
        var admin = BenchTools.AdminConnection(args);
        var enterprises = int.Parse(Generate.Arg(args, "--enterprises") ?? "100000");
        var providers = int.Parse(Generate.Arg(args, "--providers") ?? "2000");
        var requests = int.Parse(Generate.Arg(args, "--requests") ?? "50");
        var reuse = Generate.Arg(args, "--database");
        var (database, connection) = await BenchTools.DatabaseAsync(admin, reuse, "cataloguebench", enterprises);
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average at start: {BenchTools.Load()}");
        try
        {
            var sw = Stopwatch.StartNew();
            if (reuse is null)
            {
                await BenchTools.MigrateAsync(connection);
                await SeedAsync(connection, enterprises, providers);
                Console.WriteLine($"{providers} providers × 5 products, {enterprises} enterprises with 1-5 needs generated in {sw.Elapsed.TotalSeconds:F0} s");
            }
            else await BenchTools.MigrateAsync(connection);
            return await MeasureAsync(connection, requests, planOnly: args.Contains("--plan-only")) ? 0 : 1;
        }
        finally
        {
            await BenchTools.ReleaseAsync(admin, database, keep: args.Contains("--keep") || reuse is not null);
        }
    }

    private static async Task SeedAsync(string connection, int enterpriseCount, int providerCount)
    {
        var data = Path.Combine(Path.GetTempPath(), $"dxpilot-cataloguebench-{Guid.NewGuid():N}");
        // The tree is copied the way the platform copies it on first use.
        await using (var platform = BenchTools.InProcess<MatchService>(connection, data))
            await platform.Services.GetRequiredService<ScenarioTreeSeeding>().EnsureAsync(Programme);
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }

        var programme = ProgrammeCatalog.LoadFolder(Path.Combine(Repo.Root, "config", "programmes")).Get(Programme);
        var industries = programme.Industries.Select(i => i.Key).ToList();
        var districts = programme.Districts.Names.ToList();
        var random = new Random(20261127);
        var now = DateTime.UtcNow;
        var city = new Actor("bench-city", "长春市工业和信息化局", Role.CityBureau, Programme);
        var system = Actor.System(Programme, "测试数据");
        List<string> codes;
        await using (var db = new DxPilotDbContext(BenchTools.Options(connection), new AuditContext()))
            codes = await db.CatalogueScenarios.Where(s => s.ProgrammeId == Programme && s.Level == 3).OrderBy(s => s.Code).Select(s => s.Code).ToListAsync();
        var shuffled = codes.OrderBy(_ => random.Next()).ToList();
        var supplied = shuffled.Take(codes.Count - 4).ToList();
        var context = new ProductContext(codes.ToHashSet(), new HashSet<string>(), industries.ToHashSet(), programme.Money.SpendCategories.Select(c => c.Key).ToHashSet());
        var spend = programme.Money.SpendCategories.Select(c => c.Key).ToList();

        var providerOrgs = new List<Organisation>();
        const int chunk = 500;
        for (var done = 0; done < providerCount; done += chunk)
        {
            await using var db = new DxPilotDbContext(BenchTools.Options(connection), new AuditContext());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(providerCount, done + chunk); i++)
            {
                var org = new Organisation { ProgrammeId = Programme, Name = $"数智服务商{i:D4}科技有限公司", Kind = OrganisationKind.ServiceProvider, Uscc = Generate.Uscc(5_000_000 + i) };
                providerOrgs.Add(org);
                db.Organisations.Add(org);
                var actor = new Actor($"bench-p{i}", org.Name, Role.ServiceProvider, Programme, OrganisationId: org.Id);
                var (member, errors) = PoolMember.Apply(actor, org.Id, new PoolApplicationForm(org.Name, org.Uscc, "长春市朝阳区前进大街", "张总",
                    "ISO 9001；软件企业认定", "为多家制造企业实施MES、设备联网与能耗管理", "王经理", "0431-88880000", null), now.AddDays(-200));
                if (member is null) throw new InvalidOperationException(string.Join("；", errors.Values));
                db.PoolMembers.Add(member);
                Take(db, member.Apply(PoolTrigger.Admit, city, null, now.AddDays(-190)));
                if (i % 50 == 7) Take(db, member.Apply(PoolTrigger.Suspend, city, "资质到期未更新", now.AddDays(-10)));
                for (var k = 0; k < 5; k++)
                {
                    var scenarios = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => supplied[random.Next(supplied.Count)]).Distinct().ToList();
                    var fits = random.Next(2) == 0 ? [] : industries.OrderBy(_ => random.Next()).Take(1 + random.Next(2)).ToList();
                    var low = 2 + random.Next(80);
                    var high = random.Next(3) == 0 ? low + random.Next(1, 40) : (int?)null;
                    var form = new ProductForm($"{org.Name[..9]}方案{k + 1}", "面向离散制造企业的成熟方案，支持云端部署与本地实施，含实施培训与一年运维。",
                        scenarios, fits, $"{low}.00", high is null ? null : $"{high}.00", random.Next(2) == 0, $"{30 + random.Next(120)}", random.Next(2) == 0,
                        spend[random.Next(spend.Count)]);
                    var (product, problems) = CatalogueProduct.Create(Programme, org.Id, form, context, now.AddDays(-180));
                    if (product is null) throw new InvalidOperationException(string.Join("；", problems.Values));
                    db.CatalogueProducts.Add(product);
                    var roll = random.Next(20);
                    if (roll == 0) continue;
                    Take(db, product.Apply(ProductTrigger.Submit, actor, null, new ProductCase(product, true, []), now.AddDays(-170)));
                    if (roll == 1) continue;
                    Take(db, product.Apply(ProductTrigger.Approve, city, null, new ProductCase(product, true, []), now.AddDays(-160)));
                }
                if (i % 2 == 0) db.SupervisionRatings.Add(Rating(programme, org.Id, random, now));
            }
            await db.SaveChangesAsync();
        }

        // Needs skewed over the scenarios: the k-th most asked about is chosen about 1/(k+1) as often as the first.
        var weights = shuffled.Select((_, k) => 1.0 / (k + 1)).ToArray();
        var total = weights.Sum();
        string Pick()
        {
            var x = random.NextDouble() * total;
            for (var k = 0; k < weights.Length; k++) if ((x -= weights[k]) <= 0) return shuffled[k];
            return shuffled[^1];
        }
        var active = codes.ToHashSet();
        for (var done = 0; done < enterpriseCount; done += 2000)
        {
            await using var db = new DxPilotDbContext(BenchTools.Options(connection), new AuditContext());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(enterpriseCount, done + 2000); i++)
            {
                var e = Enterprise.Register(programme, new EnterpriseDetails
                {
                    Name = $"长春{(char)('甲' + i % 10)}{i}制造有限公司", Uscc = Generate.Uscc(i), District = districts[i % districts.Count],
                    IndustryKey = industries[i % industries.Count], Employees = 50 + i % 400, RevenueWan = 2000 + i % 20000, AboveScale = i % 3 != 0,
                    Ownership = Ownership.Private,
                }, now);
                db.Enterprises.Add(e);
                var owner = new Actor($"bench-e{i}", e.Name, Role.Enterprise, Programme, e.District, e.Id);
                for (var n = 1 + random.Next(5); n > 0; n--)
                {
                    var budget = random.Next(5) < 3 ? $"{5 + random.Next(60)}" : null;
                    var (need, errors) = EnterpriseNeed.Write(owner, e.Id, new NeedForm(Pick(), "生产计划靠人工排定，插单频繁导致交期延误，需要数字化排产。", "交期达成率不足85%",
                        (NeedPriority)(1 + random.Next(3)), budget), active, null, now.AddDays(-random.Next(100)));
                    if (need is null) throw new InvalidOperationException(string.Join("；", errors.Values));
                    db.EnterpriseNeeds.Add(need);
                }
                if (i % 5 != 0) continue;
                var provider = providerOrgs[random.Next(providerOrgs.Count)];
                db.Assignments.Add(AssignmentPolicy.Assign(system, e, provider, [], null, now.AddDays(-120)).Assignment!);
                var diagnosis = Diagnosis.Open(Programme, e.Id, e.District, provider.Id, system, now.AddDays(-110));
                db.Diagnoses.Add(diagnosis);
                var rated = (Rating)(2 + random.Next(3));
                db.DiagnosisSatisfactions.Add(DiagnosisSatisfaction.Submit(diagnosis, [rated, rated, rated, rated, rated],
                    (OverallSatisfaction)(1 + random.Next(3)), Adoption.Adopted, null, e.Name, now.AddDays(-30)));
            }
            await db.SaveChangesAsync();
        }
        // The generator writes around the platform's change tracker (no interceptors on its contexts), so the demand map's kept
        // counts are rebuilt from the needs once, as `catalogue recount` does.
        await using (var db = new DxPilotDbContext(BenchTools.Options(connection), new AuditContext()))
            Console.WriteLine($"demand counts rebuilt from the needs: {await DemandRecount.RunAsync(db)} rows");
        await BenchTools.ExecuteAsync(connection, "VACUUM ANALYZE");
    }

    private static void Take<T>(DxPilotDbContext db, Domain.Workflow.TransitionResult<T> result) where T : struct, Enum
    {
        if (!result.Taken) throw new InvalidOperationException(result.Refusal?.Message);
        db.StateTransitions.Add(result.Record!);
    }

    private static SupervisionRating Rating(Domain.Programmes.Programme programme, Guid providerId, Random random, DateTime now)
    {
        var thinkTank = new Actor("bench-thinktank", "长春智库", Role.ThinkTank, Programme);
        var criteria = programme.Supervision!.CriteriaFor(RatedKind.Provider);
        var scores = criteria.ToDictionary(c => c.Key, c => (int?)(c.Range.Min + random.Next(c.Range.Max - c.Range.Min + 1)));
        return SupervisionRating.Rate(thinkTank, "长春智库", RatedKind.Provider, providerId, criteria, scores, null, now);
    }

    private static async Task<bool> MeasureAsync(string connection, int requests, bool planOnly)
    {
        var data = Path.Combine(Path.GetTempPath(), $"dxpilot-cataloguebench-{Guid.NewGuid():N}");
        // Every figure computed on every call (no freshness window for the match): what the database costs. The window is measured
        // apart, below; the demand map has none.
        await using var platform = BenchTools.InProcess<MatchService>(connection, data)
            .WithWebHostBuilder(b => b.UseSetting("Catalogue:FreshSeconds", "0"));
        _ = platform.Server;
        var city = new Actor("bench-city", "长春市工业和信息化局", Role.CityBureau, Programme);
        List<(Guid Id, int Needs)> sample;
        int products, shown, needs;
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            // Enterprises spread over the file, and the ones with the most needs (5): the longest lists.
            sample = await db.EnterpriseNeeds.GroupBy(n => n.EnterpriseId).Select(g => new { g.Key, Count = g.Count() })
                .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(requests * 4).Select(g => new ValueTuple<Guid, int>(g.Key, g.Count)).ToListAsync();
            products = await db.CatalogueProducts.CountAsync();
            shown = await ShownProducts.In(db, Programme).CountAsync();
            needs = await db.EnterpriseNeeds.CountAsync();
        }
        Console.WriteLine($"{products} products ({shown} shown), {needs} needs");
        if (planOnly) return await PricedPlanAsync(platform, sample[0].Id, requests);
        var ok = true;
        var next = 0;
        var listed = new List<int>();
        Report("match list, 5 needs, computed every call", 50, await BenchTools.TimeAsync(requests, 5, CountingCpu(async () =>
        {
            var (id, _) = sample[next++ % sample.Count];
            await using var scope = platform.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(city);
            var list = await scope.ServiceProvider.GetRequiredService<MatchService>().ListAsync(city, id, null, 1);
            if (!list.IsOk) throw new InvalidOperationException("match refused");
            listed.Add(list.Value!.AllMatches);
        })));
        listed.Sort();
        Console.WriteLine($"  products ranked per enterprise: median {listed[listed.Count / 2]}, largest {listed[^1]}");

        var district = city with { Role = Role.DistrictBureau, District = "朝阳区", Name = "朝阳区工业和信息化局" };
        foreach (var (name, actor, filter) in new[]
                 {
                     ("demand map, city", city, DemandFilter.None),
                     ("demand map, one district", district, DemandFilter.None),
                     ("demand map, city, one industry", city, new DemandFilter("汽车零部件配件制造", null)),
                 })
            ok &= Report(name + ", live", 100, await BenchTools.TimeAsync(requests, 3, CountingCpu(async () =>
            {
                await using var scope = platform.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(actor);
                var map = await scope.ServiceProvider.GetRequiredService<DemandMapService>().MapAsync(actor, filter);
                if (!map.IsOk) throw new InvalidOperationException("map refused");
            })));

        // What keeping the counts costs a writer: a need added and removed through NeedService by the enterprise itself, its cells
        // moved in the same transaction (DemandCounter).
        var written = 0;
        Report("a need added then removed (with its counts)", 100, await BenchTools.TimeAsync(requests, 3, CountingCpu(async () =>
        {
            var (id, _) = sample[written++ % sample.Count];
            var owner = new Actor($"bench-e-{id:N}"[..20], "基准企业", Role.Enterprise, Programme, null, id);
            await using var scope = platform.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(owner);
            var needs = scope.ServiceProvider.GetRequiredService<NeedService>();
            var added = await needs.AddAsync(owner, id, new NeedForm("2.1.1", "插单频繁导致交期延误", null, NeedPriority.High, null));
            if (!added.IsOk) throw new InvalidOperationException("need refused");
            if (!(await needs.RemoveAsync(owner, id, added.Value!.Id, added.Value.Version)).IsOk) throw new InvalidOperationException("removal refused");
        })));
        await using (var scope = platform.Services.CreateAsyncScope())
            Console.WriteLine($"  recount after the writes: {await DemandRecount.RunAsync(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>())} rows corrected");

        // As served: the default freshness window (5 s) of the match's provider figures, shared by the readers within it.
        await using (var served = BenchTools.InProcess<MatchService>(connection, data + "-served"))
        {
            _ = served.Server;
            ok &= Report("match list, 5 needs, served (5 s window)", 50, await BenchTools.TimeAsync(requests, 5, CountingCpu(async () =>
            {
                var (id, _) = sample[next++ % sample.Count];
                await using var scope = served.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(city);
                if (!(await scope.ServiceProvider.GetRequiredService<MatchService>().ListAsync(city, id, null, 1)).IsOk) throw new InvalidOperationException("match refused");
            })));
        }

        ok &= Report("catalogue list: a scenario, first page + count", 50, await BenchTools.TimeAsync(requests, 3, CountingCpu(async () =>
        {
            await using var scope = platform.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var bar = Bars.Member("2.1.1").Trim('%');
            var q = ShownProducts.In(db, Programme).AsNoTracking().Where(p => p.Scenarios.Contains(bar));
            _ = await q.CountAsync();
            _ = await q.OrderBy(p => p.Name).ThenBy(p => p.Id).Take(50).ToListAsync();
        })));
        ok &= await PricedPlanAsync(platform, sample[0].Id, requests);
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        Console.WriteLine($"load average at end: {BenchTools.Load()}");
        Console.WriteLine(ok ? "OK: every target met" : "NOT OK: a target is missed (see above)");
        return ok;
    }

    /// <summary>
    /// The priced plan as the page and the API compute it (<see cref="PricedPlanService.ForAssessmentAsync"/>: the assessment in
    /// scope, the tree, the shown products, the plan), for an enterprise's self-test at 一级 whose gap to 四级 is 10 scenarios: every
    /// question at its top option and every scenario at 一级 (四级 needs 10 scenarios, 6 of them constrained — seed 002 表6).
    /// </summary>
    private static async Task<bool> PricedPlanAsync(WebApplicationFactory<MatchService> platform, Guid enterpriseId, int requests)
    {
        var owner = new Actor($"bench-e-{enterpriseId:N}"[..20], "基准企业", Role.Enterprise, Programme, null, enterpriseId);
        Guid assessment;
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(owner);
            var scenarios = InstrumentLoader.Load(Path.Combine(Repo.Root, "config", "instruments", "miit-2024.json")).Scenarios;
            var created = await scope.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(owner, enterpriseId, new AssessmentInput
            {
                Instrument = "miit-2024", Stage = AssessmentStage.SelfTest, AssessedOn = "2025-07-16", Answers = TopAnswers,
                Scenarios = scenarios.ToDictionary(s => s.Name, _ => 1),
            });
            if (!created.IsOk) throw new InvalidOperationException(created.Message + string.Join("；", created.Errors.Values));
            assessment = created.Value!.Id;
        }
        // What the database part costs: the products read for this gap and industry, as the service reads them.
        var serving = new List<string>();
        var industry = "";
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(owner);
            var view = (await scope.ServiceProvider.GetRequiredService<PricedPlanService>().ForAssessmentAsync(owner, assessment, 4, [])).Value!;
            var raised = view.Plan.Scenarios.Select(s => s.MiitScenario).ToHashSet();
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            serving = (await db.CatalogueScenarios.Where(s => s.ProgrammeId == Programme && s.Level == 3 && s.RetiredAt == null)
                .Select(s => new { s.Code, s.MiitScenarios }).ToListAsync()).Where(s => Bars.Split(s.MiitScenarios).Any(raised.Contains)).Select(s => s.Code).ToList();
            industry = view.Enterprise.IndustryKey;
        }
        var read = 0;
        Report("priced plan: the products it reads (query alone)", 20, await BenchTools.TimeAsync(requests, 5, CountingCpu(async () =>
        {
            await using var scope = platform.Services.CreateAsyncScope();
            read = (await scope.ServiceProvider.GetRequiredService<PricedPlanService>().OffersAsync(Programme, industry, serving)).Count;
        })));
        Console.WriteLine($"  {read} products read of the shown, for {serving.Count} level-3 scenarios");
        PricedPlan? plan = null;
        var ok = Report("priced plan, gap of 10 scenarios to 四级 (service)", 20, await BenchTools.TimeAsync(requests, 5, CountingCpu(async () =>
        {
            await using var scope = platform.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(owner);
            var computed = await scope.ServiceProvider.GetRequiredService<PricedPlanService>().ForAssessmentAsync(owner, assessment, 4, []);
            plan = computed.Value?.Plan ?? throw new InvalidOperationException("plan refused: " + computed.Message);
        })));
        Console.WriteLine($"  {plan!.Scenarios.Count} scenarios, {plan.Products.Count} products bought, {plan.AtHighPrice.TotalWan:0.00}万元, "
            + $"{plan.Scenarios.Count(s => s.NoProduct is not null)} without supply");
        return ok;
    }

    /// <summary>Every MIIT-2024 question at its top option (100 points).</summary>
    private static readonly Dictionary<string, List<string>> TopAnswers = new()
    {
        ["网络建设"] = ["B", "C", "D", "E"], ["设备数字化"] = ["E"], ["设备联网"] = ["E"],
        ["数据采集"] = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"], ["信息系统"] = ["E"],
        ["网络安全"] = ["B", "C", "D", "E"], ["数据安全"] = ["B", "C", "D", "E"], ["规划实施"] = ["F"], ["管理机制"] = ["B", "C", "D", "E"],
        ["人才建设"] = ["B", "C", "D", "E", "F"], ["资金保障"] = ["E"], ["绿色低碳"] = ["C"], ["产品质量"] = ["C"], ["市场表现"] = ["C"], ["价值效益"] = ["C"],
    };

    /// <summary>The bench process's CPU per call (the platform's share; the database's is not in it), median of the last run: on a
    /// machine shared at a load of 20 on 2 cores the wall time is mostly waiting for a core.</summary>
    private static readonly List<double> Cpu = [];

    private static Func<Task> CountingCpu(Func<Task> run) => async () =>
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        await run();
        Cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds);
    };

    private static bool Report(string name, double target, List<double> times)
    {
        var median = times[times.Count / 2];
        Cpu.Sort();
        var cpu = Cpu.Count == 0 ? "" : $"  process CPU {Cpu[Cpu.Count / 2],6:F1} ms";
        Cpu.Clear();
        Console.WriteLine($"{name,-52} median {median,8:F1} ms  p95 {times[(int)(times.Count * 0.95)],8:F1} ms{cpu}  (target {target} ms)  load {BenchTools.Load()}");
        return median < target;
    }
}
