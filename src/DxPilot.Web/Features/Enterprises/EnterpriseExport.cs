using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Spreadsheets;
using Microsoft.EntityFrameworkCore;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>
/// The filtered list as .xlsx, every row in scope (not only the page shown). It can be edited and imported back: its headers
/// are ones the importer reads, 待补充 where nothing is on file never clears anything, and each row carries its file's version
/// (<see cref="EnterpriseSheetColumns.VersionHeader"/>) so a row whose enterprise was edited since is reported, not overwritten.
/// </summary>
public sealed class EnterpriseExport(EnterpriseService enterprises, AuditLog audit, TimeProvider clock, ShownTime time, ExportScope scope)
{
    public const int MaxRows = 200_000;

    private static readonly XlsxWriter.Column[] Columns =
    [
        new("序号", 6), new("企业名称", 36), new("统一社会信用代码", 22), new("所属县（市、区）", 14), new("试点细分行业", 16),
        new("国民经济行业代码", 10), new("企业规模", 8), new("规上/规下", 8), new("企业类别", 18), new("从业人员（人）", 10),
        new("上年营业收入（万元）", 14, XlsxWriter.Shown.Money), new("联系人", 10), new("联系电话", 16),
        new("已获中央资金支持的“小巨人”", 12), new("已纳入2022年改造试点", 12), new("更新时间", 20),
        new(EnterpriseSheetColumns.VersionHeader, 12),
    ];

    public async Task<string> WriteAsync(Stream output, Actor actor, EnterpriseQuery query, CancellationToken ct)
    {
        var rows = await enterprises.Filter(actor, query.Normalised()).Take(MaxRows)
            .Select(e => new { Row = new EnterpriseRow(e.Id, e.Name, e.Uscc, e.District, e.IndustryKey, e.IndustryCode, e.SizeOverride ?? e.ComputedSize,
                e.AboveScale, e.QualityTier, e.Employees, e.RevenueWan, e.ContactName, e.ContactPhone, e.LittleGiantCentralFunded, e.Pilot2022,
                e.UpdatedAt), e.Version })
            .ToListAsync(ct);
        var n = 0;
        XlsxWriter.Write(output, "企业名单", Columns, rows.Select(x => (Row: x.Row.ForViewer(actor), x.Version)).Select(x => (IReadOnlyList<object?>)
        [
            ++n, x.Row.Name, x.Row.Uscc ?? EnterpriseValidator.Pending, x.Row.District, x.Row.IndustryKey, x.Row.IndustryCode ?? EnterpriseValidator.Pending,
            x.Row.Size?.Label(), x.Row.AboveScale is null ? null : x.Row.AboveScale.Value ? "规上" : "规下", x.Row.QualityTier.Label(),
            x.Row.Employees, x.Row.RevenueWan, x.Row.ContactName, x.Row.ContactPhone, x.Row.LittleGiantCentralFunded, x.Row.Pilot2022,
            time.Local(x.Row.UpdatedAt), x.Version,
        ]));
        // Who took which list out of the platform: the filter and the row count, since a sheet carries phones and codes.
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("EnterpriseList", actor.ProgrammeId),
            $"企业名单 {rows.Count} 行，筛选 {Uri.UnescapeDataString(query.ToQueryString())}", ct: ct);
        return $"企业名单（{scope.Of(actor, query.Normalised().District)}）{ChineseText.Minute(time.Local(clock.GetUtcNow().UtcDateTime))}.xlsx";
    }
}
