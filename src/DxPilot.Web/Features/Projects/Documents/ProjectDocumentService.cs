using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Projects.Documents;

/// <summary>What the 数字化水平评测报告 prints: the project, its enterprise, the agency's 改造后 assessment and the 改造前 one it
/// compares with (null: none linked; its instrument null when it is not the 改造后 one's), the report's date and whether it is issued.</summary>
public sealed record EvaluationReportSources(
    Project Project, Enterprise Enterprise, Assessment After, Instrument Instrument, Assessment? Before, bool SameInstrument, DateOnly ReportedOn, bool Issued);

/// <summary>What the 验收意见 (附件5) prints: the project, its enterprise, the agency's verdict and its date (null until taken), the
/// district's confirmation date (null until confirmed), and the annex label the programme's notice gives it (null: none).</summary>
public sealed record AcceptanceOpinionSources(
    Project Project, Enterprise Enterprise, AcceptanceVerdict? Verdict, string? VerdictReason, DateOnly? DecidedOn, DateOnly? ConfirmedOn,
    string? Annex);

/// <summary>
/// Loads a project's two official documents for an actor: in the project's scope (<see cref="ProjectService.InScope"/>, otherwise
/// not found) and once the document exists (<see cref="ProjectReports"/>, otherwise a conflict saying what is missing).
/// </summary>
public sealed class ProjectDocumentService(DxPilotDbContext db, ProjectService projects, ProgrammeCatalog programmes, InstrumentCatalog instruments,
    TimeProvider clock)
{
    public async Task<Outcome<EvaluationReportSources>> EvaluationReportAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (await projects.InScope(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project)
            return Outcome<EvaluationReportSources>.NotFound();
        if (ProjectReports.EvaluationReport(project) is { } why) return Outcome<EvaluationReportSources>.Conflict(why);
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == project.EnterpriseId, ct);
        // The level is the agency's own 改造后 assessment, the one the evaluation names (checked when it was recorded).
        var after = await db.Assessments.AsNoTracking().FirstAsync(a => a.Id == project.AfterAssessmentId, ct);
        var before = project.BeforeAssessmentId is { } b ? await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == b, ct) : null;
        if (instruments.Find(after.InstrumentId) is not { } instrument)
            return Outcome<EvaluationReportSources>.Conflict("改造后评测所用的评测工具已不在本平台，无法生成评测报告，请联系管理员");
        var zone = programmes.Get(project.ProgrammeId).Zone;
        var reportedOn = project.EvaluatedAt is { } at ? DateOnly.FromDateTime(LocalTime.FromUtc(at, zone)) : LocalTime.Today(clock.GetUtcNow(), zone);
        return Outcome<EvaluationReportSources>.Ok(new EvaluationReportSources(project, enterprise, after, instrument, before,
            before?.InstrumentId == after.InstrumentId, reportedOn, project.EvaluatedAt is not null));
    }

    public async Task<Outcome<AcceptanceOpinionSources>> AcceptanceOpinionAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        if (await projects.InScope(actor).AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is not { } project)
            return Outcome<AcceptanceOpinionSources>.NotFound();
        if (ProjectReports.AcceptanceOpinion(project) is { } why) return Outcome<AcceptanceOpinionSources>.Conflict(why);
        var enterprise = await db.Enterprises.AsNoTracking().FirstAsync(e => e.Id == project.EnterpriseId, ct);
        var key = project.Id.ToString();
        var steps = await db.StateTransitions.AsNoTracking().Where(t => t.EntityType == nameof(Project) && t.EntityId == key)
            .OrderBy(t => t.At).ThenBy(t => t.Id).Select(t => new { t.Trigger, t.At, t.Reason }).ToListAsync(ct);
        var verdict = steps.LastOrDefault(t => ProjectReports.VerdictOf(t.Trigger) is not null);
        var programme = programmes.Get(project.ProgrammeId);
        var zone = programme.Zone;
        DateOnly? Day(DateTime? utc) => utc is { } at ? DateOnly.FromDateTime(LocalTime.FromUtc(at, zone)) : null;
        return Outcome<AcceptanceOpinionSources>.Ok(new AcceptanceOpinionSources(project, enterprise, verdict is null ? null : ProjectReports.VerdictOf(verdict.Trigger),
            verdict?.Reason, Day(verdict?.At), Day(project.AcceptedAt), programme.Project?.AcceptanceOpinionAnnex));
    }
}
