using System.Diagnostics;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Dashboard;
using DxPilot.Web.Features.Filings;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxPilot.Bench.Projects;

/// <summary>
/// Projects at national scale (issue 11, Measure): a throwaway PostgreSQL database with N Changchun enterprises, one filed
/// project each at every stage of the chain (with invoices, audit reports and payments), diagnoses with satisfaction ratings,
/// assignments and 10 assessments per enterprise (1,000,000 at N = 100,000), written by set-based SQL (the domain's own writes
/// are the tests' subject; here only the volume matters). Then in process: the dashboard's computation for the programme and
/// for one district (uncached, and as readers get it through the few seconds' freshness), and the city approving 10,000
/// audited subsidies through ProjectService.ApproveBatchAsync. Medians in ms.
/// </summary>
public static class ProjectBench
{
    private const string Programme = "changchun-2025";

    public static async Task<int> RunAsync(string[] args)
    {
        var admin = BenchTools.AdminConnection(args);
        var size = int.Parse(Generate.Arg(args, "--projects") ?? "100000");
        var requests = int.Parse(Generate.Arg(args, "--requests") ?? "20");
        var reuse = Generate.Arg(args, "--database");
        var (database, connection) = await BenchTools.DatabaseAsync(admin, reuse, "projectbench", size, commandTimeout: 600);
        Console.WriteLine($"{Environment.ProcessorCount} cores, load average at start: {BenchTools.Load()}");
        try
        {
            var sw = Stopwatch.StartNew();
            if (reuse is null)
            {
                await SeedAsync(connection, size);
                Console.WriteLine($"{size} enterprises and projects, {size * 10} assessments generated in {sw.Elapsed.TotalSeconds:F0} s");
            }
            return await MeasureAsync(connection, requests, measureApproval: !args.Contains("--no-approval")) ? 0 : 1;
        }
        finally
        {
            await BenchTools.ReleaseAsync(admin, database, keep: args.Contains("--keep") || reuse is not null);
        }
    }

