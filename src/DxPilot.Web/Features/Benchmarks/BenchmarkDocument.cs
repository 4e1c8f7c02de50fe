using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Documents;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>
/// The 示范标杆 application as the Word document the call asks for (seed 000 附件2, with 附件1 自评得分情况表): the
/// applicant's particulars, 一、情况概述, 二、the self-score table item by item, 三、the preconditions, and the signed pledge.
/// </summary>
public static class BenchmarkDocument
{
    public const string Title = "黑龙江省中小企业数字化示范标杆企业申报书";
    private const string ScoreTable = "黑龙江省中小企业数字化示范标杆企业自评得分情况表";

    /// <summary>The download's name, as the applicant would name it.</summary>
    public static string FileName(BenchmarkView view) => $"{Title}（{view.Enterprise.Name}）.docx";

    public static void Write(Stream output, BenchmarkView view, TimeZoneInfo zone)
    {
        using var doc = DocxWriter.Create(output, $"{Title}（{view.Enterprise.Name}）");
        doc.Title(Title);
        Particulars(doc, view, zone);

        doc.Heading("一、企业情况概述");
        doc.Paragraph(string.IsNullOrWhiteSpace(view.Application.Overview) ? "（未填写）" : view.Application.Overview.Trim());
        doc.Paragraph($"（情况概述共{ChineseText.CountCharacters(view.Application.Overview)}字）", DocxSize.Wu, indent: false);

        doc.Heading("二、企业数字化具体情况");
        doc.Centred($"{ScoreTable}（满分{BenchmarkLabels.Points(view.Instrument.TotalPoints)}分）");
        SelfScoreTable(doc, view);

        doc.Heading("三、其他材料（前置条件）");
        Preconditions(doc, view);

        doc.Heading("佐证材料目录");
        Contents(doc, view);

        doc.PageBreak();
        Pledge(doc);
    }

    private static void Particulars(DocxWriter doc, BenchmarkView view, TimeZoneInfo zone)
    {
        var (e, a) = (view.Enterprise, view.Application);
        var fields = new List<(string, string)>
        {
            ("企业名称", e.Name), ("统一社会信用代码", e.Uscc ?? ""),
            ("所在地区", e.District), ("法定代表人", e.LegalRepresentative ?? ""),
            ("注册地址", e.RegisteredAddress ?? ""), ("注册成立日期", a.Facts.RegisteredOn is { } on ? ChineseText.Date(on) : "未填写"),
            ("联系人", e.ContactName ?? ""), ("联系电话", e.ContactPhone ?? ""),
            ("工信部平台数字化水平", a.Facts.MiitLevel is { } level ? LevelNames.Short(level) : "未填写"),
            ("自评得分", $"{BenchmarkLabels.Points(view.Score.Total)}分"),
            // Seed 000 三、5: the recognition's 批次 and 序号 as the province's document names them.
            ("创新型／专精特新认定", a.Facts.RecognitionTitle ?? "未申报"),
            ("认定批次及企业序号", a.Facts.RecognitionTitle is null ? "—" : $"{a.Facts.RecognitionBatch ?? "未填写"}，序号{a.Facts.RecognitionSerial ?? "未填写"}"),
        };
        foreach (var year in BenchmarkInput.RevenueYears(view.Instrument))
            fields.Add(($"{year}年度营业收入（万元）", a.Facts.RevenueByYear.TryGetValue(year, out var r) ? ChineseText.Wan(r) : "未填写"));
        fields.Add(("申报状态", a.SubmittedAt is { } at
            ? $"已提交（{LocalTime.Show(at, zone)}）"
            : $"{view.Call.Chain.Label(a.Status)}（上次保存于{LocalTime.Show(a.UpdatedAt, zone)}）"));
        doc.Fields(fields);
    }

    // Columns: 一级指标 | 二级指标 | 序号 | 评价内容 | 分值 | 是/否 | 文字描述 | 自评得分, the indicators merged down their items;
    // sized (with 60-twip padding, 小五) so that 数字化改造, 序号, 分值 and 未作答 each stay on one line.
    private static readonly int[] Columns = [1050, 1000, 500, 2400, 520, 680, 2045, 650];

    private static void SelfScoreTable(DocxWriter doc, BenchmarkView view)
    {
        var (instrument, score) = (view.Instrument, view.Score);
        var table = doc.Table(DocxSize.XiaoWu, Columns, cellMargin: 60)
            .Header("一级指标", "二级指标", "序号", "评价内容", "分值", "是/否", "文字描述", "自评得分");
        foreach (var d in instrument.Dimensions)
        {
            var firstOfDimension = true;
            foreach (var s in instrument.SubIndicators.Where(s => s.DimensionIndex == d.Index))
            {
                var firstOfSub = true;
                foreach (var q in instrument.Questions.Where(q => q.SubIndicatorIndex == s.Index))
                {
                    table.Row(
                        firstOfDimension ? new DocxCell($"{d.Name}\n（{BenchmarkLabels.Points(d.Points)}分）", Merge: DocxMerge.Start, Centre: true) : DocxCell.Merged(),
                        firstOfSub ? new DocxCell($"{s.Name}\n（{BenchmarkLabels.Points(s.Points)}分）", Merge: DocxMerge.Start, Centre: true) : DocxCell.Merged(),
                        new DocxCell(q.No.ToString()!, Centre: true),
                        q.Text,
                        new DocxCell(BenchmarkLabels.Points(q.Points), Centre: true),
                        new DocxCell(Answer(view, q), Centre: true),
                        Description(view, q, score.Items[q.Index]),
                        new DocxCell(BenchmarkLabels.Points(score.Items[q.Index].Points), Centre: true));
                    firstOfDimension = firstOfSub = false;
                }
            }
            table.Row(new DocxCell($"{d.Name}小计", Span: 4, Bold: true, Centre: true),
                new DocxCell(BenchmarkLabels.Points(d.Points), Bold: true, Centre: true), new DocxCell("", Span: 2),
                new DocxCell(BenchmarkLabels.Points(score.Dimensions[d.Index]), Bold: true, Centre: true));
        }
        table.Row(new DocxCell("合计", Span: 4, Bold: true, Centre: true),
            new DocxCell(BenchmarkLabels.Points(instrument.TotalPoints), Bold: true, Centre: true), new DocxCell("", Span: 2),
            new DocxCell(BenchmarkLabels.Points(score.Total), Bold: true, Centre: true));
        doc.Paragraph("注：选择“是”的，须逐条详细描述具体做法并提供图片证明，如没有详细描述及图片，则该项为0分。", DocxSize.XiaoWu, indent: false);
    }

