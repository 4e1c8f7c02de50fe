using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DxPilot.Domain.Imports;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Enterprises.Import;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// Two copies of the platform behind a load balancer on one PostgreSQL, sharing no folder (docs/operations.md): a file
/// uploaded through one is served by the other, and import jobs queued on one are run exactly once although both copies'
/// workers look for work. (That they accept each other's sign-in cookies is <see cref="SharedKeysTests"/>.)
/// </summary>
public sealed class TwoCopiesTests(PostgresApp app) : IClassFixture<PostgresApp>, IDisposable
{
    /// <summary>The second copy's data folder: nothing it serves may depend on it.</summary>
    private readonly string _otherData = Path.Combine(Path.GetTempPath(), "dxpilot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_picture_uploaded_through_one_copy_is_served_byte_identical_by_the_other()
    {
        var (user, _) = await HeilongjiangAccounts.EnterpriseAsync(app);
        var client = app.Anonymous();
        var cookie = await SignInAsync(client, user);
        var browser = new BenchmarkBrowser(client);
        // Over one 1 MB chunk, so that the other copy reassembles it from the database.
        var photo = new BenchmarkBrowser.Upload("picture-1", "车间照片.png", Blobs.Png(1_500_000, seed: 701));
        var saved = await browser.FillAsync(f => f["Form.Items[1].Answer"] = "是", "save", photo);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var src = PageClient.Parse(await browser.PageAsync()).QuerySelector("#item-1 .thumbs img")!.GetAttribute("src")!;

        await using var second = SecondCopy();
        var other = SignedIn(second, cookie);
        var served = await other.GetAsync(src, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(photo.Content, await served.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.False(Directory.Exists(Path.Combine(_otherData, "blobs")));
    }

    [Fact]
    public async Task Imports_queued_on_one_copy_run_exactly_once_while_both_copies_workers_poll()
    {
        await using var second = SecondCopy();
        _ = second.Server; // its worker polls from now on
        string[] copies = [.. new[] { app.Services, second.Services }.Select(s => $"企业名单导入程序（{s.GetRequiredService<ImportLease>().Owner}）")];
        var client = app.Anonymous();
        await SignInAsync(client, "hz-city");

        // Several jobs at once: the first copy's worker runs them one after another, the second's claims the waiting ones.
        var queued = new List<(Guid Job, string[] Names)>();
        for (var i = 0; i < 4; i++)
        {
            string[] names = [Name(), Name()];
            queued.Add((await UploadAsync(client, names), names));
        }

        foreach (var (id, names) in queued)
        {
            var job = await WaitFinishedAsync(id);
            Assert.Equal((ImportStatus.Completed, 2), (job.Status, job.Created));
            var steps = await Scoped(db => db.StateTransitions.Where(t => t.EntityType == "ImportJob" && t.EntityId == id.ToString())
                .OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync());
            Assert.Equal(["start", "complete"], steps.Select(t => t.Trigger));
            // Started and finished by one copy, whichever claimed it.
            var runner = Assert.Single(steps.Select(t => t.ActorName).Distinct());
            Assert.Contains(runner, copies);
            foreach (var name in names)
                Assert.Equal(1, await Scoped(db => db.Enterprises.CountAsync(e => e.ProgrammeId == "hangzhou-2024" && e.Name == name)));
        }
    }

    [Fact]
    public async Task A_list_kept_by_one_copy_shows_an_edit_made_through_the_other()
    {
        var city = await app.As("hz-city");
        var name = Name();
        var created = await (await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise(name, employees: 120))).EnsureSuccessStatusCode()
            .Content.ReadFromJsonAsync<JsonElement>();
        async Task<int> Employees() => (await city.GetFromJsonAsync<JsonElement>($"/api/enterprises?search={Uri.EscapeDataString(name)}"))
            .GetProperty("items")[0].GetProperty("employees").GetInt32();
        // The second read is the page this copy kept.
        Assert.Equal(120, await Employees());
        Assert.Equal(120, await Employees());

        await using var second = SecondCopy();
        var other = second.CreateClient();
        var token = await (await other.PostAsJsonAsync("/api/auth/token", new { userName = "hz-city", password = DxPilotApp.Password }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        var body = JsonSerializer.SerializeToNode(TestData.Enterprise(name, created.GetProperty("uscc").GetString(), employees: 350))!.AsObject();
        body["version"] = created.GetProperty("version").GetInt32();
        (await other.PutAsJsonAsync($"/api/enterprises/{created.GetProperty("id").GetString()}", body)).EnsureSuccessStatusCode();

        Assert.Equal(350, await Employees());
    }

    /// <summary>Another copy on the same database with a data folder of its own; its worker looks for jobs every 0.2 s.</summary>
    private WebApplicationFactory<Program> SecondCopy()
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Database:Provider", database.Provider.ToString());
            b.UseSetting("ConnectionStrings:DxPilot", database.ConnectionString);
            b.UseSetting("DxPilot:DataPath", _otherData);
            b.UseSetting("DxPilot:DemoData", "false");
            b.UseSetting("DxPilot:Import:PollSeconds", "0.2");
        });
    }

    private static HttpClient SignedIn(WebApplicationFactory<Program> copy, string cookie)
    {
        var client = copy.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    private static async Task<string> SignInAsync(HttpClient client, string user)
    {
        var response = await PageClient.SignIn(client, user);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("dxpilot=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>Through the import page's form, as a browser posts it; returns the job the page then shows.</summary>
    private static async Task<Guid> UploadAsync(HttpClient client, string[] names)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("企业名称,所属区县,行业\n" + string.Concat(names.Select(n => $"{n},滨江区,汽车零部件\n"))));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        var form = new MultipartFormDataContent
        {
            { new StringContent(await PageClient.Token(client, "/enterprises/import")), "__RequestVerificationToken" },
            { file, "file", "名单.csv" },
        };
        var response = await client.PostAsync("/enterprises/import/upload", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);
    }

    private static string Name() => $"双副本测试{Guid.NewGuid():N}"[..17] + "有限公司";

    private async Task<ImportJob> WaitFinishedAsync(Guid id)
    {
        for (var i = 0; i < 300; i++)
        {
            var job = await Scoped(db => db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == id));
            if (job.Status is ImportStatus.Completed or ImportStatus.Failed) return job;
            await Task.Delay(100);
        }
        throw new TimeoutException("导入任务未在30秒内完成");
    }

    public void Dispose()
    {
        try { Directory.Delete(_otherData, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private async Task<T> Scoped<T>(Func<DxPilotDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }
}
