using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Filings;

/// <summary>提交备案, 初审通过, 退回修改, 备案确认, 不予备案: the programme's chain decides, the filing changes, the record and (on
/// submission) the frozen version are saved with it, from the version the actor read.</summary>
public sealed partial class FilingService
{
    public const int MaxReasonCharacters = 2000;

    public async Task<Outcome<Filing>> TransitionAsync(Actor actor, Guid id, FilingTrigger trigger, string? reason, int? version, CancellationToken ct = default)
    {
        if (ControlCharacters.In(reason, multiline: true))
            return Outcome<Filing>.Invalid(new Dictionary<string, string> { ["reason"] = ControlCharacters.Message("意见") });
        if (ChineseText.CountCharacters(reason?.Trim()) > MaxReasonCharacters)
            return Outcome<Filing>.Invalid(new Dictionary<string, string> { ["reason"] = $"意见不超过{MaxReasonCharacters}字" });
        var filing = await InScope(actor).FirstOrDefaultAsync(f => f.Id == id, ct);
        if (filing is null) return Outcome<Filing>.NotFound();
        return await TakeAsync(actor, filing, trigger, reason, version, ct);
    }

    /// <summary>Takes the transition on a tracked filing in scope; the batch actions call it per item.</summary>
    internal async Task<Outcome<Filing>> TakeAsync(Actor actor, Filing filing, FilingTrigger trigger, string? reason, int? version, CancellationToken ct)
    {
        var programme = programmes.Get(filing.ProgrammeId);
        var rules = programme.Filing!;
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == filing.EnterpriseId, ct);
        var (_, problems) = await ChecksAsync(programme, filing, enterprise, ct);
        var subject = new FilingCase(filing, problems, await TallyAsync(filing, rules, ct));
        // A stale page (an old version resubmitted, a second reviewer) is told before anything is decided.
        if (version is { } read && read != filing.Version)
            return Outcome<Filing>.Conflict(await saving.StaleMessageAsync(Domain.Auditing.AuditKey.Of<Filing>(filing.Id), What, ct));
        var result = filing.Apply(rules.Chain, trigger, actor, reason, subject, (enterprise.LittleGiantCentralFunded, enterprise.Pilot2022), Now());
        if (result.Refusal is { } refused) return Outcome<Filing>.Refused(refused);
        saving.Expect(filing, version ?? filing.Version - 1);
        db.StateTransitions.Add(result.Record!);
        if (trigger == FilingTrigger.Submit)
        {
            db.FilingVersions.Add(FilingVersion.Freeze(filing, FilingBasics.Read(rules.Form, enterprise, programme),
                await providers.ForAsync(filing.Id, ct), actor.Name, Now()));
        }
        // 已备案 is where the project starts: it is opened in the same save, so a filed filing always has its project.
        if (result.To == FilingStatus.Filed) Projects.ProjectService.Open(db, programme, filing, Now());
        return await saving.SaveAsync(filing, What, () => filing, ct);
    }
}
