using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>Every submitted round readable as it was, and the field-by-field difference between two rounds (or a round and the
/// draft being revised).</summary>
public sealed partial class FilingService
{
    /// <summary>A submitted round as it was frozen, as this viewer may read it (<see cref="FilingPersonalData"/>), for those who may
    /// read the filing (<see cref="ReadableAsync"/>); null otherwise.</summary>
    public async Task<SubmittedRound?> VersionAsync(Actor actor, Guid id, int round, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, id, ct) is null) return null;
        if (await db.FilingVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FilingId == id && v.Round == round, ct) is not { } v) return null;
        return new SubmittedRound(v.Round, v.SubmittedAt, v.SubmittedByName, v.Values,
            FilingPersonalData.Basics(RulesOf(actor)!.Form, v.Basics, actor), FilingPersonalData.Providers(v.Providers, actor));
    }

    /// <summary>What changed from round <paramref name="from"/> to round <paramref name="to"/>; <paramref name="to"/> 0 is the
    /// filing as it stands now (the revision in progress). Null when either is not there.</summary>
    public async Task<IReadOnlyList<FilingChange>?> DiffAsync(Actor actor, Guid id, int from, int to, CancellationToken ct = default)
    {
        if (await GetAsync(actor, id, ct) is not { IsOk: true, Value: { } view }) return null;
        if (await VersionAsync(actor, id, from, ct) is not { } before) return null;
        var form = view.Rules.Form;
        if (to == 0)
            return FilingDiff.Between(form, before.Values, before.Basics, before.Providers, view.Filing.Values, view.Basics, view.Providers);
        if (await VersionAsync(actor, id, to, ct) is not { } after) return null;
        return FilingDiff.Between(form, before.Values, before.Basics, before.Providers, after.Values, after.Basics, after.Providers);
    }
}

/// <summary>One submitted round of a filing as a reader gets it (<see cref="FilingService.VersionAsync"/>).</summary>
public sealed record SubmittedRound(int Round, DateTime SubmittedAt, string SubmittedByName, IReadOnlyDictionary<string, string> Values,
    IReadOnlyDictionary<string, string> Basics, IReadOnlyList<FilingProvider> Providers);
