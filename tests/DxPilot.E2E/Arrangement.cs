using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.E2E;

/// <summary>What the journeys arrange through the services before the browser starts: accounts, and service calls as an actor.</summary>
internal static class Arrangement
{
    /// <summary>A scope whose services act as <paramref name="actor"/> (the audit trail names it).</summary>
    public static AsyncServiceScope Scope(IServiceProvider services, Actor actor)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(actor);
        return scope;
    }

    /// <summary>A new account of the programme with the journeys' password.</summary>
    public static async Task<AppUser> UserAsync(IServiceProvider services, string programme, string userName, string displayName, Role role,
        Guid? organisation = null, Guid? enterprise = null)
    {
        using var scope = services.CreateScope();
        var user = new AppUser
        {
            UserName = userName, DisplayName = displayName, Role = role, ProgrammeId = programme, OrganisationId = organisation, EnterpriseId = enterprise,
            EmailConfirmed = true,
        };
        var created = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().CreateAsync(user, BrowserApp.Password);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        return user;
    }
}
