using DxPilot.Domain.Text;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Programmes;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Infrastructure.Registry;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>The enterprise file's use cases. Every call takes the signed-in actor and answers only within its scope.</summary>
public sealed class EnterpriseService(DxPilotDbContext db, ProgrammeCatalog programmes, Saving saving, TimeProvider clock, RegistrySettings settings,
    RegistryListCache lists)
{
    /// <summary>The enterprises this actor may read (DOMAIN §1 "sees").</summary>
    public IQueryable<Enterprise> InScope(Actor a)
    {
        var q = db.Enterprises.Where(e => e.ProgrammeId == a.ProgrammeId);
        // Who reaches the registry at all is the policy's (the menu asks it too): experts see only the items assigned to them.
        if (!EnterprisePolicy.ReadsRegistry(a)) return q.Where(e => false);
        return a.Role switch
        {
            Role.CityBureau or Role.ThinkTank => q,
            Role.DistrictBureau => q.Where(e => e.District == a.District),
            Role.Enterprise => q.Where(e => e.Id == a.EnterpriseId),
            Role.ServiceProvider or Role.EvaluationAgency or Role.AuditFirm =>
                q.Where(e => db.Assignments.Any(x => x.OrganisationId == a.OrganisationId && x.EnterpriseId == e.Id)),
            _ => q.Where(e => false),
        };
    }

    /// <summary>From this many matches on, a page of a search is fetched in sort order without the gram index.</summary>
    private const int ManyMatches = 1_000;

    /// <summary>The files in scope that the query's search and filters select, in the query's order.</summary>
    public IQueryable<Enterprise> Filter(Actor actor, EnterpriseQuery query) => Ordered(Selected(actor, query), query);

    /// <param name="gramIndex">Whether PostgreSQL may narrow the search through the gram index (see <see cref="ListAsync"/>).</param>
    private IQueryable<Enterprise> Selected(Actor actor, EnterpriseQuery query, bool gramIndex = true)
    {
        var q = InScope(actor);
        if (query.Search is { } s) q = q.Matching(actor, s, db.IsPostgres && gramIndex);
        if (query.District is { } d) q = q.Where(e => e.District == d);
        if (query.Industry is { } i) q = q.Where(e => e.IndustryKey == i);
        if (query.Size is { } size) q = q.Where(e => (e.SizeOverride ?? e.ComputedSize) == size);
        if (query.Tier is { } tier) q = q.Where(e => e.QualityTier == tier);
        if (query.AboveScale is { } above) q = q.Where(e => e.AboveScale == above);
        if (query.Excluded is { } ex) q = ex ? q.Where(e => e.LittleGiantCentralFunded || e.Pilot2022) : q.Where(e => !e.LittleGiantCentralFunded && !e.Pilot2022);
        if (query.MissingUscc is { } mu) q = mu ? q.Where(e => e.Uscc == null) : q.Where(e => e.Uscc != null);
        if (query.Provider is { } provider) q = q.Where(e => db.Assignments.Any(a => a.EnterpriseId == e.Id && a.OrganisationId == provider));
        return q;
    }

    private static IQueryable<Enterprise> Ordered(IQueryable<Enterprise> q, EnterpriseQuery query) =>
        (query.Sort, query.Descending) switch
        {
            ("district", false) => q.OrderBy(e => e.District).ThenBy(e => e.Name).ThenBy(e => e.Id),
            ("district", true) => q.OrderByDescending(e => e.District).ThenBy(e => e.Name).ThenBy(e => e.Id),
            ("industry", false) => q.OrderBy(e => e.IndustryKey).ThenBy(e => e.Name).ThenBy(e => e.Id),
            ("industry", true) => q.OrderByDescending(e => e.IndustryKey).ThenBy(e => e.Name).ThenBy(e => e.Id),
            ("employees", false) => q.OrderBy(e => e.Employees).ThenBy(e => e.Id),
            ("employees", true) => q.OrderByDescending(e => e.Employees).ThenBy(e => e.Id),
            ("revenue", false) => q.OrderBy(e => e.RevenueWan).ThenBy(e => e.Id),
            ("revenue", true) => q.OrderByDescending(e => e.RevenueWan).ThenBy(e => e.Id),
            ("updated", false) => q.OrderBy(e => e.UpdatedAt).ThenBy(e => e.Id),
            ("updated", true) => q.OrderByDescending(e => e.UpdatedAt).ThenBy(e => e.Id),
            (_, true) => q.OrderByDescending(e => e.Name).ThenBy(e => e.Id),
            _ => q.OrderBy(e => e.Name).ThenBy(e => e.Id),
        };

    public async Task<Page<EnterpriseRow>> ListAsync(Actor actor, EnterpriseQuery query, CancellationToken ct = default)
    {
        query = query.Normalised();
        // The generation is read before the files: a page computed now is at least as new as the number it is kept under.
        var generation = await RegistryGeneration.ReadAsync(db, ct);
        var page = await lists.GetOrComputeAsync(generation, actor, query, () => ComputeAsync(actor, query, ct), ct);
        return page with { Items = page.Items.Select(r => r.ForViewer(actor)).ToList() };
    }

    private async Task<Page<EnterpriseRow>> ComputeAsync(Actor actor, EnterpriseQuery query, CancellationToken ct)
    {
        var selected = Selected(actor, query);
        // A text search counts no further than the limit: at national scale 科技 is in one file of seven, and counting each
        // of them costs more than the page itself for a number nobody acts on (the list asks to narrow the search instead).
        var limit = settings.SearchCountLimit;
        var total = query.Search is null ? await selected.CountAsync(ct) : await selected.Take(limit + 1).CountAsync(ct);
        var capped = query.Search is not null && total > limit;
        if (capped) total = limit;
        query = query with { PageNumber = Paging.Clamp(query.PageNumber, total, query.PageSize) };
        // When many files match, the page is found fastest by walking the sort order and testing each file (a few hundred
        // rows for 20). PostgreSQL cannot tell: it multiplies the grams' frequencies as if 汽车 and 车零 were independent,
        // expects dozens of matches instead of thousands, and fetches and sorts them all through the gram index (measured at
        // 100,000 files: 22 ms against 1.7 ms). So the page query leaves the grams out once the count shows many matches.
        if (total >= ManyMatches) selected = Selected(actor, query, gramIndex: false);
        var items = await Ordered(selected, query).Skip((query.PageNumber - 1) * query.PageSize).Take(query.PageSize)
            .Select(EnterpriseRow.Projection).ToListAsync(ct);
        return new Page<EnterpriseRow>(items, total, query.PageNumber, query.PageSize, capped);
    }

    public async Task<Enterprise?> GetAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        await InScope(actor).FirstOrDefaultAsync(e => e.Id == id, ct);

    public async Task<Outcome<Enterprise>> CreateAsync(Actor actor, EnterpriseForm form, CancellationToken ct = default)
    {
        if (EnterprisePolicy.Register(actor) is { } refused) return Outcome<Enterprise>.Forbidden(refused);
        var programme = programmes.Get(actor.ProgrammeId);
        var result = EnterpriseValidator.Validate(form, programme, Today(programme));
        if (!result.IsValid) return Outcome<Enterprise>.Invalid(result.Errors);
        var details = result.Details!;
        if (EnterprisePolicy.PlaceIn(actor, null, details.District) is { } elsewhere)
            return Outcome<Enterprise>.Invalid(new Dictionary<string, string> { [nameof(EnterpriseForm.District)] = elsewhere });
        if (await UsccTaken(actor.ProgrammeId, details.Uscc, null, ct)) return Outcome<Enterprise>.Invalid(UsccTakenMessage);

        var enterprise = Enterprise.Register(programme, details, Now());
        db.Enterprises.Add(enterprise);
        return await Save(enterprise, ct);
    }

    public async Task<Outcome<Enterprise>> UpdateAsync(Actor actor, Guid id, int version, EnterpriseForm form, CancellationToken ct = default)
    {
        var enterprise = await GetAsync(actor, id, ct);
        if (enterprise is null) return Outcome<Enterprise>.NotFound();
        if (EnterprisePolicy.Edit(actor, enterprise) is { } refused) return Outcome<Enterprise>.Forbidden(refused);
        if (enterprise.Version != version) return Outcome<Enterprise>.Conflict(await StaleMessage(enterprise, ct));

        var programme = programmes.Get(actor.ProgrammeId);
        var result = EnterpriseValidator.Validate(form, programme, Today(programme));
        if (!result.IsValid) return Outcome<Enterprise>.Invalid(result.Errors);
        var details = result.Details!;
        if (EnterprisePolicy.PlaceIn(actor, enterprise, details.District) is { } elsewhere)
            return Outcome<Enterprise>.Invalid(new Dictionary<string, string> { [nameof(EnterpriseForm.District)] = elsewhere });
        // Only a bureau changes the code (Enterprise.Update keeps it otherwise), so only a bureau's may collide.
        if (actor.MaySetBureauFields && await UsccTaken(actor.ProgrammeId, details.Uscc, id, ct)) return Outcome<Enterprise>.Invalid(UsccTakenMessage);

        saving.Expect(enterprise, version);
        enterprise.Update(details, actor, Now());
        return await Save(enterprise, ct);
    }

    public async Task<Outcome<Enterprise>> OverrideSizeAsync(Actor actor, Guid id, int version, SizeClass? size, string? reason, CancellationToken ct = default)
    {
        var enterprise = await GetAsync(actor, id, ct);
        if (enterprise is null) return Outcome<Enterprise>.NotFound();
        if (EnterprisePolicy.OverrideSize(actor, enterprise) is { } refused) return Outcome<Enterprise>.Forbidden(refused);
        if (enterprise.Version != version) return Outcome<Enterprise>.Conflict(await StaleMessage(enterprise, ct));
        if (ControlCharacters.In(reason, multiline: true))
            return Outcome<Enterprise>.Invalid(new Dictionary<string, string> { ["SizeOverrideReason"] = ControlCharacters.Message("调整理由") });
        if (size is not null && string.IsNullOrWhiteSpace(reason))
            return Outcome<Enterprise>.Invalid(new Dictionary<string, string> { ["SizeOverrideReason"] = "调整企业规模须填写理由" });
        saving.Expect(enterprise, version);
        enterprise.OverrideSize(size, reason, actor, Now());
        db.Audit.Action = AuditAction.SizeOverridden;
        return await Save(enterprise, ct);
    }

    /// <summary>Field-level history, newest first; bureau roles only.</summary>
    public async Task<Outcome<IReadOnlyList<AuditEntry>>> HistoryAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (await GetAsync(actor, id, ct) is null) return Outcome<IReadOnlyList<AuditEntry>>.NotFound();
        if (EnterprisePolicy.ReadHistory(actor) is { } refused) return Outcome<IReadOnlyList<AuditEntry>>.Forbidden(refused);
        var key = id.ToString();
        var entries = await db.AuditEntries.Where(a => a.EntityType == nameof(Enterprise) && a.EntityId == key)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(500).ToListAsync(ct);
        return Outcome<IReadOnlyList<AuditEntry>>.Ok(entries);
    }

    private Task<Outcome<Enterprise>> Save(Enterprise enterprise, CancellationToken ct) =>
        saving.SaveAsync(enterprise, "该企业档案", () => enterprise, ct,
            // Two bureaus registering the same code at once: the unique index decides, the loser is told why.
            onDuplicate: () => Task.FromResult(Outcome<Enterprise>.Invalid(new Dictionary<string, string>
                { [nameof(EnterpriseForm.Uscc)] = "该统一社会信用代码刚刚已被登记，请核对" })));

    private Task<string> StaleMessage(Enterprise current, CancellationToken ct) =>
        saving.StaleMessageAsync(((IAudited)current).AuditKey, "该企业档案", ct);

    private async Task<bool> UsccTaken(string programmeId, string? uscc, Guid? except, CancellationToken ct) =>
        uscc is not null && await db.Enterprises.AnyAsync(e => e.ProgrammeId == programmeId && e.Uscc == uscc && e.Id != except, ct);

    // The other file may be outside the caller's scope: its name would reveal it, so the message names nobody.
    private static Dictionary<string, string> UsccTakenMessage =>
        new() { [nameof(EnterpriseForm.Uscc)] = "该统一社会信用代码已在本试点登记" };

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
    /// <summary>The date where the programme is, not on the server's clock.</summary>
    private DateOnly Today(Programme programme) => LocalTime.Today(clock.GetUtcNow(), programme.Zone);
}
