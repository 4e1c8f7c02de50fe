using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Enterprises.Import;
using DxPilot.Web.Features.Home;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.Pictures;

namespace DxPilot.Web.Tests;

/// <summary>The 待办 sources that move with the work: a 示范标杆 application waits for whoever the call's chain lets act on it
/// next, and an import's refused rows wait for the bureau that ran it. Each to-do goes away once the work is done.</summary>
public abstract class TodoSourceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Hlj = HeilongjiangAccounts.Programme;
    private const string Call = "黑龙江省中小企业数字化示范标杆企业申报";
    private static readonly Actor Province = new("t-province", "黑龙江省工信厅（测试）", Role.CityBureau, Hlj);
    private static readonly Actor Harbin = new("t-harbin", "哈尔滨市工信局（测试）", Role.DistrictBureau, Hlj, District: "哈尔滨市");

    [Fact]
    public async Task A_submitted_application_waits_for_the_province_and_a_returned_one_for_its_enterprise()
    {
        var (enterprise, id) = await SavedApplicationAsync();
        var applicant = new Actor($"e-{enterprise:N}"[..20], "申报企业（测试）", Role.Enterprise, Hlj, EnterpriseId: enterprise);
        var (other, _) = await SavedApplicationAsync();
        var bystander = new Actor($"e-{other:N}"[..20], "另一申报企业（测试）", Role.Enterprise, Hlj, EnterpriseId: other);

        // A draft: the enterprise's to submit; the province has nothing to decide yet.
        Assert.Equal([$"{Call}（草稿）：提交申报"], Titles(await BenchmarkTodosAsync(applicant)));
        Assert.DoesNotContain(await TodosAsync(Province), t => t.Href == $"/benchmark/{id}");

        await TakeAsync(applicant, id, BenchmarkTrigger.Submit);
        var review = Single(await TodosAsync(Province), $"{Call}（待审核）：开始审核、退回修改");
        Assert.Contains(review.Href, new[] { $"/benchmark/{id}", "/benchmark?state=submitted" });
        Assert.Empty(await BenchmarkTodosAsync(applicant));
        // The prefecture reads the application but takes no step of this call; another applicant never sees it.
        Assert.Empty(await BenchmarkTodosAsync(Harbin));
        Assert.Equal([$"{Call}（草稿）：提交申报"], Titles(await BenchmarkTodosAsync(bystander)));

        await TakeAsync(Province, id, BenchmarkTrigger.Return, "请补充第3项的系统截图。");
        var returned = Single(await TodosAsync(applicant), $"{Call}（退回修改）：提交申报");
        Assert.Equal("/benchmark/self-score", returned.Href);
        Assert.DoesNotContain(await TodosAsync(Province), t => t.Href == $"/benchmark/{id}");
    }

    [Fact]
    public async Task An_import_with_refused_rows_waits_for_the_bureau_that_ran_it_and_no_one_else()
    {
        var shangcheng = await DistrictBureauAsync("上城区");
        var sheet = TestSheets.Xlsx(
            ["企业名称", "所属区县", "行业"],
            ["待办测试甲有限公司", "上城区", "汽车零部件"],
            ["待办测试乙有限公司", "火星区", "汽车零部件"],
            ["待办测试丙有限公司", "滨江区", "汽车零部件"]);
        var job = await ImportAsync(shangcheng, "上城区名单.xlsx", sheet);

        // Row 3 names no district of Hangzhou, row 4 one outside 上城区: 2 refused of 3.
        var todo = Single(await TodosAsync(shangcheng), "文件“上城区名单.xlsx”有2行未导入，请按每行的原因修改后重新导入");
        Assert.Equal((ImportProblemTodo.Kind, $"/enterprises/import/{job}", 2), (todo.Kind, todo.Href, todo.Count));
        // The city reads every job of its programme but fixes only what it ran; another district sees nothing of it.
        Assert.DoesNotContain(await TodosAsync(await ActorAsync("hz-city")), t => t.Kind == ImportProblemTodo.Kind);
        Assert.DoesNotContain(await TodosAsync(await ActorAsync("hz-xihu")), t => t.Kind == ImportProblemTodo.Kind);

        // A clean file is no work.
        var gongshu = await DistrictBureauAsync("拱墅区");
        await ImportAsync(gongshu, "拱墅区名单.xlsx", TestSheets.Xlsx(["企业名称", "所属区县", "行业"], ["待办测试丁有限公司", "拱墅区", "汽车零部件"]));
        Assert.DoesNotContain(await TodosAsync(gongshu), t => t.Kind == ImportProblemTodo.Kind);
    }

    [Fact]
    public async Task An_unreadable_import_waits_for_its_bureau_too()
    {
        var linping = await DistrictBureauAsync("临平区");
        var job = await ImportAsync(linping, "名单.xlsx", "这不是表格"u8.ToArray());
        var todo = Single(await TodosAsync(linping), "文件“名单.xlsx”未能导入，请按原因修改后重新导入");
        Assert.Equal($"/enterprises/import/{job}", todo.Href);
    }

    [Fact]
    public async Task After_its_self_test_an_enterprise_sees_its_level_and_next_step_instead_of_the_self_test_to_do()
    {
        var (user, enterprise) = await HeilongjiangAccounts.EnterpriseAsync(app);
        var browser = await app.SignedIn(user);
        Assert.Contains((await browser.GetDocument("/")).QuerySelectorAll("#todos a"), a => a.TextContent == "开展数字化水平自测，了解本企业所处等级和差距");

        // Exactly 40 points with six scenarios at 二级, three of them constrained: 二级 by seed 002 表6, three short of 三级.
        var sheet = AnswerDocuments.Forty();
        sheet["stage"] = "SelfTest";
        sheet["assessedOn"] = "2025-06-30";
        var api = await app.As(user);
        var created = await api.PostAsJsonAsync($"/api/enterprises/{enterprise}/assessments", sheet);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        var home = await browser.GetDocument("/");
        Assert.DoesNotContain(home.QuerySelectorAll("#todos a"), a => a.TextContent.Contains("自测"));
        var standing = home.QuerySelector("#standing")!;
        Assert.Equal("二级", standing.QuerySelector(".card strong")!.TextContent);
        Assert.Equal("40 分", standing.QuerySelector(".card span")!.TextContent);
        Assert.Contains("最近一次评测：2025年6月30日，自测（企业自评）", standing.TextContent);
        Assert.Contains("自测结果仅供参考", standing.TextContent);
        var next = standing.QuerySelectorAll("a").Single(a => a.TextContent == "查看达到三级还差什么");
        Assert.Equal($"/assessments/{id}?target=3", next.GetAttribute("href"));
    }

    private static IEnumerable<string> Titles(IEnumerable<TodoItem> items) => items.Select(i => i.Title);

    private static TodoItem Single(IReadOnlyList<TodoItem> items, string title)
    {
        Assert.Contains(items, i => i.Title == title);
        return items.Single(i => i.Title == title);
    }

    private async Task<IReadOnlyList<TodoItem>> BenchmarkTodosAsync(Actor actor) =>
        (await TodosAsync(actor)).Where(t => t.Kind == BenchmarkTodo.Kind).ToList();

    /// <summary>A new district bureau account of the Hangzhou programme: the importer runs as a real account.</summary>
    private async Task<Actor> DistrictBureauAsync(string district)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser
        {
            UserName = $"t-{Guid.NewGuid():N}"[..20], DisplayName = $"{district}经信局（测试）", Role = Role.DistrictBureau,
            ProgrammeId = "hangzhou-2024", District = district, EmailConfirmed = true,
        };
        var created = await users.CreateAsync(user, DxPilotApp.Password);
        Assert.True(created.Succeeded, string.Join("；", created.Errors.Select(e => e.Description)));
        return user.ToActor();
    }

    private Task<Actor> ActorAsync(string userName) => app.ActorAsync(userName);

    private async Task<IReadOnlyList<TodoItem>> TodosAsync(Actor actor)
    {
        await using var scope = app.ScopeAs(actor);
        return await scope.ServiceProvider.GetRequiredService<TodoList>().ForAsync(actor);
    }

    private async Task<Guid> ImportAsync(Actor actor, string file, byte[] content)
    {
        await using var scope = app.ScopeAs(actor);
        var outcome = await scope.ServiceProvider.GetRequiredService<ImportQueue>().RunNowAsync(actor, file, content, CancellationToken.None);
        return outcome.Value!.Id;
    }

    private async Task TakeAsync(Actor actor, Guid id, BenchmarkTrigger trigger, string? reason = null)
    {
        await using var scope = app.ScopeAs(actor);
        var outcome = await scope.ServiceProvider.GetRequiredService<BenchmarkService>().TransitionAsync(actor, id, trigger, reason, null);
        Assert.True(outcome.IsOk, outcome.Message);
    }

    /// <summary>A new enterprise's saved draft that meets every precondition, so that it can be submitted.</summary>
    private async Task<(Guid Enterprise, Guid Application)> SavedApplicationAsync()
    {
        var (_, enterprise) = await HeilongjiangAccounts.EnterpriseAsync(app);
        var owner = new Actor($"e-{enterprise:N}"[..20], "申报企业（测试）", Role.Enterprise, Hlj, EnterpriseId: enterprise);
        var facts = new BenchmarkFacts
        {
            CreditClean = true, RegisteredOn = new DateOnly(2021, 12, 31), RevenueByYear = new() { [2022] = 1200, [2023] = 1500, [2024] = 1800 },
            MiitLevel = 2, AuditedReportYears = [2022, 2023, 2024], PledgeSigned = true,
        };
        EvidenceUpload File(BenchmarkEvidenceKind kind, int variant, int? year = null) =>
            new(kind, null, $"{kind}{year}.png", Png(variant).Length, () => new MemoryStream(Png(variant)), year);
        await using var scope = app.ScopeAs(owner);
        var saved = await scope.ServiceProvider.GetRequiredService<BenchmarkService>().SaveAsync(owner, 0,
            new BenchmarkDraft(new BenchmarkAnswers(), facts, new string('数', 2000)),
            [File(BenchmarkEvidenceKind.CreditChina, 1), File(BenchmarkEvidenceKind.CreditGsxt, 2), File(BenchmarkEvidenceKind.MiitLevel, 3), File(BenchmarkEvidenceKind.Pledge, 4),
             File(BenchmarkEvidenceKind.BusinessLicence, 5), File(BenchmarkEvidenceKind.AuditReport, 6, 2022), File(BenchmarkEvidenceKind.AuditReport, 7, 2023),
             File(BenchmarkEvidenceKind.AuditReport, 8, 2024)], []);
        Assert.True(saved.IsOk, saved.Message);
        return (enterprise, saved.Value!.Application.Id);
    }
}

public sealed class TodoSourceTestsOnSqlite(SqliteApp app) : TodoSourceTests<SqliteApp>(app);

public sealed class TodoSourceTestsOnPostgres(PostgresApp app) : TodoSourceTests<PostgresApp>(app);

/// <summary>The list itself: every registered source's items, oldest first.</summary>
public sealed class TodoListTests
{
    private sealed class Fixed(params TodoItem[] items) : ITodoSource
    {
        public Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct) => Task.FromResult<IReadOnlyList<TodoItem>>(items);
    }

    [Fact]
    public async Task Items_of_every_source_come_oldest_first()
    {
        var at = new DateTimeOffset(2025, 7, 16, 6, 5, 0, TimeSpan.Zero);
        var list = new TodoList([
            new Fixed(new TodoItem("甲", "新的", "/a", at.AddDays(2)), new TodoItem("甲", "最早的", "/b", at)),
            new Fixed(new TodoItem("乙", "中间的", "/c", at.AddHours(8), 3)),
        ]);
        var items = await list.ForAsync(new Actor("u", "测试", Role.CityBureau, "hangzhou-2024"));
        Assert.Equal(["最早的", "中间的", "新的"], items.Select(i => i.Title));
    }
}
