using DxPilot.Domain.Text;

namespace DxPilot.Domain.Diagnoses;

/// <summary>When a rule must hold: before the provider submits, or before the city accepts.</summary>
public enum ChecklistStage
{
    Submission = 1,
    Acceptance = 2,
}

/// <summary>One hard rule, green or red, with the reason a person reads (what is there, or what is missing).</summary>
public sealed record ChecklistItem(string Key, string Name, ChecklistStage Stage, bool Passed, string Reason);

/// <summary>A photo of a visit as the checklist sees it: what it shows, and whether its checks (time, place, reuse) passed.</summary>
public sealed record CheckedPhoto(PhotoTag Tag, bool Ok);

/// <summary>A visit with its photos' results.</summary>
public sealed record CheckedVisit(DiagnosisVisit Visit, IReadOnlyList<CheckedPhoto> Photos);

/// <summary>What the checklist is computed from; the service gathers it, nothing here reads the database.</summary>
public sealed record DiagnosisFacts(
    DateOnly Today,
    DateOnly? AgreementSignedOn,
    IReadOnlyList<DiagnosisMember> Members,
    IReadOnlyList<CheckedVisit> Visits,
    bool AssessmentLinked,
    int ReportCharacters,
    bool SatisfactionReceived);

/// <summary>
/// 验收前的红绿清单: every hard rule of seed 002 四 and 附件2/3 as the programme sets it, each green or red with its reason.
/// Submission is refused while any submission rule is red, naming each; acceptance waits for the satisfaction form.
/// </summary>
public sealed class DiagnosisChecklist(IReadOnlyList<ChecklistItem> items)
{
    public IReadOnlyList<ChecklistItem> Items => items;

    public IEnumerable<ChecklistItem> Red(ChecklistStage stage) => items.Where(i => i.Stage == stage && !i.Passed);

    public bool AllGreen => items.All(i => i.Passed);

    /// <summary>The rules in a fixed order, for <see cref="Mask"/>: bit i is the i-th key.</summary>
    public static readonly string[] Keys = ["agreement", "team", "visits", "training", "photo-counts", "photo-checks", "assessment", "report", "satisfaction"];

    /// <summary>The red items as bits (1 &lt;&lt; index in <see cref="Keys"/>).</summary>
    public int Mask => items.Where(i => !i.Passed).Aggregate(0, (m, i) => m | Bit(i.Key));

    public static int Bit(string key) => Array.IndexOf(Keys, key) is var i and >= 0 ? 1 << i : throw new ArgumentException($"没有清单项“{key}”", nameof(key));

    /// <summary>Null when every rule of the stage holds; otherwise each red item, numbered, with its reason.</summary>
    public string? Refusal(ChecklistStage stage)
    {
        var red = Red(stage).ToList();
        return red.Count == 0 ? null : $"以下{red.Count}项未满足：" + string.Join("；", red.Select((r, i) => $"{i + 1}.{r.Name}：{r.Reason}"));
    }

    public static DiagnosisChecklist Check(DiagnosisRules rules, DiagnosisFacts facts) => new(
    [
        Agreement(rules, facts),
        Team(rules, facts.Members),
        Visits(rules, facts.Visits),
        Training(rules, facts.Visits),
        PhotoCounts(rules, facts.Visits),
        PhotoChecks(facts.Visits),
        new("assessment", "改造前评测", ChecklistStage.Submission, facts.AssessmentLinked,
            facts.AssessmentLinked ? "已关联服务商的改造前数字化水平评测" : "尚未关联本服务商为该企业填写的改造前评测"),
        new("report", "诊断报告字数", ChecklistStage.Submission, facts.ReportCharacters >= rules.ReportMinimumCharacters,
            $"现有{facts.ReportCharacters:#,0}字，要求不少于{rules.ReportMinimumCharacters:#,0}字"),
        new("satisfaction", "企业满意度评价", ChecklistStage.Acceptance, facts.SatisfactionReceived,
            facts.SatisfactionReceived ? "企业已提交满意度评价表" : "企业尚未提交满意度评价表（提交验收后由企业填写）"),
    ]);

    /// <summary>The agreement's term: day 1 is the signing day, so a 30-day term ends on day 30.</summary>
    public static DateOnly TermEnds(DateOnly signedOn, int termDays) => signedOn.AddDays(termDays - 1);

    private static ChecklistItem Agreement(DiagnosisRules rules, DiagnosisFacts facts)
    {
        const string name = "咨询诊断服务协议";
        if (facts.AgreementSignedOn is not { } signed)
            return new("agreement", name, ChecklistStage.Submission, false, "尚未上传双方盖章的协议扫描件");
        var ends = TermEnds(signed, rules.AgreementTermDays);
        if (facts.Today < signed)
            return new("agreement", name, ChecklistStage.Submission, false, $"签订日期{ChineseText.Date(signed)}晚于今天");
        var left = ends.DayNumber - facts.Today.DayNumber;
        return left >= 0
            ? new("agreement", name, ChecklistStage.Submission, true,
                $"{ChineseText.Date(signed)}签订，服务期至{ChineseText.Date(ends)}{(left == 0 ? "（今天届满）" : $"（剩余{left}天）")}")
            : new("agreement", name, ChecklistStage.Submission, false,
                $"{ChineseText.Date(signed)}签订，服务期已于{ChineseText.Date(ends)}届满（已超过{-left}天），请续签协议并上传");
    }

