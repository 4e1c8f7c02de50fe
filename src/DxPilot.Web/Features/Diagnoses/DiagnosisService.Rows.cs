using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Files;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Web.Features.Files;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Diagnoses;

/// <summary>The provider's rows of a diagnosis: the team, the visit records, the signed agreement, the linked assessment.
/// Each change moves the diagnosis to a new version, from the version the provider read.</summary>
public sealed partial class DiagnosisService
{
    public const long MaxScanBytes = StampedScan.MaxBytes;

    public async Task<Outcome<Diagnosis>> AddMemberAsync(Actor actor, Guid id, int version, TeamMemberInput input, CancellationToken ct = default)
    {
        var (d, refusal) = await Editable<Diagnosis>(actor, id, version, ct);
        if (d is null) return refusal!;
        var team = await db.DiagnosisMembers.Where(m => m.DiagnosisId == id).ToListAsync(ct);
        if (DiagnosisInputRules.CheckMember(input, team) is { Count: > 0 } errors) return Outcome<Diagnosis>.Invalid(errors);
        db.DiagnosisMembers.Add(DiagnosisMember.Add(id, input, Now()));
        d.Touch(Now());
        return await Save(d, () => d, ct);
    }

    public async Task<Outcome<Diagnosis>> RemoveMemberAsync(Actor actor, Guid id, int version, Guid memberId, CancellationToken ct = default)
    {
        var (d, refusal) = await Editable<Diagnosis>(actor, id, version, ct);
        if (d is null) return refusal!;
        if (await db.DiagnosisMembers.FirstOrDefaultAsync(m => m.DiagnosisId == id && m.Id == memberId, ct) is not { } member)
            return Outcome<Diagnosis>.NotFound();
        var present = await db.DiagnosisVisits.Where(v => v.DiagnosisId == id).Select(v => v.MemberIds).ToListAsync(ct);
        if (present.Any(ids => ids.Contains(memberId)))
            return Outcome<Diagnosis>.Conflict($"{member.Name}参加过现场诊断，不能从团队中删除；请先修改相关现场诊断记录的参加人员");
        db.DiagnosisMembers.Remove(member);
        d.Touch(Now());
        return await Save(d, () => d, ct);
    }

    public async Task<Outcome<DiagnosisVisit>> RecordVisitAsync(Actor actor, Guid id, int version, VisitInput input, CancellationToken ct = default)
    {
        var (d, refusal) = await Editable<DiagnosisVisit>(actor, id, version, ct);
        if (d is null) return refusal!;
        var team = await db.DiagnosisMembers.Where(m => m.DiagnosisId == id).ToListAsync(ct);
        if (DiagnosisInputRules.CheckVisit(input, team, LocalNow()) is { Count: > 0 } errors) return Outcome<DiagnosisVisit>.Invalid(errors);
        var visit = DiagnosisVisit.Record(id, input, Now());
        db.DiagnosisVisits.Add(visit);
        d.Touch(Now());
        return await Save(d, () => visit, ct);
    }

    public async Task<Outcome<DiagnosisVisit>> ReviseVisitAsync(Actor actor, Guid id, int version, Guid visitId, VisitInput input, CancellationToken ct = default)
    {
        var (d, refusal) = await Editable<DiagnosisVisit>(actor, id, version, ct);
        if (d is null) return refusal!;
        if (await db.DiagnosisVisits.FirstOrDefaultAsync(v => v.DiagnosisId == id && v.Id == visitId, ct) is not { } visit)
            return Outcome<DiagnosisVisit>.NotFound();
        var team = await db.DiagnosisMembers.Where(m => m.DiagnosisId == id).ToListAsync(ct);
        if (DiagnosisInputRules.CheckVisit(input, team, LocalNow()) is { Count: > 0 } errors) return Outcome<DiagnosisVisit>.Invalid(errors);
        visit.Revise(input);
        d.Touch(Now());
        return await Save(d, () => visit, ct);
    }

