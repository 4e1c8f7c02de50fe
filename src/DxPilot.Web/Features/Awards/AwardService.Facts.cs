using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>What the criteria and the submission read from the platform's own rows: the accepted transformation with the agency's
/// levels (<see cref="AcceptedTransformations"/>: a project accepted on the platform or an imported result), the agency's 改造后
/// assessment where the platform has it, the enterprise's file.</summary>
public sealed partial class AwardService
{
    private async Task<FoundFacts> FactsAsync(AwardCall call, AwardApplication application, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == application.EnterpriseId, ct);
        var problems = new List<string>();
        var transformation = await accepted.LatestAsync(application.ProgrammeId, application.EnterpriseId, ct);
        if (call.Kind == AwardKind.Benchmark && transformation is null)
            problems.Add("该企业没有通过验收的改造项目：只有已完成数字化转型项目建设并通过验收的试点企业可以申报");
        Instrument? instrument = null;
        var raw = new Dictionary<string, decimal>();
        var choices = new Dictionary<string, IReadOnlyList<string>>();
        if (transformation?.AfterAssessmentId is { } afterId
            && await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == afterId, ct) is { } after)
        {
            instrument = instruments.Find(after.InstrumentId);
            raw = after.Answers.RawInputs;
            choices = after.Answers.Choices.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value);
        }
        if (call.ChainCase is { } rules)
        {
            // The named SMEs answer in their own accounts (AwardService.Invitations.cs).
            var named = await db.AwardInvitations.AsNoTracking().Where(x => x.ApplicationId == application.Id).OrderBy(x => x.CreatedAt).ToListAsync(ct);
            problems.AddRange(ChainCase.Problems(rules, enterprise.Uscc ?? "", application.Content.Mode, named.Select(x => x.AsDriven).ToList()));
        }
        // The signed scans and the pictures (AwardService.Files.cs).
        problems.AddRange(await FileProblemsAsync(call, application, ct));
        return new FoundFacts(enterprise.Name, enterprise.QualityTier, transformation, instrument, raw, choices, problems);
    }

    private sealed record FoundFacts(string EnterpriseName, QualityTier QualityTier, AcceptedTransformation? Accepted, Instrument? Instrument,
        IReadOnlyDictionary<string, decimal> RawInputs, IReadOnlyDictionary<string, IReadOnlyList<string>> Choices, IReadOnlyList<string> Problems)
    {
        public AwardFacts For(AwardDirection direction, AwardApplication application) => new()
        {
            Instrument = Instrument, RawInputs = RawInputs, Choices = Choices, LevelBefore = Accepted?.LevelBefore, LevelAfter = Accepted?.LevelAfter, Agency = Accepted?.AgencyName,
            QualityTier = QualityTier, IntellectualProperty = application.Content.IntellectualProperty, Entered = application.Content.Entered,
            EnteredBefore = application.Content.EnteredBefore, Mode = application.Content.Mode, Text = application.Content.TextOf(direction.Key),
        };
    }
}
