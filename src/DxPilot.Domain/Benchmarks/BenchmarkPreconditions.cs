using DxPilot.Domain.Text;

using DxPilot.Domain.Instruments;

namespace DxPilot.Domain.Benchmarks;

/// <summary>What an applicant for the Heilongjiang demonstration benchmark (示范标杆) shows for the preconditions (前置条件).</summary>
public sealed record BenchmarkApplicant
{
    /// <summary>信用中国 and 国家企业信用信息公示系统 screenshots provided and both without anomaly.</summary>
    public bool CreditScreenshotsClean { get; init; }
    /// <summary>营业执照复印件（加盖公章）scanned and on file.</summary>
    public bool BusinessLicenceOnFile { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    /// <summary>主营业务收入 per year in 万元.</summary>
    public IReadOnlyDictionary<int, decimal> RevenueByYear { get; init; } = new Dictionary<int, decimal>();
    /// <summary>Level shown by the MIIT platform's self-test (0 = 无等级), null when no screenshot.</summary>
    public int? MiitLevel { get; init; }
    /// <summary>Years with a coded (赋码) audited financial report on file.</summary>
    public IReadOnlySet<int> AuditedReportYears { get; init; } = new HashSet<int>();
    /// <summary>Years whose audited report also carries the previous year's figures (seed 000: a 2023 report with 2022 figures covers 2022).</summary>
    public IReadOnlySet<int> ReportsCarryingPriorYear { get; init; } = new HashSet<int>();
    /// <summary>真实性承诺书 signed by hand by the legal representative and stamped.</summary>
    public bool PledgeSignedByLegalRepresentative { get; init; }
    /// <summary>情况概述</summary>
    public string? Overview { get; init; }
    /// <summary>创新型中小企业 / 专精特新中小企业 declared (null: none), with the recognition document's 批次 and 序号 and its scan.</summary>
    public string? RecognitionTitle { get; init; }
    public string? RecognitionBatch { get; init; }
    public string? RecognitionSerial { get; init; }
    public bool RecognitionDocumentOnFile { get; init; }
}

/// <summary>One precondition, green or red, with its reason in Chinese.</summary>
public sealed record PreconditionCheck(Precondition Precondition, bool Passed, string Reason);

/// <summary>The preconditions checklist: each failing one is a hard stop (不得申报).</summary>
public static class BenchmarkPreconditions
{
    public static IReadOnlyList<PreconditionCheck> Check(Instrument instrument, BenchmarkApplicant a) =>
        instrument.Preconditions.Select(p => Check(p, a, instrument.Overview)).ToList();

    public static bool AllPassed(IEnumerable<PreconditionCheck> checks) => checks.All(c => c.Passed);

    private static PreconditionCheck Check(Precondition p, BenchmarkApplicant a, OverviewRule? overview)
    {
        var (passed, reason) = p.Id switch
        {
            "credit" => a.CreditScreenshotsClean
                ? (true, "信用中国、国家企业信用信息公示系统均无异常")
                : (false, "缺少信用无异常截图或信用存在异常，不得申报"),
            "registration" => Registration(p, a),
            "miitLevel" => MiitLevel(p, a),
            "auditedReports" => AuditedReports(p, a),
            "pledge" => a.PledgeSignedByLegalRepresentative
                ? (true, "真实性承诺书已由法定代表人签字")
                : (false, "真实性承诺书须由法定代表人手写签字并加盖公章"),
            "overview" => Overview(a.Overview, overview),
            "recognition" => Recognition(a),
            _ => (false, $"系统不认识前置条件“{p.Name}”（{p.Id}），请人工核验"),
        };
        return new PreconditionCheck(p, passed, reason);
    }

    private static (bool, string) Registration(Precondition p, BenchmarkApplicant a)
    {
        if (a.RegisteredOn is not { } on) return (false, "缺少注册成立日期（营业执照）");
        if (p.RegisteredBefore is { } before && on >= before)
            return (false, $"注册成立于{ChineseText.Date(on)}，应在{ChineseText.Date(before)}前成立，不得申报");
        var missing = p.RevenueYears.Where(y => !a.RevenueByYear.ContainsKey(y)).ToList();
        if (missing.Count > 0) return (false, $"缺少{string.Join("、", missing)}年度营业收入");
        var zero = p.RevenueYears.Where(y => a.RevenueByYear[y] <= 0).ToList();
        if (zero.Count > 0) return (false, $"{string.Join("、", zero)}年度营业收入为0，不得申报");
        // Seed 000 三、2: "企业营业执照复印件（加盖公章，此为前置条件……）" — the typed date counts only with the licence it is read from.
        return !a.BusinessLicenceOnFile
            ? (false, "缺少营业执照复印件（加盖公章）扫描件，不得申报")
            : (true, $"注册成立于{ChineseText.Date(on)}，{string.Join("、", p.RevenueYears)}年度均有营业收入");
    }

    private static (bool, string) MiitLevel(Precondition p, BenchmarkApplicant a)
    {
        if (a.MiitLevel is not { } level) return (false, "缺少工信部平台数字化水平测试截图");
        var min = p.MinLevel ?? 0;
        return level >= min
            ? (true, $"工信部平台数字化水平为{LevelNames.Short(level)}")
            : (false, $"工信部平台数字化水平为{LevelNames.Short(level)}，需要{LevelNames.Short(min)}及以上，不得申报");
    }

    private static (bool, string) AuditedReports(Precondition p, BenchmarkApplicant a)
    {
        bool Covered(int year) => a.AuditedReportYears.Contains(year)
                                  || (a.AuditedReportYears.Contains(year + 1) && a.ReportsCarryingPriorYear.Contains(year + 1));
        var uncovered = p.Years.Where(y => !Covered(y)).ToList();
        return uncovered.Count == 0
            ? (true, $"{p.Years.Min()}—{p.Years.Max()}年度赋码审计报告齐全")
            : (false, $"缺少{string.Join("、", uncovered)}年度赋码审计报告（须上传该年度报告扫描件；后一年度报告含该年度指标的也可）");
    }

    /// <summary>Seed 000 三、5: "申报企业如是创新型中小企业、专精特新中小企业请提供省工信厅认定文件复印件，标明企业认定批次及企业序号;
    /// 公示文件及网络截图为无效佐证" — asked only of an enterprise that declares the status; a declared status must be proven whole.</summary>
    private static (bool, string) Recognition(BenchmarkApplicant a)
    {
        if (a.RecognitionTitle is not { } title)
            return (true, "未申报创新型中小企业或专精特新中小企业称号（如是，须提供省工信厅认定文件复印件）");
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(a.RecognitionBatch)) missing.Add("认定批次");
        if (string.IsNullOrWhiteSpace(a.RecognitionSerial)) missing.Add("企业序号");
        if (!a.RecognitionDocumentOnFile) missing.Add("省工信厅认定文件复印件");
        return missing.Count == 0
            ? (true, $"{title}（{a.RecognitionBatch}，序号{a.RecognitionSerial}），已提供省工信厅认定文件复印件")
            : (false, $"申报为{title}的，须提供省工信厅认定文件复印件并标明认定批次及企业序号，缺少{string.Join("、", missing)}（公示文件及网络截图为无效佐证）");
    }

    private static (bool, string) Overview(string? text, OverviewRule? rule)
    {
        var min = rule?.MinCharacters ?? 0;
        var count = ChineseText.CountCharacters(text);
        return count >= min ? (true, $"情况概述{count}字") : (false, $"情况概述只有{count}字，需要不少于{min}字");
    }
}
