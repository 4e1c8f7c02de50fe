using System.Diagnostics;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Reviews;
using DxPilot.Domain.Filings.Contracts;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxPilot.Bench.Filings;

/// <summary>
/// 改造项目备案 at scale (issue 10, Measure): a throwaway PostgreSQL database with N Hangzhou filings over the districts, moved
/// through the chain by the domain (1-3 submitted versions each, their transitions, an expert review for those at the city),
/// then in process: the queues (queue=mine) of a district and the city, a filtered list (search + state + district), and
/// 附件5 for about 10,000 filings with its time, the process's peak working set and the bytes allocated. Medians in ms.
/// </summary>
public static class FilingBench
{
    private const string Programme = "hangzhou-2024";

    public static async Task<int> RunAsync(string[] args)
    {
        var admin = BenchTools.AdminConnection(args);
        var size = int.Parse(Generate.Arg(args, "--filings") ?? "100000");
        var requests = int.Parse(Generate.Arg(args, "--requests") ?? "50");
        var reuse = Generate.Arg(args, "--database");
        // With --database only: the 附件5 exports alone in this fresh process, so that its peak working set is theirs.
        var annex5Only = args.Contains("--annex5-only");
        if (annex5Only && reuse is null) throw new ArgumentException("--annex5-only measures a kept database: add --database NAME");
        var (database, connection) = await BenchTools.DatabaseAsync(admin, reuse, "filingbench", size);
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average at start: {BenchTools.Load()}");
        try
        {
            var sw = Stopwatch.StartNew();
            if (reuse is null) await SeedAsync(connection, size);
            if (reuse is null) Console.WriteLine($"{size} filings generated in {sw.Elapsed.TotalSeconds:F0} s");
            return await MeasureAsync(connection, requests, annex5Only) ? 0 : 1;
        }
        finally
        {
            await BenchTools.ReleaseAsync(admin, database, keep: args.Contains("--keep") || reuse is not null);
        }
    }

