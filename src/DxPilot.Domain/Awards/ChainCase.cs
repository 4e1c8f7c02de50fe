namespace DxPilot.Domain.Awards;

/// <summary>How a named SME answered the lead enterprise's request (the platform's stand-in for its stamp).</summary>
public enum DrivenAnswer { Pending = 0, Confirmed = 1, Declined = 2 }

/// <summary>One SME a 链式 case names: its USCC and name, and its answer.</summary>
public sealed record DrivenSme(string Uscc, string Name, DrivenAnswer Answer);

/// <summary>
/// 链式 (seed 004 附件2 二（四）): a case names at least N SMEs it drove, none of them the applicant, none twice, each confirming
/// in its own account; the case's mode is one of the call's.
/// </summary>
public static class ChainCase
{
    /// <summary>What stops submission, each named.</summary>
    public static IReadOnlyList<string> Problems(ChainCaseRules rules, string applicantUscc, string? mode, IReadOnlyList<DrivenSme> named)
    {
        var problems = new List<string>();
        if (mode is null || !rules.Modes.Contains(mode)) problems.Add($"请选择案例模式：{string.Join("、", rules.Modes)}");
        var self = named.Where(s => Same(s.Uscc, applicantUscc)).ToList();
        if (self.Count > 0) problems.Add("带动的中小企业不能包括申报企业自身");
        foreach (var twice in named.GroupBy(s => s.Uscc.Trim().ToUpperInvariant()).Where(g => g.Count() > 1))
            problems.Add($"{twice.First().Name}（{twice.Key}）重复列出了{twice.Count()}次");
        foreach (var declined in named.Where(s => s.Answer == DrivenAnswer.Declined)) problems.Add($"{declined.Name}未确认被带动（已拒绝）");
        foreach (var pending in named.Where(s => s.Answer == DrivenAnswer.Pending && !Same(s.Uscc, applicantUscc))) problems.Add($"{pending.Name}尚未确认");
        var counted = Counted(applicantUscc, named);
        if (counted < rules.MinDrivenSmes) problems.Add($"带动的中小企业不少于{rules.MinDrivenSmes}家（已确认{counted}家）");
        return problems;
    }

    /// <summary>The distinct SMEs other than the applicant that confirmed.</summary>
    public static int Counted(string applicantUscc, IReadOnlyList<DrivenSme> named) =>
        named.Where(s => s.Answer == DrivenAnswer.Confirmed && !Same(s.Uscc, applicantUscc)).Select(s => s.Uscc.Trim().ToUpperInvariant()).Distinct().Count();

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
