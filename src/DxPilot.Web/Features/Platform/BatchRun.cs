using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Platform;

/// <summary>One item of a bureau's batch action: its id and the version the bureau read (null: as it stands).</summary>
public sealed record BatchTarget(Guid Id, int? Version);

/// <summary>What became of one item of a batch: done, or refused and why (in Chinese).</summary>
public sealed record BatchResult(Guid Id, string Name, bool Done, string Message);

/// <summary>
/// The one way a bureau's batch action runs (filings, award applications): the request is refused as a whole only when it is itself
/// wrong (nothing chosen, too many); otherwise each item goes on its own through the single action's use case, in its own save, and
/// the result names every item, done or refused with its reason. Nothing is half done within an item.
/// </summary>
public static class BatchRun
{
    public const int Max = 100;
    public const string OutOfScope = "不在您的权限范围内";

    /// <summary>The selection's error ("请至少选择一项备案"), or null; <paramref name="noun"/> names what is chosen.</summary>
    public static string? SelectionError(int count, string noun) =>
        count == 0 ? $"请至少选择一项{noun}" : count > Max ? $"一次最多处理{Max}项{noun}，已选{count}项" : null;

    /// <summary>Takes each distinct target in turn with a fresh change tracker, so that one item's refusal leaves nothing pending for the next.</summary>
    public static async Task<IReadOnlyList<BatchResult>> EachAsync(DbContext db, IReadOnlyList<BatchTarget> targets, Func<BatchTarget, Task<BatchResult>> one)
    {
        var results = new List<BatchResult>();
        foreach (var target in targets.DistinctBy(t => t.Id))
        {
            db.ChangeTracker.Clear();
            results.Add(await one(target));
        }
        db.ChangeTracker.Clear();
        return results;
    }

    /// <summary>The Chinese reason of a refused single action, as the batch's result states it.</summary>
    public static string Reason<T>(Outcome<T> refused) =>
        refused.Errors.Count > 0 ? string.Join("；", refused.Errors.Values) : refused.Message ?? "未能办理";

    /// <summary>The API's answer: counts and every item.</summary>
    public static IResult Answer(IReadOnlyList<BatchResult> results) =>
        Results.Ok(new { Done = results.Count(r => r.Done), Refused = results.Count(r => !r.Done), Items = results });

    /// <summary>The targets an API request names: its ids, each with the version read where one is given (0 is a version: a record
    /// never changed since it was created).</summary>
    public static List<BatchTarget> Targets(IEnumerable<Guid>? ids, IReadOnlyDictionary<Guid, int>? versions) =>
        (ids ?? []).Select(i => new BatchTarget(i, versions is not null && versions.TryGetValue(i, out var v) ? v : null)).ToList();

    /// <summary>A page's checkbox value "id:version" (the version the page read), parsed; a malformed value is dropped.</summary>
    public static List<BatchTarget> Parse(IEnumerable<string> values) =>
        values.Select(v => v.Split(':')).Where(p => Guid.TryParse(p[0], out _))
            .Select(p => new BatchTarget(Guid.Parse(p[0]), p.Length > 1 && int.TryParse(p[1], out var n) && n >= 0 ? n : null)).ToList();

    public static string Value(Guid id, int version) => $"{id}:{version}";
}
