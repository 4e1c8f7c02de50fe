using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Assessments;

/// <summary>Development data: on one enterprise served by both demo organisations, the provider's 改造前 diagnosis and the
/// agency's 改造后 evaluation (2024 instrument), so the result pages and the before/after comparison have something to show.
/// Entered through the service, so they are validated, scored and audited like any other.</summary>
public sealed class AssessmentDemoData(DxPilotDbContext db, AssessmentService assessments, Platform.CurrentActor current)
{
    public const string Instrument = "miit-2024";

    public async Task EnsureAsync(Actor provider, Actor agency, Guid enterpriseId, CancellationToken ct = default)
    {
        var instrument = assessments.Instrument(Instrument) ?? throw new InvalidOperationException($"缺少评测工具 {Instrument}");
        var today = assessments.Today();
        // Each stage on its own, so that a run interrupted between the two completes the pair.
        if (!await db.Assessments.AnyAsync(a => a.EnterpriseId == enterpriseId && a.Stage == AssessmentStage.Before, ct))
        {
            current.Assume(provider);
            await Require(assessments.CreateAsync(provider, enterpriseId, Sheet(instrument, AssessmentStage.Before, 0.4, 1, today.AddMonths(-6)), ct));
        }
        if (!await db.Assessments.AnyAsync(a => a.EnterpriseId == enterpriseId && a.Stage == AssessmentStage.After, ct))
        {
            current.Assume(agency);
            await Require(assessments.CreateAsync(agency, enterpriseId, Sheet(instrument, AssessmentStage.After, 0.75, 2, today.AddDays(-7)), ct));
        }
    }

    /// <summary>A plausible sheet: each single choice at the given share of its options, multi choices ticked up to that share,
    /// constrained scenarios one level above the others.</summary>
    public static AssessmentInput Sheet(Instrument instrument, AssessmentStage stage, double share, int scenarioLevel, DateOnly on) => new()
    {
        Instrument = instrument.Id,
        Stage = stage,
        AssessedOn = on.ToString("yyyy-MM-dd"),
        Answers = instrument.Questions.ToDictionary(q => q.Name, q => q.Kind == QuestionKind.Single
            ? [q.Options[(int)Math.Round(share * (q.Options.Count - 1))].Key]
            : q.Options.Where(o => !o.Exclusive).Take(Math.Max(1, (int)Math.Round(share * (q.Options.Count - 1)))).Select(o => o.Key).ToList()),
        Scenarios = instrument.Scenarios.ToDictionary(s => s.Name, s => Math.Min(LevelRule.MaxLevel, scenarioLevel + (s.Constrained ? 1 : 0))),
        Evidence = new() { [instrument.Questions[0].Name] = "现场查看车间网络拓扑图及交换机配置（演示）" },
    };

    private static async Task Require(Task<Platform.Outcome<Assessment>> outcome)
    {
        var result = await outcome;
        if (!result.IsOk) throw new InvalidOperationException("演示评测未能保存：" + result.Message + string.Join("；", result.Errors.Values));
    }
}
