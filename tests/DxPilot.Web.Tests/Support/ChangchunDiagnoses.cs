using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Diagnoses;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// Changchun's 咨询诊断 arranged for a test: enterprise files, providers with their assignments, accounts, and diagnoses in a
/// chosen state, agreement date and red items. States move through the aggregate and the programme's chain with a checklist
/// made for the purpose (the checklist's own rules are the domain tests' business).
/// </summary>
public sealed class ChangchunDiagnoses(DxPilotApp app)
{
    public const string Programme = "changchun-2025";

    public static readonly Actor City = new("t-cc-city", "长春市工信局（测试）", Role.CityBureau, Programme);
    public static readonly Actor ThinkTank = new("t-cc-think", "长春智库（测试）", Role.ThinkTank, Programme);

    public static Actor DistrictBureau(string district) => new($"t-cc-{district}", $"{district}工信局（测试）", Role.DistrictBureau, Programme, District: district);

    public static Actor Enterprise(Guid enterpriseId) => new($"t-e-{enterpriseId:N}"[..20], "被诊断企业（测试）", Role.Enterprise, Programme, EnterpriseId: enterpriseId);

    public static Actor Provider(Organisation o) => new($"t-p-{o.Id:N}"[..20], o.Name, Role.ServiceProvider, Programme, OrganisationId: o.Id);

    public async Task<Enterprise> EnterpriseAsync(string name, string district, string? uscc = null)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        var form = new EnterpriseForm { Name = name, Uscc = uscc ?? TestData.NewUscc(), District = district, Industry = "汽车零部件配件制造" };
        var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
        Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
        var enterprise = Domain.Enterprises.Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise;
    }

    /// <summary>A service provider assigned the enterprises, assigned at the given times (default now).</summary>
    public async Task<Organisation> ProviderAsync(string name, params Enterprise[] serves)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var org = new Organisation { ProgrammeId = Programme, Name = name, Kind = OrganisationKind.ServiceProvider };
        db.Organisations.Add(org);
        foreach (var e in serves) db.Assignments.Add(AssignmentPolicy.Assign(DxPilot.Domain.Accounts.Actor.System(Programme, "测试数据"), e, org, [], null, DateTime.UtcNow).Assignment!);
        await db.SaveChangesAsync();
        return org;
    }

    public async Task AssignAsync(Organisation org, Enterprise e, DateTime at)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        db.Assignments.Add(AssignmentPolicy.Assign(DxPilot.Domain.Accounts.Actor.System(Programme, "测试数据"), e, org, [], null, at).Assignment!);
        await db.SaveChangesAsync();
    }

    /// <summary>An account that signs in as the actor would be (for the pages); returns its user name.</summary>
    public Task<string> UserAsync(Role role, string? district = null, Guid? enterprise = null, Guid? organisation = null, string? displayName = null) =>
        new ProgrammeAccounts(app, Programme).UserAsync(role, district, enterprise, organisation, displayName ?? $"长春{role.Label()}（测试）");

    /// <summary>
    /// The provider opens its diagnosis of the enterprise, then (as arranged) the agreement is signed, it is submitted and
    /// returned or accepted, and the red items kept on it are exactly <paramref name="red"/> (checklist keys).
    /// </summary>
    public async Task<Guid> DiagnosisAsync(Organisation provider, Enterprise enterprise, DateOnly? signedOn = null,
        DiagnosisStatus state = DiagnosisStatus.InProgress, params string[] red)
    {
        var by = Provider(provider);
        Guid id;
        await using (var scope = app.ScopeAs(by))
        {
            var opened = await scope.ServiceProvider.GetRequiredService<DiagnosisService>().OpenAsync(by, enterprise.Id);
            Assert.True(opened.IsOk, opened.Message);
            id = opened.Value!.Id;
        }
        await MoveAsync(id, provider, signedOn, state, red);
        return id;
    }

    /// <summary>An open diagnosis moved as <see cref="DiagnosisAsync"/> arranges it: the agreement signed, submitted by its
    /// provider and returned or accepted by the city, its red items exactly <paramref name="red"/>.</summary>
    public async Task MoveAsync(Guid id, Organisation provider, DateOnly? signedOn = null, DiagnosisStatus state = DiagnosisStatus.InProgress,
        params string[] red)
    {
        var by = Provider(provider);
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var rules = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme).Diagnosis!;
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var d = await db.Diagnoses.SingleAsync(x => x.Id == id);
            if (signedOn is { } signed) d.SignAgreement(signed, now);
            void Take(DiagnosisTrigger trigger, Actor actor, string? reason)
            {
                var taken = d.Apply(rules.Chain, trigger, actor, reason, Checklist(), now);
                Assert.True(taken.Taken, taken.Refusal?.Message);
                db.StateTransitions.Add(taken.Record!);
            }
            if (state != DiagnosisStatus.InProgress) Take(DiagnosisTrigger.Submit, by, null);
            if (state == DiagnosisStatus.Returned) Take(DiagnosisTrigger.Return, City, "请补充现场照片。");
            if (state == DiagnosisStatus.Accepted) Take(DiagnosisTrigger.Accept, City, "同意通过验收。");
            d.Checked(Checklist(red));
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A checklist whose red items are the given keys.</summary>
    public static DiagnosisChecklist Checklist(params string[] red) => new(DiagnosisChecklist.Keys.Select(k => new ChecklistItem(k, k,
        k == "satisfaction" ? ChecklistStage.Acceptance : ChecklistStage.Submission, !red.Contains(k), "")).ToList());
}
