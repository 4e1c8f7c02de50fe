using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Workflow;
using DxPilot.Domain.Instruments;
using Xunit;

using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Benchmarks;

/// <summary>The Heilongjiang benchmark application (seed 000) as a draft that may only be submitted when every precondition passes.</summary>
public class BenchmarkApplicationTests
{
    private static readonly Instrument Hlj = OfficialInstruments.Heilongjiang;
    private static readonly DateTime Now = new(2025, 7, 16, 2, 0, 0, DateTimeKind.Utc);

    private static readonly EvidenceOnFile AllDocuments = EvidenceOnFile.From(
    [
        (BenchmarkEvidenceKind.CreditChina, null, null), (BenchmarkEvidenceKind.CreditGsxt, null, null), (BenchmarkEvidenceKind.BusinessLicence, null, null),
        (BenchmarkEvidenceKind.MiitLevel, null, null), (BenchmarkEvidenceKind.Pledge, null, null), (BenchmarkEvidenceKind.ItemPicture, 3, null),
        (BenchmarkEvidenceKind.AuditReport, null, 2022), (BenchmarkEvidenceKind.AuditReport, null, 2023), (BenchmarkEvidenceKind.AuditReport, null, 2024),
    ]);

    /// <summary>Submission as every call declares it: the enterprise, from a draft or a returned application, all preconditions met.</summary>
    private static readonly Workflow<BenchmarkStatus, BenchmarkTrigger, BenchmarkCase> Chain = BenchmarkWorkflow.Process.Compile(new WorkflowChain
    {
        States = Enum.GetValues<BenchmarkStatus>().Select(s => new WorkflowStateEntry(WorkflowNames.Of(s), s.ToString())).ToList(),
        Transitions = [new("submit", ["draft", "returned"], "submitted", ["enterprise"], "提交申报", ["preconditions"])],
    });

    private static readonly Actor Applicant = new("e1", "申报企业", Role.Enterprise, "heilongjiang-2025", EnterpriseId: Guid.NewGuid());

    private static TransitionResult<BenchmarkStatus> Submit(BenchmarkApplication a, EvidenceOnFile evidence) =>
        a.Apply(Chain, BenchmarkTrigger.Submit, Applicant, null, Hlj, evidence, Now);

    private static BenchmarkFacts EligibleFacts() => new()
    {
        CreditClean = true, RegisteredOn = new DateOnly(2021, 12, 31),
        RevenueByYear = new() { [2022] = 1200, [2023] = 1500, [2024] = 1800 },
        MiitLevel = 2, AuditedReportYears = [2022, 2023, 2024], PledgeSigned = true,
    };

    private static BenchmarkApplication Draft(BenchmarkFacts facts, string overview, EvidenceOnFile evidence)
    {
        var a = BenchmarkApplication.Start("heilongjiang-2025", Guid.NewGuid(), Hlj, Now);
        var answers = new BenchmarkAnswers { Items = { [3] = new BenchmarkItemEntry(true, "PLM已上线"), [4] = new BenchmarkItemEntry(true, "设备清单") } };
        a.Revise(Hlj, answers, facts, overview, evidence, Now);
        return a;
    }

    [Fact]
    public void A_revised_draft_stores_its_score_and_sub_totals()
    {
        // Item 3 (5 points) has its picture; item 4 (3 points) has none and earns 0.
        var a = Draft(EligibleFacts(), new string('数', 2000), AllDocuments);
        Assert.Equal(5m, a.SelfScore);
        Assert.Equal(5m, a.SubTotals.SubIndicators["研发设计数字化"]);
        Assert.Equal(0m, a.SubTotals.SubIndicators["关键工序装备数字化"]);
        Assert.Equal(5m, a.SubTotals.Dimensions["数字化改造"]);
        Assert.Equal(1, a.Version);
    }

    [Fact]
    public void A_declaration_counts_only_with_its_screenshot_or_scan_on_file()
    {
        var onlyPicture = EvidenceOnFile.From([(BenchmarkEvidenceKind.ItemPicture, 3)]);
        var failing = Draft(EligibleFacts(), new string('数', 2000), onlyPicture).Preconditions(Hlj, onlyPicture)
            .Where(c => !c.Passed).Select(c => c.Precondition.Id);
        Assert.Equal(["credit", "registration", "miitLevel", "auditedReports", "pledge"], failing);
    }

