using DxPilot.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace DxPilot.Infrastructure.Accounts;

/// <summary>A sign-in account with its role and scope.</summary>
public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public Role Role { get; set; }
    public string ProgrammeId { get; set; } = "";
    /// <summary>For a district bureau: its 县（市、区）.</summary>
    public string? District { get; set; }
    /// <summary>For an enterprise account: its enterprise file.</summary>
    public Guid? EnterpriseId { get; set; }
    /// <summary>For providers, agencies, audit firms and think tanks: their organisation.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>A disabled account is locked until this far future (Identity's own lockout, so that no sign-in path can
    /// forget the check); a temporary lockout after wrong passwords ends within minutes.</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The user claim of an account whose password was issued by a bureau (initial or reset): until it chooses
    /// its own, it may do nothing but change it.</summary>
    public const string MustChangePasswordClaim = "dx:must-change-password";

    public bool IsDisabled => LockoutEnd >= DisabledUntil;

    public AccountScope Scope(string? enterpriseDistrict) => new(ProgrammeId, Role, Role == Role.Enterprise ? enterpriseDistrict : District);

    public Actor ToActor() => new(Id, DisplayName, Role, ProgrammeId, District, EnterpriseId, OrganisationId);
}
