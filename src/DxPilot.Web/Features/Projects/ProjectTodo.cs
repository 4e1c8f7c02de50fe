using DxPilot.Domain.Accounts;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>
/// 改造项目 waiting for someone, from each account's queue (<see cref="ProjectService.Waiting"/>): the enterprise's projects to
/// report complete (each with its due date), the provider's clients' ones, the agency's to evaluate, to accept and to re-check,
/// the audit firm's to audit, the district's to confirm, the city's to approve and to pay; and for the bureaus, which assign, the
/// projects waiting for an agency or an audit firm that nobody was assigned (otherwise nobody sees them: the project said "下一步由
/// 第三方评测机构办理" and no agency's list had it).
/// </summary>
public sealed class ProjectTodo(ProjectService projects, DxPilotDbContext db) : ITodoSource
{
    public const string Kind = "改造项目";
    private const string Queue = "/projects?queue=mine";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        if (projects.RulesOf(actor) is null) return [];
        var waiting = await projects.Waiting(actor).Select(p => new { p.Id, p.Status, p.StatusSince, p.ProjectName }).ToListAsync(ct);
        if (actor.Role == Role.Enterprise)
            return waiting.OrderBy(p => p.StatusSince)
                .Select(p => new TodoItem(Kind, $"改造项目实施中：完成后填写交付内容、上传发票并报告完工（{p.ProjectName}）", $"/projects/{p.Id}", TodoList.Since(p.StatusSince)))
                .ToList();
        var items = waiting.GroupBy(p => p.Status).OrderBy(g => g.Min(p => p.StatusSince))
            .Select(g => new TodoItem(Kind, Title(actor.Role, g.Key), $"{Queue}&state={Domain.Workflow.WorkflowNames.Of(g.Key)}", TodoList.Since(g.Min(p => p.StatusSince)), g.Count()))
            .ToList();
        if (AssignmentPolicy.Manage(actor) is null)
        {
            items.AddRange(await UnassignedAsync(actor, OrganisationKind.EvaluationAgency, [ProjectStatus.Completed, ProjectStatus.Evaluated, ProjectStatus.Rectifying], ct));
            items.AddRange(await UnassignedAsync(actor, OrganisationKind.AuditFirm, [ProjectStatus.Accepted], ct));
        }
        return items;
    }

    /// <summary>Projects in scope at a step the <paramref name="kind"/> takes, whose enterprise has no such organisation assigned.</summary>
    private async Task<IReadOnlyList<TodoItem>> UnassignedAsync(Actor actor, OrganisationKind kind, ProjectStatus[] steps, CancellationToken ct)
    {
        var stalled = await projects.InScope(actor)
            .Where(p => steps.Contains(p.Status) && !db.Assignments.Any(x => x.EnterpriseId == p.EnterpriseId && x.Kind == kind))
            .Select(p => new { p.StatusSince, Enterprise = db.Enterprises.Where(e => e.Id == p.EnterpriseId).Select(e => e.Name).First() })
            .ToListAsync(ct);
        if (stalled.Count == 0) return [];
        var who = kind == OrganisationKind.AuditFirm ? "第三方审计机构" : "第三方评测机构";
        // One enterprise: straight to its line on the assignments page; several: the page, where 分配 is done.
        var href = stalled.Select(p => p.Enterprise).Distinct().Count() == 1 ? $"/assignments?search={Uri.EscapeDataString(stalled[0].Enterprise)}" : "/assignments";
        return [new TodoItem(Kind, $"改造项目等待{who}办理，但企业尚未分配{who}：请在机构分配中分配", href, TodoList.Since(stalled.Min(p => p.StatusSince)), stalled.Count)];
    }

    private static string Title(Role role, ProjectStatus status) => (role, status) switch
    {
        (Role.ServiceProvider, _) => "服务企业的改造项目实施中：与企业共同填写交付内容、上传发票并报告完工",
        (_, ProjectStatus.Completed) => "改造项目已报完工，待定级评测：填写改造后评测，核查系统上线运行情况后出具评测报告",
        (_, ProjectStatus.Evaluated) => "改造项目待验收：组织专家组书面审核和现场核查，作出验收意见",
        (_, ProjectStatus.Rectifying) => "改造项目整改中：整改期限内复查，填写复查情况",
        (_, ProjectStatus.Accepted) => "改造项目已验收，待专项审计：认定发票支出类别和合规金额，上传审计报告",
        (_, ProjectStatus.DistrictConfirmation) => "改造项目验收待区县确认：填写区县意见后确认验收",
        (_, ProjectStatus.Audited) => "改造项目已审计，待核定补助资金",
        (_, ProjectStatus.Approved) => "改造项目补助资金已核定，待登记拨付",
        _ => "改造项目待处理",
    };
}
