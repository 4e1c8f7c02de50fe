using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Charts;
using DxPilot.Infrastructure.Documents;
using DxPilot.Web.Features.Assessments;

namespace DxPilot.Web.Features.Projects.Documents;

/// <summary>
/// 中小企业数字化水平评测报告 (seed 002 三（二）5: the agency evaluates on site, checks each system's go-live and issues the report).
/// The level section's 表6-8 and radar are the assessment result's own (<see cref="AssessmentResultDocument"/>, seed 002 附件3 二、(一)),
/// as in the diagnosis report; then the comparison with the 改造前 assessment, the go-live checks and the agency's conclusion.
/// </summary>
public static class EvaluationReportDocument
{
    public const string Title = "中小企业数字化水平评测报告";
    private const string BeforeColour = "#8a94a3", AfterColour = "#1f6feb";

    public static string FileName(EvaluationReportSources s) => $"{Title}（{s.Enterprise.Name}）.docx";

    public static void Write(Stream output, EvaluationReportSources s)
    {
        var (p, after, instrument) = (s.Project, s.After, s.Instrument);
        using var doc = DocxWriter.Create(output, $"{Title}（{s.Enterprise.Name}）");
        doc.Cover(Title,
        [
            ("企业名称：", s.Enterprise.Name), ("项目名称：", p.ProjectName), ("评测机构（盖章）：", p.AgencyName ?? ""),
            ("报告日期：", ChineseText.Date(s.ReportedOn)),
        ]);
        if (!s.Issued) doc.Paragraph("（评测机构尚未出具本报告，此稿仅供核对。）", indent: false);

        doc.Heading("一、基本情况");
        doc.Fields(
        [
            ("企业名称", s.Enterprise.Name), ("统一社会信用代码", s.Enterprise.Uscc ?? ""),
            ("所属县（市、区）", p.District), ("项目名称", p.ProjectName),
            ("评测机构", p.AgencyName ?? ""), ("评测人员", after.AssessorName),
            ("现场评测日期", ChineseText.Date(after.AssessedOn)), ("评测工具", instrument.Name),
            ("备案目标等级", p.TargetLevel is { } t ? LevelNames.Short(t) : "未填写"), ("改造后等级", after.Result.LevelName),
        ]);

        doc.Heading("二、改造后数字化水平");
        doc.Paragraph($"经现场评测，{s.Enterprise.Name}改造后数字化水平综合得分{Points(after.Score)}分（满分{Points(instrument.TotalPoints)}分），"
                      + $"等级为{after.Result.LevelName}。{Target(p.TargetLevel, after.Level)}");
        doc.Heading("（一）等级判定", 2);
        AssessmentResultDocument.Judgement(doc, instrument.LevelRule, after);
        doc.Heading("（二）数字化基础、管理和成效", 2);
        AssessmentResultDocument.Table7(doc, instrument, after);
        AssessmentResultDocument.Radar(doc, instrument, after, "图1 改造后二级指标得分雷达图（各轴为该指标得分占其分值的比例）");
        if (instrument.Scenarios.Count > 0)
        {
            doc.Heading("（三）数字化经营应用场景", 2);
            AssessmentResultDocument.Table8(doc, instrument, after);
        }

        // Our own tables run on from the assessment result's (表8, or 表7 without scenarios), numbered as printed.
        var nextTable = instrument.Scenarios.Count > 0 ? 9 : 8;
        doc.Heading("三、改造前后对比");
        nextTable = Comparison(doc, s, nextTable);

        doc.Heading("四、系统上线运行情况核查");
        GoLive(doc, s, nextTable);

        doc.Heading("五、评测结论");
        doc.Paragraph(p.EvaluationConclusion ?? "（评测机构尚未填写评测结论。）");
        doc.SignatureOn(s.Issued ? ChineseText.Date(s.ReportedOn) : "        年    月    日", $"评测机构（盖章）：{p.AgencyName}");
    }

    private static string Target(int? target, int reached) => target is not { } t ? ""
        : reached >= t ? $"达到备案时确定的改造后目标（{LevelNames.Short(t)}）。"
        : $"未达到备案时确定的改造后目标（{LevelNames.Short(t)}）。";

