using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Awards;

/// <summary>
/// 奖补申报: one enterprise's application to one call in one batch — the directions it picked and its 申报书 (<see cref="AwardContent"/>).
/// A draft keeps anything; every change of state goes through the call's chain (<see cref="Apply"/>), whose submission guard
/// names every unmet limit and condition. Each submission freezes a revision (kept by the service), so a returned application
/// revised and submitted again leaves every earlier version readable.
/// </summary>
public sealed class AwardApplication : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<AwardApplication>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public string CallId { get; private set; } = "";
    [NotAudited] public Guid EnterpriseId { get; private set; }
    /// <summary>The county the application goes through (the enterprise's district when it started).</summary>
    [NotAudited] public string District { get; private set; } = "";
    /// <summary>The review batch (动态申报、成熟一批、发布一批) it applies in.</summary>
    [NotAudited] public Guid BatchId { get; private set; }
    /// <summary>The directions picked, in the call's order, '|'-separated with leading and trailing bars ("|lighthouse|innovation|")
    /// so that a list can filter by one.</summary>
    public string Directions { get; private set; } = "||";
    public AwardStatus Status { get; private set; }
    public AwardContent Content { get; private set; } = new();
    /// <summary>县区现场核查情况, written before the county recommends.</summary>
    public string? SiteCheckNote { get; private set; }
    /// <summary>How many times it was submitted; revision N is the version frozen at the N-th submission.</summary>
    public int Revision { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    /// <summary>Optimistic concurrency: a form carries the version it was read at.</summary>
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }
    /// <summary>The directions the city recognised (认定), in the same '|a|b|' form; the others applied for were not recognised (the
    /// last column: migration 0027 added it).</summary>
    public string RecognisedDirections { get; private set; } = "||";
    /// <summary>The 申报书's fields the county summaries list, in columns of their own (migration 0041) so that an export never
    /// reads the 申报书; set with it in <see cref="Revise"/> and nowhere else, so they cannot drift from it. Not audited: the
    /// 申报书's own entry names each change.</summary>
    [NotAudited] public AwardSummaryFields Summary { get; private set; } = AwardSummaryFields.Empty;
    /// <summary>再次申报: the enterprise's application of an earlier batch this one was started from, its 申报书 and the directions
    /// still open carried over (<see cref="StartAgain"/>); null for a first application (migration 0050).</summary>
    [NotAudited] public Guid? CarriedFromId { get; private set; }

    private AwardApplication() { }

    public static AwardApplication Start(AwardCall call, Guid batchId, Guid enterpriseId, string district, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = call.ProgrammeId, CallId = call.Id, EnterpriseId = enterpriseId, District = district,
        BatchId = batchId, Status = AwardStatus.Draft, CreatedAt = now, UpdatedAt = now,
    };

    /// <summary>
    /// 再次申报 (seed 004 三（三）"当次评审未通过认定的，后续转型提升后可继续申报"): a new draft in the open batch that starts from the
    /// enterprise's earlier application — its 申报书 as it stands and those of its directions still open to it — so that what was
    /// written is revised, not typed again; the service carries its files but the signed scans (<see cref="AwardReapplication.Carries"/>).
    /// </summary>
    public static AwardApplication StartAgain(AwardCall call, Guid batchId, Guid enterpriseId, string district, AwardApplication earlier,
        IEnumerable<string> directions, AwardContent content, DateTime now)
    {
        var a = Start(call, batchId, enterpriseId, district, now);
        a.CarriedFromId = earlier.Id;
        a.Directions = DirectionsColumn(call, directions);
        a.Content = content;
        a.Summary = AwardSummaryFields.Of(content);
        return a;
    }

    public bool IsEditable => Status is AwardStatus.Draft or AwardStatus.Returned;

    public IReadOnlyList<string> PickedDirections => Keys(Directions);

    /// <summary>The directions recognised: none unless 已认定.</summary>
    public IReadOnlyList<string> DirectionsRecognised =>
        Status == AwardStatus.Recognised ? Keys(RecognisedDirections) : [];

    /// <summary>The directions applied for and not recognised: the rest once 已认定, all once 未通过认定, none before the decision.</summary>
    public IReadOnlyList<string> DirectionsNotRecognised => Status switch
    {
        AwardStatus.Recognised => PickedDirections.Except(DirectionsRecognised).ToList(),
        AwardStatus.NotRecognised => PickedDirections,
        _ => [],
    };

    /// <summary>奖补金额 (万元) recognised: the amounts of the recognised directions once 已认定 (小灯塔 30 + 创新 10; 链式 50), else 0.</summary>
    public decimal RecognisedAmountWan(AwardCall call) => AmountWan(call, DirectionsRecognised);

    /// <summary>The award for these recognised directions (万元): the sum of their amounts. The dashboard applies it to counts per
    /// stored column without reading the 申报书.</summary>
    public static decimal AmountWan(AwardCall call, IEnumerable<string> recognised) => recognised.Sum(k => call.Direction(k)?.AmountWan ?? 0m);

    /// <summary>The keys of a stored directions column ("|lighthouse|innovation|").</summary>
    public static IReadOnlyList<string> Keys(string column) => column.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static string DirectionsColumn(AwardCall call, IEnumerable<string> picked)
    {
        var set = picked.ToHashSet(StringComparer.Ordinal);
        // The call's order first, then anything the call does not know (kept in a draft, refused at submission).
        var ordered = call.Directions.Select(d => d.Key).Where(set.Contains).Concat(set.Where(k => call.Direction(k) is null).Order(StringComparer.Ordinal));
        return "|" + string.Join("|", ordered) + "|";
    }

    /// <summary>Replaces the draft's directions and content (a draft keeps anything the service let through its draft checks).</summary>
    public void Revise(AwardCall call, IEnumerable<string> directions, AwardContent content, DateTime now)
    {
        if (!IsEditable) throw new InvalidOperationException("申报已提交，不能再修改");
        Directions = DirectionsColumn(call, directions);
        Content = content;
        Summary = AwardSummaryFields.Of(content);
        UpdatedAt = now;
        Version++;
    }

    /// <summary>A change beside the document (the SMEs a 链式 case names) moves the version too, so that two editors cannot both win.</summary>
    public void Touch(DateTime now)
    {
        if (!IsEditable) throw new InvalidOperationException("申报已提交，不能再修改");
        UpdatedAt = now;
        Version++;
    }

    /// <summary>What stops submission, each named: the directions, every limit of every picked direction's template, each
    /// objective criterion not met (<see cref="CriterionRule.Objective"/>; <paramref name="criteria"/>: the checks per picked
    /// direction), and the facts the service found (eligibility, the 链式 confirmations, pictures).</summary>
    public IReadOnlyList<string> SubmissionProblems(AwardCall call, IEnumerable<string> factProblems,
        IReadOnlyDictionary<string, IReadOnlyList<CriterionCheck>> criteria)
    {
        var problems = new List<string>(factProblems);
        var picked = PickedDirections;
        problems.AddRange(AwardDirections.Problems(call, picked));
        var typical = call.TypicalScenarios.Select(t => t.Number).ToList();
        foreach (var d in picked.Select(call.Direction).OfType<AwardDirection>())
        {
            var text = Content.TextOf(d.Key);
            var prefix = picked.Count > 1 ? $"{d.Label}：" : "";
            problems.AddRange(AwardLimits.SubmissionProblems(d.Template, text, typical).Select(p => prefix + p.Message));
            if (criteria.TryGetValue(d.Key, out var checks)) problems.AddRange(AwardCriteria.SubmissionProblems(d, checks).Select(p => prefix + p));
        }
        return problems;
    }

    /// <summary>
    /// Takes a transition of the call's chain: refused (nothing changes) when the chain does not let this actor take it now,
    /// otherwise the new state and the record to save with it. A county's site-check note is kept with its recommendation; 认定
    /// keeps the directions recognised (all applied for unless the case names some).
    /// </summary>
    public TransitionResult<AwardStatus> Apply(Workflow<AwardStatus, AwardTrigger, AwardCase> workflow, AwardTrigger trigger, Actor actor,
        string? reason, AwardCase subject, DateTime now)
    {
        var result = workflow.Take(Status, trigger, subject, actor, reason, ProgrammeId, Id.ToString(), now);
        if (!result.Taken) return result;
        if (trigger == AwardTrigger.Submit)
        {
            Revision++;
            SubmittedAt = now;
        }
        if (trigger == AwardTrigger.Recommend) SiteCheckNote = subject.SiteCheckNote?.Trim();
        if (trigger == AwardTrigger.Recognise)
        {
            var recognised = subject.Recognised ?? PickedDirections;
            RecognisedDirections = "|" + string.Join("|", PickedDirections.Where(recognised.Contains)) + "|";
        }
        Status = result.To;
        UpdatedAt = now;
        Version++;
        return result;
    }
}

