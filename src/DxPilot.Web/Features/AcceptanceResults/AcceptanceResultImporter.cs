using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.AcceptanceResults;

/// <summary>What became of one row: recorded as 新建, 更新 or 未变, or 拒绝 with the reason.</summary>
public sealed record AcceptanceImportLine(int Row, string? Enterprise, string? ProjectName, AcceptanceRecorded? Result, string? Reason)
{
    public bool Refused => Result is null;

    public string ResultLabel => Result switch
    {
        AcceptanceRecorded.Created => "新建",
        AcceptanceRecorded.Updated => "更新",
        AcceptanceRecorded.Unchanged => "未变",
        _ => "拒绝",
    };
}

public sealed record AcceptanceImportReport(string FileName, IReadOnlyList<AcceptanceImportLine> Lines)
{
    public int Created => Lines.Count(l => l.Result == AcceptanceRecorded.Created);
    public int Updated => Lines.Count(l => l.Result == AcceptanceRecorded.Updated);
    public int Unchanged => Lines.Count(l => l.Result == AcceptanceRecorded.Unchanged);
    public int Refused => Lines.Count(l => l.Refused);
    public string Summary => $"新建 {Created}，更新 {Updated}，未变 {Unchanged}，拒绝 {Refused}";
}

/// <summary>
/// 导入验收结果: the third party's acceptance results as a sheet (<see cref="AcceptanceSheet.Headers"/>), read by the platform's sheet
/// reader with its limits; each row is matched to an enterprise of the programme by its USCC (the name must agree), checked, and
/// recorded through <see cref="AcceptanceResultService.RecordAsync"/>. The whole sheet is read before anything is recorded, so an
/// unreadable file records nothing; a row naming an enterprise and project already on record updates it or is reported 未变.
/// </summary>
public sealed class AcceptanceResultImporter(DxPilotDbContext db, AcceptanceResultService results, ProgrammeCatalog programmes, TimeProvider clock)
{
    /// <summary>A city accepts a few hundred pilot projects; a sheet over this is not an acceptance list.</summary>
    public static readonly SheetLimits Limits = SheetLimits.Default with { MaxRows = 5_000, MaxColumns = 50 };

    public async Task<Outcome<AcceptanceImportReport>> ImportAsync(Actor actor, UploadedFile file, CancellationToken ct = default)
    {
        if (results.ImportRefusal(actor) is { } no) return Outcome<AcceptanceImportReport>.Forbidden(no);
        if (file.Length > SheetReader.MaxBytes) return Unreadable($"文件超过{SheetReader.MaxBytes / 1024 / 1024}MB的上限，请拆分后分批导入");
        var fileName = file.Name;
        List<SheetRow> rows;
        IReadOnlyList<string> headers;
        try
        {
            using var buffer = new MemoryStream();
            await using (var stream = file.Open()) await stream.CopyToAsync(buffer, ct);
            var table = SheetReader.Open(buffer.ToArray(), fileName, AcceptanceSheet.IsHeader, Limits, AcceptanceSheet.HeaderHint);
            headers = table.Headers;
            rows = table.Rows.ToList();
        }
        catch (UnreadableSheetException ex)
        {
            return Unreadable(ex.Message);
        }

        var columns = AcceptanceSheet.Headers.ToDictionary(h => h, h => headers.ToList().IndexOf(h));
        var programme = programmes.Get(actor.ProgrammeId);
        var (earliest, today) = (programme.Period.Start, LocalTime.Today(clock.GetUtcNow(), programme.Zone));
        var seen = new Dictionary<(Guid, string), int>();
        var lines = new List<AcceptanceImportLine>();
        foreach (var row in rows)
        {
            string? Cell(string header) => columns[header] is var i and >= 0 && row.Cells[i]?.Trim() is { Length: > 0 } v ? v : null;
            var (name, projectName) = (Cell(AcceptanceSheet.EnterpriseName), Cell(AcceptanceSheet.ProjectName));
            AcceptanceImportLine Refuse(string reason) => new(row.Number, name ?? Cell(AcceptanceSheet.Uscc), projectName, null, reason);
            if (row.CellProblems.Count > 0)
            {
                lines.Add(Refuse(string.Join("；", row.CellProblems.Values)));
                continue;
            }
            var (read, problems) = Read(Cell, earliest, today);
            Enterprise? enterprise = null;
            if (Cell(AcceptanceSheet.Uscc) is { } usccText)
            {
                (enterprise, var notFound) = await FindAsync(actor, name, usccText, ct);
                if (notFound is not null) problems.Insert(0, notFound);
            }
            if (problems.Count == 0 && seen.TryGetValue((enterprise!.Id, read!.ProjectName), out var first))
                problems.Add($"与第{first}行是同一企业的同一项目，请删除重复的行");
            if (problems.Count > 0)
            {
                lines.Add(Refuse(string.Join("；", problems)));
                continue;
            }
            seen[(enterprise!.Id, read!.ProjectName)] = row.Number;
            var outcome = await results.RecordAsync(actor, enterprise, read.ProjectName, read.Facts, fileName, ct);
            lines.Add(outcome.IsOk
                ? new(row.Number, enterprise.Name, read.ProjectName, outcome.Value, null)
                : Refuse(outcome.Message ?? "未能保存"));
        }
        return Outcome<AcceptanceImportReport>.Ok(new AcceptanceImportReport(fileName, lines));
    }

