using DxPilot.Domain.Accounts;

namespace DxPilot.Web.Features.Home;

/// <summary>待办：one kind of work waiting for an account. Each process registers its sources; the 工作台 lists them oldest first.</summary>
public interface ITodoSource { Task<IReadOnlyList<TodoItem>> ForAsync(Actor actor, CancellationToken ct); }

/// <summary>One line of the 待办 list: what kind of work, what to do, where it is done, since when it waits, and how many.</summary>
public sealed record TodoItem(string Kind, string Title, string Href, DateTimeOffset Since, int Count = 1);
