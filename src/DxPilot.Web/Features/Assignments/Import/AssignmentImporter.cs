using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Assignments.Import;

public enum AssignmentImportResult { Assigned, AlreadyAssigned, Refused }

/// <summary>What became of one organisation named on one row (a row naming a provider and an agency gives two lines).</summary>
public sealed record AssignmentImportLine(int Row, string? Enterprise, string? Organisation, AssignmentImportResult Result, string? Reason)
{
    public string ResultLabel => Result switch
    {
        AssignmentImportResult.Assigned => "已分配",
        AssignmentImportResult.AlreadyAssigned => "此前已分配",
        _ => "未分配",
    };
}

public sealed record AssignmentImportReport(string FileName, IReadOnlyList<AssignmentImportLine> Lines)
{
    public int Assigned => Lines.Count(l => l.Result == AssignmentImportResult.Assigned);
    public int AlreadyAssigned => Lines.Count(l => l.Result == AssignmentImportResult.AlreadyAssigned);
    public int Refused => Lines.Count(l => l.Result == AssignmentImportResult.Refused);
}

/// <summary>
/// 按名单分配: a sheet of 企业名称 / 统一社会信用代码 → 服务商 (评测机构, 审计机构), read by the platform's sheet reader with its
/// limits, each assignment made through <see cref="AssignmentService"/> like one made on the page. The whole sheet is read
/// before anything is assigned, so an unreadable file assigns nothing; an assignment already in force is reported, not
/// repeated, so importing the same sheet twice assigns nothing twice.
/// </summary>
public sealed class AssignmentImporter(DxPilotDbContext db, EnterpriseService enterprises, AssignmentService assignments)
{
    /// <summary>A city assigns a few hundred enterprises a year; a sheet over this is not an assignment list.</summary>
    public static readonly SheetLimits Limits = SheetLimits.Default with { MaxRows = 10_000, MaxColumns = 50 };

    public async Task<Outcome<AssignmentImportReport>> ImportAsync(Actor actor, string fileName, byte[] content, CancellationToken ct = default)
    {
        if (AssignmentPolicy.Manage(actor) is { } no) return Outcome<AssignmentImportReport>.Forbidden(no);
        fileName = ControlCharacters.FileName(fileName);
        List<SheetRow> rows;
        IReadOnlyList<string> headers;
        try
        {
            var table = SheetReader.Open(content, fileName, AssignmentSheetColumns.IsHeader, Limits, AssignmentSheetColumns.HeaderHint);
            headers = table.Headers;
            rows = table.Rows.ToList();
        }
        catch (UnreadableSheetException ex)
        {
            return Outcome<AssignmentImportReport>.Invalid(new Dictionary<string, string> { ["file"] = ex.Message });
        }

        int Column(string header) => headers.ToList().IndexOf(header);
        var (nameColumn, usccColumn) = (Column(AssignmentSheetColumns.EnterpriseName), Column(AssignmentSheetColumns.Uscc));
        var organisationColumns = AssignmentSheetColumns.Organisations.Select(o => (o.Header, o.Kind, Index: Column(o.Header))).Where(o => o.Index >= 0).ToList();
        var organisations = (await db.Organisations.Where(o => o.ProgrammeId == actor.ProgrammeId).ToListAsync(ct))
            .ToLookup(o => (o.Kind, o.Name));
        var note = $"按名单导入（{fileName}）";

        var lines = new List<AssignmentImportLine>();
        foreach (var row in rows)
        {
            string? Cell(int i) => i < 0 ? null : row.Cells[i]?.Trim() is { Length: > 0 } v ? v : null;
            var (name, uscc) = (Cell(nameColumn), Cell(usccColumn));
            var label = name ?? uscc;
            if (row.CellProblems.Count > 0)
            {
                lines.Add(new(row.Number, label, null, AssignmentImportResult.Refused, string.Join("；", row.CellProblems.Values)));
                continue;
            }
            var (enterprise, problem) = await FindEnterprise(actor, name, uscc, ct);
            var named = organisationColumns.Select(o => (o.Header, o.Kind, Name: Cell(o.Index))).Where(o => o.Name is not null).ToList();
            if (problem is null && named.Count == 0) problem = "未填写服务商、评测机构或审计机构";
            if (problem is not null)
            {
                lines.Add(new(row.Number, label, named.FirstOrDefault().Name, AssignmentImportResult.Refused, problem));
                continue;
            }
            foreach (var (header, kind, organisationName) in named)
            {
                lines.Add(organisations[(kind, organisationName!)].FirstOrDefault() is { } organisation
                    ? await Assign(actor, row.Number, enterprise!, organisation, note, ct)
                    : new(row.Number, enterprise!.Name, organisationName, AssignmentImportResult.Refused,
                        $"本试点没有名为“{organisationName}”的{header}，请填写其在平台登记的全称"));
            }
        }
        return Outcome<AssignmentImportReport>.Ok(new AssignmentImportReport(fileName, lines));
    }

    private async Task<AssignmentImportLine> Assign(Actor actor, int row, Enterprise enterprise, Organisation organisation, string note, CancellationToken ct)
    {
        if (await db.Assignments.AnyAsync(a => a.EnterpriseId == enterprise.Id && a.OrganisationId == organisation.Id, ct))
            return new(row, enterprise.Name, organisation.Name, AssignmentImportResult.AlreadyAssigned, null);
        var outcome = await assignments.AssignAsync(actor, enterprise.Id, organisation.Id, ct, note);
        return outcome.IsOk
            ? new(row, enterprise.Name, organisation.Name, AssignmentImportResult.Assigned, null)
            : new(row, enterprise.Name, organisation.Name, AssignmentImportResult.Refused, outcome.Errors.Values.FirstOrDefault() ?? outcome.Message);
    }

    /// <summary>Either the code or the name identifies the file; both given must name the same one.</summary>
    private async Task<(Enterprise? Enterprise, string? Problem)> FindEnterprise(Actor actor, string? name, string? usccText, CancellationToken ct)
    {
        const string notFound = "未找到该企业，或不在您的权限范围内";
        if (name is null && usccText is null) return (null, "未填写企业名称或统一社会信用代码");
        var scope = enterprises.InScope(actor);
        if (usccText is not null)
        {
            if (!Uscc.TryParse(usccText, out var uscc, out var error)) return (null, error);
            var code = uscc.Value.Value;
            var byCode = await scope.FirstOrDefaultAsync(e => e.Uscc == code, ct);
            if (byCode is null) return (null, notFound);
            return name is null || byCode.Name == name
                ? (byCode, null)
                : (null, $"企业名称与统一社会信用代码不一致：该代码在档案中是“{byCode.Name}”，请核对");
        }
        var byName = await scope.Where(e => e.Name == name).Take(2).ToListAsync(ct);
        return byName.Count switch
        {
            0 => (null, notFound),
            1 => (byName[0], null),
            _ => (null, "有多家企业同名，请填写统一社会信用代码"),
        };
    }
}
