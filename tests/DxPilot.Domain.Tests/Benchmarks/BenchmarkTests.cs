using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Instruments;
using Xunit;

using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Benchmarks;

/// <summary>Heilongjiang demonstration benchmark (seed 000).</summary>
public class BenchmarkTests
{
    private static readonly Instrument Hlj = OfficialInstruments.Heilongjiang;
    private static readonly BenchmarkItemAnswer Proven = new(true, "已上线PLM系统，设计与工艺协同。", 1);

    private static Dictionary<int, BenchmarkItemAnswer> AllItems(BenchmarkItemAnswer answer) =>
        Enumerable.Range(1, 30).ToDictionary(n => n, _ => answer);

    [Fact]
    public void Every_item_proven_scores_100_with_the_seed_subtotals()
    {
        var score = BenchmarkSelfScore.Score(Hlj, AllItems(Proven));
        Assert.Equal(100m, score.Total);
        Assert.Equal([50m, 25m, 25m], score.Dimensions);
        Assert.Equal([10m, 15m, 25m, 10m, 15m, 15m, 10m], score.SubIndicators);
        Assert.Empty(score.Problems);
    }

    [Fact]
    public void A_yes_without_picture_or_without_text_scores_zero_with_the_reason()
    {
        var answers = AllItems(new BenchmarkItemAnswer(false, null, 0));
        answers[3] = new BenchmarkItemAnswer(true, "PLM/PDM", 0);
        answers[12] = new BenchmarkItemAnswer(true, "  ", 4);
        answers[13] = Proven;
        answers[30] = Proven;
        var score = BenchmarkSelfScore.Score(Hlj, answers);
        Assert.Equal(6m, score.Total); // item 13 = 5, item 30 = 1
        Assert.StartsWith("第3项选择“是”但缺少图片证明（至少1张；", score.Items[2].Reason);
        Assert.StartsWith("第12项选择“是”但缺少文字描述（系统集成情况描述", score.Items[11].Reason);
        Assert.Equal(0m, score.Items[11].Points);
        Assert.Null(score.Items[12].Reason);
        Assert.Null(score.Items[0].Reason); // answered 否: nothing to explain
    }

    [Fact]
    public void Unknown_and_missing_items_are_reported()
    {
        var answers = AllItems(Proven);
        answers.Remove(7);
        answers[31] = Proven;
        var score = BenchmarkSelfScore.Score(Hlj, answers);
        Assert.Equal(95m, score.Total);
        Assert.Equal(["没有第31项（共30项）", "以下1项未作答（按“否”计0分）：第7项"], score.Problems.Select(p => p.Message));
    }

    private static readonly BenchmarkApplicant Eligible = new()
    {
        CreditScreenshotsClean = true,
        BusinessLicenceOnFile = true,
        RegisteredOn = new DateOnly(2021, 12, 31),
        RevenueByYear = new Dictionary<int, decimal> { [2022] = 1200, [2023] = 1500, [2024] = 1800 },
        MiitLevel = 2,
        AuditedReportYears = new HashSet<int> { 2022, 2023, 2024 },
        PledgeSignedByLegalRepresentative = true,
        Overview = new string('数', 2000),
    };

    private static PreconditionCheck Check(BenchmarkApplicant a, string id) =>
        BenchmarkPreconditions.Check(Hlj, a).Single(c => c.Precondition.Id == id);

    [Fact]
    public void An_eligible_applicant_passes_every_precondition()
    {
        var checks = BenchmarkPreconditions.Check(Hlj, Eligible);
        Assert.Equal(7, checks.Count);
        Assert.True(BenchmarkPreconditions.AllPassed(checks), string.Join("；", checks.Where(c => !c.Passed).Select(c => c.Reason)));
    }

    [Fact]
    public void Each_precondition_is_a_hard_stop_with_its_reason()
    {
        Assert.Equal("缺少信用无异常截图或信用存在异常，不得申报", Check(Eligible with { CreditScreenshotsClean = false }, "credit").Reason);
        Assert.Equal("注册成立于2022年1月1日，应在2022年1月1日前成立，不得申报",
            Check(Eligible with { RegisteredOn = new DateOnly(2022, 1, 1) }, "registration").Reason);
        Assert.Equal("2023年度营业收入为0，不得申报",
            Check(Eligible with { RevenueByYear = new Dictionary<int, decimal> { [2022] = 5, [2023] = 0, [2024] = 5 } }, "registration").Reason);
        Assert.Equal("工信部平台数字化水平为一级，需要二级及以上，不得申报", Check(Eligible with { MiitLevel = 1 }, "miitLevel").Reason);
        Assert.False(Check(Eligible with { MiitLevel = null }, "miitLevel").Passed);
        // seed 002 表6: below 一级 is 无等级; the passing reason names the level as the facts do (二级, not 2级)
        Assert.Equal("工信部平台数字化水平为无等级，需要二级及以上，不得申报", Check(Eligible with { MiitLevel = 0 }, "miitLevel").Reason);
        Assert.Equal("工信部平台数字化水平为二级", Check(Eligible with { MiitLevel = 2 }, "miitLevel").Reason);
        Assert.Equal("缺少2022年度赋码审计报告（须上传该年度报告扫描件；后一年度报告含该年度指标的也可）",
            Check(Eligible with { AuditedReportYears = new HashSet<int> { 2023, 2024 } }, "auditedReports").Reason);
        Assert.Equal("真实性承诺书须由法定代表人手写签字并加盖公章", Check(Eligible with { PledgeSignedByLegalRepresentative = false }, "pledge").Reason);
        Assert.Equal("情况概述只有1999字，需要不少于2000字", Check(Eligible with { Overview = new string('数', 1999) }, "overview").Reason);
        Assert.Equal("缺少营业执照复印件（加盖公章）扫描件，不得申报", Check(Eligible with { BusinessLicenceOnFile = false }, "registration").Reason);
        Assert.All(new[] { "credit", "registration", "miitLevel", "auditedReports", "pledge", "overview", "recognition" },
            id => Assert.True(Check(Eligible, id).Passed));
    }