    /// <summary>
    /// The stage of project i is i % 20: 0-4 改造实施中 (25 %), 5-6 待评测, 7-8 待验收, 9 整改中 (half of them past their deadline),
    /// 10 待区县确认, 11-12 已验收, 13 验收不通过, 14-16 已审计 (15 %: the 10,000 to approve), 17 已核定, 18-19 已拨付.
    /// </summary>
    private static async Task SeedAsync(string connection, int n)
    {
        await BenchTools.MigrateAsync(connection);
        var programme = ProgrammeCatalog.LoadFolder(Path.Combine(Repo.Root, "config", "programmes")).Get(Programme);
        var districts = "(ARRAY[" + string.Join(",", programme.Districts.Names.Select(d => $"'{d}'")) + "])";
        var industry = programme.Industries[0].Key;
        var steps = new (string Name, string Sql)[]
        {
            ("organisations", $$"""
                INSERT INTO "Organisations" ("Id", "ProgrammeId", "Name", "Kind")
                SELECT md5('o' || k || '-' || j)::uuid, '{{Programme}}', (ARRAY['长春服务商', '吉林评测机构', '长春会计师事务所'])[k] || j || '有限公司', k
                FROM generate_series(1, 3) k, generate_series(0, 199) j WHERE k = 1 OR j < 40
                """),
            ("enterprises", $$"""
                INSERT INTO "Enterprises" ("Id", "ProgrammeId", "Name", "District", "QualityTier", "IndustryKey", "IndustryCode", "AboveScale",
                    "LittleGiantCentralFunded", "Pilot2022", "CreditStatus", "SearchText", "PublicSearchText", "SearchTokens", "Version", "CreatedAt", "UpdatedAt")
                SELECT md5('e' || i)::uuid, '{{Programme}}', '长春' || i || '汽车零部件有限公司', {{districts}}[i % {{programme.Districts.Names.Count}} + 1], 0,
                    '{{industry}}', '3670', i % 3 = 0, false, false, 1, '长春' || i, '长春' || i, '{}', 1, now(), now()
                FROM generate_series(0, {{n - 1}}) i
                """),
            ("assignments", $$"""
                INSERT INTO "Assignments" ("OrganisationId", "EnterpriseId", "AssignedAt", "Kind", "District")
                SELECT md5('o' || k || '-' || (i % CASE WHEN k = 1 THEN 200 ELSE 40 END))::uuid, md5('e' || i)::uuid, now(), k,
                    {{districts}}[i % {{programme.Districts.Names.Count}} + 1]
                FROM generate_series(0, {{n - 1}}) i, generate_series(1, 3) k
                """),
            ("diagnoses", $$"""
                INSERT INTO "Diagnoses" ("Id", "ProgrammeId", "EnterpriseId", "ProviderId", "Status", "Round", "RedItems", "OpenedByName", "AcceptedAt",
                    "Version", "CreatedAt", "UpdatedAt", "District")
                SELECT md5('d' || i)::uuid, '{{Programme}}', md5('e' || i)::uuid, md5('o1-' || (i % 200))::uuid, CASE WHEN i % 10 < 8 THEN 4 ELSE 1 END, 1, 0,
                    '服务商', CASE WHEN i % 10 < 8 THEN now() - interval '200 days' END, 1, now(), now(), {{districts}}[i % {{programme.Districts.Names.Count}} + 1]
                FROM generate_series(0, {{n - 1}}) i
                """),
            ("satisfactions", $$"""
                INSERT INTO "DiagnosisSatisfactions" ("Id", "ProgrammeId", "DiagnosisId", "Process", "Analysis", "Advice", "Competence", "Result",
                    "Overall", "Adoption", "SubmittedByName", "SubmittedAt")
                SELECT md5('s' || i)::uuid, '{{Programme}}', md5('d' || i)::uuid, 4, 3, 3 + i % 2, 4, 2 + i % 3, 3, 3, '企业', now()
                FROM generate_series(0, {{n - 1}}) i WHERE i % 10 < 8 AND i % 2 = 0
                """),
            ("filings", $$"""
                INSERT INTO "Filings" ("Id", "ProgrammeId", "EnterpriseId", "District", "Status", "Values", "ProjectName", "Round", "StatusSince", "FiledAt",
                    "LittleGiantCentralFunded", "Pilot2022", "CreatedByName", "Version", "CreatedAt", "UpdatedAt", "TargetLevel", "InvestmentWan")
                SELECT md5('f' || i)::uuid, '{{Programme}}', md5('e' || i)::uuid, {{districts}}[i % {{programme.Districts.Names.Count}} + 1], 5, '{}',
                    '数字化车间改造项目' || i, 1, now() - interval '300 days', now() - interval '300 days', false, false, '企业', 1, now(), now(), 2, 44
                FROM generate_series(0, {{n - 1}}) i
                """),
            // Each filing's contract names the provider assigned to the enterprise; one filing in ten also contracts another one.
            ("contracts", $$"""
                INSERT INTO "ServiceContracts" ("Id", "ProgrammeId", "FilingId", "Number", "Name", "PeriodStart", "PeriodEnd", "ProviderName", "ProviderUscc",
                    "ProviderContact", "ProviderPhone", "ProviderOrganisationId", "FirstPaymentPercent", "Work", "Lines", "TotalYuan", "CreatedByName",
                    "Version", "CreatedAt", "UpdatedAt")
                SELECT md5('c' || i || '-' || k)::uuid, '{{Programme}}', md5('f' || i)::uuid, 'CC-' || i || '-' || k, '数字化改造服务合同', date '2025-01-01',
                    date '2025-12-31', '长春服务商' || j || '有限公司', '9122010400' || lpad(j::text, 8, '0'), '联系人', '0431-88886666', md5('o1-' || j)::uuid,
                    30, 'MES系统实施与设备联网', '[]', 440000, '企业', 1, now(), now()
                FROM (SELECT i, k, CASE WHEN k = 0 THEN i % 200 ELSE (i * 7 + 1) % 200 END AS j
                      FROM generate_series(0, {{n - 1}}) i, generate_series(0, 1) k WHERE k = 0 OR i % 10 = 0) c
                """),
            ("projects", $$"""
                INSERT INTO "Projects" ("Id", "ProgrammeId", "FilingId", "EnterpriseId", "District", "ProjectName", "TargetLevel", "InvestmentWan", "DueOn",
                    "ExcludedFromCentralFunds", "Status", "StatusSince", "FiledAt", "Completion", "CompletedAt", "AgencyId", "AgencyName", "LevelAfter",
                    "ScoreAfter", "LevelBefore", "ScoreBefore", "EvaluatedAt", "Acceptance", "ExpertAccounts", "AcceptedAt", "AuditFirmId", "AuditFirmName",
                    "EligibleYuan", "AuditedAt", "SubsidyWan", "CentralWan", "LocalWan", "ApprovalBatch", "ApprovedAt", "PaidWan", "Version", "CreatedAt", "UpdatedAt")
                SELECT md5('p' || i)::uuid, '{{Programme}}', md5('f' || i)::uuid, md5('e' || i)::uuid, {{districts}}[i % {{programme.Districts.Names.Count}} + 1],
                    '数字化车间改造项目' || i, 2, 44, (now() - interval '300 days' + (i % 400) * interval '1 day')::date, false, st,
                    now() - (i % 97) * interval '1 day' - (i % 1440) * interval '1 minute', now() - interval '300 days', '{"deliveries":[]}',
                    CASE WHEN st >= 2 THEN now() - interval '100 days' END,
                    CASE WHEN st >= 3 THEN md5('o2-' || (i % 40))::uuid END, CASE WHEN st >= 3 THEN '吉林评测机构' || (i % 40) || '有限公司' END,
                    CASE WHEN st = 7 THEN 1 WHEN st >= 3 THEN 2 + (i % 3) / 2 END, CASE WHEN st >= 3 THEN 45 END,
                    CASE WHEN st >= 3 THEN i % 2 END, CASE WHEN st >= 3 THEN 20 END, CASE WHEN st >= 3 THEN now() - interval '80 days' END,
                    CASE WHEN st = 4 THEN '{"members":[],"rectifications":[{"item":"补充数据采集","done":false}],"rectifyBy":"' ||
                        to_char(now() + (((i / 20) % 2) * 2 - 1) * interval '10 days', 'YYYY-MM-DD') || '"}' ELSE '{"members":[],"rectifications":[]}' END, '',
                    CASE WHEN st IN (6, 8, 9, 10) THEN now() - interval '60 days' END,
                    CASE WHEN st IN (8, 9, 10) THEN md5('o3-' || (i % 40))::uuid END, CASE WHEN st IN (8, 9, 10) THEN '长春会计师事务所' || (i % 40) || '有限公司' END,
                    CASE WHEN st IN (8, 9, 10) THEN 400000 END, CASE WHEN st IN (8, 9, 10) THEN now() - interval '40 days' END,
                    CASE WHEN st IN (9, 10) THEN 20 END, CASE WHEN st IN (9, 10) THEN 20 END, CASE WHEN st IN (9, 10) THEN 0 END,
                    CASE WHEN st IN (9, 10) THEN '2025年第一批' END, CASE WHEN st IN (9, 10) THEN now() - interval '20 days' END,
                    CASE WHEN st = 10 THEN 20 ELSE 0 END, 1, now(), now()
                FROM (SELECT i, (ARRAY[1,1,1,1,1,2,2,3,3,4,5,6,6,7,8,8,8,9,10,10])[i % 20 + 1] AS st FROM generate_series(0, {{n - 1}}) i) s
                """),
            ("invoices", $$"""
                INSERT INTO "ProjectInvoices" ("Id", "ProjectId", "Number", "IssuedOn", "Seller", "Item", "AmountYuan", "CategoryKey", "EligibleYuan",
                    "ContentType", "FileName", "Sha256", "SizeBytes")
                SELECT md5('v' || p.i || '-' || k)::uuid, md5('p' || p.i)::uuid, '2522' || lpad((p.i * 3 + k)::text, 8, '0'), date '2025-10-15', '长春服务商有限公司',
                    (ARRAY['MES制造执行系统', '工业网关', '办公电脑'])[k], (ARRAY[300000, 100000, 40000])[k],
                    CASE WHEN p.audited THEN (ARRAY['software', 'collection', 'office'])[k] END, CASE WHEN p.audited THEN (ARRAY[300000, 100000, 0])[k] END,
                    'application/pdf', '发票.pdf', repeat('0', 64), 1024
                FROM (SELECT i, (ARRAY[1,1,1,1,1,2,2,3,3,4,5,6,6,7,8,8,8,9,10,10])[i % 20 + 1] AS st,
                             (ARRAY[1,1,1,1,1,2,2,3,3,4,5,6,6,7,8,8,8,9,10,10])[i % 20 + 1] IN (8, 9, 10) AS audited
                      FROM generate_series(0, {{n - 1}}) i) p, generate_series(1, 3) k
                WHERE p.st >= 2
                """),
            ("project files", $$"""
                INSERT INTO "ProjectFiles" ("Id", "ProjectId", "Kind", "UploadedByName", "UploadedAt", "ContentType", "FileName", "Sha256", "SizeBytes")
                SELECT md5('r' || i || '-' || k)::uuid, md5('p' || i)::uuid, k, '审计机构', now(), 'application/pdf', '报告.pdf', repeat('0', 64), 1024
                FROM generate_series(0, {{n - 1}}) i, generate_series(1, 2) k
                WHERE (ARRAY[1,1,1,1,1,2,2,3,3,4,5,6,6,7,8,8,8,9,10,10])[i % 20 + 1] IN (6, 8, 9, 10)
                """),
            ("payments", $$"""
                INSERT INTO "ProjectPayments" ("Id", "ProgrammeId", "ProjectId", "PaidOn", "AmountWan", "VoucherNo", "RecordedByName", "RecordedAt")
                SELECT md5('y' || i)::uuid, '{{Programme}}', md5('p' || i)::uuid, date '2026-01-15', 20, 'PZ-' || i, '市工信局', now()
                FROM generate_series(0, {{n - 1}}) i WHERE i % 20 >= 18
                """),
            ("assessments", $$"""
                INSERT INTO "Assessments" ("Id", "ProgrammeId", "EnterpriseId", "InstrumentId", "InstrumentVersion", "Stage", "AssessorKind", "AssessorUserId",
                    "AssessorName", "AssessedOn", "Answers", "Score", "Level", "Result", "ScoredAt", "Version", "CreatedAt", "UpdatedAt")
                SELECT md5('a' || i || '-' || k)::uuid, '{{Programme}}', md5('e' || i)::uuid, 'miit-2024', '2024', 1 + k % 3, 1 + k % 3, 'bench',
                    '评测人', date '2025-01-01' + k * 30, '{}', 20 + k * 3, 1 + k % 3, '{}', now(), 1, now(), now()
                FROM generate_series(0, {{n - 1}}) i, generate_series(0, 9) k
                """),
        };
        foreach (var (name, sql) in steps)
        {
            var sw = Stopwatch.StartNew();
            await BenchTools.ExecuteAsync(connection, sql);
            Console.WriteLine($"  {name,-14} {sw.Elapsed.TotalSeconds,6:F1} s  load {BenchTools.Load()}");
        }
        await BenchTools.ExecuteAsync(connection, "VACUUM ANALYZE");
    }

