using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// Every demo account follows every link the platform shows it, from the 工作台 outward, as a browser without script would:
/// a link shown must lead somewhere its user may go (no 403, 404 or 500 behind a link), every page must carry a title and no
/// framework text, an in-page link must stay on its page (with <c>&lt;base href="/"&gt;</c> a bare <c>#part-2</c> opens the 工作台),
/// and every page of the platform must be reached by some account's links (a page no menu or link reaches cannot be used).
/// Each list or menu page (its address with the query's values taken out) is visited once per account, and a record's page once
/// per account and page shape it is linked from (a product's 修改 is shown on a draft, which its provider reaches from 我的产品, not
/// on the approved products of the catalogue): a few thousand requests.
/// </summary>
public abstract partial class MenuCrawlTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Pages no signed-in account reaches by a link, each for its reason.</summary>
    private static readonly Dictionary<string, string> ReachedOtherwise = new()
    {
        ["/account/login"] = "the sign-in page, for those not signed in",
        ["/account/denied"] = "where a refusal redirects",
        ["/error"] = "where an error redirects",
        ["/error/{Status:int}"] = "where a status code is shown",
    };

    [Fact]
    public async Task Every_link_each_account_is_shown_leads_to_a_page_it_may_open_and_every_page_is_reached()
    {
        await ArrangeWhatTheDemoDoesNotHoldAsync();
        var reached = new ConcurrentDictionary<string, string>();
        var problems = new ConcurrentBag<string>();
        var users = await Accounts();
        Assert.True(users.Count >= 20, $"the demo data has {users.Count} accounts");
        // Two accounts at a time: the machine has two cores, and the app serves both.
        await Parallel.ForEachAsync(users, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = Ct },
            async (user, _) => await WalkAsync(user, reached, problems));

        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order()));
        var unreached = PlatformPages.All().Select(p => p.Template).Distinct().Where(r => !ReachedOtherwise.ContainsKey(r) && !reached.Keys.Any(path => Matches(r, path))).ToList();
        Assert.True(unreached.Count == 0, "no account's links reach: " + string.Join(", ", unreached));
    }

    /// <summary>Records in the states whose pages only they lead to, and which the demo data does not hold: a submitted
    /// 示范标杆 application (审核评分), a diagnosis submitted and not yet rated by its enterprise (满意度评价), a provider's product
    /// draft (修改), an enterprise's saved plan and a need (the 供需地图's enterprises). The Changchun parties come with accounts of
    /// their own, which the walk takes too.</summary>
    private async Task ArrangeWhatTheDemoDoesNotHoldAsync()
    {
        await HeilongjiangApplications.SubmittedAsync(app);
        var c = await ChangchunCatalogue.CreateAsync(app);
        var diagnosis = await c.Parties.OpenAsync(app);
        await c.Parties.SubmitAsync(app, diagnosis.Id);
        var enterprise = c.Parties.Enterprise.Id;
        await ChangchunNeeds.NeedAsync(app, c.Parties.EnterpriseActor, enterprise, "2.1.1", NeedPriority.High, 30m);
        var assessment = await PlanAssessments.SelfTestAsync(app, c.Parties.EnterpriseActor, enterprise);
        var owner = await app.As(c.Parties.Users["enterprise"]);
        Assert.Equal(HttpStatusCode.Created,
            (await owner.PostAsJsonAsync($"/api/enterprises/{enterprise}/plans", new { assessmentId = assessment.Id, target = 3 }, Ct)).StatusCode);
        var provider = await app.As(c.Parties.Users["provider"]);
        var draft = await provider.PostAsJsonAsync("/api/catalogue/products", new
        {
            name = "排产优化系统", summary = "按订单和产能自动排产。", scenarios = new[] { "2.1.1" }, priceLowWan = "12.00", taxIncluded = true,
            deliveryDays = "30", spendCategory = "software",
        }, Ct);
        Assert.True(draft.StatusCode == HttpStatusCode.Created, await draft.Content.ReadAsStringAsync(Ct));
    }

    private async Task WalkAsync(string user, ConcurrentDictionary<string, string> reached, ConcurrentBag<string> problems)
    {
        var client = await app.SignedIn(user);
        var seen = new HashSet<string>();
        var queue = new Queue<(string Path, string From)>([("/", "登录后")]);
        while (queue.TryDequeue(out var next))
        {
            var (path, from) = next;
            if (!seen.Add(Visit(from, path))) continue;
            using var response = await client.GetAsync(path, Ct);
            var status = response.StatusCode;
            if (status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)
            {
                var to = response.Headers.Location!;
                var target = to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString;
                if (target.StartsWith("/account/denied") || target.StartsWith("/account/login"))
                    problems.Add($"{user}: {from} 的链接 {path} 转到 {target}");
                else queue.Enqueue((target, path));
                continue;
            }
            if (status != HttpStatusCode.OK)
            {
                problems.Add($"{user}: {from} 的链接 {path} 得到 {(int)status}");
                continue;
            }
            reached.TryAdd(new Uri(new Uri("http://x"), path).AbsolutePath, user);
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;

            var page = PageClient.Parse(await response.Content.ReadAsStringAsync(Ct));
            foreach (var problem in PageProblems(page)) problems.Add($"{user}: {path}: {problem}");
            foreach (var link in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (link.StartsWith('#'))
                {
                    problems.Add($"{user}: {path}: 页内链接 {link} 在 <base href=\"/\"> 下打开的是工作台");
                    continue;
                }
                if (Followed(link) is { } target) queue.Enqueue((target, path));
            }
        }
    }

    /// <summary>What is wrong on a page whatever it shows: no title, or the framework's or runtime's own text.</summary>
    private static IEnumerable<string> PageProblems(IHtmlDocument page)
    {
        if (string.IsNullOrWhiteSpace(page.Title)) yield return "没有标题";
        var text = page.Body?.TextContent ?? "";
        if (FrameworkText().Match(text) is { Success: true } m) yield return $"页面上有程序文字“{m.Value}”";
    }

    /// <summary>The same-site address a link leads to, or null for what a walk does not follow: other sites, mail, signing
    /// out, and files (downloads are checked by their own tests; the walk only needs pages).</summary>
    private static string? Followed(string link)
    {
        if (link.Contains(':') && !link.StartsWith('/')) return null;
        var path = new Uri(new Uri("http://x/"), link).PathAndQuery;
        if (path.StartsWith("/api/") || path.StartsWith("/account/logout") || path.StartsWith("/files/")) return null;
        return path;
    }

    /// <summary>An address with its ids and query values taken out: one visit per shape per account.</summary>
    private static string Shape(string path)
    {
        var uri = new Uri(new Uri("http://x"), path);
        var keys = string.Join('&', System.Web.HttpUtility.ParseQueryString(uri.Query).AllKeys.Order());
        return Ids().Replace(uri.AbsolutePath, "{id}") + "?" + keys;
    }

    /// <summary>A visit's key: a list or menu page once per account, a record's page once per page shape it is linked from.</summary>
    private static string Visit(string from, string path)
    {
        var shape = Shape(path);
        return shape.Contains("{id}") ? Shape(from).Split('?')[0] + " → " + shape : shape;
    }

    private static bool Matches(string template, string path)
    {
        var pattern = "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]*}", "[^/]+") + "$";
        return Regex.IsMatch(path, pattern);
    }

    private async Task<List<string>> Accounts()
    {
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        return await db.Users.Select(u => u.UserName!).OrderBy(n => n).ToListAsync(Ct);
    }

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=/)\d+(?=/|$)")]
    private static partial Regex Ids();

    [GeneratedRegex(@"Exception|Unhandled|System\.[A-Z]|Microsoft\.[A-Z]|DxPilot\.[A-Z]|An error occurred|NaN|Infinity")]
    private static partial Regex FrameworkText();
}

public sealed class SqliteMenuCrawlTests(SqliteApp app) : MenuCrawlTests<SqliteApp>(app);

public sealed class PostgresMenuCrawlTests(PostgresApp app) : MenuCrawlTests<PostgresApp>(app);
