using DxPilot.Domain.Catalogue;
using System.Text.Json;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Diagnoses;
using DxPilot.Domain.Diagnoses.Report;
using DxPilot.Domain.Diagnoses.Photos;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Filings.Contracts;
using DxPilot.Domain.Imports;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Auditing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using DxPilot.Infrastructure.Blobs;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using DxPilot.Domain.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace DxPilot.Infrastructure.Persistence;

public sealed class DxPilotDbContext(DbContextOptions<DxPilotDbContext> options, AuditContext audit)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<BureauFieldChange> BureauFieldChanges => Set<BureauFieldChange>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<AssignmentChange> AssignmentChanges => Set<AssignmentChange>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<ImportProblem> ImportProblems => Set<ImportProblem>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<AssessmentDraft> AssessmentDrafts => Set<AssessmentDraft>();
    public DbSet<BenchmarkApplication> BenchmarkApplications => Set<BenchmarkApplication>();
    public DbSet<BenchmarkEvidence> BenchmarkEvidence => Set<BenchmarkEvidence>();
    /// <summary>The keys that sign cookies and antiforgery tokens, shared by every copy of the app on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    /// <summary>Failed sign-ins per network address, counted by every copy of the app alike (SignInThrottle).</summary>
    public DbSet<ClientSignInFailures> ClientSignInFailures => Set<ClientSignInFailures>();
    public DbSet<StateTransition> StateTransitions => Set<StateTransition>();
    public DbSet<Diagnosis> Diagnoses => Set<Diagnosis>();
    public DbSet<DiagnosisMember> DiagnosisMembers => Set<DiagnosisMember>();
    public DbSet<DiagnosisVisit> DiagnosisVisits => Set<DiagnosisVisit>();
    public DbSet<VisitPhoto> VisitPhotos => Set<VisitPhoto>();
    public DbSet<AgreementScan> AgreementScans => Set<AgreementScan>();
    public DbSet<DiagnosisSatisfaction> DiagnosisSatisfactions => Set<DiagnosisSatisfaction>();
    public DbSet<DiagnosisSubmission> DiagnosisSubmissions => Set<DiagnosisSubmission>();
    public DbSet<DiagnosisReport> DiagnosisReports => Set<DiagnosisReport>();
    public DbSet<PhotoPrint> PhotoPrints => Set<PhotoPrint>();
    public DbSet<Filing> Filings => Set<Filing>();
    public DbSet<FilingVersion> FilingVersions => Set<FilingVersion>();
    public DbSet<FilingExpertReview> FilingExpertReviews => Set<FilingExpertReview>();
    public DbSet<ServiceContract> ServiceContracts => Set<ServiceContract>();
    public DbSet<ContractScan> ContractScans => Set<ContractScan>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectInvoice> ProjectInvoices => Set<ProjectInvoice>();
    public DbSet<ProjectFile> ProjectFiles => Set<ProjectFile>();
    public DbSet<ProjectPayment> ProjectPayments => Set<ProjectPayment>();
    public DbSet<AcceptanceResult> AcceptanceResults => Set<AcceptanceResult>();
    public DbSet<AwardBatch> AwardBatches => Set<AwardBatch>();
    public DbSet<AwardApplication> AwardApplications => Set<AwardApplication>();
    public DbSet<AwardRevision> AwardRevisions => Set<AwardRevision>();
    public DbSet<AwardInvitation> AwardInvitations => Set<AwardInvitation>();
    public DbSet<AwardExpertReview> AwardExpertReviews => Set<AwardExpertReview>();
    public DbSet<SupervisionComment> SupervisionComments => Set<SupervisionComment>();
    public DbSet<SupervisionReply> SupervisionReplies => Set<SupervisionReply>();
    public DbSet<SupervisionRating> SupervisionRatings => Set<SupervisionRating>();
    public DbSet<RatingScore> SupervisionRatingScores => Set<RatingScore>();
    public DbSet<CatalogueScenario> CatalogueScenarios => Set<CatalogueScenario>();
    public DbSet<CommonNeed> CommonNeeds => Set<CommonNeed>();
    public DbSet<PoolMember> PoolMembers => Set<PoolMember>();
    public DbSet<CatalogueProduct> CatalogueProducts => Set<CatalogueProduct>();
    public DbSet<EnterpriseNeed> EnterpriseNeeds => Set<EnterpriseNeed>();
    public DbSet<SavedPlan> SavedPlans => Set<SavedPlan>();
    public DbSet<SavedPlanShare> SavedPlanShares => Set<SavedPlanShare>();
    public DbSet<Catalogue.DemandCount> DemandCounts => Set<Catalogue.DemandCount>();
    public DbSet<Registry.RegistryGeneration> RegistryGeneration => Set<Registry.RegistryGeneration>();

    public AuditContext Audit => audit;

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Saves, with the district kept on a moved file's diagnoses and assignments in step (<see cref="DistrictCopies"/>).</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        using var scanned = ScanOnce();
        await DistrictCopies.FollowAsync(this, cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        using var scanned = ScanOnce();
        DistrictCopies.Follow(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// One scan for changes per save. The steps of a save (the district copies, the demand counts, the audit trail) and EF itself
    /// each read the tracker, and each read would otherwise scan every tracked record again (an import batch tracks a thousand);
    /// automatic scanning is off until the save ends, so the steps change records through their entries, never by assignment
    /// alone. A caller that turned scanning off itself keeps it off.
    /// </summary>
    private ScanScope ScanOnce()
    {
        if (!ChangeTracker.AutoDetectChangesEnabled) return default;
        ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new ScanScope(ChangeTracker);
    }

    private readonly struct ScanScope(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker? tracker) : IDisposable
    {
        public void Dispose()
        {
            if (tracker is not null) tracker.AutoDetectChangesEnabled = true;
        }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        var postgres = IsPostgres;

        b.Entity<AppUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(100);
            u.Property(x => x.ProgrammeId).HasMaxLength(64);
            u.Property(x => x.District).HasMaxLength(64);
            u.HasIndex(x => x.EnterpriseId);
        });

        b.Entity<Enterprise>(e =>
        {
            e.ToTable("Enterprises");
            e.HasKey(x => x.Id);
            e.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            e.Property(x => x.Name).HasMaxLength(200).IsRequired();
            e.Property(x => x.Uscc).HasMaxLength(18);
            e.Property(x => x.District).HasMaxLength(64).IsRequired();
            e.Property(x => x.RegisteredAddress).HasMaxLength(400);
            e.Property(x => x.LegalRepresentative).HasMaxLength(400);
            e.Property(x => x.ContactName).HasMaxLength(400);
            e.Property(x => x.ContactPhone).HasMaxLength(100);
            e.Property(x => x.IndustryKey).HasMaxLength(64).IsRequired();
            e.Property(x => x.IndustryCode).HasMaxLength(4);
            e.Property(x => x.MainProducts).HasMaxLength(400);
            e.Property(x => x.Intro).HasMaxLength(2000);
            e.Property(x => x.SizeOverrideReason).HasMaxLength(400);
            e.Property(x => x.SearchText).HasMaxLength(800).IsRequired();
            // The default only lets migration 0008 add the column to existing tables (SQLite cannot drop a default).
            e.Property(x => x.PublicSearchText).HasMaxLength(800).IsRequired().HasDefaultValue("");
            e.Property(x => x.RevenueWan).HasPrecision(18, 2);
            e.Property(x => x.ProfitWan).HasPrecision(18, 2);
            e.Property(x => x.DigitalInvestmentWan).HasPrecision(18, 2);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.Size);
            e.Ignore(x => x.RevenuePerHead);
            e.Ignore(x => x.ExcludedFromCentralFunds);
            e.HasIndex(x => new { x.ProgrammeId, x.Uscc }).IsUnique();
            e.HasIndex(x => new { x.ProgrammeId, x.Name });
            e.HasIndex(x => new { x.ProgrammeId, x.District, x.Name });
            e.HasIndex(x => new { x.ProgrammeId, x.IndustryKey });
            e.HasIndex(x => new { x.ProgrammeId, x.UpdatedAt });
            // The diagnosis overview's join by scope and district (migration 0017).
            e.HasIndex(x => new { x.ProgrammeId, x.Id, x.District });
            // Substring search over 100,000 files: an inverted index of character grams on PostgreSQL (SearchIndex);
            // SQLite scans with the same substring match (fine at city scale), so it keeps no grams.
            if (postgres) e.HasIndex(x => x.SearchTokens).HasMethod("gin");
            else e.Ignore(x => x.SearchTokens);
        });

        b.Entity<BureauFieldChange>(c =>
        {
            c.ToTable("BureauFieldChanges");
            c.HasKey(x => x.Id);
            c.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            c.Property(x => x.Name).HasMaxLength(200).IsRequired();
            c.Property(x => x.Uscc).HasMaxLength(18);
            c.Property(x => x.IndustryKey).HasMaxLength(64).IsRequired();
            c.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
            c.Property(x => x.ProposedById).HasMaxLength(64).IsRequired();
            c.Property(x => x.ProposedByName).HasMaxLength(200).IsRequired();
            c.Property(x => x.DecidedByName).HasMaxLength(200);
            c.Property(x => x.DecisionReason).HasMaxLength(1000);
            c.Property(x => x.Version).IsConcurrencyToken();
            c.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            // The bureau's list and the home page's count: pending ones, oldest first.
            c.HasIndex(x => new { x.ProgrammeId, x.Status, x.ProposedAt });
            c.HasIndex(x => new { x.EnterpriseId, x.Status });
        });

        b.Entity<Organisation>(o =>
        {
            o.ToTable("Organisations");
            o.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            o.Property(x => x.Name).HasMaxLength(200).IsRequired();
            o.Property(x => x.Uscc).HasMaxLength(18);
            o.HasIndex(x => new { x.ProgrammeId, x.Kind });
        });

        b.Entity<AuditEntry>(a =>
        {
            a.ToTable("AuditEntries");
            a.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            a.Property(x => x.EntityType).HasMaxLength(64).IsRequired();
            a.Property(x => x.EntityId).HasMaxLength(64).IsRequired();
            a.Property(x => x.Action).HasConversion<string>().HasMaxLength(32).IsRequired();
            a.Property(x => x.ActorId).HasMaxLength(64).IsRequired();
            a.Property(x => x.ActorName).HasMaxLength(100).IsRequired();
            a.Property(x => x.Source).HasMaxLength(400);
            a.Property(x => x.Changes).HasConversion(JsonConverter<List<FieldChange>>(), JsonComparer<FieldChange>()).IsRequired();
            a.Property(x => x.PreviousHash).HasMaxLength(64);
            a.Property(x => x.Hash).HasMaxLength(64);
            a.HasIndex(x => x.Sequence).IsUnique();
            // A record's history, and the catalogue's changes by type. Nothing reads the trail by programme and time (migration 0046).
            a.HasIndex(x => new { x.EntityType, x.EntityId, x.At });
        });

        b.Entity<ClientSignInFailures>(c =>
        {
            c.ToTable("ClientSignInFailures");
            c.HasKey(x => x.Client);
        });

        b.Entity<ImportJob>(j =>
        {
            j.ToTable("ImportJobs");
            j.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            j.Property(x => x.FileName).HasMaxLength(260).IsRequired();
            j.Property(x => x.ActorId).HasMaxLength(64).IsRequired();
            j.Property(x => x.ActorName).HasMaxLength(100).IsRequired();
            j.Property(x => x.FileError).HasMaxLength(2000);
            j.Property(x => x.LeaseOwner).HasMaxLength(100);
            // A copy that lost its lease to another cannot save over the new runner's work.
            j.Property(x => x.LeaseOwner).IsConcurrencyToken();
            j.HasIndex(x => new { x.ProgrammeId, x.CreatedAt });
            j.HasIndex(x => x.Status);
        });

        b.Entity<ImportProblem>(p =>
        {
            p.ToTable("ImportProblems");
            p.Property(x => x.Reason).HasMaxLength(2000).IsRequired();
            p.HasOne<ImportJob>().WithMany().HasForeignKey(x => x.JobId).OnDelete(DeleteBehavior.Cascade);
            p.HasIndex(x => new { x.JobId, x.Row });
        });

        // Every workflow transition, append-only (Domain/Workflow).
        b.Entity<StateTransition>(t =>
        {
            t.ToTable("StateTransitions");
            t.HasKey(x => x.Id);
            t.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            t.Property(x => x.EntityType).HasMaxLength(64).IsRequired();
            t.Property(x => x.EntityId).HasMaxLength(64).IsRequired();
            t.Property(x => x.Trigger).HasMaxLength(32).IsRequired();
            t.Property(x => x.FromState).HasMaxLength(32).IsRequired();
            t.Property(x => x.ToState).HasMaxLength(32).IsRequired();
            t.Property(x => x.ActorId).HasMaxLength(64).IsRequired();
            t.Property(x => x.ActorName).HasMaxLength(100).IsRequired();
            t.Property(x => x.Reason).HasMaxLength(2000);
            t.HasIndex(x => new { x.EntityType, x.EntityId, x.At });
            t.HasIndex(x => new { x.ProgrammeId, x.At });
        });

        b.Entity<Assessment>(a =>
        {
            a.ToTable("Assessments");
            a.HasKey(x => x.Id);
            a.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            a.Property(x => x.InstrumentId).HasMaxLength(64).IsRequired();
            a.Property(x => x.InstrumentVersion).HasMaxLength(32).IsRequired();
            a.Property(x => x.AssessorUserId).HasMaxLength(64).IsRequired();
            a.Property(x => x.AssessorName).HasMaxLength(100).IsRequired();
            // 2022 weights give four decimals (DOMAIN §3.2).
            a.Property(x => x.Score).HasPrecision(9, 4);
            a.Property(x => x.Answers).HasConversion(JsonConverter<AssessmentAnswers>(), JsonValueComparer<AssessmentAnswers>()).IsRequired();
            a.Property(x => x.Result).HasConversion(JsonConverter<AssessmentResultSnapshot>(), JsonValueComparer<AssessmentResultSnapshot>()).IsRequired();
            a.Property(x => x.Version).IsConcurrencyToken();
            // An enterprise's file is never deleted while assessments hang on it.
            a.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            a.HasIndex(x => new { x.EnterpriseId, x.Stage, x.AssessedOn });
            a.HasIndex(x => new { x.ProgrammeId, x.InstrumentId, x.Level });
            a.HasIndex(x => x.OrganisationId);
        });

        // What an assessor has typed so far (草稿), one per assessor and assessment; it goes with its file or assessment.
        b.Entity<AssessmentDraft>(d =>
        {
            d.ToTable("AssessmentDrafts");
            d.HasKey(x => x.Id);
            d.Property(x => x.Key).HasMaxLength(200).IsRequired();
            d.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            d.Property(x => x.InstrumentId).HasMaxLength(64).IsRequired();
            d.Property(x => x.AssessedOn).HasMaxLength(32);
            d.Property(x => x.Answers).HasConversion(JsonConverter<AssessmentAnswers>(), JsonValueComparer<AssessmentAnswers>()).IsRequired();
            d.Property(x => x.SavedByUserId).HasMaxLength(64).IsRequired();
            d.Property(x => x.SavedByName).HasMaxLength(100).IsRequired();
            d.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
            d.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Cascade);
            d.HasIndex(x => x.Key).IsUnique();
        });

        // 示范标杆申报 (Heilongjiang, seed 000): the application and its evidence files.
        b.Entity<BenchmarkApplication>(a =>
        {
            a.ToTable("BenchmarkApplications");
            a.HasKey(x => x.Id);
            a.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            a.Property(x => x.InstrumentId).HasMaxLength(64).IsRequired();
            a.Property(x => x.InstrumentVersion).HasMaxLength(32).IsRequired();
            a.Property(x => x.Answers).HasConversion(JsonConverter<BenchmarkAnswers>(), JsonValueComparer<BenchmarkAnswers>()).IsRequired();
            a.Property(x => x.Facts).HasConversion(JsonConverter<BenchmarkFacts>(), JsonValueComparer<BenchmarkFacts>()).IsRequired();
            a.Property(x => x.SubTotals).HasConversion(JsonConverter<BenchmarkSubTotals>(), JsonValueComparer<BenchmarkSubTotals>()).IsRequired();
            a.Property(x => x.SelfScore).HasPrecision(9, 4);
            a.Property(x => x.Version).IsConcurrencyToken();
            a.Ignore(x => x.IsEditable);
            a.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            // One application per enterprise and call; the programme is the call.
            a.HasIndex(x => new { x.ProgrammeId, x.EnterpriseId }).IsUnique();
        });

        b.Entity<BenchmarkEvidence>(e =>
        {
            e.ToTable("BenchmarkEvidence");
            e.HasKey(x => x.Id);
            // The file's bytes are in the blob store; the row keeps its reference, in the columns it always had.
            e.ComplexProperty(x => x.File, f =>
            {
                f.Property(x => x.Name).HasColumnName("FileName").HasMaxLength(260).IsRequired();
                f.Property(x => x.ContentType).HasColumnName("ContentType").HasMaxLength(32).IsRequired();
                f.Property(x => x.Size).HasColumnName("SizeBytes");
                f.Property(x => x.Sha256).HasColumnName("Sha256").HasMaxLength(64).IsRequired();
            });
            e.Property(x => x.UploadedByUserId).HasMaxLength(64).IsRequired();
            e.Property(x => x.UploadedByName).HasMaxLength(100).IsRequired();
            e.HasOne<BenchmarkApplication>().WithMany().HasForeignKey(x => x.ApplicationId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(x => new { x.ApplicationId, x.Kind, x.ItemNo });
        });

        DiagnosisModel.Configure(b);
        FilingModel.Configure(b);
        ContractModel.Configure(b);
        ProjectModel.Configure(b);
        AcceptanceResultModel.Configure(b);
        AwardModel.Configure(b);
        AwardFileModel.Configure(b);
        BenchmarkReviewModel.Configure(b);
        AwardReviewModel.Configure(b);
        SupervisionModel.Configure(b);
        CatalogueModel.Configure(b);
        PlanModel.Configure(b);
        DemandCountModel.Configure(b);
        b.Entity<Registry.RegistryGeneration>(g =>
        {
            g.ToTable("RegistryGeneration");
            g.Property(x => x.Id).ValueGeneratedNever();
        });
        DashboardModel.Configure(b, postgres);
        BlobModel.Configure(b);

        // 服务商分配: the links in force (one organisation of each kind per enterprise, decided by the unique index when two
        // bureaus race) and every change to them, append-only (migration 0015).
        b.Entity<Assignment>(a =>
        {
            a.ToTable("Assignments");
            a.HasKey(x => new { x.OrganisationId, x.EnterpriseId });
            a.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId);
            a.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId);
            a.HasIndex(x => new { x.EnterpriseId, x.Kind }).IsUnique();
            // The dashboard's providers: one kind's assignments by enterprise, with the organisation, from the index alone (migration 0023).
            a.HasIndex(x => new { x.Kind, x.EnterpriseId, x.OrganisationId });
            // The file's district, copied for the diagnosis overview (DistrictCopies, migration 0039), whose counts of a kind's
            // assignments by district and organisation read this index alone.
            a.Property(x => x.District).HasMaxLength(64).IsRequired().HasDefaultValue("");
            a.HasIndex(x => new { x.Kind, x.District, x.OrganisationId });
        });
        b.Entity<AssignmentChange>(c =>
        {
            c.ToTable("AssignmentChanges");
            c.HasKey(x => x.Id);
            c.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            c.Property(x => x.Reason).HasMaxLength(1000);
            c.Property(x => x.ActorId).HasMaxLength(64).IsRequired();
            c.Property(x => x.ActorName).HasMaxLength(100).IsRequired();
            c.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
            c.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            c.HasIndex(x => new { x.EnterpriseId, x.At });
            c.HasIndex(x => new { x.OrganisationId, x.At });
        });

        // 咨询诊断报告 (seed 002 附件3): what the team wrote, one per diagnosis, stored whole; its length beside it for lists.
        b.Entity<DiagnosisReport>(r =>
        {
            r.ToTable("DiagnosisReports");
            r.HasKey(x => x.DiagnosisId);
            r.Property(x => x.DiagnosisId).ValueGeneratedNever();
            r.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            r.Property(x => x.Content).HasConversion(JsonConverter<ReportContent>(), JsonValueComparer<ReportContent>()).IsRequired();
            r.Property(x => x.Version).IsConcurrencyToken();
        });

        // The reuse index of site-visit photos (docs/photos.md): one row per stored photo, looked up by SHA-256 and by each
        // 16-bit band of its perceptual hash.
        b.Entity<PhotoPrint>(p =>
        {
            p.ToTable("PhotoPrints");
            p.HasKey(x => x.PhotoId);
            p.Property(x => x.PhotoId).ValueGeneratedNever();
            p.Property(x => x.ProgrammeId).HasMaxLength(64).IsRequired();
            p.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
            p.HasIndex(x => x.Sha256);
            p.HasIndex(x => x.Band0);
            p.HasIndex(x => x.Band1);
            p.HasIndex(x => x.Band2);
            p.HasIndex(x => x.Band3);
            p.HasIndex(x => x.VisitId);
        });
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static ValueConverter<T, string> JsonConverter<T>() where T : new() =>
        new(v => JsonSerializer.Serialize(v, Json), s => JsonSerializer.Deserialize<T>(s, Json) ?? new T());

    // The documents are replaced whole, never mutated in place; comparing serialised forms still catches any change.
    internal static ValueComparer<T> JsonValueComparer<T>() where T : class, new() =>
        new((a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
            v => JsonSerializer.Serialize(v, Json).GetHashCode(),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json) ?? new T());

    internal static ValueComparer<List<T>> JsonComparer<T>() =>
        new((a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json),
            v => JsonSerializer.Serialize(v, Json).GetHashCode(),
            v => v.ToList());
}
