using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Home;

/// <summary>
/// 评测待开展: files the account may assess (<see cref="AssessmentPolicy"/>) and has not assessed yet — an enterprise with no
/// assessment at all does its 自测; a provider diagnoses (改造前) and an agency evaluates the enterprises assigned to it.
/// </summary>
public sealed class AssessmentTodo(DxPilotDbContext db, EnterpriseService enterprises) : ITodoSource
{
    public const string Kind = "数字化水平评测";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        if (AssessmentPolicy.AssessorKindOf(actor.Role) is not { } kind) return [];
        var files = enterprises.InScope(actor);
        if (kind == AssessorKind.Enterprise)
        {
            var own = await files.Where(e => !db.Assessments.Any(x => x.EnterpriseId == e.Id))
                .Select(e => new { e.Id, e.CreatedAt }).FirstOrDefaultAsync(ct);
            if (own is null || AssessmentPolicy.Record(actor, own.Id) is not null) return [];
            return [new TodoItem(Kind, "开展数字化水平自测，了解本企业所处等级和差距", $"/enterprises/{own.Id}/assessments/new", TodoList.Since(own.CreatedAt))];
        }

        // Waiting since the organisation was assigned the enterprise.
        var waiting = await (from e in files
                             join a in db.Assignments on e.Id equals a.EnterpriseId
                             where a.OrganisationId == actor.OrganisationId
                                   && !db.Assessments.Any(x => x.EnterpriseId == e.Id && x.AssessorKind == kind && x.OrganisationId == actor.OrganisationId)
                             orderby a.AssignedAt
                             select new { e.Id, a.AssignedAt }).ToListAsync(ct);
        if (waiting.Count == 0) return [];
        var title = kind == AssessorKind.ServiceProvider ? "为分配给本机构的企业开展改造前诊断评测" : "为分配给本机构的企业开展现场评测";
        // One enterprise: straight to its assessments; several: the list, which for an organisation is exactly its assigned ones.
        var href = waiting.Count == 1 ? $"/enterprises/{waiting[0].Id}/assessments" : "/enterprises";
        return [new TodoItem(Kind, title, href, TodoList.Since(waiting[0].AssignedAt), waiting.Count)];
    }
}
