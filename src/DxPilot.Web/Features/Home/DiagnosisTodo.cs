using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Text;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Diagnoses;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Home;

/// <summary>
/// 咨询诊断 waiting for someone, within <see cref="DiagnosisService.InScope"/>: for the provider the enterprises assigned to it
/// that it has not started, diagnoses returned to it, and agreements whose term ends within a week or has passed; for the
/// enterprise the satisfaction form once its diagnosis was submitted; for whoever the programme's chain lets accept, the
/// diagnoses waiting for acceptance.
/// </summary>
public sealed class DiagnosisTodo(DxPilotDbContext db, DiagnosisService diagnoses, ShownTime time) : ITodoSource
{
    public const string Kind = "咨询诊断";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        if (diagnoses.RulesOf(actor) is not { } rules) return [];
        return actor.Role switch
        {
            Role.ServiceProvider => await ProviderAsync(actor, rules, ct),
            Role.Enterprise => await EnterpriseAsync(actor, ct),
            _ => await AcceptanceAsync(actor, rules, ct),
        };
    }

    private async Task<IReadOnlyList<TodoItem>> ProviderAsync(Actor actor, DiagnosisRules rules, CancellationToken ct)
    {
        var items = new List<TodoItem>();
        var unstarted = await diagnoses.UnstartedAsync(actor, ct);
        if (unstarted.Count > 0)
            items.Add(new TodoItem(Kind, "开展咨询诊断：为分配给本机构的企业开展诊断", "/diagnoses", TodoList.Since(unstarted[0].AssignedAt), unstarted.Count));

        var returned = await diagnoses.InScope(actor).Where(d => d.Status == DiagnosisStatus.Returned).Select(d => new { d.Id, d.UpdatedAt }).ToListAsync(ct);
        if (returned.Count > 0)
        {
            // Each waits since it came back (its last transition, the return); the item since the longest waiting.
            var keys = returned.Select(d => d.Id.ToString()).ToList();
            var cameBack = await db.StateTransitions.Where(t => t.EntityType == nameof(Diagnosis) && keys.Contains(t.EntityId))
                .GroupBy(t => t.EntityId).Select(g => g.Max(t => t.At)).ToListAsync(ct);
            items.Add(new TodoItem(Kind, "咨询诊断被退回：按退回意见修改后重新提交验收",
                returned.Count == 1 ? $"/diagnoses/{returned[0].Id}" : "/diagnoses?state=returned",
                TodoList.Since(cameBack.Count > 0 ? cameBack.Min() : returned.Min(d => d.UpdatedAt)), returned.Count));
        }

        // Signed on or before this day: at most a week of the term left (day 24 of 30 or later).
        var today = time.Today();
        var dueIfSignedBy = today.AddDays(DiagnosisRow.TermWarningDays - rules.AgreementTermDays + 1);
        var due = await diagnoses.InScope(actor)
            .Where(d => (d.Status == DiagnosisStatus.InProgress || d.Status == DiagnosisStatus.Returned) && d.AgreementSignedOn <= dueIfSignedBy)
            .Select(d => new { d.Id, SignedOn = d.AgreementSignedOn!.Value }).ToListAsync(ct);
        var past = due.Where(d => DiagnosisChecklist.TermEnds(d.SignedOn, rules.AgreementTermDays) < today).ToList();
        var soon = due.Except(past).ToList();
        if (past.Count > 0)
            items.Add(new TodoItem(Kind, "咨询诊断服务协议已超期：请续签协议并上传扫描件", past.Count == 1 ? $"/diagnoses/{past[0].Id}" : "/diagnoses?red=overdue",
                Since(past.Min(d => DiagnosisChecklist.TermEnds(d.SignedOn, rules.AgreementTermDays)).AddDays(1)), past.Count));
        if (soon.Count > 0)
        {
            var first = soon.Min(d => DiagnosisChecklist.TermEnds(d.SignedOn, rules.AgreementTermDays));
            items.Add(new TodoItem(Kind, $"咨询诊断服务协议{DiagnosisRow.TermWarningDays}天内届满（最早{ChineseText.Date(first)}）：请在服务期内提交验收",
                soon.Count == 1 ? $"/diagnoses/{soon[0].Id}" : "/diagnoses?state=inProgress", Since(first.AddDays(-DiagnosisRow.TermWarningDays)), soon.Count));
        }
        return items;
    }

    private async Task<IReadOnlyList<TodoItem>> EnterpriseAsync(Actor actor, CancellationToken ct)
    {
        var unrated = await diagnoses.InScope(actor)
            .Where(d => d.Round > 0 && !db.DiagnosisSatisfactions.Any(s => s.DiagnosisId == d.Id))
            .Select(d => new { d.Id, d.SubmittedAt }).ToListAsync(ct);
        return unrated.Select(d => new TodoItem(Kind, "填写满意度评价：服务商已提交咨询诊断，请对诊断服务作出评价",
            $"/diagnoses/{d.Id}/satisfaction", TodoList.Since(d.SubmittedAt!.Value))).ToList();
    }

    /// <summary>待验收 for whoever the chain lets act on a submitted diagnosis (the city, its experts).</summary>
    private async Task<IReadOnlyList<TodoItem>> AcceptanceAsync(Actor actor, DiagnosisRules rules, CancellationToken ct)
    {
        var steps = rules.Chain.Open(DiagnosisStatus.Submitted, actor);
        if (steps.Count == 0) return [];
        var waiting = await diagnoses.InScope(actor).Where(d => d.Status == DiagnosisStatus.Submitted)
            .GroupBy(d => 1).Select(g => new { Count = g.Count(), Since = g.Min(d => d.SubmittedAt) }).FirstOrDefaultAsync(ct);
        if (waiting is null || waiting.Count == 0) return [];
        return [new TodoItem(Kind, $"咨询诊断{rules.Chain.Label(DiagnosisStatus.Submitted, actor)}：{string.Join("、", steps.Select(t => t.Label))}",
            $"/diagnoses?state={WorkflowNames.Of(DiagnosisStatus.Submitted)}", TodoList.Since(waiting.Since!.Value), waiting.Count)];
    }

    /// <summary>The start of a programme day, as a to-do's time.</summary>
    private DateTimeOffset Since(DateOnly day) => LocalTime.Instant(day.ToDateTime(TimeOnly.MinValue), time.Zone);
}
