using BenchmarkDotNet.Attributes;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Assessments;

namespace DxPilot.Bench.Documents;

/// <summary>Writing the Word result of one assessment (issue 7: under 200 ms): 表7, the radar drawn to PNG, 表8 and 表6.
/// The radar alone is measured too, since it is the part with native code and fonts.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DocumentBenchmarks
{
    private Instrument _instrument = null!;
    private Enterprise _enterprise = null!;
    private Assessment _assessment = null!;

    [GlobalSetup]
    public void Setup()
    {
        _instrument = InstrumentLoader.Load(Path.Combine(Repo.Root, "config", "instruments", "miit-2024.json"));
        var programme = ProgrammeCatalog.LoadFile(Path.Combine(Repo.Root, "config", "programmes", "hangzhou-2024.json"));
        var form = new EnterpriseForm { Name = "杭州基准测试精密制造有限公司", Uscc = "91330108MA2BENCH0R", District = "滨江区", Industry = "通信设备制造", FoundedOn = "2015-03-01" };
        var checkedForm = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
        _enterprise = Enterprise.Register(programme, checkedForm.Details ?? throw new InvalidOperationException(string.Join("；", checkedForm.Errors.Values)), DateTime.UtcNow);

        // A mid-range sheet: every question at its second option, scenarios spread over the levels, so shortfalls are written too.
        var answers = new AssessmentAnswers();
        foreach (var q in _instrument.Questions) answers.Choices[q.Name] = [q.Options[Math.Min(1, q.Options.Count - 1)].Key];
        foreach (var s in _instrument.Scenarios) answers.Scenarios[s.Name] = s.Index % (LevelRule.MaxLevel + 1);
        var outcome = new Scorer(_instrument).Assess(answers.ToSheet());
        var result = outcome.Result ?? throw new InvalidOperationException(AssessmentProblem.Errors(outcome.Problems));
        var actor = new Actor("bench", _enterprise.Name, Role.Enterprise, programme.Id, EnterpriseId: _enterprise.Id);
        _assessment = Assessment.Record(programme.Id, _enterprise.Id, _instrument, AssessmentStage.SelfTest, actor, AssessorKind.Enterprise,
            new DateOnly(2025, 7, 16), answers, result, outcome.Problems, DateTime.UtcNow);
        AssessmentResultDocument.Write(Stream.Null, _enterprise, _assessment, _instrument); // fonts found once, as in a running server
    }

    [Benchmark]
    public long AssessmentResultDocx()
    {
        using var output = new MemoryStream();
        AssessmentResultDocument.Write(output, _enterprise, _assessment, _instrument);
        return output.Length;
    }

    [Benchmark]
    public int RadarPng() => Infrastructure.Charts.RadarPicture.Render(
        _instrument.SubIndicators.Select(s => new Infrastructure.Charts.RadarAxis(s.Name, s.Points)).ToList(),
        _instrument.SubIndicators.Select(s => _assessment.Result.SubIndicators.GetValueOrDefault(s.Name)).ToList()).Png.Length;
}
