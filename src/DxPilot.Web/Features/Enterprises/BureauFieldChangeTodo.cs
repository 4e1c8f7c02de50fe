using DxPilot.Domain.Accounts;
using DxPilot.Web.Features.Home;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>企业信息变更待确认: proposals of files in the bureau's scope that wait for its decision, as one to-do since the oldest.</summary>
public sealed class BureauFieldChangeTodo(BureauFieldChangeService changes) : ITodoSource
{
    public const string Kind = "企业信息变更";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        var (count, oldest) = await changes.PendingSummaryAsync(actor, ct);
        return count == 0 || oldest is not { } since
            ? []
            : [new TodoItem(Kind, $"{count}项企业信息变更待确认（企业名称、信用代码、企业类别等须经主管部门确认）", "/enterprises/changes", TodoList.Since(since), count)];
    }
}
