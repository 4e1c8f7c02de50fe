using DxPilot.Domain.Assessments;
using DxPilot.Domain.Diagnoses.Report;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Documents;
using DxPilot.Web.Features.Assessments;

namespace DxPilot.Web.Features.Diagnoses.Report;

/// <summary>
/// 咨询诊断报告 as one Word document in the order of seed 002 附件3: the cover, 一、企业基本情况 (表1-5), 二、数字化水平诊断
/// 分析 (表6-8 from the linked assessment, with its radar), 三、方案建议 (表9 before it, 表10), 四、表11, 五、附件材料 (the team,
/// each 现场诊断记录表 with its photos, the 改造前 assessment, the satisfaction form). Headings and captions are the template's.
/// </summary>
public static class ReportDocument
{
    public static string FileName(ReportSources s) => $"咨询诊断报告（{s.Enterprise.Name}）.docx";

    public static void Write(Stream output, ReportSources s, ReportContent c, DateOnly compiledOn)
    {
        using var doc = DocxWriter.Create(output, $"{s.Title}（{s.Enterprise.Name}）");
        doc.Cover(s.Title,
        [
            ("试点企业名称（盖章）：", s.Enterprise.Name), ("所属细分行业：", s.IndustryName),
            ("咨询诊断服务机构（盖章）：", s.ProviderName), ("诊断报告编制日期：", ChineseText.Date(compiledOn)),
        ]);

        doc.Heading("一、企业基本情况");
        doc.Centred("表1 企业基本情况表");
        Basics(doc, ReportBasics.Rows(s, c));
        Text(doc, c, ReportOutline.Profile);
        Text(doc, c, ReportOutline.Organisation);
        Text(doc, c, ReportOutline.Production);
        doc.Heading("（四）数字化基础", 2);
        Part(doc, c, ReportOutline.Automation, ReportOutline.Equipment);
        Part(doc, c, ReportOutline.Systems, ReportOutline.SystemList);
        Part(doc, c, ReportOutline.Data, ReportOutline.DataResources);
        Part(doc, c, ReportOutline.Cloud, ReportOutline.CloudUse);

        doc.Heading("二、企业数字化水平诊断分析");
        Text(doc, c, ReportOutline.LevelSummary);
        if (s.Assessment is { } a && s.Instrument is { } instrument)
        {
            AssessmentResultDocument.Judgement(doc, instrument.LevelRule, a);
            AssessmentResultDocument.Table7(doc, instrument, a);
            AssessmentResultDocument.Radar(doc, instrument, a);
            if (instrument.Scenarios.Count > 0) AssessmentResultDocument.Table8(doc, instrument, a);
        }
        else doc.Paragraph("（尚未关联改造前评测，表6-表8在关联后由平台填入。）", indent: false);
        doc.Heading("（二）诊断结果分析", 2);
        foreach (var t in new[] { ReportOutline.Foundation, ReportOutline.Operations, ReportOutline.Management, ReportOutline.Outcomes })
            Part(doc, c, t, null);
        Text(doc, c, ReportOutline.PainPoints);
        Needs(doc, c);

        doc.Heading("三、企业数字化转型方案建议");
        Text(doc, c, ReportOutline.TopDesign);
        Text(doc, c, ReportOutline.BuildPlan);
        Text(doc, c, ReportOutline.Projects);
        Rows(doc, c, ReportOutline.ProjectList);

        doc.Heading("四、数字化产品和服务推荐");
        Rows(doc, c, ReportOutline.Recommendations);

        doc.Heading("五、诊断相关附件材料");
        doc.Heading("（一）诊断人员列表", 2);
        var team = doc.Table(DocxSize.Wu, 700, 1300, 2100, 1500, 1445, 1800).Header("序号", "姓名", "咨询诊断机构", "职位", "工作职责", "联系方式");
        for (var i = 0; i < s.Team.Count; i++)
        {
            var m = s.Team[i];
            team.Row(new DocxCell($"{i + 1}", Centre: true), m.Name, m.Unit, m.Position, m.Duty, m.Contact);
        }
        doc.Heading("（二）现场诊断记录表（按次填写）", 2);
        for (var i = 0; i < s.Visits.Count; i++) Visit(doc, s, s.Visits[i], i + 1);
        if (s.Visits.Count == 0) doc.Paragraph("（尚无现场诊断记录。）", indent: false);
        doc.Heading("（三）中小企业数字化水平评测表（改造前）", 2);
        if (s.Assessment is { } before)
            doc.Fields(
            [
                ("评测日期", ChineseText.Date(before.AssessedOn)), ("评测主体", $"{before.AssessorKind.Label()}（{before.AssessorName}）"),
                ("综合得分", $"{AssessmentPoints(before.Score)}分"), ("数字化水平等级", before.Result.LevelName),
            ]).Paragraph("各二级指标得分和应用场景等级见表6-表8。", DocxSize.Wu, indent: false);
        else doc.Paragraph("（尚未关联改造前评测。）", indent: false);
        doc.Heading("（四）企业满意度评价表", 2);
        Satisfaction(doc, s.Satisfaction);
    }

