using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Organisations;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>An enterprise assigned to the provider that it has not started diagnosing yet.</summary>
public sealed record UnstartedEnterprise(Guid EnterpriseId, string Name, string District, DateTime AssignedAt);

/// <summary>The diagnosis list (page, export, API) with its filters, within <see cref="InScope"/>.</summary>
public sealed partial class DiagnosisService
{
    /// <summary>The list is for bureaus, the think tank, experts and providers (the enterprise sees its own on its file).</summary>
    public bool UsesList(Actor a) => RulesOf(a) is not null && DiagnosisPolicy.ReadsList(a);

    /// <summary>Counting stops here, as in the other lists: the overview gives the full counts.</summary>
    public const int CountCap = 1_000;

    /// <summary>One page of the filtered list, by district and enterprise name; the total is counted up to <see cref="CountCap"/>.</summary>
    public async Task<Outcome<Page<DiagnosisRow>>> ListAsync(Actor actor, DiagnosisFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (Listed(actor, filter) is not { } q) return Outcome<Page<DiagnosisRow>>.NotFound();
        return Outcome<Page<DiagnosisRow>>.Ok(await q.PageAsync(pageNumber, PageSize, CountCap, ct));
    }

    /// <summary>Every row the filter selects in list order, or null for an actor that does not use the list.</summary>
    public IQueryable<DiagnosisRow>? Listed(Actor actor, DiagnosisFilter filter)
    {
        if (!UsesList(actor)) return null;
        var rules = RulesOf(actor)!;
        var diagnoses = InScope(actor);
        if (filter.State is { } state) diagnoses = diagnoses.Where(d => d.Status == state);
        if (filter.ProviderId is { } provider) diagnoses = diagnoses.Where(d => d.ProviderId == provider);
        if (filter.Red is { } red) diagnoses = WithRed(diagnoses, red, rules);

        // The district kept on the diagnosis (migration 0039) is the file's.
        if (filter.District is { } district) diagnoses = diagnoses.Where(d => d.District == district);

        // The files narrowed as the diagnoses are (their programme; the district asked for, or a district bureau's own), which
        // drops no row but lets the database walk the files' (ProgrammeId, District, Name) index in list order and stop after
        // a page, instead of sorting every match (docs/measurements-diagnosis.md).
        var files = db.Enterprises.Where(e => e.ProgrammeId == actor.ProgrammeId);
        if ((filter.District ?? (actor.Role == Role.DistrictBureau ? actor.District : null)) is { } place) files = files.Where(e => e.District == place);
        if (filter.Search is { } search) files = files.Matching(actor, search, db.IsPostgres);
        return from d in diagnoses
               join e in files on d.EnterpriseId equals e.Id
               join o in db.Organisations on d.ProviderId equals o.Id
               orderby e.District, e.Name, d.Id
               select new DiagnosisRow(d.Id, e.Id, e.Name, e.Uscc, e.District, o.Id, o.Name, d.Status, d.AgreementSignedOn, d.Round,
                   d.SubmittedAt, d.AcceptedAt, d.RedItems, d.UpdatedAt);
    }

    /// <summary>Red as <see cref="DiagnosisRow.RedKeys"/> judges it, in the query: the stored mask for the step the diagnosis
    /// waits for, and the agreement's term from its signing date today.</summary>
    private IQueryable<Diagnosis> WithRed(IQueryable<Diagnosis> q, string red, DiagnosisRules rules)
    {
        // Signed on this day or before: day 31 or later of a 30-day term.
        var pastTermIfSignedBy = time.Today().AddDays(-rules.AgreementTermDays);
        var submission = DiagnosisRedItems.Submission;
        var satisfaction = DiagnosisRedItems.Satisfaction;
        const DiagnosisStatus inProgress = DiagnosisStatus.InProgress, returned = DiagnosisStatus.Returned, submitted = DiagnosisStatus.Submitted;
        if (red == DiagnosisFilter.PastTerm)
            return q.Where(d => (d.Status == inProgress || d.Status == returned) && d.AgreementSignedOn <= pastTermIfSignedBy);
        if (red == DiagnosisFilter.AnyRed)
            return q.Where(d => ((d.Status == inProgress || d.Status == returned) && ((d.RedItems & submission) != 0 || d.AgreementSignedOn <= pastTermIfSignedBy))
                                || (d.Status == submitted && (d.RedItems & satisfaction) != 0));
        var bit = DiagnosisChecklist.Bit(red);
        if (bit == satisfaction) return q.Where(d => d.Status == submitted && (d.RedItems & bit) != 0);
        if (bit == DiagnosisRedItems.Agreement)
            return q.Where(d => (d.Status == inProgress || d.Status == returned) && ((d.RedItems & bit) != 0 || d.AgreementSignedOn <= pastTermIfSignedBy));
        return q.Where(d => (d.Status == inProgress || d.Status == returned) && (d.RedItems & bit) != 0);
    }

    /// <summary>The providers the filter offers: the programme's service providers, for those who see more than their own.</summary>
    public Task<List<Organisation>> ProvidersAsync(Actor actor, CancellationToken ct = default) =>
        !UsesList(actor) || actor.Role == Role.ServiceProvider ? Task.FromResult(new List<Organisation>())
        : db.Organisations.AsNoTracking().Where(o => o.ProgrammeId == actor.ProgrammeId && o.Kind == OrganisationKind.ServiceProvider)
            .OrderBy(o => o.Name).ToListAsync(ct);

    /// <summary>开展诊断 waits: the enterprises assigned to this provider that it has no diagnosis of yet, longest assigned first.</summary>
    public async Task<List<UnstartedEnterprise>> UnstartedAsync(Actor actor, CancellationToken ct = default)
    {
        if (RulesOf(actor) is null || actor.Role != Role.ServiceProvider) return [];
        var started = InScope(actor).Select(d => d.EnterpriseId);
        // The provider's files are those assigned to it; an enterprise assigned twice waits since the first time.
        var waiting = await enterprises.InScope(actor).Where(e => !started.Contains(e.Id))
            .Select(e => new UnstartedEnterprise(e.Id, e.Name, e.District,
                db.Assignments.Where(a => a.OrganisationId == actor.OrganisationId && a.EnterpriseId == e.Id).Min(a => a.AssignedAt)))
            .ToListAsync(ct);
        return [.. waiting.OrderBy(u => u.AssignedAt).ThenBy(u => u.Name, StringComparer.Ordinal)];
    }
}
