using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Calls;
using DxPilot.Infrastructure.Catalogue;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Infrastructure.Registry;
using DxPilot.Infrastructure.Spreadsheets;
using DxPilot.Web.Components;
using DxPilot.Web.Features.Accounts;
using DxPilot.Web.Features.Assessments;
using DxPilot.Web.Features.Assessments.Scoring;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Enterprises.Import;
using DxPilot.Web.Features.Operations;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DxPilot.Web;

/// <summary>The composition root: services, authentication, pages and API.</summary>
public static class PlatformHost
{
    public const string ApiScheme = "DxPilotApi";

    /// <summary>The web app's composition for a CLI verb, not started: the same configuration finds the same database,
    /// data folder and instruments. Its logs go to stderr, so that stdout carries only the verb's report.</summary>
    public static WebApplication ForCommand(IEnumerable<string> configuration) =>
        Build([.. configuration, "--Logging:LogLevel:Default=Warning", "--Logging:Console:LogToStandardErrorThreshold=Trace"]);

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddEnvironmentVariables("DXPILOT_");
        var accounts = AccountSettings.From(builder.Configuration);
        LoggingSetup.Configure(builder);

        var s = builder.Services;
        // Resolved from the final configuration (not at build time), so hosts and tests can point them elsewhere.
        s.AddSingleton(sp => PlatformPaths.Resolve(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
        s.AddSingleton(sp => ProgrammeCatalog.LoadFolder(Path.Combine(sp.GetRequiredService<PlatformPaths>().ConfigFolder, "programmes")));
        s.AddSingleton(sp => InstrumentCatalog.LoadFolder(Path.Combine(sp.GetRequiredService<PlatformPaths>().ConfigFolder, "instruments")));
        s.AddSingleton(sp => CallCatalog.LoadFolder(Path.Combine(sp.GetRequiredService<PlatformPaths>().ConfigFolder, "calls"),
            sp.GetRequiredService<ProgrammeCatalog>(), sp.GetRequiredService<InstrumentCatalog>()));
        s.AddSingleton(sp => ScenarioTreeFile.Load(Path.Combine(sp.GetRequiredService<PlatformPaths>().ConfigFolder, "catalogue", "scenario-tree.json"), sp.GetRequiredService<InstrumentCatalog>()));
        s.AddSingleton(sp => AwardCatalog.LoadFolder(Path.Combine(sp.GetRequiredService<PlatformPaths>().ConfigFolder, "awards"), sp.GetRequiredService<ProgrammeCatalog>()));
        s.AddSingleton(sp => DatabaseFrom(sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<PlatformPaths>()));
        s.AddSingleton(accounts);
        s.AddSingleton(TimeProvider.System);
        s.AddHttpContextAccessor();
        s.AddScoped<CurrentActor>();
        s.AddScoped<ICurrentActor>(sp => sp.GetRequiredService<CurrentActor>());
        s.AddScoped<AuditContext>();
        s.AddScoped<AuditLog>();
        // Every DbContext gets them all: the audit trail (per scope, for its actor), the registry generation and the database timer.
        s.AddScoped<IInterceptor, AuditInterceptor>();
        s.AddScoped<IInterceptor, RegistryGenerationStep>();
        s.AddSingleton<IInterceptor, DatabaseCommandTimer>();
        s.AddDbContext<DxPilotDbContext>((sp, o) =>
        {
            sp.GetRequiredService<DatabaseOptions>().Apply(o);
            o.AddInterceptors(sp.GetServices<IInterceptor>());
        });
        s.AddScoped<MigrationRunner>();
        s.AddScoped<ShownTime>();
        s.AddSingleton<ExportScope>();
        s.AddScoped<FormCopies>();
        s.AddScoped<Saving>();
        s.AddScoped<EnterpriseService>();
        s.AddSingleton<RegistryListCache>();
        s.AddSingleton(sp => RegistrySettings.From(sp.GetRequiredService<IConfiguration>()));
        s.AddScoped<BureauFieldChangeService>();
        s.AddScoped<EnterpriseExport>();
        s.AddScoped<AssessmentService>();
        s.AddScoped<AssessmentDrafts>();
        s.AddScoped<AssessmentDemoData>();
        s.AddScoped<DemoData>();
        s.AddScoped<AccountService>();
        s.AddScoped<PasswordSignIn>();
        s.AddScoped<SignInThrottle>();
        s.AddSingleton<InitialPasswords>();
        Features.Files.FileRegistration.AddServices(s);
        Features.Benchmarks.BenchmarkRegistration.AddServices(s);
        Features.Diagnoses.DiagnosisRegistration.AddServices(s);
        Features.Filings.FilingRegistration.AddServices(s);
        Features.Catalogue.CatalogueRegistration.AddServices(s);
        Features.Projects.ProjectRegistration.AddServices(s);
        Features.Awards.AwardRegistration.AddServices(s);
        Features.Supervision.SupervisionRegistration.AddServices(s);
        Features.Dashboard.DashboardRegistration.AddServices(s);
        Features.Assignments.AssignmentRegistration.AddServices(s);
        Features.Home.HomeRegistration.AddServices(s);
        s.AddSingleton<ImportLease>();
        s.AddSingleton<EnterpriseImporter>();
        s.AddSingleton<ImportQueue>();
        s.AddSingleton<ImportTemplate>();
        // Registered first: migrations and demo data are in place before anything else starts.
        s.AddHostedService<PlatformStartup>();
        s.AddHostedService<ImportWorker>();
        s.AddHostedService<Features.Operations.Backup.DatabaseInUse>();

        s.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = accounts.LockoutAttempts;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<DxPilotDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<ActorClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddDefaultTokenProviders();

        s.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
            })
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/denied";
                o.Cookie.Name = "dxpilot";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.IdleTimeoutMinutes);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = SessionCheck.ValidateCookieAsync;
                // The API answers 401/403, never a redirect to the sign-in page.
                o.Events.OnRedirectToLogin = c => Redirect(c, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => Redirect(c, StatusCodes.Status403Forbidden);
            })
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.Events.OnMessageReceived = SessionCheck.ValidateBearerAsync;
            })
            .AddPolicyScheme(ApiScheme, "cookie or bearer", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme);
        s.AddAuthorization();
        s.AddCascadingAuthenticationState();
        // Secure on HTTPS (also behind a TLS proxy, see BehindProxy), as the sign-in cookie is.
        s.AddAntiforgery(o => { o.HeaderName = "X-CSRF-TOKEN"; o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest; });
        ErrorResponses.AddServices(s);
        BehindProxy.AddServices(s, builder.Configuration);
        // Enums travel by name ("Private", "Medium"): readable, and stable if members are reordered.
        s.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        s.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "DxPilot API";
            doc.Info.Description = "中小企业数字化转型城市试点平台 API：与网页相同的登录与权限范围。";
            return Task.CompletedTask;
        }));
        s.AddHealthChecks().AddDbContextCheck<DxPilotDbContext>();
        s.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = SheetReader.MaxBytes + 64 * 1024);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = SheetReader.MaxBytes + 64 * 1024);
        s.AddRazorComponents();
        // The keys that sign cookies live in the database: they survive restarts, every copy on one PostgreSQL finds them,
        // and a backup of the database carries them (docs/decisions.md).
        s.AddDataProtection().SetApplicationName("DxPilot").PersistKeysToDbContext<DxPilotDbContext>();

        var app = builder.Build();
        BehindProxy.Use(app);
        app.Use(Correlation.Middleware);
        app.Use(SecurityHeaders);
        MetricsEndpoint.UseRequestMetrics(app);
        ErrorResponses.Use(app);
        app.UseStaticFiles();
        app.UseAuthentication();
        app.Use(SessionCheck.RequireOwnPassword);
        app.UseAuthorization();
        app.UseAntiforgery();
        app.Use(ErrorResponses.RefuseForgedForms);
        app.Use(ErrorResponses.RefuseStaleForms);

        // The API's description is for the platform's users and the systems they connect, not for anyone who asks.
        app.MapOpenApi("/openapi/{documentName}.json")
            .RequireAuthorization(p => p.AddAuthenticationSchemes(ApiScheme).RequireAuthenticatedUser());
        app.MapHealthChecks("/health");
        MetricsEndpoint.Map(app);
        AccountEndpoints.Map(app);
        EnterpriseEndpoints.Map(app);
        AssessmentEndpoints.Map(app);
        ScoreEndpoints.Map(app);
        Features.Benchmarks.BenchmarkEndpoints.Map(app);
        Features.Diagnoses.DiagnosisEndpoints.Map(app);
        Features.Filings.FilingRegistration.MapEndpoints(app);
        Features.Catalogue.CatalogueRegistration.MapEndpoints(app);
        Features.Projects.ProjectRegistration.MapEndpoints(app);
        Features.Awards.AwardRegistration.MapEndpoints(app);
        Features.Supervision.SupervisionRegistration.MapEndpoints(app);
        Features.Dashboard.DashboardEndpoints.Map(app);
        Features.Assignments.AssignmentEndpoints.Map(app);
        Features.Diagnoses.Report.ReportEndpoints.Map(app);
        app.MapRazorComponents<App>();
        return app;
    }

    private static DatabaseOptions DatabaseFrom(IConfiguration config, PlatformPaths paths)
    {
        var provider = DatabaseOptions.ParseProvider(config["Database:Provider"]);
        var connection = config.GetConnectionString("DxPilot");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.PostgreSql)
                throw new InvalidOperationException("使用 PostgreSQL 时请设置 ConnectionStrings:DxPilot（或环境变量 ConnectionStrings__DxPilot）");
            Directory.CreateDirectory(paths.DataFolder);
            connection = $"Data Source={Path.Combine(paths.DataFolder, "dxpilot.db")}";
        }
        return new DatabaseOptions(provider, connection);
    }

    private static Task Redirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int apiStatus)
    {
        if (ErrorResponses.IsApi(c.Request)) c.Response.StatusCode = apiStatus;
        else c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>On every answer, static files and error pages included: set as the response starts, because the exception
    /// handler clears the headers before it writes the error page.</summary>
    private static Task SecurityHeaders(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";
            return Task.CompletedTask;
        });
        return next();
    }
}