    private static void Basics(DocxWriter doc, IReadOnlyList<BasicsRow> rows)
    {
        const int label = 2000;
        var half = DocxWriter.TextWidth / 2 - label;
        var table = doc.Table(DocxSize.Wu, label, half, label, DocxWriter.TextWidth - 2 * label - half);
        DocxCell Label(string text) => new(text, Bold: true, Centre: true);
        for (var i = 0; i < rows.Count;)
        {
            if (rows[i].Wide || i + 1 == rows.Count || rows[i + 1].Wide)
            {
                table.Row(Label(rows[i].Label), new DocxCell(rows[i].Value, Span: 3));
                i++;
                continue;
            }
            table.Row(Label(rows[i].Label), rows[i].Value, Label(rows[i + 1].Label), rows[i + 1].Value);
            i += 2;
        }
    }

    private static void Text(DocxWriter doc, ReportContent c, ReportText t)
    {
        doc.Heading(t.Heading, 2);
        doc.Paragraph(c.TextOf(t.Key));
    }

    // "1.自动化设备应用情况" and its table: a numbered part of a section, its heading as a plain line.
    private static void Part(DocxWriter doc, ReportContent c, ReportText t, ReportTable? table)
    {
        doc.Paragraph(t.Heading, indent: true);
        doc.Paragraph(c.TextOf(t.Key));
        if (table is not null) Rows(doc, c, table);
    }

    private static void Rows(DocxWriter doc, ReportContent c, ReportTable t)
    {
        doc.Centred(t.Caption);
        const int number = 600;
        var widths = Widths(t, DocxWriter.TextWidth - number);
        var table = doc.Table(t.Columns.Count > 5 ? DocxSize.XiaoWu : DocxSize.Wu, [number, .. widths], cellMargin: 60)
            .Header(["序号", .. t.Columns.Select(col => new DocxCell(col.Label))]);
        var rows = c.RowsOf(t.Key);
        for (var i = 0; i < rows.Count; i++)
            table.Row([new DocxCell($"{i + 1}", Centre: true),
                .. rows[i].Select((cell, n) => new DocxCell(cell, Centre: t.Columns[n].Kind != ReportColumnKind.Text))]);
        if (rows.Count == 0) table.Row([new DocxCell("", Centre: true), new DocxCell("（未填写）", Span: t.Columns.Count)]);
    }

    // Short columns (数量, 是否联网, amounts) narrow; the text columns share the rest.
    private static int[] Widths(ReportTable t, int width)
    {
        const int narrow = 900;
        var narrowCount = t.Columns.Count(c => c.Kind is ReportColumnKind.Whole or ReportColumnKind.YesNo or ReportColumnKind.Wan);
        var wide = (width - narrowCount * narrow) / (t.Columns.Count - narrowCount);
        var widths = t.Columns.Select(c => c.Kind == ReportColumnKind.Text ? wide : narrow).ToArray();
        widths[^1] += width - widths.Sum();
        return widths;
    }

