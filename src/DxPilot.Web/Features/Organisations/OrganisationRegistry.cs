using DxPilot.Domain.Accounts;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Organisations;

/// <summary>The registration form (and the API's body): the kind by name (AuditFirm …).</summary>
public sealed class OrganisationForm
{
    public string? Name { get; set; }
    public string? Uscc { get; set; }
    public string? Kind { get; set; }
}

public sealed record OrganisationQuery(string? Search, OrganisationKind? Kind, int Page = 1)
{
    public string ToQueryString(int page) =>
        "?" + string.Join("&", new[]
        {
            string.IsNullOrWhiteSpace(Search) ? null : "search=" + Uri.EscapeDataString(Search),
            Kind is null ? null : "kind=" + Kind,
            "page=" + page,
        }.Where(p => p is not null));
}

/// <summary>A line of the 机构名录: the organisation, how many accounts it has and how many enterprises it is assigned to.</summary>
public sealed record OrganisationRow(Guid Id, string Name, string? Uscc, OrganisationKind Kind, int Accounts, int Enterprises);

/// <summary>
/// 机构名录: the city registers the programme's 服务商, 评测机构, 审计机构 and 智库 (name, 统一社会信用代码, kind) and corrects them; then
/// their accounts are created (账号管理) and they are assigned (机构分配). Without it a city had no way to add an audit firm, and its
/// projects could not pass 待审计.
/// </summary>
public sealed class OrganisationRegistry(DxPilotDbContext db, Saving saving)
{
    private const int PageSize = 20;

    public async Task<Outcome<Page<OrganisationRow>>> ListAsync(Actor actor, OrganisationQuery query, CancellationToken ct = default)
    {
        if (!OrganisationPolicy.ReadsRegistry(actor)) return Outcome<Page<OrganisationRow>>.Forbidden(OrganisationPolicy.NoRegistry);
        var list = db.Organisations.AsNoTracking().Where(o => o.ProgrammeId == actor.ProgrammeId);
        if (query.Kind is { } kind) list = list.Where(o => o.Kind == kind);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // A name in any case or width, or any part of the code (a code is stored upper-case, without spaces).
            var search = QueryValue.Folded(query.Search.Trim());
            var code = Domain.Enterprises.Uscc.Normalise(query.Search);
            list = list.Where(o => o.Name.ToLower().Contains(search) || o.Uscc!.Contains(code));
        }
        var page = await list.OrderBy(o => o.Kind).ThenBy(o => o.Name)
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Uscc, o.Kind,
                db.Users.Count(u => u.OrganisationId == o.Id),
                db.Assignments.Count(x => x.OrganisationId == o.Id)))
            .PageAsync(query.Page, PageSize, 10_000, ct);
        return Outcome<Page<OrganisationRow>>.Ok(page);
    }

    public async Task<Outcome<Organisation>> RegisterAsync(Actor actor, OrganisationForm form, CancellationToken ct = default)
    {
        if (OrganisationPolicy.Register(actor) is { } refused) return Outcome<Organisation>.Forbidden(refused);
        var kind = QueryValue.Enum<OrganisationKind>(form.Kind);
        var errors = Organisation.Check(form.Name, form.Uscc, kind, out var uscc);
        if (errors.Count == 0) await RefuseDuplicatesAsync(actor.ProgrammeId, null, form.Name!.Trim(), uscc!, errors, ct);
        if (errors.Count > 0) return Outcome<Organisation>.Invalid(errors);
        var organisation = new Organisation { ProgrammeId = actor.ProgrammeId, Name = form.Name!.Trim(), Uscc = uscc, Kind = kind!.Value };
        db.Organisations.Add(organisation);
        return await saving.SaveAsync(organisation, "机构", () => organisation, ct);
    }

    /// <summary>Corrects the name or the code (a typing error, a renamed company); the kind stays, since its accounts and
    /// assignments are of that kind.</summary>
    public async Task<Outcome<Organisation>> CorrectAsync(Actor actor, Guid id, OrganisationForm form, CancellationToken ct = default)
    {
        if (OrganisationPolicy.Register(actor) is { } refused) return Outcome<Organisation>.Forbidden(refused);
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Id == id && o.ProgrammeId == actor.ProgrammeId, ct);
        if (organisation is null) return Outcome<Organisation>.NotFound();
        var errors = Organisation.Check(form.Name, form.Uscc, organisation.Kind, out var uscc);
        if (errors.Count == 0) await RefuseDuplicatesAsync(actor.ProgrammeId, id, form.Name!.Trim(), uscc!, errors, ct);
        if (errors.Count > 0) return Outcome<Organisation>.Invalid(errors);
        organisation.Name = form.Name!.Trim();
        organisation.Uscc = uscc;
        return await saving.SaveAsync(organisation, "机构", () => organisation, ct);
    }

    private async Task RefuseDuplicatesAsync(string programmeId, Guid? self, string name, string uscc, Dictionary<string, string> errors, CancellationToken ct)
    {
        var others = db.Organisations.AsNoTracking().Where(o => o.ProgrammeId == programmeId && o.Id != self);
        if (await others.Where(o => o.Uscc == uscc).Select(o => o.Name).FirstOrDefaultAsync(ct) is { } holder)
            errors[nameof(Organisation.Uscc)] = $"该统一社会信用代码已登记为“{holder}”";
        if (await others.AnyAsync(o => o.Name == name, ct))
            errors[nameof(Organisation.Name)] = "已有同名机构，请核对后再登记";
    }
}
