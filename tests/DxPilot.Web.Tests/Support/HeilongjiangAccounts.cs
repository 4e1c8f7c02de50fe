using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>Fresh accounts of the Heilongjiang benchmark call, so that each test has its own applicant.</summary>
public static class HeilongjiangAccounts
{
    public const string Programme = "heilongjiang-2025";

    /// <summary>A new enterprise file in <paramref name="district"/> and its account; returns the user name.</summary>
    public static async Task<(string UserName, Guid EnterpriseId)> EnterpriseAsync(DxPilotApp app, string district = "哈尔滨市", string foundedOn = "2015-03-01")
    {
        var enterprise = await EnterpriseFileAsync(app, district, foundedOn);
        var user = await UserAsync(app, Role.Enterprise, enterprise: enterprise.Id, displayName: enterprise.Name);
        return (user, enterprise.Id);
    }

    /// <summary>A new enterprise file in <paramref name="district"/>, with no account.</summary>
    public static async Task<Enterprise> EnterpriseFileAsync(DxPilotApp app, string district = "哈尔滨市", string foundedOn = "2015-03-01", string? uscc = null)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var form = new EnterpriseForm { Name = $"黑龙江测试制造{suffix}有限公司", Uscc = uscc ?? TestData.NewUscc(), District = district, Industry = "制造业", FoundedOn = foundedOn };
        var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
        Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
        var enterprise = Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise;
    }

    public static async Task<string> UserAsync(DxPilotApp app, Role role, string? district = null, Guid? enterprise = null, string? displayName = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = $"t-{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..24];
        var created = await users.CreateAsync(new AppUser
        {
            UserName = name, DisplayName = displayName ?? $"{district}{role.Label()}（测试）", Role = role, ProgrammeId = Programme,
            District = district, EnterpriseId = enterprise, EmailConfirmed = true,
        }, DxPilotApp.Password);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        return name;
    }
}