    /// <returns>The next table's number.</returns>
    private static int Comparison(DocxWriter doc, EvaluationReportSources s, int number)
    {
        if (s.Before is not { } before)
        {
            doc.Paragraph("该企业没有改造前评测记录，本报告不作改造前后对比。");
            return number;
        }
        var (after, instrument) = (s.After, s.Instrument);
        doc.Paragraph($"改造前评测：{ChineseText.Date(before.AssessedOn)}，{before.AssessorKind.Label()}（{before.AssessorName}）；"
                      + $"改造后评测：{ChineseText.Date(after.AssessedOn)}，{after.AssessorKind.Label()}（{after.AssessorName}）。");
        doc.Centred($"表{number++} 改造前后数字化水平对比");
        var table = doc.Table(DocxSize.Wu, 2445, 1200, 1800, 1800, 1600).Header("项目", "分值", "改造前", "改造后", "变化");
        table.Row(new DocxCell("数字化水平等级", Bold: true), new DocxCell("—", Centre: true), new DocxCell(before.Result.LevelName, Centre: true),
            new DocxCell(after.Result.LevelName, Centre: true), new DocxCell(BeforeAfterChange.Level(before.Level, after.Level), Centre: true));
        table.Row(new DocxCell("综合得分", Bold: true), new DocxCell(Points(instrument.TotalPoints), Centre: true), new DocxCell(Points(before.Score), Centre: true),
            new DocxCell(Points(after.Score), Centre: true), new DocxCell(BeforeAfterChange.Points(after.Score - before.Score), Centre: true));
        if (!s.SameInstrument)
        {
            doc.Paragraph("改造前评测所用的评测工具与改造后不同，二级指标和应用场景不作逐项对比。");
            return number;
        }
        foreach (var sub in instrument.SubIndicators)
        {
            var (b, a) = (before.Result.SubIndicators.GetValueOrDefault(sub.Name), after.Result.SubIndicators.GetValueOrDefault(sub.Name));
            table.Row(sub.Name, new DocxCell(Points(sub.Points), Centre: true), new DocxCell(Points(b), Centre: true), new DocxCell(Points(a), Centre: true),
                new DocxCell(BeforeAfterChange.Points(a - b), Centre: true));
        }
        if (instrument.Scenarios.Count > 0) Scenarios(doc, instrument, before, after, number++);
        AssessmentResultDocument.Radar(doc, instrument,
            [new RadarSeries(AssessmentResultDocument.Scores(instrument, before), BeforeColour, Dashed: true),
             new RadarSeries(AssessmentResultDocument.Scores(instrument, after), AfterColour)],
            "图2 改造前后二级指标得分对比雷达图（灰色虚线为改造前，蓝色实线为改造后）");
        return number;
    }

    private static void Scenarios(DocxWriter doc, Instrument instrument, Assessment before, Assessment after, int number)
    {
        doc.Centred($"表{number} 改造前后数字化经营应用场景等级对比（*为约束性场景）");
        var table = doc.Table(DocxSize.Wu, 1700, 2445, 1500, 1600, 1600).Header("一级指标", "二级指标（业务场景）", "改造前", "改造后", "变化");
        foreach (var group in instrument.Scenarios.GroupBy(x => x.Group))
        {
            var first = true;
            foreach (var scenario in group)
            {
                var (b, a) = (before.Answers.Scenarios.GetValueOrDefault(scenario.Name), after.Answers.Scenarios.GetValueOrDefault(scenario.Name));
                table.Row(first ? new DocxCell(group.Key, Merge: DocxMerge.Start, Centre: true) : DocxCell.Merged(),
                    scenario.Constrained ? $"{scenario.Name}*" : scenario.Name, new DocxCell(LevelNames.Scenario(b), Centre: true),
                    new DocxCell(LevelNames.Scenario(a), Centre: true), new DocxCell(BeforeAfterChange.Level(b, a), Centre: true));
                first = false;
            }
        }
    }

    // Seed 002 三（二）5 核查系统上线运行情况: each delivery of the completion report with the agency's check.
    private static void GoLive(DocxWriter doc, EvaluationReportSources s, int number)
    {
        var deliveries = s.Project.Completion.Deliveries;
        if (deliveries.Count == 0)
        {
            doc.Paragraph("（完工报告没有交付项。）", indent: false);
            return;
        }
        doc.Centred($"表{number} 系统上线运行情况核查");
        var table = doc.Table(DocxSize.Wu, [500, 2045, 1000, 1900, 1900, 1500], cellMargin: 60)
            .Header("序号", "交付内容", "上线系统", "上线日期", "核查结果", "核查说明");
        for (var i = 0; i < deliveries.Count; i++)
        {
            var d = deliveries[i];
            var system = string.IsNullOrWhiteSpace(d.System) ? null : d.System;
            table.Row(new DocxCell($"{i + 1}", Centre: true), $"{d.Item}：{d.Delivered}", new DocxCell(system ?? "—", Centre: true),
                new DocxCell(d.GoLiveOn is { } on ? ChineseText.Date(on) : "—", Centre: true), new DocxCell(d.CheckVerdict, Centre: true), d.CheckNote ?? "");
        }
    }

    private static string Points(decimal p) => LevelRule.Points(p);
}