    private static async Task<bool> MeasureAsync(string connection, int requests, bool measureApproval)
    {
        var data = Path.Combine(Path.GetTempPath(), $"dxpilot-projectbench-{Guid.NewGuid():N}");
        await using var platform = BenchTools.InProcess<ProjectService>(connection, data);
        _ = platform.Server;
        var programme = platform.Services.GetRequiredService<ProgrammeCatalog>().Get(Programme);
        var city = new Actor("bench-city", "长春市工信局", Role.CityBureau, Programme);
        var ok = true;
        foreach (var (name, district) in new[] { ("dashboard computed, programme", (string?)null), ("dashboard computed, 朝阳区", "朝阳区") })
            ok &= Report(name, 100, await BenchTools.TimeAsync(requests, 3, async () =>
            {
                await using var scope = platform.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DashboardQueries>().ComputeAsync(programme, district, DateTime.UtcNow, CancellationToken.None);
            }));
        foreach (var (name, district) in new[] { ("dashboard as read, programme", (string?)null), ("dashboard as read, 朝阳区", "朝阳区") })
            ok &= Report(name, 100, await BenchTools.TimeAsync(requests * 10, 3, async () =>
            {
                await using var scope = platform.Services.CreateAsyncScope();
                if (!(await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(city, district)).IsOk) throw new InvalidOperationException("refused");
            }));

        // A provider's first page of projects and of filings: those of the enterprises assigned to it and those it contracted (ProviderWork).
        var provider = new Actor("bench-provider", "长春服务商5有限公司", Role.ServiceProvider, Programme, OrganisationId: ProviderId(5));
        ok &= Report("provider's projects, first page", 100, await BenchTools.TimeAsync(requests * 5, 3, async () =>
        {
            await using var scope = platform.Services.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<ProjectService>().ListAsync(provider, new ProjectFilter(), 1);
            if (page.Value is not { Total: > 0 }) throw new InvalidOperationException("the provider's projects are missing");
        }));
        ok &= Report("provider's filings, first page", 100, await BenchTools.TimeAsync(requests * 5, 3, async () =>
        {
            await using var scope = platform.Services.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<FilingService>().ListAsync(provider, new FilingFilter(), 1);
            if (page.Value is not { Total: > 0 }) throw new InvalidOperationException("the provider's filings are missing");
        }));

        if (measureApproval)
        {
            List<Guid> ids;
            await using (var scope = platform.Services.CreateAsyncScope())
                ids = await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().Projects
                    .Where(p => p.ProgrammeId == Programme && p.Status == ProjectStatus.Audited).OrderBy(p => p.Id).Select(p => p.Id).Take(10_000).ToListAsync();
            await using (var scope = platform.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<CurrentActor>().Assume(city);
                var sw = Stopwatch.StartNew();
                var outcome = await scope.ServiceProvider.GetRequiredService<ProjectService>()
                    .ApproveBatchAsync(city, ids.Select(id => new ProjectService.BatchItem(id, null)).ToList(), "2026年第一批（压测）");
                var seconds = sw.Elapsed.TotalSeconds;
                var approved = outcome.Value?.Count(r => r.Approved) ?? 0;
                var refusal = outcome.Value?.FirstOrDefault(r => !r.Approved)?.Message;
                Console.WriteLine($"approve batch of {ids.Count}: {seconds:F1} s, {approved} approved{(refusal is null ? "" : $" (first refusal: {refusal})")} (target 10 s)  load {BenchTools.Load()}");
                ok &= seconds < 10 && approved == ids.Count;
            }
        }
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"process peak working set {self.PeakWorkingSet64 / 1024 / 1024} MB; load average at end: {BenchTools.Load()}");
        try { Directory.Delete(data, recursive: true); } catch (IOException) { }
        Console.WriteLine(ok ? "OK: every target met" : "NOT OK: a target is missed (see above)");
        return ok;
    }

    /// <summary>The generator's provider j (md5('o1-' || j) in SQL).</summary>
    private static Guid ProviderId(int j) => new(Convert.ToHexString(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.ASCII.GetBytes($"o1-{j}"))));

    private static bool Report(string name, double target, List<double> times)
    {
        var median = times[times.Count / 2];
        Console.WriteLine($"{name,-34} median {median,8:F1} ms  p95 {times[(int)(times.Count * 0.95)],8:F1} ms  (target {target} ms)  load {BenchTools.Load()}");
        return median < target;
    }
}
