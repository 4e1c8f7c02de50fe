using AngleSharp.Html.Dom;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// A city whose programme has no files yet is told to import its list first. Every programme's demo data has files now
/// (Shijiazhuang's for the awards), so this runs on a platform without the demo data.
/// </summary>
public abstract class EmptyProgrammeWorkbenchTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Fact]
    public async Task A_city_without_files_is_told_to_import_its_list_first()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        await using (var scope = app.DataScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync("sjz-city-test") is null)
                Assert.True((await users.CreateAsync(new AppUser { UserName = "sjz-city-test", DisplayName = "石家庄市工信局（测试）",
                    Role = Domain.Accounts.Role.CityBureau, ProgrammeId = "shijiazhuang-2025", EmailConfirmed = true }, DxPilotApp.Password)).Succeeded);
        }
        var client = await app.SignedIn("sjz-city-test");
        IHtmlDocument page = await client.GetDocument("/");
        Assert.Equal("0", page.QuerySelectorAll("#progress .card").Single(c => c.QuerySelector("span")!.TextContent == "企业档案").QuerySelector("strong")!.TextContent);
        Assert.Contains("平台中还没有企业档案。请先通过“导入名单”批量导入试点企业名单", page.Body!.TextContent);
    }
}

public sealed class NoDemoSqliteApp : SqliteApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["DxPilot:DemoData"] = "false" };
}

public sealed class NoDemoPostgresApp : PostgresApp
{
    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["DxPilot:DemoData"] = "false" };
}

public sealed class EmptyProgrammeWorkbenchTestsOnSqlite(NoDemoSqliteApp app) : EmptyProgrammeWorkbenchTests<NoDemoSqliteApp>(app);

public sealed class EmptyProgrammeWorkbenchTestsOnPostgres(NoDemoPostgresApp app) : EmptyProgrammeWorkbenchTests<NoDemoPostgresApp>(app);
