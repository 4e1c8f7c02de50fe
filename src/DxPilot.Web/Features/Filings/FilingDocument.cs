using DxPilot.Domain.Filings;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Documents;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// 备案申请表 as .docx, laid out from the programme's form (Hangzhou seed 003 附件1, Changchun seed 002 附件4): the title, each
/// section as a table of label/value rows with every option shown checked ☑ or not ☐ as the printed form's □ boxes, the
/// providers' table, the effects table 改造前/改造后, the declaration with the form's signature lines, and where the form has
/// one the district's opinion box. Nothing here names a city: what differs is in the form.
/// </summary>
public static class FilingDocument
{
    /// <summary>What is printed: the current answers, or a submitted round as it was frozen.</summary>
    public sealed record Printed(FilingForm Form, IReadOnlyDictionary<string, string> Basics, IReadOnlyDictionary<string, string> Values,
        IReadOnlyList<FilingProvider> Providers, (string Text, DateOnly On)? DistrictOpinion);

    private const int Label = 2700;

    /// <summary>《表名》企业名称.docx, with the round for a submitted version: what a person files it under.</summary>
    public static string FileName(FilingForm form, string enterpriseName, int? round = null) =>
        $"《{form.Title}》{enterpriseName}{(round is { } r ? $"（第{r}次提交）" : "")}.docx";

    public static void Write(Stream output, Printed p)
    {
        using var w = DocxWriter.Create(output, p.Form.Title);
        w.Title(p.Form.Title);
        foreach (var section in p.Form.Sections)
        {
            w.Heading(section.Title, level: 2);
            var rows = new List<(string Label, string Value)>();
            void Flush()
            {
                if (rows.Count == 0) return;
                var table = w.Table(DocxSize.Wu, Label, DocxWriter.TextWidth - Label);
                foreach (var (label, value) in rows) table.Row(new DocxCell(label, Bold: true, Centre: true), value);
                rows.Clear();
            }
            foreach (var field in section.Fields)
                switch (field.Kind)
                {
                    case FieldKind.Providers:
                        Flush();
                        Providers(w, field, p.Providers);
                        break;
                    case FieldKind.Effects:
                        Flush();
                        Effects(w, field, p.Values);
                        break;
                    case FieldKind.Declaration:
                        Flush();
                        w.Paragraph(field.Hint);
                        w.Paragraph($"{Box(FilingValues.Text(p.Values, field.Key) == "true")} 已阅读并确认上述声明");
                        if (p.Form.Signature.Count > 0) w.Signature([.. p.Form.Signature]);
                        break;
                    default:
                        rows.Add((field.Label, Value(field, p)));
                        break;
                }
            Flush();
        }
        if (p.Form.DistrictOpinion is { } opinion)
        {
            w.Heading(opinion, level: 2);
            var table = w.Table(DocxSize.Wu, DocxWriter.TextWidth);
            table.Row(p.DistrictOpinion is var (text, on) ? $"{text}\n\n单位（公章）\n{ChineseText.Date(on)}" : "\n\n\n单位（公章）\n年    月    日");
        }
    }

    private static string Box(bool chosen) => chosen ? "☑" : "☐";

    private static string Value(FilingField f, Printed p)
    {
        switch (f.Kind)
        {
            case FieldKind.Enterprise:
                return p.Basics.TryGetValue(f.Key, out var basic) ? basic : "";
            case FieldKind.Single or FieldKind.Multi:
                var chosen = FilingValues.Choices(p.Values, f.Key);
                var other = FilingValues.Text(p.Values, f.Key + FilingValues.Other);
                return string.Join("  ", f.Options.Select(o =>
                    $"{Box(chosen.Contains(o.Value))} {o.Label}{(o.Other ? $"：{(chosen.Contains(o.Value) ? other : null) ?? "______"}" : "")}"));
            case FieldKind.Period:
                return FilingValues.Period(p.Values, f.Key) is var (s, e) ? $"{s.Year}年{s.Month}月至{e.Year}年{e.Month}月" : "    年    月至    年    月";
            default:
                return FilingValues.Show(f, p.Values);
        }
    }

