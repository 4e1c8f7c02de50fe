using System.Linq.Expressions;
using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Imports;

/// <summary>Who may import enterprise lists and read the jobs, in one place: the queue enforces it, the pages ask it.</summary>
public static class ImportPolicy
{
    /// <summary>Null when the actor may upload a list, otherwise the reason shown.</summary>
    public static string? Start(Actor a) => a.MayImport ? null : "只有工信主管部门可以导入企业名单";

    /// <summary>The jobs an actor reads: the city all of its programme's, anyone else (a district) only its own.</summary>
    public static Expression<Func<ImportJob, bool>> Readable(Actor a) => a.Role == Role.CityBureau
        ? j => j.ProgrammeId == a.ProgrammeId
        : j => j.ProgrammeId == a.ProgrammeId && j.ActorId == a.UserId;
}
