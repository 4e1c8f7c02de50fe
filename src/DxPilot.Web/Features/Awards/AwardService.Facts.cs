using DxPilot.Domain.Assessments;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>What the criteria and the submission read from the platform's own rows: the accepted transformation with the agency's
/// levels (<see cref="AcceptedTransformations"/>: a project accepted on the platform or an imported result), the agency's assessment
/// for the rates (the project's 改造后 one, else the enterprise's latest by an agency), the enterprise's file, the other applications,
/// and whether its batch still takes it (<see cref="AwardBatch.SubmissionRefusal"/>).</summary>
public sealed partial class AwardService
{
    private async Task<FoundFacts> FactsAsync(AwardCall call, AwardApplication application, CancellationToken ct)
    {
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == application.EnterpriseId, ct);
        var problems = new List<string>();
        var batch = await db.AwardBatches.AsNoTracking().FirstAsync(b => b.Id == application.BatchId, ct);
        if (batch.SubmissionRefusal(application) is { } closed) problems.Add(closed);
        var transformation = await accepted.LatestAsync(application.ProgrammeId, application.EnterpriseId, ct);
        if (call.Kind == AwardKind.Benchmark && transformation is null)
            problems.Add("该企业没有通过验收的改造项目：只有已完成数字化转型项目建设并通过验收的试点企业可以申报");
        Instrument? instrument = null;
        var raw = new Dictionary<string, decimal>();
        var choices = new Dictionary<string, IReadOnlyList<string>>();
        string? source = null;
        if (await RatesAssessmentAsync(application, transformation, ct) is { } assessment)
        {
            instrument = instruments.Find(assessment.InstrumentId);
            raw = assessment.Answers.RawInputs;
            choices = assessment.Answers.Choices.ToDictionary(c => c.Key, c => (IReadOnlyList<string>)c.Value);
            var agency = assessment.OrganisationId is { } org
                ? await db.Organisations.AsNoTracking().Where(o => o.Id == org).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
            source = $"评测机构（{agency ?? assessment.AssessorName}）{ChineseText.Date(assessment.AssessedOn)}{assessment.Stage.Label()}评测";
        }
        if (call.ChainCase is { } rules)
        {
            // The named SMEs answer in their own accounts (AwardService.Invitations.cs).
            var named = await db.AwardInvitations.AsNoTracking().Where(x => x.ApplicationId == application.Id).OrderBy(x => x.CreatedAt).ToListAsync(ct);
            problems.AddRange(ChainCase.Problems(rules, enterprise.Uscc ?? "", application.Content.Mode, named.Select(x => x.AsDriven).ToList()));
        }
        // 动态申报: another application still pending, or a direction recognised before, stops this one.
        problems.AddRange(AwardReapplication.Problems(call, application.PickedDirections, await OthersAsync(call, application.EnterpriseId, application.Id, ct)));
        // The signed scans and the pictures (AwardService.Files.cs).
        problems.AddRange(await FileProblemsAsync(call, application, ct));
        return new FoundFacts(enterprise.Name, enterprise.QualityTier, transformation, instrument, raw, choices, source, problems);
    }

    /// <summary>The assessment the 小灯塔 rates are read from: the accepted project's 改造后 assessment; when it carries none (an
    /// imported acceptance result, seed 004's Shijiazhuang), the enterprise's latest assessment by an evaluation agency.</summary>
    private async Task<Assessment?> RatesAssessmentAsync(AwardApplication application, AcceptedTransformation? transformation, CancellationToken ct)
    {
        if (transformation?.AfterAssessmentId is { } afterId && await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == afterId, ct) is { } after)
            return after;
        return await db.Assessments.AsNoTracking()
            .Where(a => a.ProgrammeId == application.ProgrammeId && a.EnterpriseId == application.EnterpriseId && a.AssessorKind == AssessorKind.EvaluationAgency)
            .OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.CreatedAt).FirstOrDefaultAsync(ct);
    }

    private sealed record FoundFacts(string EnterpriseName, QualityTier QualityTier, AcceptedTransformation? Accepted, Instrument? Instrument,
        IReadOnlyDictionary<string, decimal> RawInputs, IReadOnlyDictionary<string, IReadOnlyList<string>> Choices, string? AssessmentSource, IReadOnlyList<string> Problems)
    {
        public AwardFacts For(AwardDirection direction, AwardApplication application) => new()
        {
            Instrument = Instrument, RawInputs = RawInputs, Choices = Choices, AssessmentSource = AssessmentSource, LevelBefore = Accepted?.LevelBefore, LevelAfter = Accepted?.LevelAfter, Agency = Accepted?.AgencyName,
            QualityTier = QualityTier, IntellectualProperty = application.Content.IntellectualProperty, Entered = application.Content.Entered,
            EnteredBefore = application.Content.EnteredBefore, Mode = application.Content.Mode, Text = application.Content.TextOf(direction.Key),
        };
    }
}
