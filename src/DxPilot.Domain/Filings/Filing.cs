using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Filings;

/// <summary>
/// 改造项目备案 (seed 003 二, seed 002 三（二）4): one enterprise's transformation project on its programme's form, from the draft
/// to 已备案. The typed answers are kept flat by key (<see cref="FilingValues"/>); the few the lists and the summary sheet read
/// are copied into columns when saved. Every change of state goes through the programme's chain (<see cref="Apply"/>), every
/// submission is frozen as a <see cref="FilingVersion"/>.
/// </summary>
public sealed class Filing : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<Filing>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid EnterpriseId { get; private set; }
    /// <summary>The enterprise's 县（市、区） when last saved: a district bureau's scope and queue read it without a join.</summary>
    [NotAudited] public string District { get; private set; } = "";
    public FilingStatus Status { get; private set; }
    /// <summary>The answers as typed, by key (the audit trail records each key's change).</summary>
    public FilingAnswers Values { get; private set; } = [];
    [NotAudited] public string ProjectName { get; private set; } = "";
    /// <summary>改造后目标数字化水平 (2, 3 or 4), from the form.</summary>
    [NotAudited] public int? TargetLevel { get; private set; }
    /// <summary>项目预期投入（万元，不含税）, from the form.</summary>
    [NotAudited] public decimal? InvestmentWan { get; private set; }
    /// <summary>How many times it was submitted; each submission is kept as a <see cref="FilingVersion"/>.</summary>
    public int Round { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    /// <summary>When it entered its current state: queues list the longest waiting first.</summary>
    [NotAudited] public DateTime StatusSince { get; private set; }
    public DateTime? FiledAt { get; private set; }
    /// <summary>The last reviewer's words (退回 reasons, 初审意见, 备案意见), shown to the enterprise.</summary>
    public string? LastOpinion { get; private set; }
    /// <summary>The two central-fund exclusions (seed 003 四) as the file stated them at the last submission; every later money
    /// figure carries them.</summary>
    public bool LittleGiantCentralFunded { get; private set; }
    public bool Pilot2022 { get; private set; }
    [NotAudited] public string CreatedByName { get; private set; } = "";
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private Filing() { }

    public bool ExcludedFromCentralFunds => LittleGiantCentralFunded || Pilot2022;

    public bool IsEditable => FilingWorkflow.Editable(Status);

    public static Filing Start(string programmeId, Guid enterpriseId, string district, Actor by, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = programmeId, EnterpriseId = enterpriseId, District = district, Status = FilingStatus.Draft,
        CreatedByName = by.Name, Version = 1, CreatedAt = now, UpdatedAt = now, StatusSince = now,
    };

    /// <summary>Replaces the answers of the keys given (a provider co-filling touches only its sections' keys); an empty answer
    /// removes the key. The caller checked them against the form.</summary>
    public void Edit(IReadOnlyDictionary<string, string?> answers, FilingForm form, string district, DateTime now)
    {
        if (!IsEditable) throw new InvalidOperationException("备案已提交，不能再修改");
        Values = Values.With(answers);
        District = district;
        ProjectName = FilingValues.Text(Values, FilingKeys.ProjectName) ?? "";
        TargetLevel = form.Field(FilingKeys.TargetLevel)?.Option(FilingValues.Text(Values, FilingKeys.TargetLevel) ?? "")?.Level;
        InvestmentWan = FilingValues.Amount(Values, FilingKeys.Investment);
        UpdatedAt = now;
        Version++;
    }

    /// <summary>
    /// Takes a transition of the programme's chain: refused (nothing changes) when the chain does not let this actor take it
    /// now, otherwise the new state and its record. Submission counts a round and notes the exclusion flags; confirmation files it.
    /// </summary>
    public TransitionResult<FilingStatus> Apply(Workflow<FilingStatus, FilingTrigger, FilingCase> chain, FilingTrigger trigger, Actor actor,
        string? reason, FilingCase subject, (bool LittleGiant, bool Pilot2022) exclusions, DateTime now)
    {
        var result = chain.Take(Status, trigger, subject, actor, reason, ProgrammeId, Id.ToString(), now);
        if (!result.Taken) return result;
        if (trigger == FilingTrigger.Submit)
        {
            Round++;
            SubmittedAt = now;
            (LittleGiantCentralFunded, Pilot2022) = exclusions;
        }
        if (result.To == FilingStatus.Filed) FiledAt = now;
        if (!string.IsNullOrWhiteSpace(reason)) LastOpinion = reason.Trim();
        else if (trigger == FilingTrigger.Submit) LastOpinion = null;
        Status = result.To;
        StatusSince = now;
        UpdatedAt = now;
        Version++;
        return result;
    }

    /// <summary>A contract of the filing changed: the filing moves to a new version (two windows cannot both win).</summary>
    public void Touch(DateTime now)
    {
        if (!IsEditable) throw new InvalidOperationException("备案已提交，不能再修改");
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>A filing's answers by key; the audit trail records each key's change, not the whole form twice.</summary>
public sealed class FilingAnswers : Dictionary<string, string>, IAuditedDocument
{
    public FilingAnswers() { }

    public FilingAnswers(IDictionary<string, string> values) : base(values) { }

    public IReadOnlyDictionary<string, string> AuditFields() => this;

    /// <summary>These answers with the given ones in place (an empty answer removes its key), as a save would store them: what
    /// the service checks before saving is exactly what the filing keeps.</summary>
    public FilingAnswers With(IReadOnlyDictionary<string, string?> answers)
    {
        var next = new FilingAnswers(this);
        foreach (var (key, value) in answers)
        {
            if (string.IsNullOrWhiteSpace(value)) next.Remove(key);
            else next[key] = value.Trim().Replace("\r\n", "\n");
        }
        return next;
    }

    /// <summary>Whether saving <paramref name="answers"/> would leave these answers as they are: a save read on an older version
    /// that changes nothing (the last save sent as the page was left, landing after the page was drawn again) overwrites no one.</summary>
    public bool Holds(IReadOnlyDictionary<string, string?> answers)
    {
        var next = With(answers);
        return next.Count == Count && next.All(a => TryGetValue(a.Key, out var v) && v == a.Value);
    }
}
