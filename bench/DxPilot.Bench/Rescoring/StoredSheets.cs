using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;

namespace DxPilot.Bench.Rescoring;

/// <summary>Valid, varied answer sheets as assessors fill them in: each enterprise has a maturity that pulls its answers and
/// scenario levels together (a mature firm ticks more options and rates scenarios higher), with noise; evidence notes on
/// some questions; and for a quarter of the sheets device counts and money figures from which the ratio bands follow,
/// disagreeing with the chosen band now and then (a warning, as in real sheets).</summary>
public sealed class StoredSheets(Instrument instrument)
{
    private static readonly string[] Notes =
        ["现场查看相关系统运行记录", "企业提供了合同与验收报告", "抽查近三个月的系统日志", "访谈信息化负责人并查看截图", "查看设备清单与联网台账"];

    public AssessmentAnswers Next(Random random)
    {
        var maturity = Math.Clamp((random.NextDouble() + random.NextDouble()) / 2, 0, 1);
        var answers = new AssessmentAnswers();
        foreach (var q in instrument.Questions)
        {
            answers.Choices[q.Name] = q.Kind == QuestionKind.Single ? [Single(q, maturity, random)] : Multi(q, maturity, random);
            if (random.Next(4) == 0) answers.Evidence[q.Name] = Notes[random.Next(Notes.Length)];
        }
        if (random.Next(4) == 0) AddRawInputs(answers, random);
        foreach (var s in instrument.Scenarios)
            answers.Scenarios[s.Name] = Math.Clamp((int)Math.Round(maturity * 4 + random.NextDouble() * 2 - 1), 0, LevelRule.MaxLevel);
        return answers;
    }

    private static string Single(Question q, double maturity, Random random) =>
        q.Options[Math.Clamp((int)Math.Round(maturity * (q.Options.Count - 1) + random.NextDouble() * 2 - 1), 0, q.Options.Count - 1)].Key;

    private static List<string> Multi(Question q, double maturity, Random random)
    {
        var ticked = q.Options.Where(o => !o.Exclusive && random.NextDouble() < maturity).Select(o => o.Key).ToList();
        return ticked.Count > 0 ? ticked : [q.Options.First(o => o.Exclusive).Key];
    }

    /// <summary>Ratio questions (设备数字化率, 设备联网率, 数字化投入占比): inputs that put the ratio in the chosen band, or in a
    /// random band one time in ten.</summary>
    private void AddRawInputs(AssessmentAnswers answers, Random random)
    {
        foreach (var q in instrument.Questions.Where(q => q.RawBands is { Kind: RawBandKind.Ratio }))
        {
            var bands = q.RawBands!.Bands;
            var chosen = bands.Select(b => b.Key).ToList().IndexOf(answers.Choices[q.Name][0]);
            var band = random.Next(10) == 0 || chosen < 0 ? random.Next(bands.Count) : chosen;
            var low = band == 0 ? 0m : bands[band - 1].UpToPct;
            var pct = low + (bands[band].UpToPct - low) * (decimal)(0.05 + random.NextDouble() * 0.9);
            if (!answers.RawInputs.TryGetValue(q.RawBands.Denominator!, out var denominator))
                answers.RawInputs[q.RawBands.Denominator!] = denominator = random.Next(20, 2000);
            answers.RawInputs[q.RawBands.Numerator!] = Math.Round(denominator * pct / 100m);
        }
    }
}
