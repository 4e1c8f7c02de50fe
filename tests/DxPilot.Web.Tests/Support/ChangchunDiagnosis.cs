using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Diagnoses;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// A fresh Changchun diagnosis for each test: an enterprise file in <c>District</c> with its own account, a provider
/// organisation assigned to it with an account, the diagnosis opened by that provider, and a bureau account of the district.
/// </summary>
public sealed record ChangchunDiagnosis(Guid Id, Guid EnterpriseId, string EnterpriseName, string District, Guid ProviderId,
    string ProviderUser, Actor Provider, string EnterpriseUser, string DistrictUser)
{
    public const string Programme = "changchun-2025";

    public static async Task<ChangchunDiagnosis> OpenAsync(DxPilotApp app, string district = "朝阳区")
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        Enterprise enterprise;
        var org = new Organisation { ProgrammeId = Programme, Name = $"长春测试咨询{suffix}有限公司", Kind = OrganisationKind.ServiceProvider };
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            var form = new EnterpriseForm
            {
                Name = $"长春测试汽车零部件{suffix}有限公司", Uscc = TestData.NewUscc(), District = district, Industry = "汽车零部件配件制造",
                FoundedOn = "2012-05-01", ContactName = "赵六", ContactPhone = "13812345678",
            };
            var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2026, 3, 1));
            Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
            enterprise = Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
            db.Enterprises.Add(enterprise);
            db.Organisations.Add(org);
            db.Assignments.Add(new Assignment { OrganisationId = org.Id, EnterpriseId = enterprise.Id, AssignedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        var providerUser = await UserAsync(app, Role.ServiceProvider, organisation: org.Id, displayName: $"{org.Name}诊断员");
        var enterpriseUser = await UserAsync(app, Role.Enterprise, enterprise: enterprise.Id, displayName: enterprise.Name);
        var districtUser = await UserAsync(app, Role.DistrictBureau, district: district);
        var provider = await ActorAsync(app, providerUser);
        Guid id;
        await using (var scope = app.ScopeAs(provider))
        {
            var opened = await scope.ServiceProvider.GetRequiredService<DiagnosisService>().OpenAsync(provider, enterprise.Id);
            Assert.True(opened.IsOk, opened.Message);
            id = opened.Value!.Id;
        }
        return new ChangchunDiagnosis(id, enterprise.Id, enterprise.Name, district, org.Id, providerUser, provider, enterpriseUser, districtUser);
    }

    public static async Task<string> UserAsync(DxPilotApp app, Role role, string? district = null, Guid? enterprise = null, Guid? organisation = null,
        string? displayName = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = $"c-{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        var created = await users.CreateAsync(new AppUser
        {
            UserName = name, DisplayName = displayName ?? $"{district}{role.Label()}（测试）", Role = role, ProgrammeId = Programme,
            District = district, EnterpriseId = enterprise, OrganisationId = organisation, EmailConfirmed = true,
        }, DxPilotApp.Password);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        return name;
    }

    public static async Task<Actor> ActorAsync(DxPilotApp app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().Users.SingleAsync(u => u.UserName == userName);
        return user.ToActor();
    }
}