/// <summary>
/// The 申报书 as the applicant writes it: a text per direction (each direction has its own template), the figures the criteria
/// read (rates in %, the 创新 figures before and after), the 车间 mode, intellectual property, and the contact the county
/// summary lists (联系人, 联系方式, 备注).
/// </summary>
public sealed class AwardContent : IAuditedDocument
{
    public Dictionary<string, AwardText> Texts { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, decimal> Entered { get; set; } = new(StringComparer.Ordinal);
    public Dictionary<string, decimal> EnteredBefore { get; set; } = new(StringComparer.Ordinal);
    public string? Mode { get; set; }
    public List<IpRight> IntellectualProperty { get; set; } = [];
    /// <summary>具体细分领域名称 of the 申请表, as the enterprise writes it (the document falls back to the name of its industry code
    /// where the programme's list names the code).</summary>
    public string? Specialty { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? ContactEmail { get; set; }
    public string? Remark { get; set; }

    public AwardText TextOf(string direction) => Texts.GetValueOrDefault(direction) ?? new AwardText();

    /// <summary>A copy to start a re-application from: everything but the texts of directions not carried over, so that the new
    /// draft and the earlier application never share a document.</summary>
    public AwardContent Carried(IReadOnlyCollection<string> directions)
    {
        var copy = System.Text.Json.JsonSerializer.Deserialize<AwardContent>(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(this))!;
        foreach (var gone in copy.Texts.Keys.Where(k => !directions.Contains(k)).ToList()) copy.Texts.Remove(gone);
        return copy;
    }

    public IReadOnlyDictionary<string, string> AuditFields()
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (direction, text) in Texts)
        {
            foreach (var (key, value) in text.Sections)
                if (!string.IsNullOrEmpty(value)) fields[$"{direction}.{key}"] = value;
            for (var i = 0; i < text.Scenarios.Count; i++)
            {
                var s = text.Scenarios[i];
                if (s.TypicalScenario is { } n) fields[$"{direction}.场景{i + 1}.典型场景"] = n.ToString(CultureInfo.InvariantCulture);
                foreach (var (key, value) in s.Fields)
                    if (!string.IsNullOrEmpty(value)) fields[$"{direction}.场景{i + 1}.{key}"] = value;
            }
        }
        foreach (var (k, v) in Entered) fields["填报:" + k] = v.ToString(CultureInfo.InvariantCulture);
        foreach (var (k, v) in EnteredBefore) fields["改造前:" + k] = v.ToString(CultureInfo.InvariantCulture);
        if (Mode is not null) fields["模式"] = Mode;
        for (var i = 0; i < IntellectualProperty.Count; i++)
        {
            var ip = IntellectualProperty[i];
            fields[$"知识产权{i + 1}"] = $"{ip.Kind} {ip.Number} {ip.GrantedOn:yyyy-MM-dd}" + (ip.ExpiresOn is { } e ? $"至{e:yyyy-MM-dd}" : "");
        }
        if (!string.IsNullOrEmpty(Specialty)) fields["具体细分领域名称"] = Specialty;
        if (!string.IsNullOrEmpty(ContactName)) fields["联系人"] = ContactName;
        if (!string.IsNullOrEmpty(ContactPhone)) fields["联系方式"] = ContactPhone;
        if (!string.IsNullOrEmpty(ContactEmail)) fields["邮箱"] = ContactEmail;
        if (!string.IsNullOrEmpty(Remark)) fields["备注"] = Remark;
        return fields;
    }
}
