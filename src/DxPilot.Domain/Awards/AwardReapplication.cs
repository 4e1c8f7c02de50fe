namespace DxPilot.Domain.Awards;

/// <summary>An enterprise's other application to the same call, as the re-application rule reads it: its batch, its state (with
/// the chain's label) and the directions recognised in it.</summary>
public sealed record OtherApplication(string BatchName, AwardStatus Status, string StatusLabel, IReadOnlyList<string> Recognised);

/// <summary>
/// "动态申报、成熟一批、发布一批" (seed 004 三（三）, 附件2 "当次评审未通过认定的，后续转型提升后可继续申报"): only what was not
/// recognised may be applied for again in a later batch. An application still on its way (submitted, with the county, under
/// review or returned for revision) stops a new one until it is decided; a direction recognised cannot be applied for again,
/// nor its exclusive partner (小灯塔 and 车间 "限报1项" count as one); another direction may.
/// </summary>
public static class AwardReapplication
{
    /// <summary>Submitted and not yet decided: the county or the city still holds it, or the applicant is revising it.</summary>
    public static readonly IReadOnlyList<AwardStatus> Undecided = [AwardStatus.Submitted, AwardStatus.Recommended, AwardStatus.UnderReview, AwardStatus.Returned];

    public static bool Pending(AwardStatus status) => Undecided.Contains(status);

    /// <summary>Why the enterprise may not start an application now (null: it may).</summary>
    public static string? StartRefusal(AwardCall call, IReadOnlyList<OtherApplication> others)
    {
        if (PendingRefusal(others) is { } pending) return pending;
        if (call.Directions.Any(d => Taken(call, d, others) is null)) return null;
        var recognised = others.Where(o => o.Recognised.Count > 0)
            .Select(o => $"{o.BatchName}认定为{string.Join("、", o.Recognised.Select(k => call.Direction(k)?.Label ?? k))}");
        return $"本企业已在{string.Join("，", recognised)}，本申报的方向均已认定或与已认定方向限报1项，不能再次申报";
    }

    /// <summary>What stops submitting this application: another one pending, and each picked direction already recognised (or
    /// the partner of one recognised), each named with the batch.</summary>
    public static IReadOnlyList<string> Problems(AwardCall call, IReadOnlyList<string> picked, IReadOnlyList<OtherApplication> others)
    {
        var problems = new List<string>();
        if (PendingRefusal(others) is { } pending) problems.Add(pending);
        foreach (var d in picked.Select(call.Direction).OfType<AwardDirection>())
            if (Taken(call, d, others) is { } why) problems.Add(why);
        return problems;
    }

    /// <summary>Of an earlier application's directions, those that may be applied for again.</summary>
    public static IReadOnlyList<string> StillOpen(AwardCall call, IReadOnlyList<string> picked, IReadOnlyList<OtherApplication> others) =>
        picked.Where(k => call.Direction(k) is { } d && Taken(call, d, others) is null).ToList();

    /// <summary>Whether a file of the earlier application comes over with the directions carried: its scenario pictures, case
    /// images and 证明材料 that the new application still takes; never the signed 承诺书 and 申报声明, which each submission brings
    /// signed anew.</summary>
    public static bool Carries(AwardCall call, AwardFile file, IReadOnlyList<string> carried) => file.Kind switch
    {
        AwardFileKind.Pledge or AwardFileKind.Declaration => false,
        AwardFileKind.ScenarioPicture => file.Direction is { } d && carried.Contains(d),
        AwardFileKind.Evidence => file.Subject is { } s && AwardFileRules.EvidenceSubjects(call, carried).Contains(s),
        _ => true,
    };

    private static string? PendingRefusal(IReadOnlyList<OtherApplication> others) =>
        others.FirstOrDefault(o => Pending(o.Status)) is { } p
            ? $"本企业在{p.BatchName}的申报（{p.StatusLabel}）尚未作出认定结论，结论公布前不能再次申报"
            : null;

    /// <summary>Why this direction cannot be applied for again (null: it can).</summary>
    private static string? Taken(AwardCall call, AwardDirection direction, IReadOnlyList<OtherApplication> others)
    {
        foreach (var o in others)
        foreach (var key in o.Recognised)
        {
            if (key == direction.Key) return $"{direction.Label}已在{o.BatchName}认定（{o.StatusLabel}），不能再次申报";
            if (direction.ExclusiveGroup is { } group && call.Direction(key) is { } earlier && earlier.ExclusiveGroup == group)
                return $"{direction.Label}与{o.BatchName}已认定的{earlier.Label}限报1项，不能再次申报";
        }
        return null;
    }
}
