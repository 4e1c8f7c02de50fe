using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Documents;

namespace DxPilot.Web.Features.Awards;

/// <summary>
/// 申报书 as .docx. 数智 (seed 004 附件4): the cover, 一、承诺书 and 二、企业申报声明 word for word with their signature and stamp
/// lines, 三、企业申请表 from the enterprise's file, 四、企业数字化转型实施情况 per direction by its template's parts in the seed's order,
/// its 应用场景 where the template puts them, each with its typical scenario and four texts. 链式 (附件2 附件1): the cover, the case by its template's sections,
/// the SMEs named with their answers, the applicant's stamp. Both end with the criteria the platform checked, as an annex table.
/// </summary>
public static class AwardDocument
{
    /// <summary>"企业名称-方向申报书.docx" (the directions joined by 、), with the revision when a frozen one is printed.</summary>
    public static string FileName(AwardPrint p) =>
        $"{p.Enterprise.Name}-{string.Join("、", p.Directions.Select(d => d.Label))}申报书{(p.Revision is { } r ? $"（第{r}次提交）" : "")}.docx";

    /// <summary>The call's name is "…申报"; its form is "…申报书".</summary>
    public static string Title(AwardCall call) => call.Title + "书";

    /// <summary>The title on the cover: a long one breaks before the quoted name of the form (…试点城市 / “数智”标杆中小企业申报书),
    /// as the seed's title page does, rather than wherever the line runs out.</summary>
    public static string CoverTitle(AwardCall call)
    {
        var title = Title(call);
        var quote = title.IndexOf('“');
        return title.Length > 20 && quote >= title.Length / 3 && quote <= 2 * title.Length / 3 ? title[..quote] + "\n" + title[quote..] : title;
    }

    // The application table's label columns hold 8 characters (统一社会信用代码) on a line, its value columns an 18-character code.
    private const int Label = 1850;

    public static void Write(Stream output, AwardPrint p)
    {
        using var w = DocxWriter.Create(output, Title(p.Call));
        w.Cover(CoverTitle(p.Call),
        [
            ("申报单位（盖章）：", p.Enterprise.Name),
            ("申报方向：", string.Join("、", p.Directions.Select(d => d.Label))),
            ("推荐单位：", $"{p.District}工业和信息化主管部门"),
            ("申报日期：", p.SubmittedOn is { } on ? ChineseText.Date(on) : ""),
        ]);
        if (p.Call.Kind == AwardKind.Benchmark)
        {
            Pledge(w);
            ApplicationTable(w, p);
            w.PageBreak();
            w.Heading("四、企业数字化转型实施情况");
            foreach (var d in p.Directions) Story(w, d, p.Content.TextOf(d.Key), p.Call.TypicalScenarios);
        }
        else
        {
            foreach (var d in p.Directions) Case(w, d, p);
            w.Signature("申报单位（盖章）：");
        }
        Criteria(w, p.Criteria);
        Attachments(w, p);
    }

