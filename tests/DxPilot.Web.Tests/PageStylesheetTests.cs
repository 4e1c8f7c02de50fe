using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// The pages that carry the think tank's panel (a project, its filing, a diagnosis) keep their own stylesheets: the panel brings
/// supervision.css itself, and the page's head still links projects.css and diagnosis.css (a second &lt;HeadContent&gt; in the
/// panel used to replace the page's, so the project page lost its layout and its cards on a phone).
/// </summary>
public sealed class PageStylesheetTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task The_project_its_filing_and_a_diagnosis_keep_their_stylesheets_beside_the_supervision_panels()
    {
        var project = await ChangchunProject.CreateAsync(app);
        var id = await project.FiledAsync(app);
        var city = await app.SignedIn(project.Users["city"]);

        var projectPage = await DocumentAsync(city, $"/projects/{id}");
        Assert.Equal(["app.css", "diagnosis.css", "projects.css"], HeadStylesheets(projectPage));
        Assert.Contains("supervision.css", PanelStylesheets(projectPage));

        var filing = projectPage.QuerySelector("#filing-link")!.GetAttribute("href")!;
        var filingPage = await DocumentAsync(city, filing);
        Assert.Equal(["app.css", "diagnosis.css"], HeadStylesheets(filingPage));
        Assert.Contains("supervision.css", PanelStylesheets(filingPage));

        var c = await ChangchunDiagnosis.CreateAsync(app);
        var diagnosis = await c.OpenAsync(app);
        var diagnosisPage = await DocumentAsync(await app.SignedIn(c.Users["provider"]), $"/diagnoses/{diagnosis.Id}");
        Assert.Equal(["app.css", "diagnosis.css"], HeadStylesheets(diagnosisPage));
        Assert.Contains("supervision.css", PanelStylesheets(diagnosisPage));
    }

    private static async Task<IHtmlDocument> DocumentAsync(HttpClient client, string path) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(path));

    /// <summary>The screen stylesheets of the head (print.css is for paper).</summary>
    private static List<string> HeadStylesheets(IHtmlDocument page) =>
        page.Head!.QuerySelectorAll("link[rel=stylesheet]:not([media=print])").Select(l => l.GetAttribute("href")!).ToList();

    private static List<string> PanelStylesheets(IHtmlDocument page) =>
        page.QuerySelectorAll("#supervision link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
}
