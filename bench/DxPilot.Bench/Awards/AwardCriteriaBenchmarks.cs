using BenchmarkDotNet.Attributes;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Programmes;

namespace DxPilot.Bench.Awards;

/// <summary>
/// Issue 12's "checking all criteria of one application: under 10 ms": one 数智 application with two directions (小灯塔 with four
/// scenarios written to their limits, 创新能力 with its figures), checked as its page and its submission check it — every limit of
/// both templates and every criterion from the agency's raw inputs and options.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class AwardCriteriaBenchmarks
{
    private AwardCall _call = null!;
    private AwardApplication _application = null!;
    private AwardFacts _facts = null!;
    private DateOnly _today;

    [GlobalSetup]
    public void Setup()
    {
        var config = Path.Combine(Repo.Root, "config");
        _call = AwardCatalog.LoadFile(Path.Combine(config, "awards", "sjz-shuzhi-2025.json"), ProgrammeCatalog.LoadFolder(Path.Combine(config, "programmes")));
        var instrument = InstrumentLoader.Load(Path.Combine(config, "instruments", "miit-2024.json"));
        var lighthouse = new AwardText
        {
            Sections = { ["basics"] = new string('企', 500), ["foundation"] = new string('基', 800), ["leadership"] = new string('领', 600), ["plan"] = new string('划', 600) },
        };
        for (var i = 0; i < 4; i++)
            lighthouse.Scenarios.Add(new ScenarioText
            {
                TypicalScenario = 7 + i,
                Fields = { ["description"] = string.Concat(Enumerable.Repeat("柔性加工单元😀ab", 62)), ["painPoints"] = new string('痛', 500),
                    ["results"] = new string('效', 300), ["economics"] = new string('经', 300) },
            });
        var content = new AwardContent
        {
            Texts = { ["lighthouse"] = lighthouse, ["innovation"] = new AwardText { Sections = { ["basics"] = new string('企', 500), ["input"] = "投入",
                ["invention"] = "发明", ["drive"] = "驱动", ["collaboration"] = "协同" } } },
            Entered = { ["innovationSpendShare"] = 4.5m, ["newIp"] = 6 },
            EnteredBefore = { ["innovationSpendShare"] = 3.2m, ["newIp"] = 2 },
            IntellectualProperty = [new IpRight("发明专利", "ZL2023", new DateOnly(2023, 5, 1))],
        };
        _application = AwardApplication.Start(_call, Guid.NewGuid(), Guid.NewGuid(), "正定县", DateTime.UtcNow);
        _application.Revise(_call, ["lighthouse", "innovation"], content, DateTime.UtcNow);
        _facts = new AwardFacts
        {
            Instrument = instrument, LevelBefore = 2, LevelAfter = 3, QualityTier = QualityTier.None,
            RawInputs = new Dictionary<string, decimal> { ["生产设备数量（台）"] = 120, ["实现数字化的生产设备数量（台）"] = 80, ["实现联网的生产设备数量（台）"] = 50 },
            Choices = new Dictionary<string, IReadOnlyList<string>> { ["设备数字化"] = ["E"] },
            IntellectualProperty = content.IntellectualProperty, Entered = content.Entered, EnteredBefore = content.EnteredBefore,
        };
        _today = new DateOnly(2025, 9, 1);
        if (Check() == 0) throw new InvalidOperationException("nothing was checked");
    }

    /// <summary>Every limit and every criterion of the application's two directions.</summary>
    [Benchmark]
    public int Check()
    {
        var criteria = _application.PickedDirections.ToDictionary(key => key, IReadOnlyList<CriterionCheck> (key) =>
            AwardCriteria.Check(_call.Direction(key)!, _facts with { Text = _application.Content.TextOf(key) }, _call.TypicalScenarios, _today));
        return _application.SubmissionProblems(_call, [], criteria).Count + criteria.Values.Sum(c => c.Count);
    }
}
