using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Diagnoses.Report;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>An enterprise's needs as its page shows them: one page of them (newest first, searched), the level-3 scenarios in use
/// to choose from with their names, its industry's common needs per scenario (to adopt), and whether the viewer writes.</summary>
/// <param name="LastAddedAt">When the enterprise's newest need was added (by anyone): a copy of the add form older than that was posted.</param>
public sealed record NeedsView(Enterprise Enterprise, string IndustryName, Page<EnterpriseNeed> Needs, IReadOnlyList<CatalogueScenario> Scenarios,
    IReadOnlyDictionary<string, string> ScenarioNames, ILookup<string, CommonNeed> CommonNeeds, bool MayWrite, DateTime? LastAddedAt)
{
    public string ScenarioLabel(string code) => ScenarioNames.TryGetValue(code, out var name) ? $"{code} {name}" : code;
}

/// <summary>
/// 企业需求 (一企一档): the enterprise and the provider serving it (an <see cref="Domain.Organisations.Assignment"/>) write an
/// enterprise's needs; the bureaus in scope and the think tank read them; anyone else is told there is nothing (404) —
/// <see cref="NeedPolicy"/>. A need the provider writes while its diagnosis of the enterprise is open records that diagnosis.
/// Removing a need deletes the row: the audit trail keeps what it said, who removed it and when, and nothing else refers to a need.
/// </summary>
public sealed class NeedService(DxPilotDbContext db, EnterpriseService enterprises, TreeService tree, ProgrammeCatalog programmes, Saving saving,
    TimeProvider clock)
{
    public const int PageSize = 50;
    private const string What = "该需求";

    public async Task<Outcome<NeedsView>> ListAsync(Actor actor, Guid enterpriseId, string? search, int page, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, enterpriseId, ct) is not { } enterprise) return Outcome<NeedsView>.NotFound();
        var q = db.EnterpriseNeeds.AsNoTracking().Where(n => n.EnterpriseId == enterpriseId);
        if (QueryValue.Search(search) is { } s)
            q = q.Where(n => n.Problem.Contains(s) || (n.Pain != null && n.Pain.Contains(s)) || n.ScenarioCode.StartsWith(s));
        var total = await q.CountAsync(ct);
        var number = Paging.Clamp(page, total, PageSize);
        var items = await q.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var view = await tree.TreeAsync(actor, ct);
        var scenarios = view.Nodes.Where(n => n.Level == 3 && !n.IsRetired).ToList();
        var common = view.CommonNeeds.SelectMany(g => g).Where(c => c.IndustryKey == enterprise.IndustryKey).ToLookup(c => c.ScenarioCode);
        var industry = programmes.Get(enterprise.ProgrammeId).Industries.FirstOrDefault(i => i.Key == enterprise.IndustryKey)?.Name ?? enterprise.IndustryKey;
        var mayWrite = await WriteRefusalAsync(actor, enterpriseId, ct) is null;
        var lastAdded = mayWrite ? await db.EnterpriseNeeds.Where(n => n.EnterpriseId == enterpriseId).MaxAsync(n => (DateTime?)n.CreatedAt, ct) : null;
        return Outcome<NeedsView>.Ok(new NeedsView(enterprise, industry, new Page<EnterpriseNeed>(items, total, number, PageSize), scenarios,
            view.Nodes.ToDictionary(n => n.Code, n => n.Name), common, mayWrite, lastAdded));
    }

    public async Task<Outcome<EnterpriseNeed>> AddAsync(Actor actor, Guid enterpriseId, NeedForm form, CancellationToken ct = default)
    {
        if (await ReadableAsync(actor, enterpriseId, ct) is null) return Outcome<EnterpriseNeed>.NotFound();
        if (await WriteRefusalAsync(actor, enterpriseId, ct) is { } why) return Outcome<EnterpriseNeed>.Forbidden(why);
        var diagnosis = actor.Role == Role.ServiceProvider
            ? await db.Diagnoses.Where(d => d.EnterpriseId == enterpriseId && d.ProviderId == actor.OrganisationId && d.Status != DiagnosisStatus.Accepted)
                .Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct)
            : null;
        var (need, errors) = EnterpriseNeed.Write(actor, enterpriseId, form, (await tree.LevelThreeAsync(actor.ProgrammeId, ct)).Active, diagnosis, Now());
        if (need is null) return Outcome<EnterpriseNeed>.Invalid(errors);
        db.EnterpriseNeeds.Add(need);
        return await saving.SaveAsync(need, What, () => need, ct);
    }

    public async Task<Outcome<EnterpriseNeed>> EditAsync(Actor actor, Guid enterpriseId, Guid needId, NeedForm form, int version, CancellationToken ct = default)
    {
        if (await WritableAsync(actor, enterpriseId, needId, version, ct) is { } refused) return refused;
        var need = (await db.EnterpriseNeeds.FindAsync([needId], ct))!;
        var errors = need.Edit(form, (await tree.LevelThreeAsync(actor.ProgrammeId, ct)).Active, Now());
        if (errors.Count > 0) return Outcome<EnterpriseNeed>.Invalid(errors);
        return await saving.SaveAsync(need, What, () => need, ct);
    }

    /// <summary>删除: a hard delete, recorded by the audit trail with the need's last text.</summary>
    public async Task<Outcome<EnterpriseNeed>> RemoveAsync(Actor actor, Guid enterpriseId, Guid needId, int version, CancellationToken ct = default)
    {
        if (await WritableAsync(actor, enterpriseId, needId, version, ct) is { } refused) return refused;
        var need = (await db.EnterpriseNeeds.FindAsync([needId], ct))!;
        db.EnterpriseNeeds.Remove(need);
        return await saving.SaveAsync(need, What, () => need, ct);
    }

    /// <summary>
    /// 表9 from the needs: each need as one line of its level-1 scenario's kind (1 产品生命周期 → lifecycle, 2 生产过程 → production,
    /// 3 产业链供应链 → supplyChain, 4 智能管理决策 → management), highest priority first; "【2.1.1 计划排程】问题；痛点：…（优先级：高，预算30.00万元）".
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReportLinesAsync(Guid enterpriseId, string programmeId, CancellationToken ct = default)
    {
        var needs = await db.EnterpriseNeeds.AsNoTracking().Where(n => n.EnterpriseId == enterpriseId).ToListAsync(ct);
        if (needs.Count == 0) return new Dictionary<string, IReadOnlyList<string>>();
        var names = await db.CatalogueScenarios.AsNoTracking().Where(s => s.ProgrammeId == programmeId).ToDictionaryAsync(s => s.Code, s => s.Name, ct);
        return needs.OrderBy(n => n.Priority).ThenBy(n => TreeService.Ordinal(n.ScenarioCode)).ThenBy(n => n.CreatedAt)
            .GroupBy(n => ReportCategory(n.ScenarioCode))
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(n => ReportLine(n, names.GetValueOrDefault(n.ScenarioCode))).ToList());
    }

    public static string ReportCategory(string scenarioCode) => scenarioCode.Split('.')[0] switch
    {
        "1" => "lifecycle", "2" => "production", "3" => "supplyChain", "4" => "management", _ => "other",
    };

    private static string ReportLine(EnterpriseNeed n, string? scenarioName)
    {
        var budget = n.BudgetWan is { } b ? $"，预算{ChineseText.Wan(b)}万元" : "";
        var line = $"【{n.ScenarioCode} {scenarioName}】{n.Problem}{(n.Pain is { } p ? $"；痛点：{p}" : "")}（优先级：{n.Priority.Label()}{budget}）";
        // 表9 lists one need per line.
        return string.Join(' ', line.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    /// <summary>The enterprise if the actor reads its needs (<see cref="NeedPolicy.Reads"/> on the registry's scope), else null.</summary>
    private async Task<Enterprise?> ReadableAsync(Actor actor, Guid enterpriseId, CancellationToken ct)
    {
        var enterprise = await enterprises.InScope(actor).AsNoTracking().FirstOrDefaultAsync(e => e.Id == enterpriseId, ct);
        return enterprise is not null && NeedPolicy.Reads(actor, inScope: true) ? enterprise : null;
    }

    private async Task<string?> WriteRefusalAsync(Actor actor, Guid enterpriseId, CancellationToken ct)
    {
        var serves = actor.Role == Role.ServiceProvider && actor.OrganisationId is { } org
            && await db.Assignments.AnyAsync(a => a.OrganisationId == org && a.EnterpriseId == enterpriseId, ct);
        return NeedPolicy.Write(actor, enterpriseId, serves);
    }

    private async Task<Outcome<EnterpriseNeed>?> WritableAsync(Actor actor, Guid enterpriseId, Guid needId, int version, CancellationToken ct)
    {
        if (await ReadableAsync(actor, enterpriseId, ct) is null) return Outcome<EnterpriseNeed>.NotFound();
        var need = await db.EnterpriseNeeds.FirstOrDefaultAsync(n => n.Id == needId && n.EnterpriseId == enterpriseId, ct);
        if (need is null) return Outcome<EnterpriseNeed>.NotFound();
        if (await WriteRefusalAsync(actor, enterpriseId, ct) is { } why) return Outcome<EnterpriseNeed>.Forbidden(why);
        if (need.Version != version) return Outcome<EnterpriseNeed>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<EnterpriseNeed>(needId), What, ct));
        saving.Expect(need, version);
        return null;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
