using DxPilot.Domain.Projects;
using DxPilot.Web.Features.Projects;

namespace DxPilot.Web.Features.Dashboard;

/// <summary>
/// The list behind each figure, in the dashboard's district: the enterprise and diagnosis lists for the registered and diagnosed
/// counts, otherwise the project list with the <see cref="ProjectFilter"/> that selects exactly the projects the figure counts (its
/// total line shows the count and the money sums). <see cref="Of"/> names every figure with its link, for the tests that follow them.
/// </summary>
public static class DashboardLinks
{
    public static string Enterprises(string? district) => "/enterprises" + Query(("district", district));

    public static string Diagnosed(string? district) => "/diagnoses" + Query(("state", "accepted"), ("district", district));

    public static string Projects(string? district, ProjectStatus? state = null) => Projects(new ProjectFilter(District: district, State: state));

    public static string Reached(string? district, ProjectStep step) => Projects(new ProjectFilter(District: district, Step: step));

    public static string Paid(string? district) => Projects(new ProjectFilter(District: district, Paid: true));

    /// <summary>A level bar or a matrix cell: evaluated projects by their levels before and after.</summary>
    public static string Levels(string? district, LevelMatch? before, LevelMatch? after) =>
        Projects(new ProjectFilter(District: district, Step: ProjectStep.Evaluated, LevelBefore: before, LevelAfter: after));

    public static LevelMatch Before(int? level) => level is { } l ? LevelMatch.Exactly(l) : LevelMatch.None;

    public static string Overdue(string? district, OverdueKind kind) => Projects(new ProjectFilter(District: district, Overdue: kind));

    /// <summary>The enterprises a provider is assigned to (服务企业), in the district.</summary>
    public static string ProviderEnterprises(Guid provider, string? district) => "/enterprises" + Query(("district", district), ("provider", provider.ToString()));

    /// <summary>A provider's projects that passed a step (验收通过: accepted; 有结论: decided), in the district.</summary>
    public static string ProviderProjects(Guid provider, string? district, ProjectStep step) =>
        Projects(new ProjectFilter(District: district, Step: step, Provider: provider));

    /// <summary>A provider's evaluated projects with a 改造前 level: those its average uplift is taken over.</summary>
    public static string ProviderUplift(Guid provider, string? district) =>
        Projects(new ProjectFilter(District: district, Step: ProjectStep.Evaluated, LevelBefore: LevelMatch.Any, Provider: provider));

    /// <summary>A funnel step's list: every filed project, then those that passed each step, then the paid ones.</summary>
    public static string Funnel(string key, string? district) => key switch
    {
        "registered" => Enterprises(district),
        "diagnosed" => Diagnosed(district),
        "evaluated" => Reached(district, ProjectStep.Evaluated),
        "accepted" => Reached(district, ProjectStep.Accepted),
        "audited" => Reached(district, ProjectStep.Audited),
        "paid" => Projects(district, ProjectStatus.Paid),
        _ => Projects(district),
    };

    /// <summary>A target figure's list.</summary>
    public static string Target(string key, string? district) => key switch
    {
        "diagnosed" => Diagnosed(district),
        "accepted" => Reached(district, ProjectStep.Accepted),
        "filed" => Projects(new ProjectFilter(District: district, AboveScale: true)),
        _ => Projects(district),
    };

    /// <summary>奖补: the applications of a call recognised in a direction, in the district (the award list's call, state, direction
    /// and district parameters).</summary>
    public static string Awards(string callId, string direction, string? district) =>
        "/awards" + Query(("call", callId), ("state", "recognised"), ("direction", direction), ("district", district));

    /// <summary>What a figure counts: projects, enterprises (or diagnoses), or a money sum of the list's total line; award
    /// applications recognised, or their amount.</summary>
    public enum Measure { Count, InvestmentWan, SubsidyWan, CentralWan, LocalWan, PaidWan, AwardWan }

