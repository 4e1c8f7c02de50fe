using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Web.Features.Home;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>
/// 改造项目 waiting for someone, from each account's queue (<see cref="ProjectService.Waiting"/>): the enterprise's projects to
/// report complete (each with its due date), the provider's clients' ones, the agency's to evaluate, to accept and to re-check,
/// the audit firm's to audit, the district's to confirm, the city's to approve and to pay.
/// </summary>
public sealed class ProjectTodo(ProjectService projects) : ITodoSource
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
        return waiting.GroupBy(p => p.Status).OrderBy(g => g.Min(p => p.StatusSince))
            .Select(g => new TodoItem(Kind, Title(actor.Role, g.Key), $"{Queue}&state={Domain.Workflow.WorkflowNames.Of(g.Key)}", TodoList.Since(g.Min(p => p.StatusSince)), g.Count()))
            .ToList();
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
