using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Documents;

namespace DxPilot.Web.Features.Projects.Documents;

/// <summary>
/// 第三方评测机构出具的企业数字化改造项目验收意见 (Changchun's 附件5; the label is the programme's), in seed 002's layout: one
/// table with 项目单位名称 | 所属县（市、区）, 项目名称, 项目负责人 | 联系方式, the agency's 审核意见 (its findings, opinion and suggestions, rectification and re-check where there were any,
/// the group's signature lines with the members' names, 单位公章 and the date) and the district bureau's box. The seed's line
/// "（试点企业无需填写，待正式提交申报书材料时删除此行）" is an instruction to the drafters, not part of the form, and is left out.
/// </summary>
public static class AcceptanceOpinionDocument
{
    public const string Title = "第三方评测机构出具的企业数字化改造项目验收意见";
    private const string BlankDate = "年    月    日";

    public static string FileName(AcceptanceOpinionSources s) => $"企业数字化改造项目验收意见（{s.Enterprise.Name}）.docx";

    public static void Write(Stream output, AcceptanceOpinionSources s)
    {
        var p = s.Project;
        using var doc = DocxWriter.Create(output, $"{Title}（{s.Enterprise.Name}）");
        if (s.Annex is { } annex) doc.Paragraph(annex, indent: false);
        doc.Title(Title, DocxSize.XiaoEr);
        const int label = 2000;
        var value = (DocxWriter.TextWidth - 2 * label) / 2;
        var table = doc.Table(DocxSize.Wu, label, value, label, DocxWriter.TextWidth - 2 * label - value);
        DocxCell Label(string text) => new(text, Bold: true, Centre: true);
        // 项目负责人: the enterprise's contact on its file, who answers for the project.
        table.Row(Label("项目单位名称"), s.Enterprise.Name, Label("所属县（市、区）"), p.District)
            .Row(Label("项目名称"), new DocxCell(p.ProjectName, Span: 3))
            .Row(Label("项目负责人"), s.Enterprise.ContactName ?? "", Label("联系方式"), s.Enterprise.ContactPhone ?? "")
            .Row(Label("第三方评测机构\n审核意见"), new DocxCell(AgencyOpinion(s), Span: 3,
                Signoff: $"单位公章\n\n{(s.DecidedOn is { } on ? ChineseText.Date(on) : BlankDate)}"))
            .Row(Label("所属县（市、区）\n工信主管部门"), new DocxCell((p.DistrictOpinion ?? "") + "\n\n\n", Span: 3,
                Signoff: $"单位公章\n\n{(s.ConfirmedOn is { } confirmed ? ChineseText.Date(confirmed) : BlankDate)}"));
    }

    /// <summary>The agency's box, numbered as far as it has something to say, then the group's signature lines.</summary>
    private static string AgencyOpinion(AcceptanceOpinionSources s)
    {
        var a = s.Project.Acceptance;
        var parts = new List<string>();
        void Part(string heading, string? text)
        {
            if (!string.IsNullOrWhiteSpace(text)) parts.Add($"{ChineseText.Numeral(parts.Count + 1)}、{heading}：{text}");
        }
        Part("书面材料审核", a.DocumentReview);
        Part(a.SiteCheckOn is { } site ? $"现场核查（{ChineseText.Date(site)}）" : "现场核查", a.SiteCheck);
        Part("审核意见", a.Opinion);
        Part("改进建议", a.Suggestions);
        if (a.Rectifications.Count > 0)
            Part(a.RectifyBy is { } by ? $"整改要求（整改期限：{ChineseText.Date(by)}）" : "整改要求",
                "\n" + string.Join("\n", a.Rectifications.Select((r, i) => $"{i + 1}. {r.Item}{(r.Done ? "（已整改）" : "")}")));
        Part(a.RecheckedOn is { } re ? $"复查情况（{ChineseText.Date(re)}）" : "复查情况", a.Recheck);
        var lines = new List<string>(parts);
        if (s.Verdict is { } verdict)
            lines.Add($"验收结论：{verdict.Label()}{(verdict == AcceptanceVerdict.Failed && !string.IsNullOrWhiteSpace(s.VerdictReason) ? $"。理由：{s.VerdictReason}" : "")}");
        lines.Add("");
        lines.Add($"负责人签字：{(a.Leader is { } leader ? Member(leader) : "")}");
        lines.Add($"组员签字：{string.Join("、", a.Members.Where(m => !m.Leader).Select(Member))}");
        lines.Add("");
        return string.Join("\n", lines);
    }

    private static string Member(ExpertMember m) => $"{m.Name}（{m.Unit}{(m.Title is { Length: > 0 } t ? $"，{t}" : "")}）";
}
