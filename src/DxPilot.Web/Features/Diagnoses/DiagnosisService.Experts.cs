using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Web.Features.Accounts;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>指定验收专家: the city bureau names which of the programme's expert accounts accept or return a submitted diagnosis
/// (seed 002 三（一）7 "市工信局（或委托专家）"); those experts alone read it (<see cref="DiagnosisPolicy.ExpertReads"/>).</summary>
public sealed partial class DiagnosisService
{
    public const int MaxExperts = 20;

    public async Task<Outcome<Diagnosis>> NameExpertsAsync(Actor actor, Guid id, IReadOnlyList<string?>? accounts, int? version, CancellationToken ct = default)
    {
        var d = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<Diagnosis>.NotFound();
        if (DiagnosisPolicy.NameExperts(actor, d) is { } refusal) return Outcome<Diagnosis>.Refused(refusal);
        var ids = (accounts ?? []).OfType<string>().Select(x => x.Trim()).Where(x => x.Length > 0).Distinct().ToList();
        if (ids.Count > MaxExperts) return Invalid($"验收专家不超过{MaxExperts}位");
        var experts = await db.ExpertAccountsAsync(ids, actor.ProgrammeId, ct);
        if (ids.FindIndex(x => !experts.ContainsKey(x)) is var wrong and >= 0) return Invalid($"所选第{wrong + 1}个账号不是本试点的专家账号");
        saving.Expect(d, version ?? d.Version);
        d.NameExperts(ids, Now());
        return await saving.SaveAsync(d, What, () => d, ct);

        static Outcome<Diagnosis> Invalid(string message) => Outcome<Diagnosis>.Invalid(new Dictionary<string, string> { ["accounts"] = message });
    }

    /// <summary>The expert accounts the city may name (the programme's), for the city's form.</summary>
    public Task<IReadOnlyList<ExpertChoice>> ExpertChoicesAsync(Actor actor, CancellationToken ct = default) => db.ExpertChoicesAsync(actor.ProgrammeId, ct);

    /// <summary>The experts named on the diagnosis, by name, for the city and the provider.</summary>
    public async Task<IReadOnlyList<ExpertChoice>> NamedExpertsAsync(Diagnosis d, CancellationToken ct = default)
    {
        var named = NamedAccounts.Split(d.ExpertAccounts);
        return named.Count == 0 ? [] : (await db.ExpertChoicesAsync(d.ProgrammeId, ct)).Where(e => named.Contains(e.UserId)).ToList();
    }
}