    /// <summary>
    /// N enterprises and one filing each over the districts: 15 % drafts, 25 % in 区县初审, 15 % returned, 30 % in 市级审核 (an
    /// expert assigned), 10 % filed (its expert's review in: the 附件5 export's 10,000 at N = 100,000), 5 % rejected; a filing
    /// past the district may have been returned once or twice before (2-3 versions).
    /// </summary>
    private static async Task SeedAsync(string connection, int count)
    {
        await BenchTools.MigrateAsync(connection);
        var programme = ProgrammeCatalog.LoadFolder(Path.Combine(Repo.Root, "config", "programmes")).Get(Programme);
        var rules = programme.Filing!;
        var districts = programme.Districts.Names.ToList();
        var random = new Random(20261126);
        var now = DateTime.UtcNow;
        var city = new Actor("bench-city", "杭州市经信局", Role.CityBureau, Programme);
        var expert = new Actor("bench-expert", "王专家", Role.Expert, Programme);
        var scores = rules.ReviewForm!.Items.ToDictionary(i => i.Key, i => i.MaxScore * 4 / 5);
        const int batch = 2000;
        for (var done = 0; done < count; done += batch)
        {
            await using var db = new DxPilotDbContext(BenchTools.Options(connection), new AuditContext());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var district = districts[i % districts.Count];
                var e = Enterprise.Register(programme, new EnterpriseDetails
                {
                    Name = $"杭州{(char)('甲' + i % 10)}{i}科技有限公司", Uscc = Generate.Uscc(i), District = district, IndustryKey = "汽车零部件",
                    IndustryCode = "3670", Employees = 100 + i % 200, RevenueWan = 3000 + i % 5000, MainProducts = "汽车零部件",
                }, now);
                db.Enterprises.Add(e);
                var owner = new Actor($"bench-e{i}", e.Name, Role.Enterprise, Programme, district, e.Id);
                var districtBureau = new Actor($"bench-{district}", $"{district}经信局", Role.DistrictBureau, Programme, district);
                var at = now.AddDays(-random.Next(1, 300)).AddMinutes(i % 1440);
                var f = Filing.Start(Programme, e.Id, district, owner, at);
                f.Edit(Answers(i), rules.Form, district, at);
                db.Filings.Add(f);
                // One or two service contracts (附件2), entered with the draft as the enterprise and its providers would.
                var contracts = Enumerable.Range(0, 1 + i % 2).Select(n => ServiceContract.Draft(f, Contract(i, n), null, owner.Name, at)).ToList();
                db.ServiceContracts.AddRange(contracts);
                var providers = contracts.Select(c => new FilingProvider(c.ProviderName, c.ProviderUscc, c.ProviderLegalRepresentative,
                    c.ProviderContact, c.ProviderPhone, c.Name, c.Number, c.SignedOn, c.TotalYuan, c.Work, Signed: false)).ToList();
                var roll = random.NextDouble();
                if (roll < 0.15) continue;
                var basics = FilingBasics.Read(rules.Form, e, programme);
                var returns = roll >= 0.55 ? random.Next(0, 3) : 0;
                var tally = new ExpertTally(rules.ExpertsRequired, 0, 0);
                void Take(FilingTrigger trigger, Actor actor, string? reason)
                {
                    at = at.AddHours(random.Next(2, 72));
                    var result = f.Apply(rules.Chain, trigger, actor, reason, new FilingCase(f, [], tally), (false, false), at);
                    if (!result.Taken) throw new InvalidOperationException($"{trigger}: {result.Refusal?.Message}");
                    db.StateTransitions.Add(result.Record!);
                    if (trigger == FilingTrigger.Submit) db.FilingVersions.Add(FilingVersion.Freeze(f, basics, providers, owner.Name, at));
                }
                Take(FilingTrigger.Submit, owner, null);
                for (var r = 0; r < returns; r++)
                {
                    Take(FilingTrigger.Return, districtBureau, "请补充实施方案");
                    f.Edit(new Dictionary<string, string?> { ["investment"] = (100 + r).ToString() }, rules.Form, district, at);
                    Take(FilingTrigger.Submit, owner, null);
                }
                if (roll < 0.40) continue;
                if (roll < 0.55) { Take(FilingTrigger.Return, districtBureau, "请补充实施方案"); continue; }
                Take(FilingTrigger.Pass, districtBureau, "同意报送");
                var review = FilingExpertReview.Assign(f, expert.UserId, expert.Name, city.Name, at);
                db.FilingExpertReviews.Add(review);
                if (roll < 0.85) continue;
                review.Submit(scores, Recommendation.Pass, "建议备案", at.AddHours(5));
                tally = new ExpertTally(rules.ExpertsRequired, 1, 1);
                Take(roll < 0.95 ? FilingTrigger.Confirm : FilingTrigger.Reject, city, roll < 0.95 ? "同意备案" : "不予备案");
            }
            await db.SaveChangesAsync();
        }
        await BenchTools.ExecuteAsync(connection, "VACUUM ANALYZE");
    }

    /// <summary>The <paramref name="n"/>th contract of filing <paramref name="i"/>: three lines, 10-60万元 in all.</summary>
    private static ContractInput Contract(int i, int n) => new()
    {
        Number = $"HZ-{i}-{n + 1}", Name = n == 0 ? "数字化车间改造服务合同" : "设备联网服务合同", SignedOn = new DateOnly(2025, 1, 5),
        PeriodStart = new DateOnly(2025, 1, 1), PeriodEnd = new DateOnly(2025, 12, 1), ProviderName = $"杭州服务商{(i + n) % 40}有限公司",
        ProviderUscc = Generate.Uscc(1_000_000 + (i + n) % 40), ProviderContact = "吴经理", ProviderPhone = "0571-88880000",
        FirstPaymentPercent = 50, Work = n == 0 ? "MES实施" : "设备联网",
        Lines =
        [
            new() { Name = "制造执行系统（MES）软件许可", UnitPriceYuan = 60_000m + i % 200 * 1000m, Quantity = 1 },
            new() { Name = "实施与集成服务", UnitPriceYuan = 1_500m, Quantity = 20 + i % 60 },
            new() { Name = "工业数据采集网关", UnitPriceYuan = 3_800m, Quantity = 1 + i % 5 },
        ],
    };

    private static Dictionary<string, string?> Answers(int i) => new()
    {
        ["selfTest"] = "1", ["targetLevel"] = "2", ["intro"] = "主导产品为汽车零部件，已有ERP。", ["projectName"] = $"数字化车间改造项目{i}",
        ["period.start"] = "2025-01", ["period.end"] = "2025-12", ["scenarios"] = "生产制造\n供应链", ["cloudPlan"] = "业务系统上云",
        ["investment"] = "120.50", ["plan"] = "建设MES系统并实现关键设备联网，打通ERP与MES的数据。", ["declaration"] = "true",
    };

    private static async Task<bool> MeasureAsync(string connection, int requests, bool annex5Only)
    {
        var data = Path.Combine(Path.GetTempPath(), $"dxpilot-filingbench-{Guid.NewGuid():N}");
        await using var platform = BenchTools.InProcess<FilingService>(connection, data);
        _ = platform.Server;
        var city = new Actor("bench-city", "杭州市经信局", Role.CityBureau, Programme);
        var district = city with { Role = Role.DistrictBureau, District = "滨江区" };
        var ok = true;
        var started = PeakWorkingSetMb();
        foreach (var (name, actor, filter) in annex5Only ? [] : new[]
                 {
                     ("queue=mine, district", district, new FilingFilter(Mine: true)),
                     ("queue=mine, city", city, new FilingFilter(Mine: true)),
                     ("search+state+district, city", city, new FilingFilter(Search: "甲", State: FilingStatus.Filed, District: "西湖区")),
                 })
            ok &= Report(name, 50, await BenchTools.TimeAsync(requests, 5, async () =>
            {
                await using var scope = platform.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(actor);
                var page = await scope.ServiceProvider.GetRequiredService<FilingService>().ListAsync(actor, filter, 1);
                if (!page.IsOk) throw new InvalidOperationException("list refused");
            }));

        // 附件5 of the city's filed filings (about 10,000 at 100,000 generated … see the count printed).
        var exportFilter = new FilingFilter(State: FilingStatus.Filed, District: null);
        var times = new List<double>();
        var allocations = new List<long>();
        long rows = 0, bytes = 0;
        for (var run = 0; run < 5; run++)
        {
            await using var scope = platform.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(city);
            var export = scope.ServiceProvider.GetRequiredService<Annex5Export>();
            using var output = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 65536, FileOptions.DeleteOnClose);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            await export.WriteAsync(output, city, exportFilter, CancellationToken.None);
            times.Add(sw.Elapsed.TotalMilliseconds);
            allocations.Add(GC.GetTotalAllocatedBytes(precise: true) - before);
            bytes = output.Length;
        }
        var peak = PeakWorkingSetMb();
        await using (var scope = platform.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            rows = await db.Filings.CountAsync(f => f.Status == FilingStatus.Filed);
        }
        times.Sort();
        allocations.Sort();
        Console.WriteLine($"附件5, {rows} filed filings: median {times[times.Count / 2]:F0} ms of 5 (min {times[0]:F0}, max {times[^1]:F0}), file {bytes / 1024} KB, "
                          + $"allocated {allocations[allocations.Count / 2] / 1024 / 1024} MB per export (median), "
                          + $"process peak working set {peak} MB (VmHWM; {started} MB when the platform had started"
                          + (annex5Only ? ", nothing but the exports after that)" : ", then the list calls and the exports)"));
        ok &= times[times.Count / 2] < 2000 && peak < 300;
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        Console.WriteLine($"load average at end: {BenchTools.Load()}");
        Console.WriteLine(ok ? "OK: every target met" : "NOT OK: a target is missed (see above)");
        return ok;
    }


    /// <summary>
    /// The process's peak resident set so far (VmHWM), in MB: the kernel's own high-water mark, which nothing resets, hence a
    /// fresh process per measurement. Off Linux, what .NET reports as the peak working set.
    /// </summary>
    private static long PeakWorkingSetMb()
    {
        if (File.Exists("/proc/self/status"))
            foreach (var line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0]) / 1024;
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64 / 1024 / 1024;
    }

    private static bool Report(string name, double target, List<double> times)
    {
        var median = times[times.Count / 2];
        Console.WriteLine($"{name,-34} median {median,8:F1} ms  p95 {times[(int)(times.Count * 0.95)],8:F1} ms  (target {target} ms)  load {BenchTools.Load()}");
        return median < target;
    }
}
