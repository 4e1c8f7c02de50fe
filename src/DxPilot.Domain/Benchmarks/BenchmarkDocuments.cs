using System.Globalization;

using DxPilot.Domain.Auditing;

using DxPilot.Domain.Instruments;

namespace DxPilot.Domain.Benchmarks;

/// <summary>One self-score item as typed: 是/否 (null while unanswered) and its 文字描述.</summary>
public sealed record BenchmarkItemEntry(bool? Yes, string? Description);

/// <summary>自评表 answers by item number (1-30, the numbering of seed 000).</summary>
public sealed class BenchmarkAnswers : IAuditedDocument
{
    public Dictionary<int, BenchmarkItemEntry> Items { get; set; } = [];

    public IReadOnlyDictionary<string, string> AuditFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (no, item) in Items.OrderBy(i => i.Key))
        {
            if (item.Yes is { } yes) fields[$"第{no}项"] = yes ? "是" : "否";
            if (!string.IsNullOrWhiteSpace(item.Description)) fields[$"第{no}项文字描述"] = item.Description;
        }
        return fields;
    }
}

/// <summary>What the applicant declares for the preconditions (前置条件); the screenshots and the pledge scan are
/// evidence files kept beside the application.</summary>
public sealed class BenchmarkFacts : IAuditedDocument
{
    /// <summary>信用中国 and 国家企业信用信息公示系统 both show no anomaly (the screenshots must be on file too).</summary>
    public bool CreditClean { get; set; }
    /// <summary>注册成立日期 as on the business licence.</summary>
    public DateOnly? RegisteredOn { get; set; }
    /// <summary>营业收入 per year, 万元.</summary>
    public Dictionary<int, decimal> RevenueByYear { get; set; } = [];
    /// <summary>Level the MIIT platform's self-test shows, 0 = 无等级.</summary>
    public int? MiitLevel { get; set; }
    /// <summary>Years with a coded (赋码) audited financial report.</summary>
    public List<int> AuditedReportYears { get; set; } = [];
    /// <summary>Years whose report also carries the previous year's figures.</summary>
    public List<int> ReportsCarryingPriorYear { get; set; } = [];
    /// <summary>真实性承诺书 signed by hand by the legal representative and stamped (its scan must be on file too).</summary>
    public bool PledgeSigned { get; set; }
    /// <summary>创新型中小企业 or 专精特新中小企业 as the province recognised it (seed 000 三、5); null: none declared.</summary>
    public string? RecognitionTitle { get; set; }
    /// <summary>认定批次 as the province's recognition document names it.</summary>
    public string? RecognitionBatch { get; set; }
    /// <summary>企业序号 in that document.</summary>
    public string? RecognitionSerial { get; set; }

    public IReadOnlyDictionary<string, string> AuditFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["信用查询无异常"] = CreditClean ? "是" : "否",
            ["承诺书已签字盖章"] = PledgeSigned ? "是" : "否",
        };
        if (RegisteredOn is { } on) fields["注册成立日期"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var (year, revenue) in RevenueByYear.OrderBy(r => r.Key))
            fields[$"{year}年度营业收入（万元）"] = revenue.ToString("0.00", CultureInfo.InvariantCulture);
        if (MiitLevel is { } level) fields["工信部平台数字化水平"] = LevelNames.Short(level);
        if (AuditedReportYears.Count > 0) fields["赋码审计报告年度"] = string.Join("、", AuditedReportYears.Order());
        if (ReportsCarryingPriorYear.Count > 0) fields["含上一年度指标的审计报告"] = string.Join("、", ReportsCarryingPriorYear.Order());
        if (RecognitionTitle is not null) fields["认定称号"] = RecognitionTitle;
        if (RecognitionBatch is not null) fields["认定批次"] = RecognitionBatch;
        if (RecognitionSerial is not null) fields["企业序号"] = RecognitionSerial;
        return fields;
    }
}

/// <summary>Sub-totals as last computed, by dimension and sub-indicator name (the seed's 50/25/25 and 10/15/25, 10/15, 15/10).</summary>
public sealed class BenchmarkSubTotals
{
    public Dictionary<string, decimal> Dimensions { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, decimal> SubIndicators { get; set; } = new(StringComparer.Ordinal);

    public static BenchmarkSubTotals From(Instrument instrument, BenchmarkScore score) => new()
    {
        Dimensions = instrument.Dimensions.ToDictionary(d => d.Name, d => score.Dimensions[d.Index], StringComparer.Ordinal),
        SubIndicators = instrument.SubIndicators.ToDictionary(s => s.Name, s => score.SubIndicators[s.Index], StringComparer.Ordinal),
    };
}
