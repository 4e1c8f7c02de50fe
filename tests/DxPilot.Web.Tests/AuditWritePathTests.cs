using System.Runtime.CompilerServices;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>The audit path's shortcuts for large saves keep its guarantees: entries written in groups (SQLite) or copied
/// (PostgreSQL) read back as composed and extend the chain; the change scan skipped after the interceptor's own is only
/// skipped when nothing can change a record in between.</summary>
public abstract class AuditWritePathTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Programme = "hangzhou-2024";

    [Fact]
    public async Task A_save_of_many_records_writes_an_entry_for_each_that_reads_back_as_composed_and_links_on()
    {
        // 23 in one save: more than one statement's worth on either path.
        var names = Enumerable.Range(1, 23).Select(i => $"批量审计{i}号有限公司").ToList();
        var before = await WithDb(db => db.AuditEntries.MaxAsync(e => (long?)e.Sequence)) ?? 0;
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            foreach (var name in names) db.Enterprises.Add(Register(scope, name));
            await db.SaveChangesAsync();
        }

        var entries = await WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal(names, entries.Select(e => e.Changes.Single(c => c.Field == nameof(Enterprise.Name)).After));
        Assert.Equal(Enumerable.Range(1, 23).Select(i => before + i), entries.Select(e => e.Sequence));
        Assert.All(entries, e =>
        {
            Assert.Equal(AuditAction.Created, e.Action);
            Assert.Equal("测试数据", e.ActorName);
            Assert.Equal(Programme, e.ProgrammeId);
            Assert.Equal(nameof(Enterprise), e.EntityType);
            Assert.Equal("滨江区", e.Changes.Single(c => c.Field == nameof(Enterprise.District)).After);
            Assert.All(e.Changes, c => Assert.Null(c.Before));
            Assert.DoesNotContain(e.Changes, c => c.Field is nameof(Enterprise.Id) or nameof(Enterprise.SearchText) or nameof(Enterprise.Version));
        });
        Assert.True((await WithDb(db => AuditTrail.VerifyAsync(db, CancellationToken.None))).Intact);
    }

    [Fact]
    public async Task Texts_with_characters_beyond_the_basic_plane_quotes_and_an_empty_source_read_back_as_composed()
    {
        // SQLite's entries are bound from the characters and the hashed bytes themselves: nothing may be lost or turned into NULL.
        const string rare = "𠮷野家（杭州）有限公司", quoted = "名单\"甲\"\\第1行 𠮷";
        var before = await WithDb(db => db.AuditEntries.MaxAsync(e => (long?)e.Sequence)) ?? 0;
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var (first, second) = (Register(scope, rare), Register(scope, "审计空来源有限公司"));
            db.Enterprises.AddRange(first, second);
            db.Audit.SourceFor[first.Id] = quoted;
            db.Audit.SourceFor[second.Id] = "";
            await db.SaveChangesAsync();
        }

        var entries = await WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.Sequence > before).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([rare, "审计空来源有限公司"], entries.Select(e => e.Changes.Single(c => c.Field == nameof(Enterprise.Name)).After));
        Assert.Equal([quoted, ""], entries.Select(e => e.Source));
        Assert.True((await WithDb(db => AuditTrail.VerifyAsync(db, CancellationToken.None))).Intact);
    }

    [Fact]
    public async Task An_entry_written_by_the_save_stores_its_time_as_EF_writes_it_so_a_query_by_time_finds_it()
    {
        var id = (await AddEnterpriseAsync("审计时间文本有限公司")).ToString();
        var at = await WithDb(db => db.AuditEntries.Where(e => e.EntityId == id).Select(e => e.At).SingleAsync());
        // SQLite compares times as text: the stored text must be the one EF binds for the same time in a query.
        Assert.Equal(id, await WithDb(db => db.AuditEntries.Where(e => e.At == at && e.EntityId == id).Select(e => e.EntityId).SingleOrDefaultAsync()));
        Assert.Equal(id, await WithDb(db => db.AuditEntries.Where(e => e.At >= at && e.At < at.AddMilliseconds(1) && e.EntityId == id)
            .Select(e => e.EntityId).SingleOrDefaultAsync()));
    }

    [Fact]
    public async Task A_record_changed_through_its_entry_by_a_save_interceptor_that_follows_the_audit_is_saved()
    {
        var id = await AddEnterpriseAsync("后续拦截器有限公司");
        await using (var scope = app.DataScope(Programme))
        {
            var options = new DbContextOptionsBuilder<DxPilotDbContext>();
            scope.ServiceProvider.GetRequiredService<DatabaseOptions>().Apply(options);
            options.AddInterceptors(scope.ServiceProvider.GetServices<IInterceptor>().Append(new SearchTextKeeper()));
            await using var db = new DxPilotDbContext(options.Options, scope.ServiceProvider.GetRequiredService<AuditContext>());
            await db.Enterprises.SingleAsync(e => e.Id == id);
            await db.SaveChangesAsync();
        }

        Assert.Equal(SearchTextKeeper.Text, await WithDb(db => db.Enterprises.Where(e => e.Id == id).Select(e => e.SearchText).SingleAsync()));
    }

    [Fact]
    public async Task After_a_save_and_after_a_refused_save_a_change_to_a_tracked_record_is_found_and_audited()
    {
        var uscc = TestData.NewUscc();
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var first = Register(scope, "扫描恢复有限公司", uscc);
        db.Enterprises.Add(first);
        await db.SaveChangesAsync();
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);

        SetName(first, "扫描恢复一次有限公司");
        await db.SaveChangesAsync();
        var twin = Register(scope, "重复代码扫描有限公司", uscc);
        db.Enterprises.Add(twin);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(db.ChangeTracker.AutoDetectChangesEnabled);
        db.Entry(twin).State = EntityState.Detached;
        SetName(first, "扫描恢复两次有限公司");
        await db.SaveChangesAsync();

        var id = first.Id.ToString();
        var renames = await WithDb(d => d.AuditEntries.AsNoTracking().Where(e => e.EntityId == id && e.Action == AuditAction.Updated)
            .OrderBy(e => e.Sequence).Select(e => e.Changes).ToListAsync());
        Assert.Equal([("扫描恢复有限公司", "扫描恢复一次有限公司"), ("扫描恢复一次有限公司", "扫描恢复两次有限公司")],
            renames.Select(c => c.Single(f => f.Field == nameof(Enterprise.Name))).Select(f => (f.Before, f.After)));
    }

    /// <summary>Changes the record behind EF's back, as a domain method does; only a change scan finds it.</summary>
    private static void SetName(Enterprise enterprise, string name) => typeof(Enterprise).GetProperty(nameof(Enterprise.Name))!.SetValue(enterprise, name);

    /// <summary>A bookkeeping interceptor registered after the audit, changing a column the history leaves out.</summary>
    private sealed class SearchTextKeeper : SaveChangesInterceptor
    {
        public const string Text = "由后续拦截器写入";

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData e, InterceptionResult<int> result, CancellationToken ct = default)
        {
            // The tracker is scanned once per save, before the interceptors: a step of the save changes records through their entries.
            foreach (var enterprise in e.Context!.ChangeTracker.Entries<Enterprise>().ToList())
                enterprise.Property(x => x.SearchText).CurrentValue = Text;
            return ValueTask.FromResult(result);
        }
    }

    private async Task<Guid> AddEnterpriseAsync(string name)
    {
        await using var scope = app.DataScope(Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var enterprise = Register(scope, name);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync();
        return enterprise.Id;
    }

    private static Enterprise Register(AsyncServiceScope scope, string name, string? uscc = null)
    {
        var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        var form = new EnterpriseForm { Name = name, Uscc = uscc ?? TestData.NewUscc(), District = "滨江区", Industry = "汽车零部件", FoundedOn = "2015-03-01" };
        return Enterprise.Register(programme, EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1)).Details!, DateTime.UtcNow);
    }

    private async Task<T> WithDb<T>(Func<DxPilotDbContext, Task<T>> work)
    {
        await using var scope = app.DataScope(Programme);
        return await work(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }
}

