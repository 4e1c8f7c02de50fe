using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Catalogue;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>
/// 附件1 of a programme as anyone signed in may read it: every level-3 scenario in use with its description and the industries'
/// common needs (all, or one industry's with ?industry=), and one row per shown product serving it (approved, its provider admitted:
/// <see cref="ShownProducts"/>) with its price and provider. A scenario nothing serves keeps its row: that is where supply is missing.
/// </summary>
public sealed class Annex1Export(DxPilotDbContext db, TreeService tree, ProgrammeCatalog programmes, AuditLog audit, ShownTime time)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>GET /catalogue/export.xlsx and /api/catalogue/export.xlsx.</summary>
    public static async Task<IResult> DownloadAsync(HttpContext http, string? industry, Annex1Export export, ProgrammeCatalog catalog, CancellationToken ct)
    {
        var actor = http.User.RequireActor();
        var programme = catalog.Get(actor.ProgrammeId);
        var key = string.IsNullOrWhiteSpace(industry) ? null : programme.FindIndustry(industry)?.Key;
        if (!string.IsNullOrWhiteSpace(industry) && key is null)
            return Results.Problem(title: $"“{industry}”不是本试点的细分行业，可选：{string.Join("、", programme.Industries.Select(i => i.Name))}", statusCode: StatusCodes.Status400BadRequest);
        return await TemporaryFileDownload.SendAsync(http, ContentType, async file => await export.WriteAsync(file, actor, key, ct));
    }

    /// <summary>Writes the sheet; answers the file's name.</summary>
    public async Task<string> WriteAsync(Stream output, Actor actor, string? industryKey, CancellationToken ct)
    {
        var programme = programmes.Get(actor.ProgrammeId);
        var view = await tree.TreeAsync(actor, ct);
        var nodes = view.Nodes.ToDictionary(n => n.Code);
        var products = await ShownProducts.In(db, actor.ProgrammeId).AsNoTracking()
            .Join(db.Organisations, p => p.ProviderId, o => o.Id, (p, o) => new { p.Name, p.Summary, p.Scenarios, p.PriceLowWan, p.PriceHighWan, Provider = o.Name })
            .ToListAsync(ct);
        var serving = products.SelectMany(p => Bars.Split(p.Scenarios).Select(code => (code, p))).ToLookup(x => x.code, x => x.p);

        var blocks = new List<IReadOnlyList<Annex1Sheet.Row>>();
        foreach (var three in view.Nodes.Where(n => n.Level == 3 && !n.IsRetired))
        {
            var two = nodes[three.ParentCode!];
            var one = nodes[two.ParentCode!];
            var needs = string.Join("\n", view.CommonNeeds[three.Code].Where(c => industryKey is null || c.IndustryKey == industryKey)
                .Select(c => $"【{view.IndustryName(c.IndustryKey)}】{c.Text}"));
            Annex1Sheet.Row Row(Annex1Sheet.Product? p) => new(Annex1Sheet.Cell(one.Code, one.Name), Annex1Sheet.Cell(two.Code, two.Name),
                Annex1Sheet.Cell(three.Code, three.Name), needs.Length == 0 ? null : needs, three.Description, p);
            var offered = serving[three.Code].OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Provider, StringComparer.Ordinal)
                .Select(p => Row(new Annex1Sheet.Product(p.Name, p.Summary, Annex1Sheet.Price(p.PriceLowWan, p.PriceHighWan), p.Provider))).ToList();
            blocks.Add(offered.Count > 0 ? offered : [Row(null)]);
        }
        Annex1Sheet.Write(output, Annex1Sheet.Title(programme.City), blocks);
        await audit.RecordAsync(AuditAction.Exported, actor.ProgrammeId, new AuditKey("CatalogueAnnex1", actor.ProgrammeId),
            $"附件1 供需适配库 {blocks.Count} 个三级场景、{blocks.Sum(b => b.Count(r => r.Product is not null))} 行产品{(industryKey is null ? "" : $"，行业 {industryKey}")}", ct: ct);
        var industryName = industryKey is null ? "" : $"（{view.IndustryName(industryKey)}）";
        return $"附件1 需求、问题和场景清单及供需适配库{industryName}{ChineseText.Date(time.Today())}.xlsx";
    }
}