    /// <summary>附件清单: the scans and pictures that went with this version, by name (the files themselves are on the platform).</summary>
    private static void Attachments(DocxWriter w, AwardPrint p)
    {
        w.Paragraph("");
        w.Centred("附件清单", DocxSize.San);
        if (p.Files is not { } files)
        {
            w.Paragraph("该次提交早于附件留存功能，当时的附件清单未记录。");
            return;
        }
        var table = w.Table(DocxSize.XiaoWu, [700, 2800, DocxWriter.TextWidth - 4700, 1200], cellMargin: 60);
        table.Header("序号", "附件", "文件名", "大小");
        if (files.Count == 0) table.Row(new DocxCell("（无附件）", Span: 4, Centre: true));
        for (var i = 0; i < files.Count; i++)
        {
            var f = files[i];
            var slot = f.SlotLabel + (f.Direction is { } d && p.Call.Direction(d) is { } direction ? $"（{direction.Label}）" : "");
            table.Row(new DocxCell((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Centre: true), slot, f.Name, ChineseText.FileSize(f.Size));
        }
        // The 相关附件 the templates list and this version went without: what the county checks for.
        var missing = AwardFileRules.Listed(p.Call, p.Directions.Select(d => d.Key))
            .Where(s => !files.Any(f => f.Kind == AwardFileKind.Evidence && f.Scenario == (int)s)).ToList();
        if (missing.Count > 0)
            w.Paragraph($"申报指南所列相关附件未上传：{string.Join("、", missing.Select(AwardFile.SubjectLabel))}。", DocxSize.XiaoWu, indent: false);
    }

    // Seed 004 附件4 一、二, word for word.
    private static void Pledge(DocxWriter w)
    {
        w.Heading("一、承诺书");
        w.Paragraph("本企业承诺：");
        w.Paragraph("1. 本申请报告中所填写的内容真实、合法、有效。\n2. 提供的申报资料和文件内容真实、可靠、事实存在。\n"
                    + "3. 本申请报告中所涉本单位的知识产权、商业秘密明晰完整，归属本单位或技术来源正当合法，未剽窃他人成果，未侵犯他人的知识产权或商业秘密。\n"
                    + "4. 近三年未发生较大安全（含网络安全、数据安全），质量、环境污染等事故及偷税漏税等违法违规行为。");
        w.Paragraph("若发生与上述承诺相违背的事实，由本单位承担法律责任。");
        w.SignatureOn("年    月    日", "法定代表人（签字）：", "单位（盖章）：");
        w.PageBreak();
        w.Heading("二、企业申报声明");
        w.Paragraph("1. 申报的所有材料均依据相关申报要求据实提供；\n2. 按规定使用奖补资金，设立专账，用于持续开展数字化转型相关工作，并做好绩效评价相关工作；\n"
                    + "3. 自觉接受财政、工信、审计等部门的监督检查，如违背相关承诺，愿意承担相关责任并按要求退还奖补资金。");
        w.SignatureOn("日期：        年    月    日", "申报单位（盖章）：", "法定代表人（签字或盖章）：");
        w.PageBreak();
    }

    // Seed 004 附件4 三: the table as printed, its □ boxes checked ☑ from the enterprise's file and the application.
    private static void ApplicationTable(DocxWriter w, AwardPrint p)
    {
        var e = p.Enterprise;
        w.Heading("三、企业申请表");
        w.Paragraph($"企业名称：{e.Name}（盖章）", indent: false);
        w.Paragraph("县（市、区）工业和信息化主管部门：（盖章）", indent: false);
        var value = DocxWriter.TextWidth / 2 - Label;
        var t = w.Table(DocxSize.Wu, Label, value, Label, DocxWriter.TextWidth - 2 * Label - value);
        DocxCell L(string text) => new(text, Bold: true, Centre: true);
        t.Row(L("企业名称"), e.Name, L("所在县（市、区）"), p.District);
        t.Row(L("统一社会信用代码"), e.Uscc ?? "", L("从业人数（人）"), e.Employees?.ToString() ?? "");
        var size = string.Join(" ", new[] { (SizeClass.Medium, "中型"), (SizeClass.Small, "小型"), (SizeClass.Micro, "微型") }.Select(s => Box(e.Size == s.Item1, s.Item2)))
                   + "\n" + Box(e.AboveScale == true, "规上") + " " + Box(e.AboveScale == false, "规下");
        var ownership = string.Join(" ", new[] { (Ownership.StateOwned, "国有"), (Ownership.Private, "民营"), (Ownership.JointVenture, "合资"), (Ownership.Foreign, "外资") }
            .Select(o => Box(e.Ownership == o.Item1, o.Item2)));
        t.Row(L("企业规模"), size, L("企业类型"), ownership);
        t.Row(L("所属细分行业"), string.Join("\n", p.Industries.Select(i => Box(i == p.Industry, i))) + $"\n行业代码：{e.IndustryCode}",
            L("具体细分领域名称"), p.Specialty ?? "");
        var picked = p.Directions.Select(d => d.Key).ToHashSet();
        t.Row(new DocxCell($"申报方向（限选{p.Call.MaxDirections}项）：" + string.Join(" ", p.Call.Directions.Select(d => Box(picked.Contains(d.Key), d.Label))), Span: 4));
        t.Row(new DocxCell("根据验收评测达到的数字化水平等级：" + string.Join(" ", new[] { (2, "二级"), (3, "三级"), (4, "四级") }.Select(l => Box(p.LevelAfter == l.Item1, l.Item2))), Span: 4));
    }

    private static string Box(bool chosen, string label) => (chosen ? "☑" : "☐") + label;

    /// <summary>One direction's 实施情况 in the template's order (seed 004 附件4): its sections numbered 一、二、…, those of one part
    /// (四、工作计划) as its （一）（二）, and the 应用场景 where the template puts them (小灯塔: 三、数字化应用系统建设, before 四、工作计划).</summary>
    private static void Story(DocxWriter w, AwardDirection d, AwardText text, IReadOnlyList<TypicalScenario> typical)
    {
        w.Centred(d.Label, DocxSize.Si);
        var block = d.Template.Scenarios;
        var n = Sections(w, d.Template, text, limits: false, (s, n) =>
        {
            if (block is not null && block.After == s.Key) Scenarios(w, block, ChineseText.Numeral(++n), text, typical);
            return n;
        });
        if (block is not null && (block.After is null || d.Template.Section(block.After) is null)) Scenarios(w, block, ChineseText.Numeral(++n), text, typical);
    }

    /// <summary>The template's sections in order, numbered 一、二、…, those of one part as its （一）（二）…, with their limits where the
    /// template prints them (链式: （一）案例名称（50字以内）); a section written for the summary table only is not printed. <paramref name="after"/>
    /// runs after each section with the last number used and returns it (a block printed there takes a number). Returns the last number.</summary>
    private static int Sections(DocxWriter w, AwardTemplate template, AwardText text, bool limits, Func<TemplateSection, int, int>? after = null)
    {
        var n = 0;
        var sub = 0;
        string? part = null;
        foreach (var s in template.Sections.Where(s => !s.SummaryTableOnly))
        {
            var label = s.Label + (limits && s.MaxCharacters is { } max ? $"（{max}字以内）" : "");
            if (s.Part is null) w.Heading($"{ChineseText.Numeral(++n)}、{label}", level: 2);
            else
            {
                if (s.Part != part) w.Heading($"{ChineseText.Numeral(++n)}、{s.Part}", level: 2);
                sub = s.Part == part ? sub + 1 : 1;
                w.Heading($"（{ChineseText.Numeral(sub)}）{label}", level: 2);
            }
            part = s.Part;
            w.Paragraph(Written(text[s.Key]));
            if (after is not null) n = after(s, n);
        }
        return n;
    }

    private static void Scenarios(DocxWriter w, ScenarioBlock block, string number, AwardText text, IReadOnlyList<TypicalScenario> typical)
    {
        w.Heading($"{number}、{block.Part ?? block.Label}", level: 2);
        if (text.Scenarios.Count == 0) w.Paragraph("（未填写）");
        for (var i = 0; i < text.Scenarios.Count; i++)
        {
            var s = text.Scenarios[i];
            var table = w.Table(DocxSize.Wu, Label, DocxWriter.TextWidth - Label);
            var mapped = s.TypicalScenario is { } k ? typical.FirstOrDefault(x => x.Number == k) : null;
            table.Header(new DocxCell($"场景{i + 1}", Span: 2));
            if (block.MapToTypical)
                table.Row(new DocxCell("典型场景", Bold: true, Centre: true),
                    mapped is null ? "（未选择）" : $"{mapped.Number}. {mapped.Name}" + (mapped.Stage.Length > 0 ? $"（{mapped.Stage}）" : ""));
            foreach (var f in block.Fields) table.Row(new DocxCell(f.Label, Bold: true, Centre: true), Written(s.Fields.GetValueOrDefault(f.Key)));
        }
    }

    // 链式 (附件2 附件1): the case by its sections, the mode, and the SMEs it names with each one's answer.
    private static void Case(DocxWriter w, AwardDirection d, AwardPrint p)
    {
        var text = p.Content.TextOf(d.Key);
        w.Centred(d.Label, DocxSize.Si);
        w.Fields([("案例模式", p.Content.Mode ?? "（未选择）"), ("带动中小企业", $"{p.Smes.Count(s => s.Answer == DrivenAnswer.Confirmed)}家已确认")]);
        var n = Sections(w, d.Template, text, limits: true);
        w.Heading($"{ChineseText.Numeral(++n)}、带动的中小企业", level: 2);
        var table = w.Table(DocxSize.Wu, 700, 4145, 2600, DocxWriter.TextWidth - 700 - 4145 - 2600);
        table.Header("序号", "企业名称", "统一社会信用代码", "确认情况");
        if (p.Smes.Count == 0) table.Row(new DocxCell("（尚未填报）", Span: 4, Centre: true));
        for (var i = 0; i < p.Smes.Count; i++)
        {
            var s = p.Smes[i];
            table.Row(new DocxCell((i + 1).ToString(), Centre: true), s.Name, s.Uscc,
                new DocxCell(s.Answer switch { DrivenAnswer.Confirmed => "已确认", DrivenAnswer.Declined => "已拒绝", _ => "待确认" }, Centre: true));
        }
    }

    private static string Written(string? text) => string.IsNullOrWhiteSpace(text) ? "（未填写）" : text.Trim();

    // The annex: each criterion of each direction with its verdict and what it rests on (AwardCriteria).
    private static void Criteria(DocxWriter w, IReadOnlyList<DirectionChecks> criteria)
    {
        w.PageBreak();
        w.Centred("附件 申报条件核对表", DocxSize.San);
        w.Paragraph("以下结论由平台根据验收评测数据、企业档案和申报书内容核对得出；“待评审判断”由评审专家依据佐证材料认定。");
        // 核对结论 holds 待评审判断 (5 characters at 小五) on one line.
        var table = w.Table(DocxSize.XiaoWu, [1500, 2400, 1150, DocxWriter.TextWidth - 5050], cellMargin: 60);
        table.Header("申报方向", "申报条件", "核对结论", "依据");
        if (criteria.Sum(c => c.Checks.Count) == 0) table.Row(new DocxCell("（未选择申报方向）", Span: 4, Centre: true));
        foreach (var d in criteria)
            for (var i = 0; i < d.Checks.Count; i++)
            {
                var c = d.Checks[i];
                table.Row(new DocxCell(i == 0 ? d.Direction.Label : "", Merge: d.Checks.Count == 1 ? DocxMerge.None : i == 0 ? DocxMerge.Start : DocxMerge.Continue),
                    c.Label, new DocxCell(Verdict(c.Verdict), Centre: true), c.Evidence);
            }
    }

    public static string Verdict(CriterionVerdict v) => v switch
    {
        CriterionVerdict.Met => "符合",
        CriterionVerdict.NotMet => "不符合",
        _ => "待评审判断",
    };
}
