using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Operations.Backup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DxPilot.Web.Tests.Support;

/// <summary>
/// The whole platform in memory with its demo data, on a fresh database of its own. One per test class;
/// subclasses pick SQLite or PostgreSQL so that the same tests run on both. <see cref="SqliteApp"/> and
/// <see cref="PostgresApp"/> start from a copy of the demo platform seeded once per run (<see cref="DemoTemplates"/>).
/// </summary>
public abstract class DxPilotApp : IAsyncLifetime
{
    public const string Password = "DxPilot#2025";
    private WebApplicationFactory<Program>? _factory;
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "dxpilot-tests", Guid.NewGuid().ToString("N"));

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Why the tests cannot run here, or null when they can.</summary>
    public virtual string? Unavailable => null;

    protected abstract Task<string> CreateDatabaseAsync();
    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    /// <summary>This app's database as a copy of <paramref name="template"/>'s, the same kind of app, stopped (for the
    /// kinds <see cref="DemoTemplates"/> keeps).</summary>
    protected virtual Task<string> CopyDatabaseAsync(DxPilotApp template) => throw new NotSupportedException(GetType().Name);

    /// <summary>True to serve through real Kestrel on a free port instead of the in-memory test server, where request
    /// body limits are not enforced.</summary>
    protected virtual bool OnKestrel => false;

    /// <summary>Settings a subclass adds to the demo platform's (e.g. which blob store).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    /// <summary>Services a subclass puts in place of the platform's (e.g. a password hasher that counts its calls).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public string DataPath => _dataPath;

    public WebApplicationFactory<Program> Factory
    {
        get
        {
            if (Unavailable is { } why) Requirements.Unmet(why);
            return _factory ?? throw new InvalidOperationException("app not started");
        }
    }

    public IServiceProvider Services => Factory.Services;

    /// <summary>A scope for arranging data outside any request: its changes are audited under a named test actor,
    /// as the platform's own background work would be.</summary>
    public AsyncServiceScope DataScope(string programmeId = "") => ScopeAs(Domain.Accounts.Actor.System(programmeId, "测试数据"));

    /// <summary>A scope whose services act for <paramref name="actor"/>, as a request signed in as them would.</summary>
    public AsyncServiceScope ScopeAs(Domain.Accounts.Actor actor)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Web.Features.Platform.CurrentActor>().Assume(actor);
        return scope;
    }

    /// <summary>An account as the rules see it (its id is what a record names), to act through services directly.</summary>
    public async Task<Domain.Accounts.Actor> ActorAsync(string userName)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Accounts.AppUser>>();
        return await Web.Features.Platform.DemoActors.ActorAsync(users, userName) ?? throw new InvalidOperationException($"no account {userName}");
    }

    public async ValueTask InitializeAsync()
    {
        if (Unavailable is not null) return;
        var withDemo = !(Settings.TryGetValue("DxPilot:DemoData", out var demo) && demo == "false");
        var template = withDemo ? await DemoTemplates.OfAsync(this) : null;
        var connection = template is null ? await CreateDatabaseAsync() : await CopyDatabaseAsync(template);
        if (template is not null) CopyBlobs(template._dataPath, _dataPath);
        Directory.CreateDirectory(_dataPath);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Database:Provider", Provider.ToString());
            b.UseSetting("ConnectionStrings:DxPilot", connection);
            b.UseSetting("DxPilot:DataPath", _dataPath);
            // A copy holds the demo already: the start-up's check would find every record and change nothing.
            b.UseSetting("DxPilot:DemoData", template is null ? "true" : "false");
            foreach (var (key, value) in Settings) b.UseSetting(key, value);
            b.ConfigureTestServices(ConfigureServices);
        });
        // Start now: migrations and demo data.
        if (OnKestrel)
        {
            _factory.UseKestrel(0);
            _factory.StartServer();
        }
        else _ = _factory.Server;
    }

    /// <summary>Stops the platform and keeps its database and files, with no connection left open on the database (a
    /// template's, which is then copied).</summary>
    internal async Task StopAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        _factory = null;
        await CloseConnectionsAsync();
    }

    protected virtual Task CloseConnectionsAsync() => Task.CompletedTask;

    /// <summary>The file store's blobs (the data folder holds nothing else), as the backup copies them.</summary>
    private static void CopyBlobs(string fromData, string toData)
    {
        var (from, to) = (Path.Combine(fromData, "blobs"), Path.Combine(toData, "blobs"));
        if (!Directory.Exists(from)) return;
        foreach (var blob in BlobTree.List(from)) BlobTree.CopyInto(from, to, blob);
    }

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        if (Unavailable is null) await DropDatabaseAsync();
        try { Directory.Delete(_dataPath, recursive: true); } catch (IOException) { }
        GC.SuppressFinalize(this);
    }

    /// <summary>A client that is not signed in and does not follow redirects.</summary>
    public HttpClient Anonymous() => OnKestrel
        // The factory's own client follows redirects when on Kestrel; a plain one behaves as the in-memory one does.
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true })
            { BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) }
        : Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A cookie client signed in through the sign-in form, as a browser is (the form must answer with a redirect).</summary>
    public async Task<HttpClient> SignedIn(string userName, string password = Password)
    {
        if (Unavailable is { } why) Requirements.Unmet(why);
        var client = Anonymous();
        Assert.Equal(HttpStatusCode.Redirect, (await PageClient.SignIn(client, userName, password)).StatusCode);
        return client;
    }

    /// <summary>A client carrying a bearer token for the user.</summary>
    public async Task<HttpClient> As(string userName, string password = Password)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    private sealed record TokenResponse(string AccessToken);
}

