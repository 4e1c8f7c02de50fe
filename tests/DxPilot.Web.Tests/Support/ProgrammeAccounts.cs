using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests.Support;

/// <summary>Accounts of one programme made for a test, as a bureau would create them; each signs in with <see cref="DxPilotApp.Password"/>.</summary>
public sealed class ProgrammeAccounts(DxPilotApp app, string programme)
{
    /// <summary>An account that signs in as the actor would be (for the pages and the API); returns its user name.</summary>
    public async Task<string> UserAsync(Role role, string? district = null, Guid? enterprise = null, Guid? organisation = null, string? displayName = null)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = $"t-{programme[..2]}-{Guid.NewGuid():N}"[..20];
        var created = await users.CreateAsync(new AppUser
        {
            UserName = name, DisplayName = displayName ?? $"{role.Label()}（测试）", Role = role, ProgrammeId = programme, District = district,
            EnterpriseId = enterprise, OrganisationId = organisation, EmailConfirmed = true,
        }, DxPilotApp.Password);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        return name;
    }
}