    /// <summary>One figure of the dashboard, its value and the list behind it.</summary>
    public sealed record FigureLink(string Figure, decimal Value, Measure Measure, string Href);

    /// <summary>Every figure the page links, as the page links it.</summary>
    public static IEnumerable<FigureLink> Of(DashboardFigures f)
    {
        var d = f.District;
        foreach (var t in f.Targets)
            foreach (var x in t.Figures) yield return new($"目标进度·{x.Label}", x.Count, Measure.Count, Target(x.Key, d));
        foreach (var s in f.Funnel) yield return new($"漏斗·{s.Label}", s.Count, Measure.Count, Funnel(s.Key, d));
        foreach (var s in f.Stages) yield return new($"当前状态·{s.Status}", s.Count, Measure.Count, Projects(d, s.Status));
        foreach (var (level, count) in f.Before) yield return new($"改造前·{level}", count, Measure.Count, Levels(d, Before(level), LevelMatch.Any));
        foreach (var (level, count) in f.After) yield return new($"改造后·{level}", count, Measure.Count, Levels(d, null, LevelMatch.Exactly(level)));
        foreach (var c in f.Levels) yield return new($"迁移·{c.Before}→{c.After}", c.Count, Measure.Count, Levels(d, Before(c.Before), LevelMatch.Exactly(c.After)));
        foreach (var m in f.Money.Append(f.MoneyTotal))
        {
            var place = m == f.MoneyTotal ? d : m.District;
            yield return new($"资金·{m.District}·备案项目", m.Projects, Measure.Count, Projects(place));
            yield return new($"资金·{m.District}·备案投资", m.CommittedWan, Measure.InvestmentWan, Projects(place));
            yield return new($"资金·{m.District}·核定补助", m.ApprovedWan, Measure.SubsidyWan, Reached(place, ProjectStep.Approved));
            yield return new($"资金·{m.District}·中央资金", m.CentralWan, Measure.CentralWan, Reached(place, ProjectStep.Approved));
            yield return new($"资金·{m.District}·地方资金", m.LocalWan, Measure.LocalWan, Reached(place, ProjectStep.Approved));
            yield return new($"资金·{m.District}·已拨付", m.PaidWan, Measure.PaidWan, Paid(place));
        }
        foreach (var p in f.Providers)
        {
            yield return new($"服务商·{p.Name}·服务企业", p.EnterprisesServed, Measure.Count, ProviderEnterprises(p.Id, d));
            yield return new($"服务商·{p.Name}·验收通过", p.Passed, Measure.Count, ProviderProjects(p.Id, d, ProjectStep.Accepted));
            yield return new($"服务商·{p.Name}·验收有结论", p.Verdicts, Measure.Count, ProviderProjects(p.Id, d, ProjectStep.Decided));
            yield return new($"服务商·{p.Name}·提升等级的项目", p.Evaluated, Measure.Count, ProviderUplift(p.Id, d));
        }
        if (f.Awards is { } awards)
        {
            var total = awards.Total;
            foreach (var m in awards.Districts.Append(total))
            {
                var place = ReferenceEquals(m, total) ? d : m.District;
                for (var i = 0; i < awards.Columns.Count; i++)
                {
                    var c = awards.Columns[i];
                    yield return new($"奖补·{m.District}·{c.Label}·认定", m.Counts[i], Measure.Count, Awards(c.CallId, c.Direction, place));
                    yield return new($"奖补·{m.District}·{c.Label}·奖补资金", m.AmountOf(c, i), Measure.AwardWan, Awards(c.CallId, c.Direction, place));
                }
            }
        }
        yield return new("逾期·超过实施期限", f.Overdue.PastPeriod, Measure.Count, Overdue(d, OverdueKind.Period));
        yield return new("逾期·超过整改期限", f.Overdue.PastRectification, Measure.Count, Overdue(d, OverdueKind.Rectification));
    }

    private static string Projects(ProjectFilter filter) => "/projects" + filter.ToQueryString();

    private static string Query(params (string Key, string? Value)[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join("&", present);
    }
}
