using DxPilot.Domain.Accounts;

namespace DxPilot.Web.Features.Home;

/// <summary>Everything waiting for an account, from every registered <see cref="ITodoSource"/>, oldest first.</summary>
public sealed class TodoList(IEnumerable<ITodoSource> sources)
{
    public async Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct = default)
    {
        var items = new List<TodoItem>();
        // One after another: the sources share the request's DbContext, which takes one query at a time.
        foreach (var source in sources) items.AddRange(await source.ForAsync(actor, ct));
        return items.OrderBy(i => i.Since).ThenBy(i => i.Kind, StringComparer.Ordinal).ToList();
    }

    /// <summary>A stored time (UTC, whatever Kind the database gave it back with) as a to-do's <see cref="TodoItem.Since"/>.</summary>
    public static DateTimeOffset Since(DateTime storedUtc) => new(DateTime.SpecifyKind(storedUtc, DateTimeKind.Utc));
}
