using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// A fresh Changchun pilot enterprise in 朝阳区 with a provider assigned to it, and one account per role around it, so that each
/// test has its own diagnosis (seed 002 is Changchun's notice; its rules are in config/programmes/changchun-2025.json).
/// </summary>
public sealed class ChangchunDiagnosis
{
    public const string Programme = "changchun-2025";
    public const string District = "朝阳区";

    public required Enterprise Enterprise { get; init; }
    public required Organisation Provider { get; init; }
    /// <summary>User names of the accounts: the provider's, the enterprise's, the city's, 朝阳区's, 南关区's, another provider's,
    /// an expert's and the think tank's; with outsiders, another enterprise's of the district and Hangzhou's city bureau's.</summary>
    public required IReadOnlyDictionary<string, string> Users { get; init; }

    /// <summary>The accounts that must never read this diagnosis, whatever its state: another provider, another district's
    /// bureau, another enterprise, another programme's city bureau (created with <c>outsiders</c>).</summary>
    public static readonly string[] OutOfScope = ["other-provider", "nanguan", "other-enterprise", "other-programme-city"];

    /// <summary>The accounts that read the diagnosis from its opening (the expert only once it is submitted).</summary>
    public static readonly string[] Readers = ["provider", "enterprise", "city", "chaoyang", "thinktank"];

    public Actor ProviderActor => new($"p-{Provider.Id:N}"[..20], Provider.Name, Role.ServiceProvider, Programme, OrganisationId: Provider.Id);
    public Actor EnterpriseActor => new($"e-{Enterprise.Id:N}"[..20], Enterprise.Name, Role.Enterprise, Programme, EnterpriseId: Enterprise.Id);
    public static Actor City => new("t-cc-city", "长春市工信局（测试）", Role.CityBureau, Programme);

