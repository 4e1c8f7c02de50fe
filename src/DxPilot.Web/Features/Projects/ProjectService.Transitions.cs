using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>报告完工 … 拨付完毕: the programme's chain decides, from the version the actor read; each step is taken by the organisation
/// assigned to the enterprise for it (the agency, the audit firm), the audit fixes the eligible spend and the approval the subsidy.</summary>
public sealed partial class ProjectService
{
    public const int MaxReasonCharacters = 2000;

    public async Task<Outcome<Project>> TransitionAsync(Actor actor, Guid id, ProjectTrigger trigger, string? reason, int? version, CancellationToken ct = default)
    {
        if (ControlCharacters.In(reason, multiline: true)) return Invalid<Project>("reason", ControlCharacters.Message("意见"));
        if (ChineseText.CountCharacters(reason?.Trim()) > MaxReasonCharacters) return Invalid<Project>("reason", $"意见不超过{MaxReasonCharacters}字");
        var (project, refusal) = await TrackedAsync<Project>(actor, id, version, ct);
        if (project is null) return refusal!;
        var facts = (await FactsAsync([project], ct))[project.Id];
        return await TakeAsync(actor, project, trigger, reason, facts, null, ct) ?? await saving.SaveAsync(project, What, () => project, ct);
    }

    /// <summary>Takes the transition on a tracked project in scope (not saved yet); the refusal, or null when taken.</summary>
    private async Task<Outcome<Project>?> TakeAsync(Actor actor, Project project, ProjectTrigger trigger, string? reason, ProjectFacts facts, string? batch,
        CancellationToken ct)
    {
        if (await AssignmentRefusalAsync(actor, project, trigger, ct) is { } why) return Outcome<Project>.Forbidden(why);
        var programme = programmes.Get(project.ProgrammeId);
        var rules = programme.Project!;
        var readiness = ProjectChecks.Readiness(project, rules, programme.Money, facts, Today(programme));
        var subsidy = trigger == ProjectTrigger.Approve ? Subsidy.Decide(programme.Money, ProjectChecks.FactsOf(project)) : null;
        var eligible = trigger == ProjectTrigger.Audit ? facts.Invoices.Sum(i => i.EligibleYuan ?? 0) : (decimal?)null;
        var result = project.Apply(rules.Chain, trigger, actor, reason, new ProjectCase(project, readiness), Now(), eligible, subsidy, batch);
        if (result.Refusal is { } refused) return Outcome<Project>.Refused(refused);
        db.StateTransitions.Add(result.Record!);
        return null;
    }

    /// <summary>The chain names the roles; which agency or audit firm is the assignment's (a role alone is not enough).</summary>
    private async Task<string?> AssignmentRefusalAsync(Actor actor, Project project, ProjectTrigger trigger, CancellationToken ct)
    {
        if (actor.Role is not (Role.EvaluationAgency or Role.AuditFirm or Role.ServiceProvider)) return null;
        var assigned = await AssignedAsync(actor, project, ct);
        return trigger switch
        {
            ProjectTrigger.Complete => ProjectPolicy.ReportCompletion(actor, project, assigned.Provider),
            ProjectTrigger.Evaluate or ProjectTrigger.Pass or ProjectTrigger.Rectify or ProjectTrigger.Fail or ProjectTrigger.Recheck
                => ProjectPolicy.Continue(actor, project, assigned.Agency),
            ProjectTrigger.Audit => ProjectPolicy.Audit(actor, assigned.AuditFirm),
            _ => null,
        };
    }

    /// <summary>The invoices, scans, contracts' totals and acceptance conflicts of several projects in a few statements (the batch
    /// approval reads thousands).</summary>
    private async Task<Dictionary<Guid, ProjectFacts>> FactsAsync(IReadOnlyList<Project> projects, CancellationToken ct)
    {
        var ids = projects.Select(p => p.Id).ToList();
        var filingIds = projects.Select(p => p.FilingId).ToList();
        var enterpriseIds = projects.Select(p => p.EnterpriseId).Distinct().ToList();
        var invoices = (await db.ProjectInvoices.AsNoTracking().Where(i => ids.Contains(i.ProjectId)).OrderBy(i => i.IssuedOn).ThenBy(i => i.Number).ToListAsync(ct))
            .ToLookup(i => i.ProjectId);
        var files = (await db.ProjectFiles.AsNoTracking().Where(f => ids.Contains(f.ProjectId)).OrderBy(f => f.UploadedAt).ToListAsync(ct)).ToLookup(f => f.ProjectId);
        var contracts = (await db.ServiceContracts.AsNoTracking().Where(c => filingIds.Contains(c.FilingId))
            .Select(c => new { c.FilingId, c.TotalYuan, c.ProviderName, c.ProviderUscc }).ToListAsync(ct)).ToLookup(c => c.FilingId);
        var served = (await (from x in db.Assignments
                             join o in db.Organisations on x.OrganisationId equals o.Id
                             where enterpriseIds.Contains(x.EnterpriseId) && x.Kind == Domain.Organisations.OrganisationKind.ServiceProvider
                             select new { x.EnterpriseId, o.Name, o.Uscc }).ToListAsync(ct)).ToLookup(s => s.EnterpriseId);
        return projects.ToDictionary(p => p.Id, p =>
        {
            IReadOnlyCollection<(string Name, string? Uscc)> providers = contracts[p.FilingId].Select(c => (c.ProviderName, (string?)c.ProviderUscc))
                .Concat(served[p.EnterpriseId].Select(s => (s.Name, (string?)s.Uscc))).ToList();
            var conflicts = p.Acceptance.Members.Select(m => ProjectPolicy.Conflict(m, providers)).OfType<string>().ToList();
            return new ProjectFacts(invoices[p.Id].ToList(), files[p.Id].ToList(), contracts[p.FilingId].Sum(c => c.TotalYuan), conflicts);
        });
    }
}
