namespace DxPilot.Domain.Awards;

/// <summary>申报方向（限选N项）, of which the directions of one exclusive group count as one (小灯塔 and 车间: 限报1项).</summary>
public static class AwardDirections
{
    /// <summary>Why this choice of directions is refused, each reason on its own; empty when it stands.</summary>
    public static IReadOnlyList<string> Problems(AwardCall call, IReadOnlyCollection<string> picked)
    {
        var problems = new List<string>();
        var distinct = picked.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0) { problems.Add("请选择申报方向"); return problems; }
        foreach (var unknown in distinct.Where(k => call.Direction(k) is null)) problems.Add($"本次申报没有方向“{unknown}”");
        var known = distinct.Select(call.Direction).OfType<AwardDirection>().ToList();
        if (known.Count > call.MaxDirections) problems.Add($"申报方向限选{call.MaxDirections}项（已选{known.Count}项）");
        foreach (var group in known.Where(d => d.ExclusiveGroup is not null).GroupBy(d => d.ExclusiveGroup).Where(g => g.Count() > 1))
            problems.Add($"{string.Join("和", group.Select(d => d.Label))}限报1项，请只选其中之一");
        return problems;
    }
}
