using System.Globalization;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Charts;
using DxPilot.Infrastructure.Documents;

namespace DxPilot.Web.Features.Assessments;

/// <summary>
/// An assessment's result as a Word document, in the tables of seed 002 附件3 and in its order: the 表6 judgement and why a
/// higher level was missed, 表7 (scores of the sub-indicators under their dimensions), the radar of the same scores, 表8
/// (scenario levels, constrained ones starred). The same content as the result page; the diagnosis report (附件3 二、) writes its
/// 表6-8 through the same methods.
/// </summary>
public static class AssessmentResultDocument
{
    public const string Title = "中小企业数字化水平评测结果";

    public static string FileName(Enterprise e, Assessment a) => $"{Title}（{e.Name}，{ChineseText.Date(a.AssessedOn)}）.docx";

    public static void Write(Stream output, Enterprise enterprise, Assessment a, Instrument instrument)
    {
        using var doc = DocxWriter.Create(output, $"{Title}（{enterprise.Name}）");
        doc.Title(Title);
        doc.Fields(
        [
            ("企业名称", enterprise.Name), ("统一社会信用代码", enterprise.Uscc ?? ""),
            ("所在地区", enterprise.District), ("评测日期", ChineseText.Date(a.AssessedOn)),
            ("评测阶段", a.Stage.Label()), ("评测主体", $"{a.AssessorKind.Label()}（{a.AssessorName}）"),
            ("综合得分", $"{Points(a.Score)}分（满分{Points(instrument.TotalPoints)}分）"), ("数字化水平等级", a.Result.LevelName),
            // The instrument by its official name; the version of our file it was computed with is no reader's business.
            ("评测工具", instrument.Name),
        ]);
        foreach (var w in a.Result.Warnings) doc.Paragraph($"提示：{w}", DocxSize.Wu, indent: false);

        doc.Heading("一、数字化水平等级判定");
        Judgement(doc, instrument.LevelRule, a);
        doc.Heading("二、数字化基础、管理和成效维度评测得分");
        Table7(doc, instrument, a);
        Radar(doc, instrument, a);
        if (instrument.Scenarios.Count > 0)
        {
            doc.Heading("三、数字化经营应用场景等级判定");
            Table8(doc, instrument, a);
        }
    }

    // 表7 is eleven columns wide: slightly wider than the text, with tight cell margins, so four-character names fit on one line.
    internal static void Table7(DocxWriter doc, Instrument instrument, Assessment a)
    {
        var subs = instrument.SubIndicators;
        const int label = 820, width = 9400;
        var column = (width - 2 * label) / subs.Count;
        doc.Centred("表7 数字化基础、管理和成效维度评测得分");
        var table = doc.Table(DocxSize.XiaoWu, [label, .. subs.Select(_ => column), label], cellMargin: 40);
        table.Header(["一级指标",
            .. instrument.Dimensions.Select(d => new DocxCell($"{d.Name}（{Points(a.Result.Dimensions.GetValueOrDefault(d.Name))}/{Points(d.Points)}分）",
                Span: subs.Count(s => s.DimensionIndex == d.Index))),
            new DocxCell("综合得分", Merge: DocxMerge.Start)]);
        table.Header(["二级指标", .. subs.Select(s => new DocxCell(s.Name)), DocxCell.Merged()]);
        table.Row([new DocxCell("得分", Bold: true, Centre: true),
            .. subs.Select(s => new DocxCell($"{Points(a.Result.SubIndicators.GetValueOrDefault(s.Name))}/{Points(s.Points)}", Centre: true)),
            new DocxCell(Points(a.Score), Bold: true, Centre: true)]);
    }

    internal static void Radar(DocxWriter doc, Instrument instrument, Assessment a, string caption = "图1 二级指标得分雷达图（各轴为该指标得分占其分值的比例）") =>
        Radar(doc, instrument, [new RadarSeries(Scores(instrument, a), "#1f6feb")], caption);

