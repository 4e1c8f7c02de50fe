using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>What the 申报书 (.docx) prints: the application as it stands, or a submitted revision as it was frozen, with the
/// enterprise's file, the agency's level, the criteria checked on that text and (链式) the SMEs named.</summary>
/// <param name="Industries">The programme's pilot industries, as the application table's boxes list them; <paramref name="Industry"/> the enterprise's.</param>
/// <param name="Specialty">具体细分领域名称: as the enterprise wrote it, or else the name of its industry code in the programme's list.</param>
public sealed record AwardPrint(AwardCall Call, Enterprise Enterprise, string District, IReadOnlyList<string> Industries, string? Industry, string? Specialty,
    IReadOnlyList<AwardDirection> Directions, AwardContent Content, int? Revision, DateOnly? SubmittedOn, int? LevelAfter,
    IReadOnlyList<DirectionChecks> Criteria, IReadOnlyList<AwardInvitation> Smes)
{
    /// <summary>The scans and pictures of the printed version (a revision's as frozen); null for a submission from before
    /// files were frozen.</summary>
    public IReadOnlyList<FrozenAwardFile>? Files { get; init; }
}

public sealed partial class AwardService
{
    /// <summary>
    /// The 申报书 in the scope of <see cref="GetAsync"/>: without <paramref name="revision"/> the current text (a draft's, or the
    /// one last submitted), with it that submission's frozen text; not found when out of scope or no such revision.
    /// </summary>
    public async Task<Outcome<AwardPrint>> PrintAsync(Actor actor, Guid id, int? revision, CancellationToken ct = default)
    {
        var application = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null || calls.Find(application.CallId) is not { } call) return Outcome<AwardPrint>.NotFound();
        var (directions, content, submittedAt) = (application.Directions, application.Content, application.SubmittedAt);
        IReadOnlyList<FrozenAwardFile>? files;
        if (revision is { } n)
        {
            if (await db.AwardRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ApplicationId == id && r.Revision == n, ct) is not { } frozen)
                return Outcome<AwardPrint>.NotFound();
            (directions, content, submittedAt, files) = (frozen.Directions, frozen.Content, frozen.SubmittedAt, frozen.Files);
        }
        else files = AwardRevision.Freeze(application, await AwardFiles.AsNoTracking().Where(f => f.ApplicationId == id).ToListAsync(ct), "", clock.GetUtcNow().UtcDateTime).Files;
        var programme = programmes.Get(application.ProgrammeId);
        var zone = programme.Zone;
        var today = Today(application.ProgrammeId);
        var facts = await FactsAsync(call, application, ct);
        var picked = directions.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(call.Direction).OfType<AwardDirection>().ToList();
        // The criteria read the printed text, not the draft's current one.
        var criteria = picked.Select(d => new DirectionChecks(d, AwardCriteria.Check(d, facts.For(d, application) with
        {
            Text = content.TextOf(d.Key), Entered = content.Entered, EnteredBefore = content.EnteredBefore, Mode = content.Mode,
            IntellectualProperty = content.IntellectualProperty,
        }, call.TypicalScenarios, today))).ToList();
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == application.EnterpriseId, ct);
        var smes = call.ChainCase is null ? [] : await InvitationsOfAsync(application.Id, ct);
        var specialty = content.Specialty ?? programme.Industries.SelectMany(i => i.Codes).FirstOrDefault(c => c.Code == enterprise.IndustryCode)?.Name;
        return Outcome<AwardPrint>.Ok(new AwardPrint(call, enterprise, application.District, programme.Industries.Select(i => i.Name).ToList(),
            programme.Industries.FirstOrDefault(i => i.Key == enterprise.IndustryKey)?.Name, specialty,
            picked, content, revision,
            submittedAt is { } at ? DateOnly.FromDateTime(LocalTime.FromUtc(at, zone)) : null, facts.Accepted?.LevelAfter, criteria, smes) { Files = files });
    }
}