    /// <summary>A visit recorded by mistake goes with its photos and their fingerprints (their files stay in the blob store, as
    /// every stored file does).</summary>
    public async Task<Outcome<Diagnosis>> RemoveVisitAsync(Actor actor, Guid id, int version, Guid visitId, CancellationToken ct = default)
    {
        var (d, refusal) = await Editable<Diagnosis>(actor, id, version, ct);
        if (d is null) return refusal!;
        if (await db.DiagnosisVisits.FirstOrDefaultAsync(v => v.DiagnosisId == id && v.Id == visitId, ct) is not { } visit)
            return Outcome<Diagnosis>.NotFound();
        var photos = await db.VisitPhotos.Where(p => p.VisitId == visitId).ToListAsync(ct);
        db.VisitPhotos.RemoveRange(photos);
        await photoChecks.UnindexAsync(photos, ct);
        db.DiagnosisVisits.Remove(visit);
        d.Touch(Now());
        return await SaveRemovalAsync(d, photos, ct);
    }

    /// <summary>The signed agreement: its date (not in the future) and the scan both parties stamped (PDF, JPEG or PNG by its
    /// first bytes, at most 20 MB), streamed into the blob store.</summary>
    public async Task<Outcome<Diagnosis>> UploadAgreementAsync(Actor actor, Guid id, int version, DateOnly? signedOn, UploadedFile? scan,
        CancellationToken ct = default)
    {
        var (d, refusal) = await Editable<Diagnosis>(actor, id, version, ct);
        if (d is null) return refusal!;
        var errors = new Dictionary<string, string>();
        if (signedOn is null) errors["SignedOn"] = "请填写协议签订日期";
        else if (signedOn > time.Today()) errors["SignedOn"] = "签订日期不能晚于今天";
        var name = UploadedFile.CleanName(scan?.FileName);
        if (await StampedScan.ProblemAsync(scan, "协议", ct) is { } scanProblem) errors["Scan"] = scanProblem;
        if (errors.Count > 0) return Outcome<Diagnosis>.Invalid(errors);
        StoredBlob blob;
        await using (var content = scan!.Open()) blob = await blobs.PutAsync(content, ct);
        db.AgreementScans.Add(AgreementScan.Upload(id, signedOn!.Value, blob.Named(name), actor.Name, Now()));
        d.SignAgreement(signedOn.Value, Now());
        return await Save(d, () => d, ct);
    }

    /// <summary>Links the provider's own 改造前 assessment of the enterprise (or unlinks it with null).</summary>
    public async Task<Outcome<Diagnosis>> LinkAssessmentAsync(Actor actor, Guid id, int version, Guid? assessmentId, CancellationToken ct = default)
    {
        var (d, refusal) = await Editable<Diagnosis>(actor, id, version, ct);
        if (d is null) return refusal!;
        if (assessmentId is { } aid && !await db.Assessments.AnyAsync(a => a.Id == aid && a.EnterpriseId == d.EnterpriseId
                && a.Stage == AssessmentStage.Before && a.AssessorKind == AssessorKind.ServiceProvider && a.OrganisationId == d.ProviderId, ct))
            return Outcome<Diagnosis>.Invalid(new Dictionary<string, string> { ["AssessmentId"] = "只能关联本服务商为该企业填写的改造前评测" });
        d.LinkAssessment(assessmentId, Now());
        return await Save(d, () => d, ct);
    }

    /// <summary>A stored file of a diagnosis (a photo, its thumbnail, an agreement scan), for those who may read the diagnosis.</summary>
    public async Task<(FileRef File, Diagnosis Diagnosis)?> OpenFileAsync(Actor actor, Guid fileId, bool thumbnail, CancellationToken ct = default)
    {
        var photo = await (from p in db.VisitPhotos
                           join d in InScope(actor) on p.DiagnosisId equals d.Id
                           where p.Id == fileId
                           select new { p.File, p.ThumbnailSha256, p.ThumbnailSize, Diagnosis = d }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (photo is not null)
            return thumbnail && photo is { ThumbnailSha256: { } small, ThumbnailSize: { } size }
                ? (new FileRef(small, size, FileSignature.Jpeg, "缩略图-" + photo.File.Name), photo.Diagnosis)
                : (photo.File, photo.Diagnosis);
        var scan = await (from a in db.AgreementScans
                          join d in InScope(actor) on a.DiagnosisId equals d.Id
                          where a.Id == fileId
                          select new { a.File, Diagnosis = d }).AsNoTracking().FirstOrDefaultAsync(ct);
        return scan is null ? null : (scan.File, scan.Diagnosis);
    }
}