    [Fact]
    public void A_ticked_audit_year_counts_only_with_that_years_report_on_file_and_the_licence_is_required()
    {
        // Seed 000 三、4: "经会计师事务所审计的2022—2024年度财务审计报告……均应为赋码审计报告"; 三、2: "企业营业执照复印件（加盖公章，此为前置条件……）".
        var without2023 = EvidenceOnFile.From(
        [
            (BenchmarkEvidenceKind.CreditChina, null, null), (BenchmarkEvidenceKind.CreditGsxt, null, null), (BenchmarkEvidenceKind.MiitLevel, null, null),
            (BenchmarkEvidenceKind.Pledge, null, null), (BenchmarkEvidenceKind.AuditReport, null, 2022), (BenchmarkEvidenceKind.AuditReport, null, 2024),
        ]);
        var checks = Draft(EligibleFacts(), new string('数', 2000), without2023).Preconditions(Hlj, without2023).Where(c => !c.Passed).ToList();
        Assert.Equal(
        [
            ("registration", "缺少营业执照复印件（加盖公章）扫描件，不得申报"),
            ("auditedReports", "缺少2023年度赋码审计报告（须上传该年度报告扫描件；后一年度报告含该年度指标的也可）"),
        ], checks.Select(c => (c.Precondition.Id, c.Reason)));
        Assert.True(Submit(Draft(EligibleFacts(), new string('数', 2000), without2023), without2023).Refusal is not null);
        Assert.Null(Submit(Draft(EligibleFacts(), new string('数', 2000), AllDocuments), AllDocuments).Refusal);
    }

    [Fact]
    public void Submission_is_refused_with_every_failing_precondition_and_changes_nothing()
    {
        var facts = EligibleFacts();
        facts.MiitLevel = 1;
        var a = Draft(facts, new string('数', 1999), AllDocuments);
        var refusal = Submit(a, AllDocuments).Refusal!;
        Assert.Equal(RefusalKind.GuardFailed, refusal.Kind);
        Assert.Equal("以下2项前置条件未满足，不能提交：数字化水平二级及以上：工信部平台数字化水平为一级，需要二级及以上，不得申报；" +
                     "情况概述不少于2000字：情况概述只有1999字，需要不少于2000字", refusal.Message);
        Assert.Equal(BenchmarkStatus.Draft, a.Status);
        Assert.Null(a.SubmittedAt);
        Assert.Equal(1, a.Version);
    }

    [Fact]
    public void A_submitted_application_no_longer_changes()
    {
        var a = Draft(EligibleFacts(), new string('数', 2000), AllDocuments);
        var record = Submit(a, AllDocuments).Record!;
        Assert.Equal(("submit", "draft", "submitted", "e1"), (record.Trigger, record.FromState, record.ToState, record.ActorId));
        Assert.Equal(BenchmarkStatus.Submitted, a.Status);
        Assert.Equal(Now, a.SubmittedAt);
        Assert.Throws<InvalidOperationException>(() => a.Revise(Hlj, new BenchmarkAnswers(), EligibleFacts(), "", AllDocuments, Now));
        Assert.Equal(RefusalKind.WrongState, Submit(a, AllDocuments).Refusal!.Kind);
    }

    [Fact]
    public void The_answer_and_fact_documents_list_their_fields_for_the_audit_trail()
    {
        var answers = new BenchmarkAnswers { Items = { [2] = new BenchmarkItemEntry(false, null), [1] = new BenchmarkItemEntry(true, "CAD") } };
        Assert.Equal(["第1项", "第1项文字描述", "第2项"], answers.AuditFields().Keys);
        var facts = EligibleFacts().AuditFields();
        Assert.Equal("2021-12-31", facts["注册成立日期"]);
        Assert.Equal("1800.00", facts["2024年度营业收入（万元）"]);
        Assert.Equal("二级", facts["工信部平台数字化水平"]);
        Assert.Equal("2022、2023、2024", facts["赋码审计报告年度"]);
    }
}
