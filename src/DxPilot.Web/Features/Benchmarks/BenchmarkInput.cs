using System.Globalization;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Benchmarks;

/// <summary>The application's content, checked and typed, ready to be saved as a draft.</summary>
public sealed record BenchmarkDraft(BenchmarkAnswers Answers, BenchmarkFacts Facts, string? Overview);

/// <summary>The self-score form as posted. Anything may be left blank (a draft); what is typed must be readable,
/// or the field says what to fix and nothing is saved.</summary>
public sealed class BenchmarkInput
{
    public const int DescriptionMaxCharacters = 3000;
    public const int OverviewMaxCharacters = 30000;
    public const int RecognitionMaxCharacters = 50;
    private const decimal RevenueMaxWan = 100_000_000m;

    // Form binding leaves a collection null when no field of it was posted (no box ticked).
    public int Version { get; set; }
    /// <summary>"submit" asks to submit after saving; anything else saves the draft.</summary>
    public string? Command { get; set; }
    public Dictionary<int, ItemInput> Items { get; set => field = value ?? []; } = [];
    public string? Overview { get; set; }
    public bool CreditClean { get; set; }
    public string? RegisteredOn { get; set; }
    public Dictionary<int, string?> Revenue { get; set => field = value ?? []; } = [];
    public string? MiitLevel { get; set; }
    public Dictionary<int, bool> Audited { get; set => field = value ?? []; } = [];
    public Dictionary<int, bool> CarriesPrior { get; set => field = value ?? []; } = [];
    public bool PledgeSigned { get; set; }
    public string? RecognitionTitle { get; set; }
    public string? RecognitionBatch { get; set; }
    public string? RecognitionSerial { get; set; }
    /// <summary>Evidence files ticked for removal.</summary>
    public Dictionary<Guid, bool> Remove { get; set => field = value ?? []; } = [];

    public sealed class ItemInput
    {
        public string? Answer { get; set; }
        public string? Description { get; set; }
    }

    public bool Submitting => Command == "submit";

    public IReadOnlyCollection<Guid> Removals => Remove.Where(r => r.Value).Select(r => r.Key).ToList();

    /// <summary>The form as stored (a new application's 注册成立日期 comes from the enterprise file, <see cref="BenchmarkApplication.Start"/>).</summary>
    public static BenchmarkInput From(BenchmarkApplication a)
    {
        var f = a.Facts;
        return new BenchmarkInput
        {
            Version = a.Version,
            Items = a.Answers.Items.ToDictionary(i => i.Key, i => new ItemInput { Answer = i.Value.Yes switch { true => "是", false => "否", null => null }, Description = i.Value.Description }),
            Overview = a.Overview,
            CreditClean = f.CreditClean,
            RegisteredOn = f.RegisteredOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Revenue = f.RevenueByYear.ToDictionary(r => r.Key, r => (string?)r.Value.ToString("0.##", CultureInfo.InvariantCulture)),
            MiitLevel = f.MiitLevel?.ToString(CultureInfo.InvariantCulture),
            Audited = f.AuditedReportYears.ToDictionary(y => y, _ => true),
            CarriesPrior = f.ReportsCarryingPriorYear.ToDictionary(y => y, _ => true),
            PledgeSigned = f.PledgeSigned,
            RecognitionTitle = f.RecognitionTitle,
            RecognitionBatch = f.RecognitionBatch,
            RecognitionSerial = f.RecognitionSerial,
        };
    }

    /// <summary>Years whose revenue the registration precondition asks for (2022-2024 in seed 000).</summary>
    public static IReadOnlyList<int> RevenueYears(Instrument i) => i.Preconditions.FirstOrDefault(p => p.Id == "registration")?.RevenueYears ?? [];

    /// <summary>Years that need an audited report.</summary>
    public static IReadOnlyList<int> ReportYears(Instrument i) => i.Preconditions.FirstOrDefault(p => p.Id == "auditedReports")?.Years ?? [];

    /// <summary>The recognitions an applicant may declare (seed 000 三、5: 创新型中小企业, 专精特新中小企业).</summary>
    public static IReadOnlyList<string> RecognitionTitles(Instrument i) => i.Preconditions.FirstOrDefault(p => p.Id == "recognition")?.Titles ?? [];

    /// <summary>The one year whose report may carry the first year's figures (seed 000 三、4: a 2023 report with 2022 figures).</summary>
    public static int? CarryingYear(Instrument i) => ReportYears(i) is { Count: > 1 } years ? years.Min() + 1 : null;

