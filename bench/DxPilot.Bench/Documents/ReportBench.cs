using System.Diagnostics;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Diagnoses.Report;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Diagnoses.Report;
using SkiaSharp;

namespace DxPilot.Bench.Documents;

/// <summary>
/// The whole 咨询诊断报告 .docx (issue 9: under 1 s and under 200 MB peak memory) with every table filled, about 20,000
/// written characters, four visits and 20 photo thumbnails (320 × 240 JPEG, as stored beside each photo). Times the
/// writing alone (the thumbnails are read before it); peak memory is the process's high-water mark (VmHWM), runtime included.
/// </summary>
public static class ReportBench
{
    public static int Run(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(15);
        var (sources, content) = Sample();
        using (var warm = new MemoryStream()) ReportDocument.Write(warm, sources, content, new DateOnly(2026, 3, 20)); // fonts found once
        // --out FILE keeps one document to look at (LibreOffice, pdftoppm).
        if (args.SkipWhile(a => a != "--out").Skip(1).FirstOrDefault() is { } keep)
            using (var file = File.Create(keep)) ReportDocument.Write(file, sources, content, new DateOnly(2026, 3, 20));

        var times = new List<double>();
        long size = 0, allocated = 0;
        for (var i = 0; i < runs; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            using var output = new MemoryStream();
            ReportDocument.Write(output, sources, content, new DateOnly(2026, 3, 20));
            watch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
            times.Add(watch.Elapsed.TotalMilliseconds);
            size = output.Length;
        }
        times.Sort();
        Console.WriteLine($"report docx: {runs} runs, median {times[times.Count / 2]:0} ms, min {times[0]:0} ms, max {times[^1]:0} ms");
        Console.WriteLine($"document {size / 1024} KB, {content.Characters():N0} written characters, allocated per document {allocated / 1024 / 1024.0:0.0} MB");
        Console.WriteLine($"peak working set of the process (VmHWM): {PeakMegabytes():0} MB");
        return 0;
    }

    private static double PeakMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? Process.GetCurrentProcess().PeakWorkingSet64 / 1024d / 1024d : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024d;
    }

    public static (ReportSources, ReportContent) Sample()
    {
        var instrument = InstrumentLoader.Load(Path.Combine(Repo.Root, "config", "instruments", "miit-2024.json"));
        var programme = ProgrammeCatalog.LoadFile(Path.Combine(Repo.Root, "config", "programmes", "changchun-2025.json"));
        var form = new EnterpriseForm { Name = "长春基准测试汽车零部件有限公司", Uscc = "91220101MA2BENCH0R", District = "朝阳区", Industry = "汽车零部件配件制造", FoundedOn = "2012-05-01" };
        var checkedForm = EnterpriseValidator.Validate(form, programme, new DateOnly(2026, 3, 1));
        var enterprise = Enterprise.Register(programme, checkedForm.Details ?? throw new InvalidOperationException(string.Join("；", checkedForm.Errors.Values)), DateTime.UtcNow);

        var answers = new AssessmentAnswers();
        foreach (var q in instrument.Questions) answers.Choices[q.Name] = [q.Options[Math.Min(1, q.Options.Count - 1)].Key];
        foreach (var s in instrument.Scenarios) answers.Scenarios[s.Name] = s.Index % (LevelRule.MaxLevel + 1);
        var outcome = new Scorer(instrument).Assess(answers.ToSheet());
        var actor = new Actor("bench", "长春基准咨询有限公司", Role.ServiceProvider, programme.Id);
        var assessment = Assessment.Record(programme.Id, enterprise.Id, instrument, AssessmentStage.Before, actor, AssessorKind.ServiceProvider,
            new DateOnly(2026, 3, 10), answers, outcome.Result!, outcome.Problems, DateTime.UtcNow);

        const string paragraph = "企业围绕冲压、焊接、涂装和总装四大工序开展数字化改造，设备联网率目前约为百分之四十，MES系统覆盖两条产线。\n";
        var content = new ReportContent();
        foreach (var t in ReportOutline.Texts) content.Texts[t.Key] = string.Concat(Enumerable.Repeat(paragraph, 25));
        foreach (var t in ReportOutline.Tables)
            content.Tables[t.Key] = Enumerable.Range(1, 20).Select(r => t.Columns.Select(c => c.Kind switch
            {
                ReportColumnKind.Whole => $"{r}",
                ReportColumnKind.YesNo => r % 2 == 0 ? "是" : "否",
                ReportColumnKind.Wan => $"{r * 12.5m:0.00}",
                _ => $"{c.Label}第{r}项内容",
            }).ToList()).ToList();
        foreach (var (key, _) in ReportOutline.NeedCategories) content.Needs[key] = Enumerable.Range(1, 6).Select(i => $"需求{i}：设备数据实时采集与分析").ToList();
        content.Basics["budget"] = "300.00";
        content.Directions = ["MES", "ERP", "WMS"];

        var thumbnail = Thumbnail();
        var visits = Enumerable.Range(1, 4).Select(v => new ReportVisit(new DateOnly(2026, 3, 9 + v), "09:00-12:30", "张三、李四、王五", "技术诊断",
            string.Concat(Enumerable.Repeat("调研生产现场并访谈车间主任，梳理设备联网现状。", 10)), "赵六",
            Enumerable.Range(1, 5).Select(p => new ReportPhoto($"生产现场 3月{9 + v}日 09:{10 + p}", "", thumbnail, true, 320, 240)).ToList())).ToList();
        var team = Enumerable.Range(1, 5).Select(i => new ReportMember($"成员{i}", "长春基准咨询有限公司", i == 1 ? "组长（高级工程师）" : "组员（中级工程师）", "现场诊断", "0431-8888000" + i)).ToList();
        var satisfaction = new ReportSatisfaction([("诊断过程", "很好"), ("问题分析", "很好"), ("方案建议", "较好"), ("业务水平", "很好"), ("诊断结果", "较好")],
            "满意", "采纳", "诊断细致。", new DateOnly(2026, 3, 25));
        return (new ReportSources(programme.Name, enterprise, "汽车零部件及配件制造", "长春基准咨询有限公司", assessment, instrument, team, visits, satisfaction), content);
    }

    // A photo-like thumbnail: gradients and noise, so JPEG compresses it as it would a real one (about 20 KB).
    private static byte[] Thumbnail()
    {
        using var bitmap = new SKBitmap(320, 240);
        var random = new Random(9);
        for (var y = 0; y < 240; y++)
            for (var x = 0; x < 320; x++)
                bitmap.SetPixel(x, y, new SKColor((byte)(x * 255 / 320), (byte)(y * 255 / 240), (byte)random.Next(256)));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 80).ToArray();
    }
}