    private static string Answer(BenchmarkView view, Question q) =>
        view.Application.Answers.Items.GetValueOrDefault(q.No!.Value)?.Yes switch { true => "是", false => "否", null => "未作答" };

    private static string Description(BenchmarkView view, Question q, BenchmarkItemScore scored)
    {
        var entry = view.Application.Answers.Items.GetValueOrDefault(q.No!.Value);
        var lines = new List<string>();
        if (!string.IsNullOrWhiteSpace(entry?.Description)) lines.Add(entry.Description.Trim());
        if (entry?.Yes == true) lines.Add($"图片证明{view.OnFile.Pictures(q.No.Value)}张");
        if (scored.Reason is not null) lines.Add(scored.Reason);
        return string.Join("\n", lines);
    }

    private static void Preconditions(DocxWriter doc, BenchmarkView view)
    {
        var table = doc.Table(DocxSize.XiaoWu, 500, 1700, 3300, 2545, 800).Header("序号", "前置条件", "要求", "申报情况", "核验结果");
        var n = 0;
        foreach (var c in view.Checks)
            table.Row(new DocxCell((++n).ToString(System.Globalization.CultureInfo.InvariantCulture), Centre: true), c.Precondition.Name,
                c.Precondition.Text, c.Reason, new DocxCell(c.Passed ? "符合" : "不符合", Centre: true));
        doc.Paragraph("注：前置条件有一项不符合的，不得申报。", DocxSize.XiaoWu, indent: false);
    }

    /// <summary>Seed 000 三 注: "企业申报材料应加目录页，对应的每一个佐证材料应在目录页中清晰可见" — every evidence slot, in the
    /// order of the 清单, with the files on file (a slot with none says so).</summary>
    private static void Contents(DocxWriter doc, BenchmarkView view)
    {
        var slots = new List<(string Label, IReadOnlyList<EvidenceInfo> Files)>();
        void Add(BenchmarkEvidenceKind kind, int? item = null, int? year = null) =>
            slots.Add((BenchmarkEvidence.SlotLabel(kind, item, year), view.Files(kind, item, year).ToList()));
        foreach (var q in view.Instrument.Questions.Where(q => view.Application.Answers.Items.GetValueOrDefault(q.No!.Value)?.Yes == true))
            Add(BenchmarkEvidenceKind.ItemPicture, q.No);
        Add(BenchmarkEvidenceKind.CreditChina);
        Add(BenchmarkEvidenceKind.CreditGsxt);
        Add(BenchmarkEvidenceKind.BusinessLicence);
        Add(BenchmarkEvidenceKind.MiitLevel);
        foreach (var year in BenchmarkInput.ReportYears(view.Instrument)) Add(BenchmarkEvidenceKind.AuditReport, year: year);
        if (view.Application.Facts.RecognitionTitle is not null || view.Files(BenchmarkEvidenceKind.RecognitionDocument).Any())
            Add(BenchmarkEvidenceKind.RecognitionDocument);
        Add(BenchmarkEvidenceKind.Pledge);

        var table = doc.Table(DocxSize.XiaoWu, 500, 3000, 4545, 800).Header("序号", "佐证材料", "文件", "文件数");
        var n = 0;
        foreach (var (label, files) in slots)
            table.Row(new DocxCell((++n).ToString(System.Globalization.CultureInfo.InvariantCulture), Centre: true), label,
                files.Count == 0 ? "未上传" : string.Join("\n", files.Select(f => f.FileName)),
                new DocxCell(files.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Centre: true));
        doc.Paragraph("注：每个佐证材料按本目录顺序附后，页码序号可手写。", DocxSize.XiaoWu, indent: false);
    }

    // Seed 000, 真实性承诺书, word for word.
    private static void Pledge(DocxWriter doc)
    {
        doc.Title("真实性承诺书");
        doc.Paragraph("""
            本单位（公司）自愿申报黑龙江省中小企业数字化示范标杆企业，并就如下事项作出承诺：
            1. 所填内容和提交资料准确、真实、合法、有效、无涉密信息；提供的所有复印件均与原件一致。
            2. 企业的知识产权、专利权、商业秘密明晰完整，归属本单位或技术来源正当合法，未剽窃他人成果，未侵犯他人的知识产权或商业秘密。
            3. 近3年未发生过重大安全、质量和环境污染责任事故，无偷漏税和其他违法违规行为。
            4. 无不良信用记录。
            5. 不属于失信被执行人。
            若发生与上述承诺相违背的事实，因我公司提供的材料真实性问题而导致的一切后果和法律责任均由我单位（公司）承担。
            """);
        doc.Signature("法定代表人（签字）：", "申报单位（盖章）：");
    }
}