public class SqliteApp : DxPilotApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dxpilot-{Guid.NewGuid():N}.db");

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={_file}");

    protected override Task<string> CopyDatabaseAsync(DxPilotApp template)
    {
        File.Copy(((SqliteApp)template)._file, _file);
        return CreateDatabaseAsync();
    }

    protected override Task CloseConnectionsAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return Task.CompletedTask;
    }

    protected override Task DropDatabaseAsync() => TestSqlite.DeleteAsync(_file);
}

public class PostgresApp : DxPilotApp
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
    private readonly string _name = $"dxpilot_test_{Guid.NewGuid():N}";

    public override string? Unavailable => TestPostgres.Unavailable;

    protected override async Task<string> CreateDatabaseAsync() => await TestPostgres.CreateDatabaseAsync(_name);

    protected override Task<string> CopyDatabaseAsync(DxPilotApp template) => TestPostgres.CreateDatabaseAsync(_name, ((PostgresApp)template)._name);

    protected override Task CloseConnectionsAsync() => TestPostgres.CloseSessionsAsync(_name);

    protected override Task DropDatabaseAsync() => TestPostgres.DropDatabaseAsync(_name);
}

/// <summary>The PostgreSQL server for tests: DXPILOT_TEST_POSTGRES, a connection string to a server where we may create databases.</summary>
public static class TestPostgres
{
    public static readonly string? Admin = Environment.GetEnvironmentVariable("DXPILOT_TEST_POSTGRES");

    public static string? Unavailable => string.IsNullOrWhiteSpace(Admin)
        ? "PostgreSQL 不可用：未设置环境变量 DXPILOT_TEST_POSTGRES（如 Host=127.0.0.1;Port=5432;Username=postgres;Password=…），.ci/run 会自动准备"
        : null;

    /// <summary>A new database, empty or as a copy of <paramref name="template"/> (which nobody may be connected to).</summary>
    public static async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        await using var conn = new NpgsqlConnection(Admin);
        await conn.OpenAsync();
        var from = template is null ? "" : $" TEMPLATE \"{template}\"";
        await using (var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"{from}", conn)) await cmd.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Admin) { Database = name }.ConnectionString;
    }

    public static async Task CloseSessionsAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", conn);
        cmd.Parameters.AddWithValue("name", name);
        await cmd.ExecuteNonQueryAsync();
    }

    public static async Task DropDatabaseAsync(string name)
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Admin);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>A test's SQLite database and what SQLite and the platform keep beside it: the write-ahead log and its index, and the
/// lock a running platform holds (<c>.running</c>).</summary>
public static class TestSqlite
{
    public static Task DeleteAsync(string file)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var f in new[] { file, file + "-wal", file + "-shm", file + ".running" }) File.Delete(f);
        return Task.CompletedTask;
    }
}

/// <summary>SQLite behind real Kestrel, for what the in-memory server does not enforce (request body limits).</summary>
public sealed class KestrelSqliteApp : DxPilotApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override bool OnKestrel => true;
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"dxpilot-k-{Guid.NewGuid():N}.db");

    protected override Task<string> CreateDatabaseAsync() => Task.FromResult($"Data Source={_file}");

    protected override Task DropDatabaseAsync() => TestSqlite.DeleteAsync(_file);
}
