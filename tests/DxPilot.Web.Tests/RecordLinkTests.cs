using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>A page links another record (a provider's 机构主页, a filing, an assessment, a priced plan, an enterprise's file or its
/// edit form) only for a viewer who may
/// open it: the others read the name (a link that opens "not found" tells them nothing and looks broken). Walked on the demo's
/// diagnoses, products, plans, pool members, projects, filings and assessments as each account of their programme.</summary>
public sealed class RecordLinkTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    private const string Changchun = "changchun-2025", Hangzhou = "hangzhou-2024";
    private const string Linked = "a[href^='/organisations/'], a[href^='/filings/'], a[href^='/assessments/'], a[href^='/enterprises/']";

    [Fact]
    public async Task No_page_links_a_record_its_viewer_may_not_open()
    {
        var ct = TestContext.Current.CancellationToken;
        List<string> changchun, hangzhou;
        await using (var scope = app.DataScope(Changchun))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            changchun =
            [
                .. (await db.Diagnoses.Where(d => d.ProgrammeId == Changchun).Select(d => d.Id).ToListAsync(ct)).Select(id => $"/diagnoses/{id}"),
                .. (await db.CatalogueProducts.Where(p => p.ProgrammeId == Changchun).Select(p => p.Id).ToListAsync(ct)).Select(id => $"/catalogue/products/{id}"),
                .. (await db.Assessments.Where(a => a.ProgrammeId == Changchun).Select(a => a.Id).ToListAsync(ct)).Select(id => $"/assessments/{id}/plan?target=3"),
                .. (await db.PoolMembers.Where(m => m.ProgrammeId == Changchun).Select(m => m.Id).ToListAsync(ct)).Select(id => $"/catalogue/pool/{id}"),
            ];
            hangzhou =
            [
                .. (await db.Projects.Where(p => p.ProgrammeId == Hangzhou).Select(p => p.Id).ToListAsync(ct)).Select(id => $"/projects/{id}"),
                .. (await db.Filings.Where(f => f.ProgrammeId == Hangzhou).Select(f => f.Id).ToListAsync(ct)).Select(id => $"/filings/{id}/edit"),
                .. (await db.Assessments.Where(a => a.ProgrammeId == Hangzhou).Select(a => a.Id).ToListAsync(ct)).Select(id => $"/assessments/{id}"),
            ];
        }
        var (linked, named) = (0, 0);
        var walks = new[] { "cc-city", "cc-chaoyang", "cc-provider", "cc-agency", "cc-enterprise", "cc-expert", "cc-thinktank" }.Select(u => (u, changchun))
            .Concat(new[] { "hz-city", "hz-binjiang", "hz-provider", "hz-agency", "hz-audit", "hz-enterprise", "hz-expert", "hz-thinktank" }.Select(u => (u, hangzhou)));
        foreach (var (user, pages) in walks)
        {
            var client = await app.SignedIn(user);
            foreach (var page in pages)
            {
                var response = await client.GetAsync(page, ct);
                if (!response.IsSuccessStatusCode) continue;
                var html = await response.Content.ReadAsStringAsync(ct);
                // Razor reads "文字@if (…)" as an e-mail address and prints the code: none may leak into a page.
                Assert.False(html.Contains("@if (") || html.Contains("@foreach ("), $"{user} on {page}: Razor code shown as text");
                var document = PageClient.Parse(html);
                foreach (var link in document.QuerySelectorAll(Linked).Select(a => a.GetAttribute("href")!).Distinct())
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
