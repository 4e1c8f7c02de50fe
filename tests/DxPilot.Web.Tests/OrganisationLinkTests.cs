using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>A provider's name on a diagnosis, a product or a priced plan links its 机构主页 only for a viewer who may open it: the
/// others read the name (a link that opens "not found" tells them nothing and looks broken). Walked on the Changchun demo's
/// diagnoses, products and plans as each of its accounts.</summary>
public sealed class OrganisationLinkTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Changchun = "changchun-2025";

    [Fact]
    public async Task No_page_naming_a_provider_links_a_page_its_viewer_may_not_open()
    {
        var ct = TestContext.Current.CancellationToken;
        List<string> pages;
        await using (var scope = app.DataScope(Changchun))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            pages =
            [
                .. (await db.Diagnoses.Where(d => d.ProgrammeId == Changchun).Select(d => d.Id).ToListAsync(ct)).Select(id => $"/diagnoses/{id}"),
                .. (await db.CatalogueProducts.Where(p => p.ProgrammeId == Changchun).Select(p => p.Id).ToListAsync(ct)).Select(id => $"/catalogue/products/{id}"),
                .. (await db.Assessments.Where(a => a.ProgrammeId == Changchun).Select(a => a.Id).ToListAsync(ct)).Select(id => $"/assessments/{id}/plan?target=3"),
            ];
        }
        var (linked, named) = (0, 0);
        foreach (var user in new[] { "cc-city", "cc-chaoyang", "cc-provider", "cc-agency", "cc-enterprise", "cc-expert", "cc-thinktank" })
        {
            var client = await app.SignedIn(user);
            foreach (var page in pages)
            {
                var response = await client.GetAsync(page, ct);
                if (!response.IsSuccessStatusCode) continue;
                var document = PageClient.Parse(await response.Content.ReadAsStringAsync(ct));
                foreach (var link in document.QuerySelectorAll("a[href^='/organisations/']").Select(a => a.GetAttribute("href")!).Distinct())
                {
                    var opened = await client.GetAsync(link, ct);
                    Assert.True(opened.IsSuccessStatusCode, $"{user} on {page}: {link} answers {(int)opened.StatusCode}");
                    linked++;
                }
                named += document.QuerySelectorAll("span#provider").Length;
            }
        }
        // Both kinds were met: names that link and names shown as text.
        Assert.True(linked > 0 && named > 0, $"{linked} links, {named} plain names");
    }
}
