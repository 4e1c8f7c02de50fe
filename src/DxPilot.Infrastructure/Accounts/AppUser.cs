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

    public Actor ToActor() => new(Id, DisplayName, Role, ProgrammeId, District, EnterpriseId, OrganisationId);
}