public sealed class AuditWritePathTestsOnSqlite(SqliteApp app) : AuditWritePathTests<SqliteApp>(app);

public sealed class AuditWritePathTestsOnPostgres(PostgresApp app) : AuditWritePathTests<PostgresApp>(app);

/// <summary>Added records are described from their properties directly (an import's hot path); that description must be the
/// one EF's property entries give, for every audited type the model has, filled in and left blank.</summary>
public sealed class AuditedFieldsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task An_added_record_is_described_from_its_properties_as_from_its_property_entries_for_every_audited_type()
    {
        await using var scope = app.DataScope("hangzhou-2024");
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var audited = db.Model.GetEntityTypes().Where(t => typeof(IAudited).IsAssignableFrom(t.ClrType) && !t.ClrType.IsAbstract).ToList();
        Assert.True(audited.Count >= 10, $"only {audited.Count} audited types in the model");

        var described = 0;
        foreach (var type in audited)
        foreach (var filled in new[] { true, false })
        {
            var record = (IAudited)RuntimeHelpers.GetUninitializedObject(type.ClrType);
            var entry = db.Entry(record);
            foreach (var property in type.GetProperties().Where(p => !p.IsShadowProperty()))
                entry.Property(property.Name).CurrentValue = Sample(property.ClrType, property.Name, filled || !property.IsNullable);
            entry.State = EntityState.Added;

            var fromProperties = AuditedFields.DescribeAdded(entry);
            var fromEntries = AuditedFields.DescribeFromEntries(entry);
            Assert.Equal(fromEntries, fromProperties);
            if (filled && fromEntries is not null) described++;
            entry.State = EntityState.Detached;
        }
        // A record whose only audited field is a stored document (empty here) describes nothing; every other one is compared.
        Assert.Equal(audited.Count(t => t.GetProperties().Any(p => p.PropertyInfo?.IsDefined(typeof(NotAuditedAttribute), true) != true
            && !typeof(IAuditedDocument).IsAssignableFrom(p.ClrType))), described);
    }

    /// <summary>A value of the property's type: distinct per property when filled, null when left blank.</summary>
    private static object? Sample(Type type, string name, bool filled)
    {
        if (!filled) return null;
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(string) => $"{name}的值",
            _ when t == typeof(bool) => true,
            _ when t == typeof(int) => name.Length,
            _ when t == typeof(long) => name.Length * 1000L,
            _ when t == typeof(decimal) => name.Length + 0.125m,
            _ when t == typeof(double) => name.Length + 0.5,
            _ when t == typeof(Guid) => Guid.NewGuid(),
            _ when t == typeof(DateTime) => new DateTime(2025, 7, 16, 8, 30, 0, DateTimeKind.Utc),
            _ when t == typeof(DateTimeOffset) => new DateTimeOffset(2025, 7, 16, 8, 30, 0, TimeSpan.Zero),
            _ when t == typeof(DateOnly) => new DateOnly(2025, 7, 16),
            _ when t == typeof(TimeOnly) => new TimeOnly(8, 30),
            _ when t.IsEnum => Enum.GetValues(t).GetValue(Enum.GetValues(t).Length - 1),
            _ when t.IsArray => Array.CreateInstance(t.GetElementType()!, 0),
            _ => Activator.CreateInstance(t),
        };
    }
}