    // The seed's providers' table: 单位名称/统一社会信用代码/法人代表/联系人/联系电话 over 合同名称/合同编号/合同签订日期/主要承担的工作.
    // The code's and the date's columns hold an 18-character USCC and 2025年12月31日 on one line (at 小五, in any font).
    private static void Providers(DocxWriter w, FilingField field, IReadOnlyList<FilingProvider> providers)
    {
        if (field.Columns.Count > 0)
        {
            ProviderRows(w, field, providers);
            return;
        }
        var table = w.Table(DocxSize.XiaoWu, [1945, 2400, 1800, 1100, 1600], cellMargin: 60);
        table.Header("单位名称", "统一社会信用代码", "法人代表", "联系人", "联系电话");
        table.Header("合同名称", "合同编号", "合同签订日期", new DocxCell("主要承担的工作", Span: 2));
        if (providers.Count == 0) table.Row(new DocxCell("（尚无服务合同）", Span: 5, Centre: true));
        foreach (var x in providers)
        {
            table.Row(x.Name, x.Uscc ?? "", x.LegalRepresentative ?? "", x.ContactName ?? "", x.ContactPhone ?? "");
            table.Row(x.ContractName ?? "", x.ContractNumber ?? "", x.SignedOn is { } d ? ChineseText.Date(d) : "", new DocxCell(x.Work ?? "", Span: 2));
        }
    }

    // A form that lists its providers one row each under its own columns (seed 002 附件4 合作的服务商信息), titled as the form titles it.
    private static void ProviderRows(DocxWriter w, FilingField field, IReadOnlyList<FilingProvider> providers)
    {
        w.Paragraph(field.Label, indent: false);
        var narrow = field.Columns.Count(c => c is "序号");
        var width = (DocxWriter.TextWidth - narrow * 700) / Math.Max(1, field.Columns.Count - narrow);
        var table = w.Table(DocxSize.XiaoWu, [.. field.Columns.Select(c => c == "序号" ? 700 : width)], cellMargin: 60);
        table.Header([.. field.Columns.Select(c => new DocxCell(c))]);
        if (providers.Count == 0) table.Row(new DocxCell("（尚无服务合同）", Span: field.Columns.Count, Centre: true));
        for (var i = 0; i < providers.Count; i++)
        {
            var x = providers[i];
            table.Row([.. field.Columns.Select(c => new DocxCell(c switch
            {
                "序号" => $"{i + 1}",
                "单位名称" => x.Name,
                "统一社会信用代码" => x.Uscc ?? "",
                "法人代表" => x.LegalRepresentative ?? "",
                "联系人" => x.ContactName ?? "",
                "联系电话" => x.ContactPhone ?? "",
                "是否签合同" => $"{Box(x.Signed || x.SignedOn is not null)}是 {Box(!(x.Signed || x.SignedOn is not null))}否",
                "合同金额" => x.AmountYuan is { } y ? $"{ChineseText.Wan(y / 10_000m)}万元" : "",
                "合同名称" => x.ContractName ?? "",
                "合同编号" => x.ContractNumber ?? "",
                "合同签订日期" => x.SignedOn is { } d ? ChineseText.Date(d) : "",
                _ => x.Work ?? "",
            }, Centre: c is "序号" or "是否签合同"))]);
        }
    }

    private static void Effects(DocxWriter w, FilingField f, IReadOnlyDictionary<string, string> values)
    {
        w.Paragraph(f.Label, indent: false);
        var side = (DocxWriter.TextWidth - 1800) / 2;
        var table = w.Table(DocxSize.Wu, 1800, side, DocxWriter.TextWidth - 1800 - side);
        table.Header("改造阶段", "改造前", "改造后");
        foreach (var a in f.Aspects)
            table.Row(new DocxCell($"{a}方面成效", Bold: true, Centre: true),
                FilingValues.Text(values, $"{f.Key}.{a}.before") ?? "", FilingValues.Text(values, $"{f.Key}.{a}.after") ?? "");
    }
}