    public (BenchmarkDraft? Draft, IReadOnlyDictionary<string, string> Errors) Parse(Instrument instrument)
    {
        var errors = new Dictionary<string, string>();
        var answers = new BenchmarkAnswers();
        foreach (var (no, item) in Items)
        {
            if (instrument.Questions.All(q => q.No != no)) { errors[$"Items[{no}]"] = $"没有第{no}项（共{instrument.Questions.Count}项）"; continue; }
            bool? yes = item.Answer switch { "是" => true, "否" => false, null or "" => null, _ => null };
            if (item.Answer is not (null or "" or "是" or "否")) errors[$"Items[{no}].Answer"] = "请选择“是”或“否”";
            var description = Clean(item.Description);
            if (ControlCharacters.In(description, multiline: true))
                errors[$"Items[{no}].Description"] = ControlCharacters.Message($"第{no}项的文字描述");
            else if (ChineseText.CountCharacters(description) > DescriptionMaxCharacters)
                errors[$"Items[{no}].Description"] = $"文字描述不超过{DescriptionMaxCharacters}字（现有{ChineseText.CountCharacters(description)}字）";
            if (yes is not null || description is not null) answers.Items[no] = new BenchmarkItemEntry(yes, description);
        }

        var overview = Clean(Overview);
        if (ControlCharacters.In(overview, multiline: true)) errors[nameof(Overview)] = ControlCharacters.Message("情况概述");
        else if (ChineseText.CountCharacters(overview) > OverviewMaxCharacters)
            errors[nameof(Overview)] = $"情况概述不超过{OverviewMaxCharacters}字（现有{ChineseText.CountCharacters(overview)}字）";

        var facts = new BenchmarkFacts { CreditClean = CreditClean, PledgeSigned = PledgeSigned };
        if (Clean(RegisteredOn) is { } on)
        {
            if (DateOnly.TryParseExact(on, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                facts.RegisteredOn = date;
            else errors[nameof(RegisteredOn)] = "注册成立日期的格式应为 2015-06-30";
        }
        foreach (var year in RevenueYears(instrument))
        {
            if (Clean(Revenue.GetValueOrDefault(year)) is not { } text) continue;
            if (!decimal.TryParse(HalfWidth.Of(text).Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var wan) || wan < 0 || wan > RevenueMaxWan)
                errors[$"Revenue[{year}]"] = $"{year}年度营业收入应为不小于0的数字（万元），如 1234.56";
            else if (decimal.Round(wan, 2) != wan) errors[$"Revenue[{year}]"] = $"{year}年度营业收入最多保留两位小数（万元）";
            else facts.RevenueByYear[year] = wan;
        }
        if (Clean(MiitLevel) is { } level)
        {
            if (int.TryParse(level, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 4) facts.MiitLevel = n;
            else errors[nameof(MiitLevel)] = "请选择工信部平台显示的数字化水平等级";
        }
        facts.AuditedReportYears = ReportYears(instrument).Where(y => Audited.GetValueOrDefault(y)).ToList();
        facts.ReportsCarryingPriorYear = CarryingYear(instrument) is { } carrying && CarriesPrior.GetValueOrDefault(carrying) ? [carrying] : [];

        ParseRecognition(instrument, facts, errors);

        return errors.Count > 0 ? (null, errors) : (new BenchmarkDraft(answers, facts, overview), errors);
    }

    /// <summary>认定称号, 批次 and 序号 (seed 000 三、5): a title of the instrument's list; the batch and serial only beside a title.</summary>
    private void ParseRecognition(Instrument instrument, BenchmarkFacts facts, Dictionary<string, string> errors)
    {
        var title = Clean(RecognitionTitle);
        if (title is not null && !RecognitionTitles(instrument).Contains(title))
            errors[nameof(RecognitionTitle)] = $"认定称号应为{string.Join("或", RecognitionTitles(instrument).Select(t => $"“{t}”"))}";
        foreach (var (field, label, value) in new[] { (nameof(RecognitionBatch), "认定批次", RecognitionBatch), (nameof(RecognitionSerial), "企业序号", RecognitionSerial) })
        {
            var text = Clean(value);
            if (text is null) continue;
            if (title is null) errors[field] = $"填写了{label}但未选择认定称号；不是创新型或专精特新中小企业的，请清空{label}";
            else if (ControlCharacters.In(text, multiline: false)) errors[field] = ControlCharacters.Message(label);
            else if (ChineseText.CountCharacters(text) > RecognitionMaxCharacters) errors[field] = $"{label}不超过{RecognitionMaxCharacters}字（现有{ChineseText.CountCharacters(text)}字）";
        }
        if (errors.Keys.Any(k => k.StartsWith("Recognition", StringComparison.Ordinal))) return;
        facts.RecognitionTitle = title;
        facts.RecognitionBatch = Clean(RecognitionBatch);
        facts.RecognitionSerial = Clean(RecognitionSerial);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