    /// <param name="outsiders">Also another enterprise of the district and Hangzhou's city bureau, with accounts (the scope tests'
    /// <see cref="OutOfScope"/>); off by default, so that other tests' counts of a district's files stay theirs.</param>
    public static async Task<ChangchunDiagnosis> CreateAsync(DxPilotApp app, string district = District, bool outsiders = false)
    {
        Enterprise enterprise;
        Organisation provider, other;
        var accounts = new ChangchunDiagnoses(app);
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var form = new EnterpriseForm
            {
                Name = $"长春测试汽车部件{suffix}有限公司", Uscc = TestData.NewUscc(), District = district, Industry = "汽车零部件配件制造",
                RegisteredAddress = "长春市朝阳区前进大街1号", ContactName = "赵厂长", ContactPhone = "13900001111", FoundedOn = "2012-05-01",
            };
            var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
            Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
            enterprise = Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
            db.Enterprises.Add(enterprise);
            provider = new Organisation { ProgrammeId = Programme, Name = $"长春数智转型服务{suffix}有限公司", Kind = OrganisationKind.ServiceProvider, Uscc = TestData.NewUscc() };
            other = new Organisation { ProgrammeId = Programme, Name = $"吉林另一服务商{suffix}有限公司", Kind = OrganisationKind.ServiceProvider };
            db.Organisations.AddRange(provider, other);
            db.Assignments.Add(AssignmentPolicy.Assign(DxPilot.Domain.Accounts.Actor.System(Programme, "测试数据"), enterprise, provider, [], null, DateTime.UtcNow).Assignment!);
            await db.SaveChangesAsync();
        }
        var users = new Dictionary<string, string>
        {
            ["provider"] = await accounts.UserAsync(Role.ServiceProvider, displayName: provider.Name, organisation: provider.Id),
            ["enterprise"] = await accounts.UserAsync(Role.Enterprise, displayName: enterprise.Name, enterprise: enterprise.Id),
            ["city"] = await accounts.UserAsync(Role.CityBureau, displayName: "长春市工信局（测试）"),
            ["chaoyang"] = await accounts.UserAsync(Role.DistrictBureau, displayName: "朝阳区工信局（测试）", district: District),
            ["nanguan"] = await accounts.UserAsync(Role.DistrictBureau, displayName: "南关区工信局（测试）", district: "南关区"),
            ["other-provider"] = await accounts.UserAsync(Role.ServiceProvider, displayName: other.Name, organisation: other.Id),
            ["expert"] = await accounts.UserAsync(Role.Expert, displayName: "王专家（测试）"),
            ["thinktank"] = await accounts.UserAsync(Role.ThinkTank, displayName: "长春智库（测试）"),
        };
        if (outsiders)
        {
            // Another pilot enterprise of the same district, with its own account: it must not see this one's diagnosis.
            var neighbour = await accounts.EnterpriseAsync($"长春邻近企业{Guid.NewGuid().ToString("N")[..8]}有限公司", district);
            users["other-enterprise"] = await accounts.UserAsync(Role.Enterprise, displayName: "另一家试点企业（测试）", enterprise: neighbour.Id);
            users["other-programme-city"] = await new ProgrammeAccounts(app, "hangzhou-2024").UserAsync(Role.CityBureau, displayName: "杭州市经信局（测试）");
        }
        return new ChangchunDiagnosis { Enterprise = enterprise, Provider = provider, Users = users };
    }

    /// <summary>The provider's diagnosis of the enterprise, opened through the service.</summary>
    public async Task<Diagnosis> OpenAsync(DxPilotApp app)
    {
        var opened = await Act(app, ProviderActor, s => s.OpenAsync(ProviderActor, Enterprise.Id));
        Assert.True(opened.IsOk, opened.Message);
        return opened.Value!;
    }

    /// <summary>Submitted for acceptance as the chain does it, with a checklist made for the purpose (its rules are the domain
    /// tests' business).</summary>
    public Task SubmitAsync(DxPilotApp app, Guid id) => new ChangchunDiagnoses(app).MoveAsync(id, Provider, state: DiagnosisStatus.Submitted);

    /// <summary>The city bureau names <paramref name="who"/> (keys of <see cref="Users"/>) to accept the submitted diagnosis.</summary>
    public async Task NameExpertsAsync(DxPilotApp app, Guid id, params string[] who)
    {
        var ids = new List<string?>();
        foreach (var w in who) ids.Add((await AccountAsync(app, w)).UserId);
        var named = await Act(app, City, s => s.NameExpertsAsync(City, id, ids, null));
        Assert.True(named.IsOk, named.Message + string.Join("；", named.Errors.Values));
    }

    /// <summary>An organisation of <paramref name="kind"/> assigned to the enterprise, with an account of <paramref name="role"/>;
    /// returns the account's user name.</summary>
    public async Task<string> AssignedAsync(DxPilotApp app, OrganisationKind kind, Role role, string name)
    {
        var org = new Organisation { ProgrammeId = Programme, Name = $"{name}{Guid.NewGuid():N}"[..20], Kind = kind };
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            db.Organisations.Add(org);
            var (assignment, _, refusal) = AssignmentPolicy.Assign(Actor.System(Programme, "测试数据"), Enterprise, org, [], null, DateTime.UtcNow);
            Assert.True(assignment is not null, refusal?.Message);
            db.Assignments.Add(assignment);
            await db.SaveChangesAsync();
        }
        return await new ProgrammeAccounts(app, Programme).UserAsync(role, organisation: org.Id, displayName: org.Name);
    }

    /// <summary>One of <see cref="Users"/> as the rules see it (its account id is what a record names).</summary>
    public Task<Actor> AccountAsync(DxPilotApp app, string who) => app.ActorAsync(Users[who]);

    /// <summary>The provider adds a 组长 (a visit needs a member present); returns the member's id.</summary>
    public async Task<Guid> LeaderAsync(DxPilotApp app, Guid id)
    {
        var added = await Act(app, ProviderActor, async s => await s.AddMemberAsync(ProviderActor, id, await VersionAsync(app, id),
            new TeamMemberInput("张伟", Provider.Name, "高级工程师", TitleLevel.Senior, ExpertiseField.Software, TeamRole.Leader)));
        Assert.True(added.IsOk, added.Message + string.Join("；", added.Errors.Values));
        return (await Act(app, ProviderActor, s => s.GetAsync(ProviderActor, id))).Value!.Members.Single(m => m.Role == TeamRole.Leader).Id;
    }

    /// <summary>The provider records a visit of <paramref name="topic"/> with the member present; returns its id.</summary>
    public async Task<Guid> VisitAsync(DxPilotApp app, Guid id, Guid member, DateOnly day, TimeOnly start, TimeOnly end, VisitTopic topic = VisitTopic.Survey)
    {
        var visit = await Act(app, ProviderActor, async s => await s.RecordVisitAsync(ProviderActor, id, await VersionAsync(app, id),
            new VisitInput(day, start, end, topic, [member], "赵厂长", "调研了冲压车间", topic == VisitTopic.Training ? 30 : null)));
        Assert.True(visit.IsOk, visit.Message + string.Join("；", visit.Errors.Values));
        return visit.Value!.Id;
    }

    /// <summary>The provider uploads photos (tag, file name, bytes) to a visit, from the version it reads now.</summary>
    public Task<Outcome<PhotosSaved>> UploadAsync(DxPilotApp app, Guid id, Guid visitId, params (PhotoTag Tag, string Name, byte[] Bytes)[] photos) =>
        Act(app, ProviderActor, async s => await s.UploadPhotosAsync(ProviderActor, id, await VersionAsync(app, id), visitId,
            [.. photos.Select(p => new PhotoUpload(p.Tag, new UploadedFile(p.Name, p.Bytes.Length, () => new MemoryStream(p.Bytes))))]));

    /// <summary>A browser signed in (by cookie) as one of <see cref="Users"/>.</summary>
    public async Task<HttpClient> BrowserAsync(DxPilotApp app, string who)
    {
        var client = app.Anonymous();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await PageClient.SignIn(client, Users[who])).StatusCode);
        return client;
    }

    /// <summary>The service as <paramref name="actor"/> reaches it through a request: the audit trail names them.</summary>
    public static async Task<T> Act<T>(DxPilotApp app, Actor actor, Func<DiagnosisService, Task<T>> call)
    {
        await using var scope = app.ScopeAs(actor);
        return await call(scope.ServiceProvider.GetRequiredService<DiagnosisService>());
    }

    public static async Task<int> VersionAsync(DxPilotApp app, Guid id)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Diagnoses.FindAsync(id))!.Version;
    }
}
