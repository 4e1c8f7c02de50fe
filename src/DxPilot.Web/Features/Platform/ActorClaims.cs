using System.Security.Claims;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DxPilot.Web.Features.Platform;

/// <summary>The role and scope travel in the sign-in cookie or token as claims; the services read them back as an <see cref="Actor"/>.</summary>
public static class ActorClaims
{
    public const string Role = "dx:role";
    public const string Programme = "dx:programme";
    public const string District = "dx:district";
    public const string Enterprise = "dx:enterprise";
    public const string Organisation = "dx:organisation";
    public const string DisplayName = "dx:name";

    public static Actor? ToActor(this ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (id is null || !Enum.TryParse<Domain.Accounts.Role>(user.FindFirstValue(Role), out var role)) return null;
        return new Actor(
            id,
            user.FindFirstValue(DisplayName) ?? user.Identity.Name ?? "",
            role,
            user.FindFirstValue(Programme) ?? "",
            user.FindFirstValue(District),
            Guid.TryParse(user.FindFirstValue(Enterprise), out var e) ? e : null,
            Guid.TryParse(user.FindFirstValue(Organisation), out var o) ? o : null);
    }

    public static Actor RequireActor(this ClaimsPrincipal user) =>
        user.ToActor() ?? throw new UnauthorizedAccessException("未登录");
}

/// <summary>Adds the scope claims when Identity signs someone in.</summary>
public sealed class ActorClaimsFactory(UserManager<AppUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ActorClaims.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(ActorClaims.Programme, user.ProgrammeId));
        identity.AddClaim(new Claim(ActorClaims.DisplayName, user.DisplayName));
        if (user.District is not null) identity.AddClaim(new Claim(ActorClaims.District, user.District));
        if (user.EnterpriseId is { } e) identity.AddClaim(new Claim(ActorClaims.Enterprise, e.ToString()));
        if (user.OrganisationId is { } o) identity.AddClaim(new Claim(ActorClaims.Organisation, o.ToString()));
        return identity;
    }
}
