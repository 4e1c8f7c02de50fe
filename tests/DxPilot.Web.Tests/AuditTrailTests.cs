using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Files;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Auditing;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>The one audit path: entries written by the save itself under the request's actor, typed actions, sign-ins
/// and exports recorded, and a hash chain whose tampering `audit verify` finds.</summary>
public abstract class AuditTrailTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Programme = "hangzhou-2024";

    [Fact]
    public async Task An_edit_through_the_api_is_audited_under_the_signed_in_user_and_the_chain_holds()
    {
        var district = await app.As("hz-binjiang");
        var created = await (await district.PostAsJsonAsync("/api/enterprises", TestData.Enterprise("审计链测试有限公司", TestData.NewUscc())))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;

        var entries = await WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.Equal(AuditAction.Created, entry.Action);
        Assert.Equal("API", entry.Source);
        Assert.Equal("滨江区经信局（演示）", entry.ActorName);
        Assert.NotNull(entry.Hash);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_change_without_an_actor_is_refused_and_nothing_is_stored()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        var form = new EnterpriseForm { Name = "无人经手有限公司", Uscc = TestData.NewUscc(), District = "滨江区", Industry = "汽车零部件", FoundedOn = "2015-03-01" };
        var details = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1)).Details!;
        db.Enterprises.Add(Enterprise.Register(programme, details, DateTime.UtcNow));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("没有操作人", ex.Message);
        Assert.False(await WithDb(d => d.Enterprises.AnyAsync(e => e.Name == "无人经手有限公司")));
    }

    [Fact]
    public async Task A_file_saved_without_the_record_it_belongs_to_is_refused()
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var file = new FileRef(new string('a', 64), 1024, "image/png", "车间.png");
        db.BenchmarkEvidence.Add(BenchmarkEvidence.Upload(Guid.NewGuid(), BenchmarkEvidenceKind.Pledge, null, file,
            Actor.System(Programme, "测试数据"), DateTime.UtcNow));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("须与其所属记录一同保存", ex.Message);
    }

    [Fact]
    public async Task A_save_the_database_refuses_writes_no_entry_and_the_next_save_of_the_context_links_on()
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        var uscc = TestData.NewUscc();
        Enterprise Register(string name, string code) => Enterprise.Register(programme, EnterpriseValidator.Validate(
            new EnterpriseForm { Name = name, Uscc = code, District = "滨江区", Industry = "汽车零部件", FoundedOn = "2015-03-01" },
            programme, new DateOnly(2025, 7, 1)).Details!, DateTime.UtcNow);
        db.Enterprises.Add(Register("先登记有限公司", uscc));
        await db.SaveChangesAsync();
        var twin = Register("重复代码有限公司", uscc);
        db.Enterprises.Add(twin);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.Entry(twin).State = EntityState.Detached;
        db.Enterprises.Add(Register("换个名字有限公司", TestData.NewUscc()));
        await db.SaveChangesAsync();

        var names = await WithDb(d => d.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Created)
            .OrderBy(e => e.Sequence).Select(e => e.Changes).ToListAsync());
        var created = names.SelectMany(c => c.Select(f => f.After)).ToList();
        Assert.Contains("先登记有限公司", created);
        Assert.Contains("换个名字有限公司", created);
        Assert.DoesNotContain("重复代码有限公司", created);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Concurrent_saves_extend_one_chain_without_gaps_or_forks()
    {
        var city = await app.As("hz-city");
        var responses = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise($"并发审计{i}有限公司", TestData.NewUscc()))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));

        var sequences = await WithDb(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Sign_ins_failed_sign_ins_lockouts_and_exports_are_recorded()
    {
        var user = await HeilongjiangAccounts.UserAsync(app, Role.CityBureau);
        var anonymous = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = user, password = "Wrong#Password1" });
        await anonymous.PostAsJsonAsync("/api/auth/token", new { userName = "no-such-user", password = "Wrong#Password1" });
        var city = await app.As("hz-city");
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/api/enterprises/export?district=滨江区")).StatusCode);

        var userId = await WithDb(db => db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync());
        var mine = await WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Account" && e.EntityId == userId)
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        // Identity locks on the fifth failure: four failed attempts, then the lockout.
        Assert.Equal([AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.SignInFailed, AuditAction.LockedOut], mine);
        var unknown = await WithDb(db => db.AuditEntries.AsNoTracking().SingleAsync(e => e.EntityType == "Account" && e.EntityId == "no-such-user"));
        Assert.Equal(AuditAction.SignInFailed, unknown.Action);
        Assert.Equal("无此账号", unknown.Source);
        var cityId = await WithDb(db => db.Users.Where(u => u.UserName == "hz-city").Select(u => u.Id).SingleAsync());
        Assert.True(await WithDb(db => db.AuditEntries.AnyAsync(e => e.EntityId == cityId && e.Action == AuditAction.SignedIn)));
        var export = await WithDb(db => db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync(e => e.Action == AuditAction.Exported));
        Assert.Equal(cityId, export.ActorId);
        Assert.Contains("district=滨江区", export.Source);
    }

    [Fact]
    public async Task An_entry_edited_or_deleted_in_the_database_is_named_by_audit_verify()
    {
        var city = await app.As("hz-city");
        for (var i = 0; i < 3; i++)
            await city.PostAsJsonAsync("/api/enterprises", TestData.Enterprise($"篡改检测{i}有限公司", TestData.NewUscc()));
        var target = await WithDb(db => db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Skip(1).FirstAsync());
        var (code, output) = await VerifyCommandAsync();
        Assert.Equal(0, code);
        Assert.Contains("审计链完整", output);

        // Someone with database access rewrites who made a change.
        await WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "AuditEntries" SET "ActorName" = '张三' WHERE "Id" = {target.Id}"""));
        (code, output) = await VerifyCommandAsync();
        Assert.Equal(1, code);
        Assert.Contains($"第 {target.Sequence} 条记录处断开（记录编号 {target.Id}", output);
        Assert.Contains("记录被改动", output);
        await WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "AuditEntries" SET "ActorName" = {target.ActorName} WHERE "Id" = {target.Id}"""));
        Assert.True((await VerifyAsync()).Intact);

        // …or removes the entry altogether: the one after it names the gap.
        var changes = await WithDb(db => db.Database.SqlQuery<string>($"""SELECT "Changes" AS "Value" FROM "AuditEntries" WHERE "Id" = {target.Id}""").SingleAsync());
        await WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "AuditEntries" WHERE "Id" = {target.Id}"""));
        var result = await VerifyAsync();
        Assert.Equal(target.Sequence + 1, result.Broken!.Sequence);
        Assert.Contains($"第{target.Sequence}至{target.Sequence}条记录缺失", result.Reason);
        await WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AuditEntries" ("Id", "At", "ProgrammeId", "EntityType", "EntityId", "Action", "ActorId", "ActorName", "Source", "Changes", "Sequence", "PreviousHash", "Hash")
            VALUES ({target.Id}, {target.At}, {target.ProgrammeId}, {target.EntityType}, {target.EntityId}, {target.Action.ToString()}, {target.ActorId},
                    {target.ActorName}, {target.Source}, {changes}, {target.Sequence}, {target.PreviousHash}, {target.Hash})
            """));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Entries_written_before_the_chain_are_sealed_in_their_order()
    {
        // As migration 0007 leaves them: sequenced by id, no hash.
        var last = await WithDb(db => db.AuditEntries.MaxAsync(e => e.Sequence));
        await WithDb(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "AuditEntries" ("At", "ProgrammeId", "EntityType", "EntityId", "Action", "ActorId", "ActorName", "Source", "Changes", "Sequence")
            VALUES ({new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc)}, {Programme}, 'Enterprise', 'legacy-1', 'Updated', 'u1', '旧记录', NULL, '[]', {last + 5})
            """));
        Assert.False((await VerifyAsync()).Intact);
        Assert.Equal(1, await WithDb(db => AuditTrail.SealLegacyAsync(db, CancellationToken.None)));
        Assert.True((await VerifyAsync()).Intact);
        Assert.Equal(last + 1, await WithDb(db => db.AuditEntries.Where(e => e.EntityId == "legacy-1").Select(e => e.Sequence).SingleAsync()));
    }

    private Task<AuditVerification> VerifyAsync() => WithDb(db => AuditTrail.VerifyAsync(db, CancellationToken.None));

    private async Task<(int Code, string Output)> VerifyCommandAsync()
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await AuditCommand.RunAsync(["verify", $"--Database:Provider={database.Provider}", $"--ConnectionStrings:DxPilot={database.ConnectionString}"],
            output, errors, TestContext.Current.CancellationToken);
        return (code, output + errors.ToString());
    }

    private async Task<T> WithDb<T>(Func<DxPilotDbContext, Task<T>> work)
    {
        await using var scope = app.DataScope(Programme);
        return await work(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }
}

public sealed class AuditTrailTestsOnSqlite(SqliteApp app) : AuditTrailTests<SqliteApp>(app);

public sealed class AuditTrailTestsOnPostgres(PostgresApp app) : AuditTrailTests<PostgresApp>(app);