    private static void Needs(DocxWriter doc, ReportContent c)
    {
        doc.Centred("表9 数字化改造需求表");
        var table = doc.Table(DocxSize.Wu, 1300, 2200, DocxWriter.TextWidth - 3500);
        var first = true;
        foreach (var (key, label) in ReportOutline.NeedCategories)
        {
            var items = c.NeedsOf(key);
            table.Row(first ? new DocxCell("试点企业面临的各类数字化需求", Merge: DocxMerge.Start, Bold: true, Centre: true) : DocxCell.Merged(),
                new DocxCell($"{label}（逐条列出）", Bold: true), string.Join("\n", items.Select((item, i) => $"{i + 1}. {item}")));
            first = false;
        }
    }

    private static void Visit(DocxWriter doc, ReportSources s, ReportVisit v, int no)
    {
        // Seed 002's 现场诊断记录表 counts the visits in Chinese numerals (第一次) and has both sides sign: the typed names stand above
        // the space for the signatures, the enterprise's at the end of the form as in the seed.
        var count = ChineseText.Numeral(no);
        doc.Centred($"{s.ProgrammeName}现场诊断记录表（第{count}次）", DocxSize.Wu);
        var label = new Func<string, DocxCell>(text => new DocxCell(text, Bold: true, Centre: true));
        doc.Table(DocxSize.Wu, 2400, DocxWriter.TextWidth - 2400)
            .Row(label("诊断企业名称"), s.Enterprise.Name)
            .Row(label("诊断日期"), ChineseText.Date(v.Date))
            .Row(label("诊断时间段"), v.Span)
            .Row(label("咨询诊断服务商名称"), s.ProviderName)
            .Row(label("咨询诊断服务人员签字"), $"{v.Members}\n\n")
            .Row(label("本次诊断主题"), v.Topic)
            .Row(new DocxCell($"本次服务成果（第{count}次）", Span: 2, Bold: true, Centre: true))
            .Row(new DocxCell(v.Outcome, Span: 2))
            .Row(new DocxCell($"本次诊断现场照片（{v.Photos.Count}张）", Span: 2, Bold: true, Centre: true));
        doc.Pictures(v.Photos.Where(p => p.Thumbnail.Length > 0).Select(p => new DocxImage(p.Thumbnail, p.Jpeg, p.Width, p.Height, p.Caption)).ToList(),
            perRow: 3, widthCm: 4.8);
        if (v.Photos.Where(p => p.Thumbnail.Length == 0).Select(p => p.Caption).ToList() is { Count: > 0 } missing)
            doc.Paragraph($"另有{missing.Count}张照片尚无缩略图，见平台记录：{string.Join("、", missing)}", DocxSize.Wu, indent: false);
        doc.Table(DocxSize.Wu, 2400, DocxWriter.TextWidth - 2400).Row(label("试点企业对接人签字"), $"{v.EnterpriseContact}\n\n");
    }

    private static void Satisfaction(DocxWriter doc, ReportSatisfaction? s)
    {
        if (s is null)
        {
            doc.Paragraph("（企业尚未提交满意度评价。）", indent: false);
            return;
        }
        var table = doc.Table(DocxSize.Wu, 3000, DocxWriter.TextWidth - 3000).Header("评价项目", "评价");
        foreach (var (item, rating) in s.Items) table.Row(new DocxCell(item, Bold: true, Centre: true), new DocxCell(rating, Centre: true));
        table.Row(new DocxCell("总体评价", Bold: true, Centre: true), new DocxCell(s.Overall, Centre: true))
            .Row(new DocxCell("诊断建议采纳情况", Bold: true, Centre: true), new DocxCell(s.Adoption, Centre: true))
            .Row(new DocxCell("意见和建议", Bold: true, Centre: true), s.Comment ?? "")
            .Row(new DocxCell("评价日期", Bold: true, Centre: true), ChineseText.Date(s.SubmittedOn));
    }

    private static string AssessmentPoints(decimal p) => Domain.Instruments.LevelRule.Points(p);
}
