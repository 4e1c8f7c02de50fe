using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Web.Features.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Home;

/// <summary>
/// 档案待补充: files in scope still missing what the filing forms require and imports leave 待补充 — the 统一社会信用代码
/// (and, on the enterprise's own file, the 国民经济行业代码). Only for those who may complete them (<see cref="EnterprisePolicy.Edit"/>):
/// the bureaus and the enterprise itself. The USCC is a bureau-confirmed field: the enterprise proposes it (unless a proposal
/// already waits) and edits the industry code itself.
/// </summary>
public sealed class MissingDataTodo(EnterpriseService enterprises, BureauFieldChangeService changes) : ITodoSource
{
    public const string Kind = "企业档案";

    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Role == Role.Enterprise)
        {
            var own = await enterprises.InScope(actor).FirstOrDefaultAsync(ct);
            if (own is null || EnterprisePolicy.Edit(actor, own) is not null) return [];
            var items = new List<TodoItem>();
            if (own.Uscc is null && await changes.PendingAsync(actor, own.Id, ct) is null)
                items.Add(new TodoItem(Kind, "申请补充本企业的统一社会信用代码（由主管部门确认）", $"/enterprises/{own.Id}#bureau-field-change", TodoList.Since(own.CreatedAt)));
            if (own.IndustryCode is null)
                items.Add(new TodoItem(Kind, "补充本企业档案的国民经济行业代码", $"/enterprises/{own.Id}/edit", TodoList.Since(own.CreatedAt)));
            return items;
        }

        if (!actor.IsBureau) return [];
        var pending = enterprises.InScope(actor).Where(e => e.Uscc == null);
        var count = await pending.CountAsync(ct);
        if (count == 0) return [];
        var oldest = await pending.MinAsync(e => e.CreatedAt, ct);
        return [new TodoItem(Kind, "补充企业档案中待补充的统一社会信用代码", "/enterprises?missingUscc=true", TodoList.Since(oldest), count)];
    }
}
