using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Platform;

/// <summary>Which page of a list to show: below 1 shows the first, past the end the last (never "第 99 / 3 页", and the
/// database never sees an OFFSET that overflowed from a page number such as 2147483647).</summary>
public static class Paging
{
    public static int Clamp(int requested, int total, int pageSize) =>
        Math.Clamp(requested, 1, (int)Math.Max(1, ((long)total + pageSize - 1) / pageSize));

    /// <summary>One page of <paramref name="ordered"/>, its total counted up to <paramref name="countCap"/> only (past it the
    /// page says "多项" and asks for a narrower filter: counting every match of a wide search is what slows a list).</summary>
    public static async Task<Page<T>> PageAsync<T>(this IQueryable<T> ordered, int pageNumber, int pageSize, int countCap, CancellationToken ct)
    {
        var counted = await ordered.Take(countCap + 1).CountAsync(ct);
        var total = Math.Min(counted, countCap);
        pageNumber = Clamp(pageNumber, total, pageSize);
        var rows = await ordered.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<T>(rows, total, pageNumber, pageSize, counted > countCap);
    }
}
