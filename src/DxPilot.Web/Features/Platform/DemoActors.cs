using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DxPilot.Web.Features.Platform;

/// <summary>The demo data acts as its demo accounts: each step through the services as that user.</summary>
public static class DemoActors
{
    /// <summary>The actor of the account called <paramref name="userName"/>, or null when there is none.</summary>
    public static async Task<Actor?> ActorAsync(this UserManager<AppUser> users, string userName) => (await users.FindByNameAsync(userName))?.ToActor();
}
