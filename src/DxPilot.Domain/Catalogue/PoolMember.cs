using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Catalogue;

/// <summary>服务商资源池成员资格的状态.</summary>
public enum PoolStatus
{
    /// <summary>待审核: the provider applied.</summary>
    Applied = 1,
    /// <summary>已入池: may list products, which the city reviews before they are shown.</summary>
    Admitted = 2,
    /// <summary>暂停: its products are hidden and it may add none; the city may reinstate it.</summary>
    Suspended = 3,
    /// <summary>已移出: its products are hidden for good; it may apply again.</summary>
    Removed = 4,
    /// <summary>未通过: the application was refused, with the reason; it may apply again.</summary>
    Refused = 5,
}

/// <summary>
/// 服务商资源池: a service provider's membership of a programme's pool, from its application (organisation details, USCC,
/// qualifications, cases, contacts) through the city's admission, suspension or removal, each with its reason and recorded.
/// One row per provider and programme; applying again after a refusal or removal reopens the same row, so the history is one.
/// </summary>
public sealed class PoolMember : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<PoolMember>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    /// <summary>The provider (an <see cref="Organisations.Organisation"/> of kind 服务商).</summary>
    [NotAudited] public Guid OrganisationId { get; private set; }
    public PoolStatus Status { get; private set; }
    /// <summary>单位名称 as the application states it.</summary>
    public string OrganisationName { get; private set; } = "";
    public string Uscc { get; private set; } = "";
    public string? Address { get; private set; }
    public string? LegalRepresentative { get; private set; }
    /// <summary>资质: certifications, qualifications, what it is good at.</summary>
    public string Qualifications { get; private set; } = "";
    /// <summary>典型案例.</summary>
    public string Cases { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public string? ContactEmail { get; private set; }
    public DateTime? AppliedAt { get; private set; }
    /// <summary>When the city last admitted, suspended, removed or refused it, and why (shown to the provider).</summary>
    public DateTime? DecidedAt { get; private set; }
    public string? DecisionReason { get; private set; }
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime UpdatedAt { get; private set; }

    private PoolMember() { }

    /// <summary>Whether its products may be listed and shown.</summary>
    public bool IsAdmitted => Status == PoolStatus.Admitted;

    /// <summary>申请入池: the provider's first application, or the reasons (by field) it cannot be kept.</summary>
    public static (PoolMember? Member, IReadOnlyDictionary<string, string> Errors) Apply(Actor provider, Guid organisationId, PoolApplicationForm form, DateTime now)
    {
        var errors = form.Problems();
        if (errors.Count > 0) return (null, errors);
        var member = new PoolMember
        {
            Id = Guid.CreateVersion7(), ProgrammeId = provider.ProgrammeId, OrganisationId = organisationId, Status = PoolStatus.Applied,
            AppliedAt = now,
        };
        member.Take(form, now);
        return (member, errors);
    }

    /// <summary>The application's details changed (contacts move, cases grow); the status stays.</summary>
    public IReadOnlyDictionary<string, string> Edit(PoolApplicationForm form, DateTime now)
    {
        var errors = form.Problems();
        if (errors.Count == 0)
        {
            Take(form, now);
            Version++;
        }
        return errors;
    }

    /// <summary>The city's decision, or the provider's new application after a refusal or removal, through the pool's chain.</summary>
    public TransitionResult<PoolStatus> Apply(PoolTrigger trigger, Actor actor, string? reason, DateTime now)
    {
        var result = PoolWorkflow.Chain.Take(Status, trigger, this, actor, reason, ProgrammeId, Id.ToString(), now);
        if (!result.Taken) return result;
        if (trigger == PoolTrigger.Reapply) AppliedAt = now;
        else
        {
            DecidedAt = now;
            DecisionReason = CatalogueText.Clean(reason);
        }
        Status = result.To;
        UpdatedAt = now;
        Version++;
        return result;
    }

    private void Take(PoolApplicationForm f, DateTime now)
    {
        OrganisationName = f.OrganisationName!.Trim();
        Uscc = Enterprises.Uscc.Normalise(f.Uscc!);
        Address = CatalogueText.Clean(f.Address);
        LegalRepresentative = CatalogueText.Clean(f.LegalRepresentative);
        Qualifications = f.Qualifications!.Trim();
        Cases = f.Cases!.Trim();
        ContactName = f.ContactName!.Trim();
        ContactPhone = f.ContactPhone!.Trim();
        ContactEmail = CatalogueText.Clean(f.ContactEmail);
        UpdatedAt = now;
    }
}

/// <summary>入池申请表: the organisation's details, qualifications, cases and contacts as the provider writes them.</summary>
public sealed record PoolApplicationForm(string? OrganisationName, string? Uscc, string? Address, string? LegalRepresentative,
    string? Qualifications, string? Cases, string? ContactName, string? ContactPhone, string? ContactEmail)
{
    public IReadOnlyDictionary<string, string> Problems()
    {
        var errors = new Dictionary<string, string>();
        void Check(string key, string? problem) { if (problem is not null) errors[key] = problem; }
        Check("organisationName", CatalogueText.Problem(OrganisationName, "单位名称", 100));
        if (string.IsNullOrWhiteSpace(Uscc)) errors["uscc"] = "请填写统一社会信用代码";
        else if (!Enterprises.Uscc.TryParse(Uscc, out _, out var why)) errors["uscc"] = why ?? "统一社会信用代码无效";
        Check("address", CatalogueText.Problem(Address, "地址", 100, required: false));
        Check("legalRepresentative", CatalogueText.Problem(LegalRepresentative, "法定代表人", 25, required: false));
        Check("qualifications", CatalogueText.Problem(Qualifications, "资质情况", 2000));
        Check("cases", CatalogueText.Problem(Cases, "典型案例", 4000));
        Check("contactName", CatalogueText.Problem(ContactName, "联系人", 25));
        Check("contactPhone", CatalogueText.Problem(ContactPhone, "联系电话", 30));
        if (!errors.ContainsKey("contactPhone") && ContactFormats.PhoneProblem("联系电话", ContactPhone) is { } phone) errors["contactPhone"] = phone;
        Check("contactEmail", CatalogueText.Problem(ContactEmail, "电子邮箱", 100, required: false));
        if (!errors.ContainsKey("contactEmail") && ContactFormats.EmailProblem("电子邮箱", ContactEmail) is { } email) errors["contactEmail"] = email;
        return errors;
    }
}
