using DxPilot.Domain.Accounts;
using DxPilot.Domain.Imports;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Home;

/// <summary>
/// 导入有未导入的行: the account's own recent imports that refused rows or the whole file, so that it corrects them and imports
/// again. Only its own (a city reads every job of its programme, <see cref="ImportPolicy.Readable"/>, but fixes only what it ran),
/// and only for <see cref="Window"/>: a job cannot be marked as dealt with, and a refused row is usually re-imported within days.
/// </summary>
public sealed class ImportProblemTodo(DxPilotDbContext db, TimeProvider clock) : ITodoSource
{
    public const string Kind = "导入名单";
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        if (ImportPolicy.Start(actor) is not null) return [];
        var from = clock.GetUtcNow().UtcDateTime - Window;
        var finished = await db.ImportJobs.Where(ImportPolicy.Readable(actor))
            .Where(j => j.ActorId == actor.UserId && (j.Status == ImportStatus.Completed || j.Status == ImportStatus.Failed) && j.CreatedAt >= from)
            .Select(j => new { j.Id, j.FileName, j.CreatedAt, j.FileError, j.Refused })
            .ToListAsync(ct);
        return finished.Where(j => j.FileError is not null || j.Refused > 0)
            .Select(j => new TodoItem(Kind,
                j.FileError is not null
                    ? $"文件“{j.FileName}”未能导入，请按原因修改后重新导入"
                    : $"文件“{j.FileName}”有{j.Refused}行未导入，请按每行的原因修改后重新导入",
                $"/enterprises/import/{j.Id}", TodoList.Since(j.CreatedAt), Math.Max(1, j.Refused)))
            .ToList();
    }
}
