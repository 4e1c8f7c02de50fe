using DxPilot.Domain.Assessments;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;

namespace DxPilot.Web.Features.Diagnoses.Report;

/// <summary>
/// What the platform already knows and the report shows without anyone retyping it: the enterprise file (表1), the
/// provider, the linked 改造前 assessment (表6-8), the team, the visits with their photos' thumbnails, the satisfaction
/// form. Read from the diagnosis by <see cref="DiagnosisReportService"/>; the page and the .docx only show it. The phones (the
/// enterprise's <paramref name="ContactPhone"/>, the team's) are as the reader may see them: masked for roles that do not need them.
/// </summary>
public sealed record ReportSources(
    string ProgrammeName,
    Enterprise Enterprise,
    string IndustryName,
    string ProviderName,
    Assessment? Assessment,
    Instrument? Instrument,
    IReadOnlyList<ReportMember> Team,
    IReadOnlyList<ReportVisit> Visits,
    ReportSatisfaction? Satisfaction,
    string ContactPhone)
{
    /// <summary>长春市中小企业数字化转型城市试点咨询诊断报告: the template's title for the programme's city.</summary>
    public string Title => $"{ProgrammeName}咨询诊断报告";
}

/// <summary>A line of 诊断人员列表: 姓名, 咨询诊断机构, 职位, 工作职责, 联系方式.</summary>
public sealed record ReportMember(string Name, string Unit, string Position, string Duty, string Contact);

/// <summary>A 现场诊断记录表: one visit, its span as "13:30-16:30", who signed, the topic, the outcome, the photos.</summary>
public sealed record ReportVisit(DateOnly Date, string Span, string Members, string Topic, string Outcome, string EnterpriseContact,
    IReadOnlyList<ReportPhoto> Photos);

/// <summary>A photo's thumbnail as the record shows it: its tag (进门LOGO…) and taken time as the caption; the page shows it
/// from <paramref name="Url"/>, the .docx embeds <paramref name="Thumbnail"/> (read from the blob store by
/// <paramref name="ThumbnailSha256"/> only for the .docx).</summary>
public sealed record ReportPhoto(string Caption, string Url, byte[] Thumbnail, bool Jpeg, int Width, int Height, string? ThumbnailSha256 = null);

/// <summary>企业满意度评价表 as the enterprise submitted it: each item with its rating, overall, adoption, comment.</summary>
public sealed record ReportSatisfaction(IReadOnlyList<(string Item, string Rating)> Items, string Overall, string Adoption, string? Comment,
    DateOnly SubmittedOn);
