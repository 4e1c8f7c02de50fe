using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.AcceptanceResults;

/// <summary>What became of one imported result: 新建, 更新 (a value changed), 未变 (the same again).</summary>
public enum AcceptanceRecorded { Created, Updated, Unchanged }

/// <summary>The list's filters: a name or USCC, a county, 通过/不通过, the page.</summary>
public sealed record AcceptanceResultQuery(string? Search = null, string? District = null, bool? Passed = null, int PageNumber = 1)
{
    public string ToQueryString(int page) =>
        "?" + string.Join("&", new[]
        {
            Search is { Length: > 0 } s ? "search=" + Uri.EscapeDataString(s) : null,
            District is { Length: > 0 } d ? "district=" + Uri.EscapeDataString(d) : null,
            Passed is { } p ? "result=" + (p ? "passed" : "failed") : null,
            "page=" + page,
        }.OfType<string>());

    /// <summary>The query string's values, a value that does not parse counting as absent.</summary>
    public static AcceptanceResultQuery From(string? search, string? district, string? result, string? page) => new(
        QueryValue.Search(search),
        QueryValue.Text(district)?.Trim() is { Length: > 0 } d ? d : null,
        result switch { "passed" => true, "failed" => false, _ => null },
        QueryValue.Int(page) ?? 1);
}

/// <summary>One result as the list, the API and the export show it.</summary>
public sealed record AcceptanceResultRow(Guid Id, Guid EnterpriseId, string EnterpriseName, string? Uscc, string District, string ProjectName,
    DateOnly AcceptedOn, int LevelBefore, int LevelAfter, string AgencyName, string? AgencyUscc, bool Passed, string? Remark, DateTime UpdatedAt);

/// <summary>
/// The imported acceptance results (验收结果): who reads which (<see cref="InScope"/>, from <see cref="AcceptanceResultPolicy"/>), the
/// list, and recording one result for an enterprise and project, which the import and the demo data both go through.
/// </summary>
public sealed class AcceptanceResultService(DxPilotDbContext db, ProgrammeCatalog programmes, Saving saving, AuditLog audit, ShownTime time, TimeProvider clock)
{
    public const int PageSize = 50;
    private const string What = "验收结果";

    public IQueryable<AcceptanceResult> InScope(Actor a) => db.AcceptanceResults.Where(AcceptanceResultPolicy.Readable(a));

    /// <summary>Why this actor may not import into its programme (null: it may).</summary>
    public string? ImportRefusal(Actor a) => programmes.Find(a.ProgrammeId) is { } programme ? AcceptanceResultPolicy.Import(a, programme) : "找不到所属试点";

    public async Task<Outcome<Page<AcceptanceResultRow>>> ListAsync(Actor actor, AcceptanceResultQuery query, CancellationToken ct = default)
    {
        if (AcceptanceResultPolicy.Read(actor) is { } why) return Outcome<Page<AcceptanceResultRow>>.Forbidden(why);
        var q = Rows(actor, query);
        var total = await q.CountAsync(ct);
        var page = Paging.Clamp(query.PageNumber, total, PageSize);
        var items = await q.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        return Outcome<Page<AcceptanceResultRow>>.Ok(new Page<AcceptanceResultRow>(items, total, page, PageSize));
    }

    /// <summary>Every result the filters select, in the list's order, as .xlsx; the export is in the audit trail (who took which list
    /// out). Answers the file's name.</summary>
    public async Task<Outcome<string>> ExportAsync(Stream output, Actor actor, AcceptanceResultQuery query, CancellationToken ct = default)
    {
        if (AcceptanceResultPolicy.Read(actor) is { } why) return Outcome<string>.Forbidden(why);
        var today = time.Today();
        var title = $"验收结果（{query.District ?? actor.District ?? programmes.Get(actor.ProgrammeId).City}）{ChineseText.Date(today)}";
        var count = await AcceptanceSheet.WriteAsync(output, Rows(actor, query).AsAsyncEnumerable(), title, ct);
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("AcceptanceResultList", actor.ProgrammeId),
            $"验收结果 {count} 行，筛选 {Uri.UnescapeDataString(query.ToQueryString(1))}", ct: ct);
        return Outcome<string>.Ok(title + ".xlsx");
    }

    private IQueryable<AcceptanceResultRow> Rows(Actor actor, AcceptanceResultQuery query)
    {
        var q = InScope(actor).AsNoTracking();
        if (query.District is { } district) q = q.Where(r => r.District == district);
        if (query.Passed is { } passed) q = q.Where(r => r.Passed == passed);
        var rows = from r in q
                   join e in db.Enterprises on r.EnterpriseId equals e.Id
                   select new { r, e.Name, e.Uscc };
        if (query.Search is { } s)
        {
            var code = Uscc.Normalise(s);
            rows = rows.Where(x => x.Name.Contains(s) || (x.Uscc != null && x.Uscc.Contains(code)));
        }
        return rows.OrderByDescending(x => x.r.AcceptedOn).ThenBy(x => x.Name).ThenBy(x => x.r.Id)
            .Select(x => new AcceptanceResultRow(x.r.Id, x.r.EnterpriseId, x.Name, x.Uscc, x.r.District, x.r.ProjectName, x.r.AcceptedOn,
                x.r.LevelBefore, x.r.LevelAfter, x.r.AgencyName, x.r.AgencyUscc, x.r.Passed, x.r.Remark, x.r.UpdatedAt));
    }

    /// <summary>
    /// Records the result of <paramref name="enterprise"/>'s project <paramref name="projectName"/>: new, or the one on record
    /// updated, or left as it is when nothing differs; never a second record (a concurrent import of the same project finds the first).
    /// The values were checked by the caller (<see cref="AcceptanceResult.LevelProblems"/>); the audit trail records the change.
    /// </summary>
    public async Task<Outcome<AcceptanceRecorded>> RecordAsync(Actor actor, Enterprise enterprise, string projectName, AcceptanceFacts facts,
        string sourceFile, CancellationToken ct = default)
    {
        if (ImportRefusal(actor) is { } why) return Outcome<AcceptanceRecorded>.Forbidden(why);
        if (enterprise.ProgrammeId != actor.ProgrammeId) return Outcome<AcceptanceRecorded>.NotFound();
        var name = projectName.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        var found = await db.AcceptanceResults.FirstOrDefaultAsync(r => r.EnterpriseId == enterprise.Id && r.ProjectName == name, ct);
        if (found is not null && !found.Differs(facts)) return Outcome<AcceptanceRecorded>.Ok(AcceptanceRecorded.Unchanged);
        var recorded = found ?? AcceptanceResult.Record(actor.ProgrammeId, enterprise.Id, enterprise.District, name, facts, sourceFile, now);
        if (found is null) db.AcceptanceResults.Add(recorded);
        else found.Update(facts, sourceFile, now);
        return await saving.SaveAsync(recorded, What, () => found is null ? AcceptanceRecorded.Created : AcceptanceRecorded.Updated, ct,
            () => Task.FromResult(Outcome<AcceptanceRecorded>.Conflict("该企业的同一项目正由他人同时导入，请稍后重新导入该行")));
    }
}
