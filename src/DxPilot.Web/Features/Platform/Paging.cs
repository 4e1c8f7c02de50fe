namespace DxPilot.Web.Features.Platform;

/// <summary>Which page of a list to show: below 1 shows the first, past the end the last (never "第 99 / 3 页", and the
/// database never sees an OFFSET that overflowed from a page number such as 2147483647).</summary>
public static class Paging
{
    public static int Clamp(int requested, int total, int pageSize) =>
        Math.Clamp(requested, 1, (int)Math.Max(1, ((long)total + pageSize - 1) / pageSize));
}
