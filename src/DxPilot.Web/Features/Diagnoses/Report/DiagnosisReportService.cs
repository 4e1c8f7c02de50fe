using DxPilot.Domain.Accounts;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Diagnoses.Report;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Blobs;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace DxPilot.Web.Features.Diagnoses.Report;

/// <summary>
/// The report's use cases: whoever may read the diagnosis reads its report (<see cref="DiagnosisService.InScope"/>); only
/// the diagnosing provider saves it, while the diagnosis is with it (<see cref="DiagnosisPolicy.Edit"/>), from the version it
/// read. The report keeps its own version, so a visit recorded in one window does not refuse the report typed in another.
/// </summary>
public sealed class DiagnosisReportService(DxPilotDbContext db, DiagnosisService diagnoses, ProgrammeCatalog programmes, InstrumentCatalog instruments,
    Saving saving, IBlobStore blobs, TimeProvider clock, ShownTime time)
{
    private const string What = "诊断报告";

    /// <summary>The report with everything the platform fills into it; null when the diagnosis is not in the actor's scope.</summary>
    public async Task<ReportView?> GetAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var got = await diagnoses.GetAsync(actor, id, ct);
        if (!got.IsOk) return null;
        var v = got.Value!;
        var report = await db.DiagnosisReports.AsNoTracking().FirstOrDefaultAsync(r => r.DiagnosisId == id, ct);
        return new ReportView(id, v.Diagnosis.ProgrammeId, Sources(v, actor), report, v.Rules.ReportMinimumCharacters,
            DiagnosisPolicy.Edit(actor, v.Diagnosis), v.StatusLabel(actor));
    }

    /// <summary>Saves what the provider typed: refused naming each part that breaks a limit, or as stale when the report has
    /// been saved since <paramref name="version"/> (0: not yet saved) was read with other content.</summary>
    public async Task<Outcome<DiagnosisReport>> SaveAsync(Actor actor, Guid id, int version, ReportContent typed, CancellationToken ct = default)
    {
        var d = await diagnoses.InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null) return Outcome<DiagnosisReport>.NotFound();
        if (DiagnosisService.EditRefusal<DiagnosisReport>(actor, d) is { } refused) return refused;
        var (content, errors) = ReportRules.Clean(typed);
        if (errors.Count > 0) return Outcome<DiagnosisReport>.Invalid(errors);

        var key = AuditKeyOf(id);
        var report = await db.DiagnosisReports.FirstOrDefaultAsync(r => r.DiagnosisId == id, ct);
        if ((report?.Version ?? 0) != version)
            return report is not null && report.Content.SameAs(content) ? Outcome<DiagnosisReport>.Ok(report)
                : Outcome<DiagnosisReport>.Conflict(await saving.StaleMessageAsync(key, What, ct));
        if (report is null) db.DiagnosisReports.Add(report = DiagnosisReport.Start(id, d.ProgrammeId));
        else saving.Expect(report, version);
        report.Revise(content, clock.GetUtcNow().UtcDateTime);
        // Two first saves at once (two tabs on a report never saved): the primary key lets one in, the other is stale.
        var saved = await saving.SaveAsync(report, What, () => report, ct,
            onDuplicate: async () => Outcome<DiagnosisReport>.Conflict(await saving.StaleMessageAsync(key, What, ct)));
        if (saved.IsOk) await diagnoses.RecheckAsync(d, ct);
        return saved;
    }

    /// <summary>"已自动保存 于 14:05" after an autosave.</summary>
    public string SavedNote(DiagnosisReport report) => $"已自动保存 于 {time.Local(report.UpdatedAt):HH:mm}，共{report.Characters:N0}字";

    /// <summary>The sources with each photo's thumbnail read from the blob store, for the .docx (a photo without a readable
    /// thumbnail is named in the document, not pictured: the originals, up to 20 MB each, stay out of it).</summary>
    public async Task<ReportSources> WithThumbnailsAsync(ReportSources s, CancellationToken ct)
    {
        var visits = new List<ReportVisit>(s.Visits.Count);
        foreach (var v in s.Visits)
        {
            var photos = new List<ReportPhoto>(v.Photos.Count);
            foreach (var p in v.Photos)
                photos.Add(p.ThumbnailSha256 is { } sha && await ReadAsync(sha, ct) is { } bytes && Picture(bytes) is { } size
                    ? p with { Thumbnail = bytes, Jpeg = size.Jpeg, Width = size.Width, Height = size.Height }
                    : p);
            visits.Add(v with { Photos = photos });
        }
        return s with { Visits = visits };
    }

    /// <summary>诊断报告编制日期: the day of the last save, in the programme's time.</summary>
    public DateOnly CompiledOn(ReportView view) => view.Report is { } r ? DateOnly.FromDateTime(time.Local(r.UpdatedAt)) : time.Today();

    public static Domain.Auditing.AuditKey AuditKeyOf(Guid diagnosisId) => Domain.Auditing.AuditKey.Of<DiagnosisReport>(diagnosisId);

    private ReportSources Sources(DiagnosisView v, Actor reader)
    {
        string Phone(string? phone) => reader.ShownPhone(phone) ?? "";
        var programme = programmes.Get(v.Diagnosis.ProgrammeId);
        var e = v.Enterprise;
        var members = v.Members.ToDictionary(m => m.Id);
        var team = v.Members.Select(m => new ReportMember(m.Name, m.Unit, $"{m.Role.Label()}（{m.Title}，{m.TitleLevel.Label()}）",
            m.Duties ?? m.Field.Label(), Phone(m.Phone))).ToList();
        var visits = v.Visits.Select(x => new ReportVisit(x.Visit.Date, $"{x.Visit.Start:HH\\:mm}-{x.Visit.End:HH\\:mm}",
            string.Join("、", x.Visit.MemberIds.Select(id => members.GetValueOrDefault(id)?.Name).OfType<string>()),
            x.Visit.Attendance is { } n ? $"{x.Visit.Topic.Label()}（{n}人参加）" : x.Visit.Topic.Label(), x.Visit.Outcome, x.Visit.ContactPerson,
            x.Photos.Select(p => new ReportPhoto(Caption(p.Photo), $"/diagnoses/files/{p.Photo.Id}/thumbnail", [], true, 0, 0, p.Photo.ThumbnailSha256)).ToList()))
            .ToList();
        var s = v.Satisfaction;
        var satisfaction = s is null ? null : new ReportSatisfaction(
            SatisfactionLabels.Items.Select(i => i.Name).Zip([s.Process.Label(), s.Analysis.Label(), s.Advice.Label(), s.Competence.Label(), s.Result.Label()]).ToList(),
            s.Overall.Label(), s.Adoption.Label(), s.Comment, DateOnly.FromDateTime(time.Local(s.SubmittedAt)));
        var industry = programme.Industries.FirstOrDefault(i => i.Key == e.IndustryKey)?.Name ?? e.IndustryKey;
        var instrument = v.Assessment is { } a ? instruments.Find(a.InstrumentId) : null;
        return new ReportSources(programme.Name, e, industry, v.Provider.Name, instrument is null ? null : v.Assessment, instrument, team, visits, satisfaction,
            Phone(e.ContactPhone));
    }

    private string Caption(VisitPhoto p) => p.TakenAt is { } at ? $"{p.Tag.Label()} {time.Local(at):M月d日 HH:mm}" : p.Tag.Label();

    private async Task<byte[]?> ReadAsync(string sha256, CancellationToken ct)
    {
        await using var stream = await blobs.OpenAsync(sha256, ct);
        if (stream is null) return null;
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>A thumbnail's size and kind from its header; null when it is no JPEG or PNG Word can show.</summary>
    private static (int Width, int Height, bool Jpeg)? Picture(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes, writable: false));
        return codec?.EncodedFormat switch
        {
            SKEncodedImageFormat.Jpeg => (codec.Info.Width, codec.Info.Height, true),
            SKEncodedImageFormat.Png => (codec.Info.Width, codec.Info.Height, false),
            _ => null,
        };
    }
}