    /// <summary>The radar of one or more assessments of the same instrument (改造前 and 改造后 together), captioned under the picture.</summary>
    internal static void Radar(DocxWriter doc, Instrument instrument, IReadOnlyList<RadarSeries> series, string caption)
    {
        var axes = instrument.SubIndicators.Select(s => new RadarAxis(s.Name, s.Points)).ToList();
        var png = RadarPicture.Render(axes, series);
        doc.Picture(png.Png, png.Width, png.Height, 10, "二级指标得分雷达图");
        doc.Centred(caption, DocxSize.Wu);
        // Without a Chinese font the axes are numbered; the names are given here instead.
        if (!png.NamesDrawn)
            doc.Paragraph(string.Join("；", axes.Select((x, i) => $"{i + 1}. {x.Name}")), DocxSize.Wu, indent: false);
    }

    /// <summary>The assessment's score of each sub-indicator, in the instrument's order (the radar's axes).</summary>
    internal static IReadOnlyList<decimal> Scores(Instrument instrument, Assessment a) =>
        instrument.SubIndicators.Select(s => a.Result.SubIndicators.GetValueOrDefault(s.Name)).ToList();

    internal static void Table8(DocxWriter doc, Instrument instrument, Assessment a)
    {
        doc.Centred("表8 中小企业数字化经营应用场景等级判定（*为约束性场景）");
        var table = doc.Table(DocxSize.Wu, [1800, 2045, 1160, 960, 960, 960, 960], cellMargin: 40)
            .Header(["一级指标", "二级指标（业务场景）", .. Enumerable.Range(0, LevelRule.MaxLevel + 1).Select(n => new DocxCell(LevelNames.Scenario(n)))]);
        foreach (var group in instrument.Scenarios.GroupBy(s => s.Group))
        {
            var first = true;
            foreach (var s in group)
            {
                var level = a.Answers.Scenarios.GetValueOrDefault(s.Name);
                table.Row([
                    first ? new DocxCell(group.Key, Merge: DocxMerge.Start, Centre: true) : DocxCell.Merged(),
                    s.Constrained ? $"{s.Name}*" : s.Name,
                    .. Enumerable.Range(0, LevelRule.MaxLevel + 1).Select(n => new DocxCell(n == level ? "✓" : "", Centre: true))]);
                first = false;
            }
        }
    }

    internal static void Judgement(DocxWriter doc, LevelRule rule, Assessment a)
    {
        // rule.Source names our reference files; the reader sees the official table's name only.
        doc.Centred("表6 中小企业数字化水平等级判定");
        var withScenarios = rule.Kind == LevelRuleKind.ScoreAndScenarios;
        var table = withScenarios
            ? doc.Table(DocxSize.XiaoWu, 1450, 2250, 2295, 2150, 700).Header("等级", "得分要求", "应用场景要求", "达到该级的场景", "结论")
            : doc.Table(DocxSize.XiaoWu, 2000, 5245, 1600).Header("等级", "得分要求", "结论");
        foreach (var req in rule.Levels)
        {
            var verdict = new DocxCell(req.Level <= a.Level ? "达到" : "未达到", Centre: true);
            var score = $"≥{Points(req.MinScore)}分（实得{Points(a.Score)}分）";
            if (!withScenarios) { table.Row(req.DisplayName, score, verdict); continue; }
            var all = a.Result.ScenariosAtLevel.Skip(req.Level).Sum();
            var constrained = a.Result.ConstrainedAtLevel.Skip(req.Level).Sum();
            table.Row(req.DisplayName, score, $"不少于{req.MinScenarios}个，其中约束性不少于{req.MinConstrained}个",
                $"{all}个，其中约束性{constrained}个", verdict);
        }
        doc.Paragraph($"评测结论：数字化水平等级为{a.Result.LevelName}。", indent: false);
        if (a.Result.Shortfalls.Count == 0) return;
        doc.Heading("未达到的等级及原因", level: 2);
        foreach (var s in a.Result.Shortfalls) doc.Paragraph(s, DocxSize.Wu);
    }

    private static string Points(decimal p) => LevelRule.Points(p);
}
