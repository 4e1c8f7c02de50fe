using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Projects;

/// <summary>
/// When a project's documents exist (seed 002 三（二）5-6): the 评测报告 once the agency recorded its 改造后 evaluation, the 验收意见
/// once it recorded any of the acceptance; the verdict the 验收意见 prints is the last of the agency's pass, rectify, recheck or fail;
/// and the before→after wording of the report and the result page.
/// </summary>
public sealed class ProjectReportsTests
{
    private const string Programme = "changchun-2025";
    private static readonly DateTime Now = new(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_evaluation_report_exists_once_the_agency_recorded_its_after_assessment()
    {
        var p = Completed();
        Assert.Equal("评测机构尚未记录改造后评测，数字化水平评测报告暂不能生成", ProjectReports.EvaluationReport(p));
        p.RecordEvaluation(Guid.NewGuid(), "吉林评测中心", (Guid.NewGuid(), 2, 42.25m), null, [], null, Now);
        Assert.Null(ProjectReports.EvaluationReport(p));
    }

    [Fact]
    public void The_acceptance_opinion_exists_once_the_agency_recorded_a_member_or_a_finding()
    {
        var p = Completed();
        Assert.Equal("评测机构尚未记录验收情况，验收意见暂不能生成", ProjectReports.AcceptanceOpinion(p));
        Assert.False(ProjectReports.AcceptanceRecorded(new AcceptanceRecord { Opinion = "  " }));
        Assert.True(ProjectReports.AcceptanceRecorded(new AcceptanceRecord { Suggestions = "加强数据分析应用。" }));
        Assert.True(ProjectReports.AcceptanceRecorded(new AcceptanceRecord { Members = [new ExpertMember { Name = "刘教授", Unit = "吉林大学" }] }));
        Assert.True(ProjectReports.AcceptanceRecorded(new AcceptanceRecord { Opinion = "同意通过验收。" }));
        Assert.True(ProjectReports.AcceptanceRecorded(new AcceptanceRecord { DocumentReview = "材料齐全。" }));
        Assert.True(ProjectReports.AcceptanceRecorded(new AcceptanceRecord { SiteCheck = "系统运行正常。" }));
    }

    [Theory]
    [InlineData("complete,evaluate", null)]
    [InlineData("complete,evaluate,pass,confirm", AcceptanceVerdict.Passed)]
    [InlineData("complete,evaluate,rectify", AcceptanceVerdict.Rectifying)]
    [InlineData("complete,evaluate,rectify,recheck,confirm,audit", AcceptanceVerdict.PassedAfterRectification)]
    [InlineData("complete,evaluate,rectify,fail", AcceptanceVerdict.Failed)]
    public void The_verdict_is_the_last_acceptance_step_of_the_history(string history, AcceptanceVerdict? expected) =>
        Assert.Equal(expected, history.Split(',').Select(ProjectReports.VerdictOf).LastOrDefault(v => v is not null));

    [Theory]
    [InlineData(0, 2, "提升2级")]
    [InlineData(2, 2, "持平")]
    [InlineData(3, 1, "下降2级")]
    public void A_level_change_is_worded_as_rise_equal_or_fall(int before, int after, string expected) =>
        Assert.Equal(expected, BeforeAfterChange.Level(before, after));

    [Theory]
    [InlineData("8.5", "+8.5")]
    [InlineData("0", "0")]
    [InlineData("-1.25", "-1.25")]
    public void A_points_change_carries_its_sign(string delta, string expected) =>
        Assert.Equal(expected, BeforeAfterChange.Points(decimal.Parse(delta, System.Globalization.CultureInfo.InvariantCulture)));

    private static Project Completed()
    {
        var enterprise = Guid.NewGuid();
        var filing = Filing.Start(Programme, enterprise, "朝阳区", new Actor("e1", "企业", Role.Enterprise, Programme, EnterpriseId: enterprise), Now);
        var p = Project.Open(filing, new DateOnly(2025, 12, 31), Now);
        var taken = p.Apply(ProgrammeFiles.ById(Programme).Project!.Chain, ProjectTrigger.Complete,
            new Actor("e1", "企业", Role.Enterprise, Programme, EnterpriseId: enterprise), null, new ProjectCase(p, new([], [], [], [], [], [], [], [])), Now);
        Assert.True(taken.Taken);
        return p;
    }
}
