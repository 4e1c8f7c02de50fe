using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects;

/// <summary>One audited project on the batch approval page: the version the approver reads and the subsidy as the rules give it now.</summary>
public sealed record ApprovalCandidate(Guid Id, int Version, string EnterpriseName, string? Uscc, string District, string ProjectName,
    int? LevelAfter, int? TargetLevel, decimal? EligibleYuan, bool ExcludedFromCentralFunds, SubsidyDecision Subsidy);

/// <summary>A project named in a batch's results (the enterprise and project as the approver knows them).</summary>
public sealed record ApprovalName(Guid Id, string EnterpriseName, string ProjectName);

/// <summary>批量核定 as the city's page reads it: the audited projects of the list's filters, their subsidy computed in bulk.</summary>
public sealed partial class ProjectService
{
    /// <summary>Why this actor has no approval page: not found where the programme has no projects or the actor does not read money,
    /// forbidden for the district and think tank (they read the figures but do not approve).</summary>
    public Outcome<bool> ApprovalAccess(Actor actor) =>
        RulesOf(actor) is null || !ProjectPolicy.ReadsMoney(actor) ? Outcome<bool>.NotFound()
        : ProjectPolicy.Pay(actor) is { } why ? Outcome<bool>.Forbidden(why)
        : Outcome<bool>.Ok(true);

    /// <summary>One page of the audited projects the filter selects, each with its subsidy decided now (one query for the page).</summary>
    public async Task<Outcome<Page<ApprovalCandidate>>> ApprovalCandidatesAsync(Actor actor, ProjectFilter filter, int pageNumber, CancellationToken ct = default)
    {
        if (ApprovalAccess(actor) is { IsOk: false } refused) return new(refused.Kind, null, refused.Errors, refused.Message);
        var audited = Audited(actor, filter);
        // Counted exactly, unlike the project list: "approve all N" names N, and the pages reach every one of them.
        var total = await audited.CountAsync(ct);
        pageNumber = Paging.Clamp(pageNumber, total, PageSize);
        var rows = await (from p in audited.OrderByDescending(p => p.StatusSince).ThenBy(p => p.Id).Skip((pageNumber - 1) * PageSize).Take(PageSize)
                          join e in db.Enterprises on p.EnterpriseId equals e.Id
                          select new { Project = p, e.Name, e.Uscc }).AsNoTracking().ToListAsync(ct);
        var money = programmes.Get(actor.ProgrammeId).Money;
        var candidates = rows.OrderByDescending(r => r.Project.StatusSince).ThenBy(r => r.Project.Id).Select(r =>
        {
            var p = r.Project;
            return new ApprovalCandidate(p.Id, p.Version, r.Name, r.Uscc, p.District, p.ProjectName, p.LevelAfter, p.TargetLevel, p.EligibleYuan,
                p.ExcludedFromCentralFunds, Subsidy.Decide(money, ProjectChecks.FactsOf(p)));
        }).ToList();
        return Outcome<Page<ApprovalCandidate>>.Ok(new Page<ApprovalCandidate>(candidates, total, pageNumber, PageSize));
    }

    /// <summary>
    /// 核定全部符合条件的项目: every audited project the filter selects now, through <see cref="ApproveBatchAsync"/> in batches of at
    /// most <see cref="MaxBatch"/> under one batch name. Refused as a whole (nothing approved) when the selection is no longer the
    /// <paramref name="expected"/> count the approver was shown, so that "all N" never approves what the approver did not see counted.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<BatchResult>>> ApproveMatchingAsync(Actor actor, ProjectFilter filter, int expected, string? batchName,
        CancellationToken ct = default)
    {
        if (ApprovalAccess(actor) is { IsOk: false } refused) return new(refused.Kind, null, refused.Errors, refused.Message);
        var items = await Audited(actor, filter).OrderByDescending(p => p.StatusSince).ThenBy(p => p.Id)
            .Select(p => new BatchItem(p.Id, p.Version)).ToListAsync(ct);
        if (items.Count == 0) return Invalid<IReadOnlyList<BatchResult>>("items", "没有符合条件的待核定项目");
        if (items.Count != expected)
            return Invalid<IReadOnlyList<BatchResult>>("items", $"符合条件的待核定项目已变为{items.Count}个（页面显示{expected}个），请核对后重新提交");
        var batch = BatchName(actor, batchName);
        var results = new List<BatchResult>();
        foreach (var chunk in items.Chunk(MaxBatch))
        {
            var outcome = await ApproveBatchAsync(actor, chunk, batch, ct);
            if (!outcome.IsOk) return outcome;
            results.AddRange(outcome.Value!);
        }
        return Outcome<IReadOnlyList<BatchResult>>.Ok(results);
    }

    /// <summary>The enterprise and project of each id the actor may read (a batch's results name them; an id out of scope stays unnamed).</summary>
    public async Task<IReadOnlyDictionary<Guid, ApprovalName>> ApprovalNamesAsync(Actor actor, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var list = ids.ToList();
        return await (from p in InScope(actor).Where(p => list.Contains(p.Id))
                      join e in db.Enterprises on p.EnterpriseId equals e.Id
                      select new ApprovalName(p.Id, e.Name, p.ProjectName)).ToDictionaryAsync(n => n.Id, ct);
    }

    /// <summary>The name of the batch a project was approved in (the page names an automatically named batch).</summary>
    public Task<string?> BatchOfAsync(Actor actor, Guid id, CancellationToken ct = default) =>
        InScope(actor).Where(p => p.Id == id).Select(p => p.ApprovalBatch).FirstOrDefaultAsync(ct);

    /// <summary>A row of the page as the form carries it: the project and the version the approver read.</summary>
    public static string SelectionKey(Guid id, int version) => $"{id:N}:{version}";

    /// <summary>The item a posted key names; null for text that is not one.</summary>
    public static BatchItem? ParseSelection(string? key) =>
        key?.Split(':') is [var id, var version] && Guid.TryParse(id, out var g) && int.TryParse(version, out var v) ? new BatchItem(g, v) : null;

    /// <summary>The projects waiting for approval (审计完成) in scope, by the list's district and search.</summary>
    private IQueryable<Project> Audited(Actor actor, ProjectFilter filter)
    {
        var projects = InScope(actor).Where(p => p.Status == ProjectStatus.Audited);
        if (filter.District is { } district) projects = projects.Where(p => p.District == district);
        return filter.Search is { } search ? Searched(actor, projects, search) : projects;
    }
}
