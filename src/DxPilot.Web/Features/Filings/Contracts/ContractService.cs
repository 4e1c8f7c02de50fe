using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Files;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Filings.Contracts;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings.Contracts;

/// <summary>
/// The service contracts of a filing (附件2): read by whoever reads the filing (<see cref="FilingService.InScope"/>), changed
/// by the enterprise and its assigned provider while the filing is editable (<see cref="FilingPolicy.Edit"/>). Every change
/// moves the filing's version as well, from the contract's version the user read; pages and the API both come here.
/// </summary>
public sealed class ContractService(DxPilotDbContext db, FilingService filings, Saving saving, IBlobStore blobs, ShownTime time, TimeProvider clock,
    ProgrammeCatalog programmes)
{
    private const string What = "服务合同";

    public async Task<List<ContractSummary>> ListAsync(Actor actor, Guid filingId, CancellationToken ct = default) =>
        await filings.ReadableAsync(actor, filingId, ct) is null ? []
            : await (from c in db.ServiceContracts.AsNoTracking()
                     where c.FilingId == filingId
                     orderby c.CreatedAt
                     select new ContractSummary(c.Id, c.Number, c.Name, c.ProviderName, c.ProviderUscc, c.SignedOn, c.TotalYuan, c.Version,
                         db.ContractScans.Any(s => s.ContractId == c.Id))).ToListAsync(ct);

    public async Task<Outcome<ContractView>> GetAsync(Actor actor, Guid filingId, Guid contractId, CancellationToken ct = default)
    {
        var filing = await filings.ReadableAsync(actor, filingId, ct);
        var contract = filing is null ? null
            : await db.ServiceContracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == contractId && c.FilingId == filingId, ct);
        if (contract is null) return Outcome<ContractView>.NotFound();
        return Outcome<ContractView>.Ok(await ViewOf(actor, filing!, contract, ct));
    }

    /// <summary>The filing with its enterprise (甲方) and whether this actor may change its contracts, for a new contract's form.</summary>
    public async Task<Outcome<ContractView>> BlankAsync(Actor actor, Guid filingId, CancellationToken ct = default)
    {
        var filing = await filings.ReadableAsync(actor, filingId, ct);
        return filing is null ? Outcome<ContractView>.NotFound() : Outcome<ContractView>.Ok(await ViewOf(actor, filing, null, ct));
    }

    /// <param name="unreadable">Fields the page's form could not read (a price that is no number), told with the rules' answer on the rest.</param>
    public async Task<Outcome<ServiceContract>> CreateAsync(Actor actor, Guid filingId, ContractInput input, CancellationToken ct = default,
        IReadOnlyDictionary<string, string>? unreadable = null)
    {
        var (filing, refusal) = await EditableAsync<ServiceContract>(actor, filingId, ct);
        if (filing is null) return refusal!;
        if (Problems(input, unreadable) is { Count: > 0 } errors) return Outcome<ServiceContract>.Invalid(errors);
        var contract = ServiceContract.Draft(filing, input, await ProviderOrganisationAsync(actor, input, ct), actor.Name, Now());
        db.ServiceContracts.Add(contract);
        filing.Touch(Now());
        return await saving.SaveAsync(contract, What, () => contract, ct);
    }

    public async Task<Outcome<ServiceContract>> UpdateAsync(Actor actor, Guid filingId, Guid contractId, int version, ContractInput input,
        CancellationToken ct = default, IReadOnlyDictionary<string, string>? unreadable = null)
    {
        var (filing, refusal) = await EditableAsync<ServiceContract>(actor, filingId, ct);
        if (filing is null) return refusal!;
        if (await db.ServiceContracts.FirstOrDefaultAsync(c => c.Id == contractId && c.FilingId == filingId, ct) is not { } contract)
            return Outcome<ServiceContract>.NotFound();
        if (Problems(input, unreadable) is { Count: > 0 } errors) return Outcome<ServiceContract>.Invalid(errors);
        if (await StaleAsync<ServiceContract>(contract, version, ct) is { } stale) return stale;
        contract.Revise(input, await ProviderOrganisationAsync(actor, input, ct), Now());
        filing.Touch(Now());
        return await saving.SaveAsync(contract, What, () => contract, ct);
    }

    /// <summary>Every problem at once: the rules' answer, where a field that could not be read says so rather than that it is empty.</summary>
    private Dictionary<string, string> Problems(ContractInput input, IReadOnlyDictionary<string, string>? unreadable)
    {
        var errors = ContractRules.Check(input, time.Today());
        foreach (var (field, why) in unreadable ?? new Dictionary<string, string>()) errors[field] = why;
        return errors;
    }

    /// <summary>A contract entered by mistake goes with its scans (their files stay in the blob store); the audit trail keeps it.</summary>
    public async Task<Outcome<Filing>> DeleteAsync(Actor actor, Guid filingId, Guid contractId, int version, CancellationToken ct = default)
    {
        var (filing, refusal) = await EditableAsync<Filing>(actor, filingId, ct);
        if (filing is null) return refusal!;
        if (await db.ServiceContracts.FirstOrDefaultAsync(c => c.Id == contractId && c.FilingId == filingId, ct) is not { } contract)
            return Outcome<Filing>.NotFound();
        if (await StaleAsync<Filing>(contract, version, ct) is { } stale) return stale;
        db.ContractScans.RemoveRange(await db.ContractScans.Where(s => s.ContractId == contractId).ToListAsync(ct));
        db.ServiceContracts.Remove(contract);
        filing.Touch(Now());
        return await saving.SaveAsync(contract, What, () => filing, ct);
    }

    /// <summary>The contract both parties stamped: a PDF or a picture (by its first bytes), streamed into the blob store.</summary>
    public async Task<Outcome<ServiceContract>> UploadScanAsync(Actor actor, Guid filingId, Guid contractId, int version, UploadedFile? scan,
        CancellationToken ct = default)
    {
        var (filing, refusal) = await EditableAsync<ServiceContract>(actor, filingId, ct);
        if (filing is null) return refusal!;
        if (await db.ServiceContracts.FirstOrDefaultAsync(c => c.Id == contractId && c.FilingId == filingId, ct) is not { } contract)
            return Outcome<ServiceContract>.NotFound();
        if (await StampedScan.ProblemAsync(scan, "合同", ct) is { } problem)
            return Outcome<ServiceContract>.Invalid(new Dictionary<string, string> { ["Scan"] = problem });
        if (await StaleAsync<ServiceContract>(contract, version, ct) is { } stale) return stale;
        StoredBlob blob;
        await using (var content = scan!.Open()) blob = await blobs.PutAsync(content, ct);
        db.ContractScans.Add(ContractScan.Upload(contract.Id, blob.Named(scan.Name), actor.Name, Now()));
        filing.Touch(Now());
        return await saving.SaveAsync(filing, What, () => contract, ct);
    }

    /// <summary>A stamped scan, for those who may read its filing.</summary>
    public async Task<(FileRef File, string ProgrammeId, Guid ContractId)?> OpenScanAsync(Actor actor, Guid scanId, CancellationToken ct = default)
    {
        var found = await (from s in db.ContractScans
                           join c in db.ServiceContracts on s.ContractId equals c.Id
                           join f in filings.InScope(actor) on c.FilingId equals f.Id
                           where s.Id == scanId
                           select new { s.File, f.ProgrammeId, c.Id, c.FilingId }).AsNoTracking().FirstOrDefaultAsync(ct);
        return found is null || await filings.ReadableAsync(actor, found.FilingId, ct) is null ? null : (found.File, found.ProgrammeId, found.Id);
    }

    /// <summary>The filing, tracked, when this actor may change its contracts now; otherwise why not (404 outside the scope, 403
    /// for a reader who never edits, 409 for an editor of a filing already submitted).</summary>
    private async Task<(Filing?, Outcome<T>?)> EditableAsync<T>(Actor actor, Guid filingId, CancellationToken ct)
    {
        if (await filings.InScope(actor).FirstOrDefaultAsync(f => f.Id == filingId, ct) is not { } filing) return (null, Outcome<T>.NotFound());
        if (FilingPolicy.Edit(actor, filing, null, FilingService.Serves(actor)) is { } why)
            return (null, filing.IsEditable || actor.Role is not (Role.Enterprise or Role.ServiceProvider) ? Outcome<T>.Forbidden(why) : Outcome<T>.Conflict(why));
        return (filing, null);
    }

    private async Task<Outcome<T>?> StaleAsync<T>(ServiceContract contract, int version, CancellationToken ct)
    {
        if (contract.Version != version) return Outcome<T>.Conflict(await saving.StaleMessageAsync(((Domain.Auditing.IAudited)contract).AuditKey, What, ct));
        saving.Expect(contract, version);
        return null;
    }

    /// <summary>The programme's service provider the 乙方 is: the one registered with its USCC, or else one registered without a USCC
    /// under exactly its name (the platform's own record may lack the code the contract gives).</summary>
    private async Task<Guid?> ProviderOrganisationAsync(Actor actor, ContractInput input, CancellationToken ct)
    {
        var uscc = Uscc.Normalise(input.ProviderUscc!);
        var name = input.ProviderName!.Trim();
        return await db.Organisations
            .Where(o => o.ProgrammeId == actor.ProgrammeId && o.Kind == OrganisationKind.ServiceProvider && (o.Uscc == uscc || o.Uscc == null && o.Name == name))
            .OrderBy(o => o.Uscc == null).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<ContractView> ViewOf(Actor actor, Filing filing, ServiceContract? contract, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == filing.EnterpriseId, ct);
        var scans = contract is null ? []
            : await db.ContractScans.AsNoTracking().Where(s => s.ContractId == contract.Id).OrderByDescending(s => s.UploadedAt).ToListAsync(ct);
        var key = contract?.Id.ToString();
        var history = key is null ? []
            : await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ServiceContract) && a.EntityId == key)
                .OrderByDescending(a => a.Sequence).Take(200).ToListAsync(ct);
        var mayEdit = FilingPolicy.Edit(actor, filing, null, FilingService.Serves(actor)) is null;
        return new ContractView(filing, enterprise, contract, scans, history, mayEdit, programmes.Get(filing.ProgrammeId).City,
            actor.ShownPhone(enterprise.ContactPhone), actor.ShownPhone(contract?.ProviderPhone));
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>A contract in its filing's list.</summary>
public sealed record ContractSummary(Guid Id, string Number, string Name, string ProviderName, string ProviderUscc, DateOnly? SignedOn,
    decimal TotalYuan, int Version, bool Signed);

/// <summary>A contract as its page, the API and the .docx read it: the filing, 甲方 from the enterprise's file, the stamped scans
/// (newest first), its changes (newest first) and whether the viewer may change it. <see cref="Contract"/> is null for a new
/// contract's form.</summary>
/// <param name="City">The programme's city, which the template's title and place of signing name (杭州市 in seed 003).</param>
/// <param name="EnterprisePhone">甲方联系电话 and <paramref name="ProviderPhone"/> 乙方联系电话 as this viewer may read them (personal data,
/// masked for roles that do not need it, <see cref="Actor.ShownPhone"/>): the page, the API and the .docx print these, not the records'.</param>
public sealed record ContractView(Filing Filing, Enterprise Enterprise, ServiceContract? Contract, IReadOnlyList<ContractScan> Scans,
    IReadOnlyList<Domain.Auditing.AuditEntry> History, bool MayEdit, string City, string? EnterprisePhone, string? ProviderPhone)
{
    public bool Signed => Scans.Count > 0;
}
