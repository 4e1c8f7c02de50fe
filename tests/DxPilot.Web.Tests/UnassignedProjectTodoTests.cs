using DxPilot.Domain.Organisations;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Home;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>A project reported complete whose enterprise had no evaluation agency assigned waited with nobody told: the page said
/// "下一步由第三方评测机构办理", no agency's list had it, and the bureaus' 工作台 was silent. The bureaus, which assign, now see it.</summary>
public abstract class UnassignedProjectTodoTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    [Theory]
    [InlineData(OrganisationKind.EvaluationAgency, ProjectStatus.Completed, "改造项目等待第三方评测机构办理，但企业尚未分配第三方评测机构")]
    [InlineData(OrganisationKind.AuditFirm, ProjectStatus.Accepted, "改造项目等待第三方审计机构办理，但企业尚未分配第三方审计机构")]
    public async Task A_project_waiting_for_an_unassigned_kind_is_on_the_bureaus_todo_list_until_one_is_assigned(OrganisationKind kind, ProjectStatus step, string title)
    {
        var c = await ChangchunProject.CreateAsync(app);
        var id = await c.FiledAsync(app);
        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            // The project at that step (how it got there is other tests' business), its enterprise without that kind of organisation.
            await db.Projects.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, step));
            await db.Assignments.Where(x => x.EnterpriseId == c.Enterprise.Id && x.Kind == kind).ExecuteDeleteAsync();
        }

        foreach (var bureau in new[] { c.Users["city"], c.Users["chaoyang"] })
        {
            var item = Assert.Single(await TodosAsync(bureau), t => t.Title.StartsWith(title, StringComparison.Ordinal));
            Assert.Equal($"/assignments?search={Uri.EscapeDataString(c.Enterprise.Name)}", item.Href);
        }
        Assert.DoesNotContain(await TodosAsync(c.Users["enterprise"]), t => t.Title.StartsWith(title, StringComparison.Ordinal));

        await using (var scope = app.DataScope(ChangchunProject.Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var organisation = kind == OrganisationKind.AuditFirm ? c.AuditFirm : c.Agency;
            db.Assignments.Add(AssignmentPolicy.Assign(Domain.Accounts.Actor.System(ChangchunProject.Programme, "测试数据"), c.Enterprise,
                await db.Organisations.SingleAsync(o => o.Id == organisation.Id), [], null, DateTime.UtcNow).Assignment!);
            await db.SaveChangesAsync();
        }
        Assert.DoesNotContain(await TodosAsync(c.Users["city"]), t => t.Title.StartsWith(title, StringComparison.Ordinal));
    }

    private async Task<IReadOnlyList<TodoItem>> TodosAsync(string userName)
    {
        var actor = await app.ActorAsync(userName);
        await using var scope = app.ScopeAs(actor);
        return await scope.ServiceProvider.GetRequiredService<TodoList>().ForAsync(actor);
    }
}

public sealed class UnassignedProjectTodoTestsOnSqlite(SqliteApp app) : UnassignedProjectTodoTests<SqliteApp>(app);

public sealed class UnassignedProjectTodoTestsOnPostgres(PostgresApp app) : UnassignedProjectTodoTests<PostgresApp>(app);
