using BenchmarkDotNet.Attributes;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Tests.Catalogue;
using DxPilot.Infrastructure.Programmes;

namespace DxPilot.Bench.Catalogue;

/// <summary>
/// Issue 13's "the cheapest priced plan for a gap of up to 10 scenarios in under 20 ms": a generated national catalogue of
/// 10,000 approved products from 2,000 providers over 70 level-3 scenarios mapped to the 16 MIIT-2024 scenarios (1-3 scenarios
/// per product, 0.5-80万元, a third priced as a range); the cheapest cover alone and the whole priced plan for a gap of 10
/// scenarios, the cover of all 16, and the DP against the tests' brute force on 14 offers.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class PricedPlanBenchmarks
{
    public const int Products = 10_000, Providers = 2_000, Level3Scenarios = 70;

    private Dictionary<string, IReadOnlyList<string>> _miitByLevel3 = [];
    private Dictionary<string, string> _level3Names = [];
    private List<CatalogueOffer> _catalogue = [];
    private List<CoverOffer> _covers = [];
    private GapPlan _gap = null!;
    private MoneyRules _money = null!;
    private List<string> _gapScenarios = [], _all = [], _smallItems = [];
    private List<CoverOffer> _small = [];

    [GlobalSetup]
    public void Setup()
    {
        var config = Path.Combine(Repo.Root, "config");
        _money = ProgrammeCatalog.LoadFile(Path.Combine(config, "programmes", "changchun-2025.json")).Money;
        var scenarios = InstrumentLoader.Load(Path.Combine(config, "instruments", "miit-2024.json")).Scenarios;
        _all = scenarios.Select(s => s.Name).ToList();
        var random = new Random(13);

        // n = 0..69 → 1-4 . 1-5 . 1-4, each raising the MIIT scenario n % 16 (so every one has supply) and a third a second one.
        var miit = new Dictionary<string, IReadOnlyList<string>>();
        var names = new Dictionary<string, string>();
        for (var n = 0; n < Level3Scenarios; n++)
        {
            var code = $"{1 + n % 4}.{1 + n / 4 % 5}.{1 + n / 20}";
            miit[code] = n % 3 == 0 ? [_all[n % 16], _all[(n * 7 + 3) % 16]] : [_all[n % 16]];
            names[code] = $"三级场景{code}";
        }
        (_miitByLevel3, _level3Names) = (miit, names);
        var codes = miit.Keys.ToList();
        var categories = _money.SpendCategories.Select(c => c.Key).ToList();
        for (var i = 0; i < Products; i++)
        {
            var low = random.Next(1, 161) * 0.5m;
            var high = random.Next(3) == 0 ? low + random.Next(0, 161 - (int)(low * 2) + 1) * 0.5m : low;
            var provider = i % Providers;
            _catalogue.Add(new CatalogueOffer(Guid.NewGuid(), $"产品{i:00000}", $"服务商{provider:0000}", new Guid(provider + 1, 0, 0, new byte[8]),
                low, high, random.Next(4) != 0, categories[random.Next(categories.Count)],
                codes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList()));
        }
        _covers = _catalogue.Select(o => new CoverOffer(o.ProductId, o.Name, o.ProviderName, o.PriceLowWan, o.PriceHighWan,
            o.Level3Codes.SelectMany(c => miit[c]).ToHashSet())).ToList();

        var raised = scenarios.OrderBy(_ => random.Next()).Take(10).ToList();
        _gapScenarios = raised.Select(s => s.Name).ToList();
        _gap = new GapPlan(3, false, true, raised.Select(s => new GapChange(GapChangeKind.Scenario, s.Name, 0, s.Constrained, s.Name, [], [])).ToList(),
            "", new IndexedSheet([], []));

        // 14 offers of 1-4 of the gap's 10 scenarios, on a 0.5万 grid: the size where trying every subset is still possible.
        _smallItems = _gapScenarios;
        _small = Enumerable.Range(0, 14).Select(i => new CoverOffer(Guid.NewGuid(), $"小{i:00}", "服务商", 0, random.Next(1, 41) * 0.5m,
            _smallItems.OrderBy(_ => random.Next()).Take(random.Next(1, 5)).ToHashSet()))
            .Select(o => o with { PriceLowWan = o.PriceHighWan }).ToList();

        if (Dp14() != BruteForce14()) throw new InvalidOperationException("the DP and the brute force disagree");
        if (!PricedPlan10().Complete) throw new InvalidOperationException("the generated catalogue does not cover the gap");
    }

    [Benchmark]
    public decimal Cover10() => CheapestCover.Find(_gapScenarios, _covers).TotalHighWan;

    [Benchmark]
    public decimal Cover16() => CheapestCover.Find(_all, _covers).TotalHighWan;

    [Benchmark]
    public PricedPlan PricedPlan10() => PricedPlanner.Plan(_gap, _miitByLevel3, _level3Names, _catalogue, _money, false);

    [Benchmark]
    public decimal Dp14() => CheapestCover.Find(_smallItems, _small).TotalHighWan;

    [Benchmark]
    public decimal BruteForce14() => BruteForceCover.Solve(_smallItems, _small).TotalHighWan;
}