    [Fact]
    public void A_recognition_is_asked_only_of_an_enterprise_that_declares_it_and_then_in_full()
    {
        // Seed 000 三、5: "申报企业如是创新型中小企业、专精特新中小企业请提供省工信厅认定文件复印件，标明企业认定批次及企业序号;
        // 公示文件及网络截图为无效佐证".
        Assert.Equal(["创新型中小企业", "专精特新中小企业"], Hlj.Preconditions.Single(p => p.Id == "recognition").Titles);
        Assert.Equal("未申报创新型中小企业或专精特新中小企业称号（如是，须提供省工信厅认定文件复印件）", Check(Eligible, "recognition").Reason);
        var declared = Eligible with { RecognitionTitle = "专精特新中小企业", RecognitionBatch = "2024年第一批", RecognitionSerial = "37", RecognitionDocumentOnFile = true };
        Assert.Equal((true, "专精特新中小企业（2024年第一批，序号37），已提供省工信厅认定文件复印件"),
            (Check(declared, "recognition").Passed, Check(declared, "recognition").Reason));
        Assert.Equal("申报为专精特新中小企业的，须提供省工信厅认定文件复印件并标明认定批次及企业序号，缺少企业序号、省工信厅认定文件复印件（公示文件及网络截图为无效佐证）",
            Check(declared with { RecognitionSerial = " ", RecognitionDocumentOnFile = false }, "recognition").Reason);
        Assert.False(Check(declared with { RecognitionBatch = null }, "recognition").Passed);
    }

    [Fact]
    public void A_2023_report_carrying_2022_figures_covers_2022()
    {
        var a = Eligible with { AuditedReportYears = new HashSet<int> { 2023, 2024 }, ReportsCarryingPriorYear = new HashSet<int> { 2023 } };
        Assert.True(Check(a, "auditedReports").Passed);
    }

    [Fact]
    public void The_overview_counts_characters_as_a_person_sees_them()
    {
        // 1999 CJK characters and one emoji (2 UTF-16 units, 4 UTF-8 bytes) are 2000 characters.
        Assert.True(Check(Eligible with { Overview = new string('数', 1999) + "👍" }, "overview").Passed);
        // 1000 characters are 3000 UTF-8 bytes but still only 1000 characters.
        Assert.False(Check(Eligible with { Overview = new string('数', 1000) }, "overview").Passed);
    }

    [Fact]
    public void A_review_score_above_0_is_refused_for_an_item_the_enterprises_own_score_gives_0()
    {
        // Seed 000 二: "如没有详细描述及图片，则该项为0分" — the province's review gives no more than the enterprise claimed and proved.
        var answers = AllItems(Proven);
        answers[4] = new BenchmarkItemAnswer(false, null, 0);
        answers.Remove(5);
        answers[6] = new BenchmarkItemAnswer(true, "设备上云", 0);
        answers[8] = new BenchmarkItemAnswer(true, " ", 0);
        var self = BenchmarkSelfScore.Score(Hlj, answers);
        var scores = new Dictionary<int, decimal> { [4] = 3, [5] = 0.5m, [6] = 4, [8] = 1, [7] = 5, [9] = 0 };
        Assert.Equal(new Dictionary<string, string>
        {
            ["4"] = "第4项：企业未选择“是”（选择“否”或未作答），审核得分只能为0分",
            ["5"] = "第5项：企业未选择“是”（选择“否”或未作答），审核得分只能为0分",
            ["6"] = "第6项：企业选择“是”但缺少图片证明，自评为0分，审核得分只能为0分",
            ["8"] = "第8项：企业选择“是”但缺少文字描述和图片证明，自评为0分，审核得分只能为0分",
        }, BenchmarkReview.Problems(Hlj, scores, self));
        Assert.Empty(BenchmarkReview.Problems(Hlj, new Dictionary<int, decimal> { [4] = 0, [5] = 0, [6] = 0, [8] = 0, [7] = 2.5m }, self));
    }
}