    private static Outcome<AcceptanceImportReport> Unreadable(string message) =>
        Outcome<AcceptanceImportReport>.Invalid(new Dictionary<string, string> { ["file"] = message });

    private sealed record ReadRow(string ProjectName, AcceptanceFacts Facts);

    /// <summary>The row's own values checked, each problem in the words of its column; the row is null when any is wrong. A pilot
    /// project is accepted within the pilot: not before the programme's period starts (<paramref name="earliest"/>), nor after today.</summary>
    private static (ReadRow? Row, List<string> Problems) Read(Func<string, string?> cell, DateOnly earliest, DateOnly today)
    {
        var problems = new List<string>();
        string? Required(string header)
        {
            if (cell(header) is { } v) return v;
            problems.Add($"未填写{header}");
            return null;
        }
        if (cell(AcceptanceSheet.EnterpriseName) is null) problems.Add("未填写企业名称");
        if (cell(AcceptanceSheet.Uscc) is null) problems.Add("未填写统一社会信用代码");
        var project = Required(AcceptanceSheet.ProjectName);
        if (AcceptanceResult.TextProblem(AcceptanceSheet.ProjectName, project, AcceptanceResult.MaxProjectNameCharacters) is { } p1) problems.Add(p1);
        DateOnly acceptedOn = default;
        if (Required(AcceptanceSheet.AcceptedOn) is { } dateText)
        {
            if (!EnterpriseValidator.TryParseDate(dateText, out acceptedOn)) problems.Add($"验收日期“{dateText}”无法识别，请按 2025-07-16 或 2025年7月16日 的格式填写");
            else if (acceptedOn > today) problems.Add($"验收日期{ChineseText.Date(acceptedOn)}晚于今天，请核对");
            else if (acceptedOn < earliest) problems.Add($"验收日期{ChineseText.Date(acceptedOn)}早于本试点开始（{ChineseText.Date(earliest)}），请核对");
        }
        int? Level(string header)
        {
            if (Required(header) is not { } text) return null;
            if (AcceptanceResult.ReadLevel(text) is { } level) return level;
            problems.Add($"{header}“{text}”无效，应为一级、二级、三级或四级");
            return null;
        }
        var (before, after) = (Level(AcceptanceSheet.LevelBefore), Level(AcceptanceSheet.LevelAfter));
        var agency = Required(AcceptanceSheet.Agency);
        if (AcceptanceResult.TextProblem(AcceptanceSheet.Agency, agency, AcceptanceResult.MaxAgencyNameCharacters) is { } p2) problems.Add(p2);
        var agencyUscc = cell(AcceptanceSheet.AgencyUscc);
        if (agencyUscc is not null)
        {
            if (Uscc.TryParse(agencyUscc, out var code, out var error)) agencyUscc = code.Value.Value;
            else problems.Add($"评测机构的{error}");
        }
        bool? passed = null;
        if (Required(AcceptanceSheet.Conclusion) is { } conclusion && (passed = AcceptanceResult.ReadConclusion(conclusion)) is null)
            problems.Add($"验收结论“{conclusion}”无效，应为通过或不通过");
        var remark = cell(AcceptanceSheet.Remark);
        if (AcceptanceResult.TextProblem(AcceptanceSheet.Remark, remark, AcceptanceResult.MaxRemarkCharacters) is { } p3) problems.Add(p3);
        if (before is { } b && after is { } a && passed is { } ok) problems.AddRange(AcceptanceResult.LevelProblems(b, a, ok));
        return problems.Count > 0 ? (null, problems)
            : (new ReadRow(project!, new AcceptanceFacts(acceptedOn, before!.Value, after!.Value, agency!, agencyUscc, passed!.Value, remark)), problems);
    }

    /// <summary>The enterprise of the programme with this USCC, whose name on file must be the row's.</summary>
    private async Task<(Enterprise? Enterprise, string? Problem)> FindAsync(Actor actor, string? name, string usccText, CancellationToken ct)
    {
        if (!Uscc.TryParse(usccText, out var uscc, out var error)) return (null, error);
        var code = uscc.Value.Value;
        var found = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.ProgrammeId == actor.ProgrammeId && e.Uscc == code, ct);
        if (found is null) return (null, $"平台上没有统一社会信用代码为{code}的企业，请核对代码，或先在企业档案中登记该企业");
        return found.Name == name ? (found, null)
            : (null, $"企业名称与统一社会信用代码不一致：该代码在企业档案中是“{found.Name}”，表中是“{name}”，请核对");
    }
}