    private static ChecklistItem Team(DiagnosisRules rules, IReadOnlyList<DiagnosisMember> members)
    {
        var senior = members.Count(m => m.TitleLevel >= TitleLevel.Intermediate);
        var leaders = members.Count(m => m.Role == TeamRole.Leader);
        var missing = new List<string>();
        if (members.Count < rules.TeamMinimum) missing.Add($"现有{members.Count}人，应不少于{rules.TeamMinimum}人");
        if (senior < rules.SeniorMinimum) missing.Add($"中级及以上职称{senior}人，应不少于{rules.SeniorMinimum}人");
        if (leaders != 1) missing.Add(leaders == 0 ? "尚未指定组长" : $"组长应为1人，现有{leaders}人");
        return new("team", "诊断团队", ChecklistStage.Submission, missing.Count == 0,
            missing.Count == 0 ? $"{members.Count}人，其中中级及以上职称{senior}人，组长{members.First(m => m.Role == TeamRole.Leader).Name}" : string.Join("；", missing));
    }

    private static ChecklistItem Visits(DiagnosisRules rules, IReadOnlyList<CheckedVisit> visits)
    {
        var diagnosing = visits.Where(v => v.Visit.Topic != VisitTopic.Training).ToList();
        var longest = diagnosing.Count == 0 ? TimeSpan.Zero : diagnosing.Max(v => v.Visit.Duration);
        var passed = longest.TotalHours >= rules.VisitMinimumHours;
        return new("visits", "现场诊断", ChecklistStage.Submission, passed,
            diagnosing.Count == 0 ? "尚未记录现场诊断（主题培训以外）"
            : $"{diagnosing.Count}次现场诊断，最长{Hours(longest)}{(passed ? "" : $"，应至少有1次不少于{rules.VisitMinimumHours:0.#}小时")}");
    }

    private static ChecklistItem Training(DiagnosisRules rules, IReadOnlyList<CheckedVisit> visits)
    {
        var trainings = visits.Where(v => v.Visit.Topic == VisitTopic.Training).ToList();
        var qualifying = trainings.Where(v => v.Visit.Duration.TotalHours >= rules.TrainingMinimumHours && v.Visit.Attendance > 0).ToList();
        if (qualifying.Count > 0)
            return new("training", "主题培训", ChecklistStage.Submission, true,
                $"{qualifying.Count}次主题培训达到{rules.TrainingMinimumHours:0.#}小时（{Hours(qualifying.Max(v => v.Visit.Duration))}，{qualifying.Max(v => v.Visit.Attendance)}人参加）");
        return new("training", "主题培训", ChecklistStage.Submission, false, trainings.Count == 0
            ? $"尚未记录主题培训，应至少1次、不少于{rules.TrainingMinimumHours:0.#}小时"
            : $"{trainings.Count}次主题培训，最长{Hours(trainings.Max(v => v.Visit.Duration))}，应至少1次不少于{rules.TrainingMinimumHours:0.#}小时并记录参加人数");
    }

    private static ChecklistItem PhotoCounts(DiagnosisRules rules, IReadOnlyList<CheckedVisit> visits)
    {
        var shortfalls = new List<string>();
        foreach (var v in visits)
        {
            int Count(PhotoTag tag) => v.Photos.Count(p => p.Tag == tag);
            var missing = new List<string>();
            if (v.Photos.Count < rules.PhotosPerVisit) missing.Add($"共{v.Photos.Count}张，应不少于{rules.PhotosPerVisit}张");
            if (Count(PhotoTag.EntryLogo) < rules.EntryLogoPhotos) missing.Add($"缺进门LOGO照片{rules.EntryLogoPhotos - Count(PhotoTag.EntryLogo)}张");
            if (Count(PhotoTag.ExitLogo) < rules.ExitLogoPhotos) missing.Add($"缺出门LOGO照片{rules.ExitLogoPhotos - Count(PhotoTag.ExitLogo)}张");
            if (Count(PhotoTag.TrainingOrInterview) < rules.TrainingOrInterviewPhotos)
                missing.Add($"缺培训或访谈照片{rules.TrainingOrInterviewPhotos - Count(PhotoTag.TrainingOrInterview)}张");
            if (Count(PhotoTag.ProductionFloor) < rules.ProductionFloorPhotos)
                missing.Add($"缺生产现场照片{rules.ProductionFloorPhotos - Count(PhotoTag.ProductionFloor)}张");
            if (missing.Count > 0) shortfalls.Add($"{Name(v.Visit)}：{string.Join("，", missing)}");
        }
        return new("photo-counts", "现场照片数量", ChecklistStage.Submission, visits.Count > 0 && shortfalls.Count == 0,
            visits.Count == 0 ? "尚未记录现场诊断" : shortfalls.Count == 0 ? $"{visits.Count}次现场记录的照片均符合要求" : string.Join("；", shortfalls));
    }

    private static ChecklistItem PhotoChecks(IReadOnlyList<CheckedVisit> visits)
    {
        var total = visits.Sum(v => v.Photos.Count);
        var bad = visits.Where(v => v.Photos.Any(p => !p.Ok)).Select(v => $"{Name(v.Visit)}{v.Photos.Count(p => !p.Ok)}张").ToList();
        return new("photo-checks", "照片时间、位置核验", ChecklistStage.Submission, total > 0 && bad.Count == 0,
            total == 0 ? "尚未上传现场照片" : bad.Count == 0 ? $"{total}张照片的拍摄时间、位置均通过核验" : $"未通过核验的照片：{string.Join("；", bad)}（详见各次记录）");
    }

    private static string Name(DiagnosisVisit v) => $"{ChineseText.Date(v.Date)}{v.Topic.Label()}";

    private static string Hours(TimeSpan t) => t.Minutes == 0 ? $"{(int)t.TotalHours}小时" : $"{(int)t.TotalHours}小时{t.Minutes}分";
}
