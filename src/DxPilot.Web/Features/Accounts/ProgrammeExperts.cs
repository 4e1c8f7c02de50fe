using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Accounts;

/// <summary>An expert account that can be named on a record (a project's acceptance group, a diagnosis' acceptance).</summary>
public sealed record ExpertChoice(string UserId, string Name, string? Unit);

/// <summary>
/// The programme's expert accounts, one rule for every record that names experts: only an account of the programme with the
/// expert role may be named (projects' acceptance groups, diagnoses' acceptance experts).
/// </summary>
public static class ProgrammeExperts
{
    /// <summary>The programme's expert accounts with their employer, for a form that names them.</summary>
    public static async Task<IReadOnlyList<ExpertChoice>> ExpertChoicesAsync(this DxPilotDbContext db, string programmeId, CancellationToken ct) =>
        await (from u in db.Users
               where u.ProgrammeId == programmeId && u.Role == Role.Expert
               join o in db.Organisations on u.OrganisationId equals o.Id into employer
               from o in employer.DefaultIfEmpty()
               orderby u.DisplayName
               select new ExpertChoice(u.Id, u.DisplayName, o == null ? null : o.Name)).ToListAsync(ct);

    /// <summary>Which of the user ids are expert accounts of the programme, each with its employer's USCC (null: none on file).</summary>
    public static async Task<Dictionary<string, string?>> ExpertAccountsAsync(this DxPilotDbContext db, IReadOnlyCollection<string> ids,
        string programmeId, CancellationToken ct) =>
        ids.Count == 0 ? []
            : await (from u in db.Users
                     where ids.Contains(u.Id) && u.ProgrammeId == programmeId && u.Role == Role.Expert
                     join o in db.Organisations on u.OrganisationId equals o.Id into employer
                     from o in employer.DefaultIfEmpty()
                     select new { u.Id, Uscc = o == null ? null : o.Uscc }).ToDictionaryAsync(x => x.Id, x => (string?)x.Uscc, ct);
}
