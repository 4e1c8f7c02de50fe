using DxPilot.Domain.Auditing;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Assessments.Rescoring;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Assessments.Rescoring;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>重新评分: stored assessments with stale results are re-scored under the instrument version loaded now. Expected
/// points and levels are typed from the official 2024 tables (config/instruments/miit-2024.json options, seed 002 表6).</summary>
public abstract class RescoreTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Programme = "changchun-2025";
    private const string OtherProgramme = "heilongjiang-2025";
    private const string StaleVersion = "2024.0";

    // Every question at its highest option (multi-choice: every option but 无); every scenario at 四级.
    private static readonly AssessmentAnswers AllMaximum = Sheet(new()
    {
        ["网络建设"] = ["B", "C", "D", "E"], ["设备数字化"] = ["E"], ["设备联网"] = ["E"],
        ["数据采集"] = ["B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O"], ["信息系统"] = ["E"],
        ["网络安全"] = ["B", "C", "D", "E"], ["数据安全"] = ["B", "C", "D", "E"], ["规划实施"] = ["F"], ["管理机制"] = ["B", "C", "D", "E"],
        ["人才建设"] = ["B", "C", "D", "E", "F"], ["资金保障"] = ["E"], ["绿色低碳"] = ["C"], ["产品质量"] = ["C"], ["市场表现"] = ["C"], ["价值效益"] = ["C"],
    }, _ => 4);

    // 无 / the lowest band everywhere, no scenario rated.
    private static readonly AssessmentAnswers AllNone = Sheet([], _ => 0);

    // 8 (网络建设 B-E) + 6 (设备数字化 E) + 6 (设备联网 E) + 10 (信息系统 E) + 7.5 (规划实施 F) + 2.5 (网络安全 B, C) = 40 points,
    // six scenarios at 二级 of which three constrained (产品设计, 营销管理, 生产管控): exactly what 二级 needs.
    private static readonly AssessmentAnswers Exactly40 = Sheet(new()
    {
        ["网络建设"] = ["B", "C", "D", "E"], ["设备数字化"] = ["E"], ["设备联网"] = ["E"], ["信息系统"] = ["E"], ["规划实施"] = ["F"], ["网络安全"] = ["B", "C"],
    }, s => s is "产品设计" or "营销管理" or "生产管控" or "工艺设计" or "售后服务" or "计划排程" ? 2 : 0);

    [Fact]
    public async Task Stale_results_are_rescored_under_the_current_version_unfit_answers_are_reported_and_a_second_run_changes_nothing()
    {
        var (instruments, instrument) = Instrument();
        var enterprise = await EnterpriseAsync();
        // The programme's demo assessments (Features/Diagnoses/DiagnosisDemoData) are current: scanned and left unchanged.
        var current = await WithDb(db => db.Assessments.CountAsync(a => a.ProgrammeId == Programme));
        var max = await StoreStaleAsync(Programme, enterprise, AllMaximum);
        var none = await StoreStaleAsync(Programme, enterprise, AllNone);
        var forty = await StoreStaleAsync(Programme, enterprise, Exactly40);
        var renamed = await StoreAsync(Programme, enterprise, Exactly40);
        var elsewhere = await StoreStaleAsync(OtherProgramme, enterprise, AllMaximum);
        // Answered under an older version whose question was called 网络建设（旧）; its result (40 points, 二级) is that version's.
        await WithDb(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "Assessments" SET "Answers" = REPLACE("Answers", '"网络建设"', '"网络建设（旧）"'), "InstrumentVersion" = {StaleVersion} WHERE "Id" = {renamed}"""));

        var first = await RescoreAsync(instruments);
        Assert.Equal((4 + current, 3, current, 1, 0), (first.Scanned, first.Changed, first.Unchanged, first.Failed, first.RevisedMeanwhile));
        var failure = Assert.Single(first.FirstFailures);
        Assert.Equal(renamed, failure.AssessmentId);
        Assert.Contains("未知的题目“网络建设（旧）”", failure.Reason);
        Assert.Contains("以下1道题目未作答：网络建设", failure.Reason);

        var a = await LoadAsync(max);
        Assert.Equal((100m, 4, "四级（协同级）", instrument.Version, 2), (a.Score, a.Level, a.Result.LevelName, a.InstrumentVersion, a.Version));
        Assert.Equal(20m, a.Result.SubIndicators["设备系统"]);
        Assert.Equal(50m, a.Result.Dimensions["数字化基础"]);
        Assert.Empty(a.Result.Shortfalls);

        var b = await LoadAsync(none);
        Assert.Equal((0m, 0, "无等级", instrument.Version, 2), (b.Score, b.Level, b.Result.LevelName, b.InstrumentVersion, b.Version));
        Assert.Equal(new[] { 16, 0, 0, 0, 0 }, b.Result.ScenariosAtLevel);

        var c = await LoadAsync(forty);
        Assert.Equal((40m, 2, "二级（规范级）", instrument.Version), (c.Score, c.Level, c.Result.LevelName, c.InstrumentVersion));
        Assert.Equal((20m, 10m, 2.5m, 7.5m), (c.Result.SubIndicators["设备系统"], c.Result.SubIndicators["信息系统"], c.Result.SubIndicators["信息安全"], c.Result.SubIndicators["规划管理"]));
        Assert.Equal((32.5m, 7.5m, 0m), (c.Result.Dimensions["数字化基础"], c.Result.Dimensions["数字化管理"], c.Result.Dimensions["数字化成效"]));
        Assert.Equal(new[] { 10, 0, 6, 0, 0 }, c.Result.ScenariosAtLevel);
        Assert.Equal(new[] { 7, 0, 3, 0, 0 }, c.Result.ConstrainedAtLevel);
        Assert.Contains("三级未达到：总分40分，需要60分；应用场景达到三级的只有0个，需要8个；约束性场景达到三级的只有0个，需要5个", c.Result.Shortfalls);

        // Left exactly as it was: not zeroed, not marked as scored under the new version.
        var d = await LoadAsync(renamed);
        Assert.Equal((40m, 2, "二级（规范级）", StaleVersion, 1), (d.Score, d.Level, d.Result.LevelName, d.InstrumentVersion, d.Version));
        Assert.Contains("网络建设（旧）", d.Answers.Choices.Keys);
        // Another programme's assessment is outside this run.
        Assert.Equal(StaleVersion, (await LoadAsync(elsewhere)).InstrumentVersion);

        var audit = Assert.Single(await AuditAsync());
        Assert.Equal((nameof(Assessment), "miit-2024"), (audit.EntityType, audit.EntityId));
        Assert.Contains($"评测工具 miit-2024 版本 {instrument.Version}（试点 {Programme}）", audit.Source);
        Assert.Contains($"扫描{4 + current}条，结果有变化3条，无变化{current}条，无法评分1条", audit.Source);
        var change = Assert.Single(audit.Changes);
        Assert.Equal((StaleVersion, instrument.Version), (change.Before, change.After));
        // One entry for the run, none per assessment.
        var ids = new[] { max.ToString(), none.ToString(), forty.ToString() };
        Assert.Equal(0, await WithDb(db => db.AuditEntries.CountAsync(e => ids.Contains(e.EntityId) && e.Action != AuditAction.Created)));

        var second = await RescoreAsync(instruments);
        Assert.Equal((4 + current, 0, 3 + current, 1), (second.Scanned, second.Changed, second.Unchanged, second.Failed));
        Assert.Equal(2, (await LoadAsync(max)).Version);
        Assert.Equal(2, (await AuditAsync()).Count);
    }

    [Fact]
    public async Task The_rescore_command_uses_the_configured_database_and_prints_the_report_in_chinese()
    {
        const string programme = "shijiazhuang-2025";
        var enterprise = await EnterpriseAsync();
        await StoreStaleAsync(programme, enterprise, AllMaximum);
        var renamed = await StoreStaleAsync(programme, enterprise, AllNone);
        await WithDb(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"""UPDATE "Assessments" SET "Answers" = REPLACE("Answers", '"设备联网"', '"设备联网率"') WHERE "Id" = {renamed}"""));
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var dataPath = Path.Combine(Path.GetTempPath(), "dxpilot-tests", Guid.NewGuid().ToString("N"));
        string[] configuration = [$"--Database:Provider={database.Provider}", $"--ConnectionStrings:DxPilot={database.ConnectionString}", $"--DxPilot:DataPath={dataPath}"];

        try
        {
            var (exit, output, errors) = await RunCommandAsync(["--instrument", "miit-2024", "--programme", programme, .. configuration]);
            // 1: one assessment could not be re-scored; it is listed with its reason and left as it was.
            Assert.Equal(1, exit);
            Assert.Contains("共 2 条评测：结果有变化 1 条，无变化 0 条，无法评分 1 条", output);
            Assert.Contains($"{renamed}  未知的题目“设备联网率”", output);
            Assert.Equal("", errors);

            (exit, output, _) = await RunCommandAsync(["--instrument", "miit-2024", "--programme", programme, .. configuration]);
            Assert.Equal(1, exit);
            Assert.Contains("共 2 条评测：结果有变化 0 条，无变化 1 条，无法评分 1 条", output);

            (exit, _, errors) = await RunCommandAsync(["--instrument", "miit-2099", .. configuration]);
            Assert.Equal(2, exit);
            Assert.Contains("未知的评测工具“miit-2099”", errors);
        }
        finally
        {
            if (Directory.Exists(dataPath)) Directory.Delete(dataPath, recursive: true);
        }
    }

    private static async Task<(int Exit, string Output, string Errors)> RunCommandAsync(string[] args)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var exit = await RescoreCommand.RunAsync(args, output, errors, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), errors.ToString());
    }

    private (InstrumentCatalog Catalog, Instrument Instrument) Instrument()
    {
        var catalog = app.Services.GetRequiredService<InstrumentCatalog>();
        return (catalog, catalog.Find("miit-2024")!);
    }

    private Task<Guid> EnterpriseAsync() => WithDb(db => db.Enterprises.Select(e => e.Id).FirstAsync());

    /// <summary>Records an assessment, then makes its stored result stale: as an older version left it, 0 points and 无等级.</summary>
    private async Task<Guid> StoreStaleAsync(string programme, Guid enterprise, AssessmentAnswers answers)
    {
        var id = await StoreAsync(programme, enterprise, answers);
        await WithDb(db => db.Database.ExecuteSqlInterpolatedAsync(
            $$"""UPDATE "Assessments" SET "Score" = 0, "Level" = 0, "InstrumentVersion" = {{StaleVersion}}, "Result" = '{}' WHERE "Id" = {{id}}"""));
        return id;
    }

    /// <summary>Records a scored assessment the ordinary way.</summary>
    private async Task<Guid> StoreAsync(string programme, Guid enterprise, AssessmentAnswers answers)
    {
        var scorer = app.Services.GetRequiredService<InstrumentCatalog>().ScorerFor("miit-2024")!;
        var outcome = scorer.Assess(answers.ToSheet());
        Assert.True(outcome.IsValid, string.Join("；", outcome.Problems.Select(p => p.Message)));
        var assessment = Assessment.Record(programme, enterprise, scorer.Instrument, AssessmentStage.SelfTest,
            new Actor("test", "测试评估员", Role.Enterprise, programme, EnterpriseId: enterprise), AssessorKind.Enterprise,
            new DateOnly(2025, 3, 1), answers, outcome.Result!, outcome.Problems, DateTime.UtcNow);
        await WithDb(db =>
        {
            db.Assessments.Add(assessment);
            return db.SaveChangesAsync();
        });
        return assessment.Id;
    }

    // Pages of two, so that four assessments cross page (and, on PostgreSQL, writer) boundaries.
    private async Task<RescoreReport> RescoreAsync(InstrumentCatalog instruments) =>
        await WithDb(db => new AssessmentRescorer(db, instruments, TimeProvider.System, pageSize: 2)
            .RescoreAsync("miit-2024", Programme, Actor.System(Programme, "测试"), TestContext.Current.CancellationToken));

    private Task<Assessment> LoadAsync(Guid id) => WithDb(db => db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id));

    private Task<List<Domain.Auditing.AuditEntry>> AuditAsync() =>
        WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditAction.Rescored && e.ProgrammeId == Programme).OrderBy(e => e.Id).ToListAsync());

    private async Task<T> WithDb<T>(Func<DxPilotDbContext, Task<T>> work)
    {
        await using var scope = app.DataScope(Programme);
        return await work(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }

    private static AssessmentAnswers Sheet(Dictionary<string, List<string>> raised, Func<string, int> scenarioLevel)
    {
        var instrument = InstrumentLoader.Load(Path.Combine(RepoConfig, "instruments", "miit-2024.json"));
        var answers = new AssessmentAnswers();
        // Unlisted questions: 无 on multi-choice, the lowest band (A) on single choice.
        foreach (var q in instrument.Questions)
            answers.Choices[q.Name] = raised.GetValueOrDefault(q.Name) ?? [q.Kind == QuestionKind.Multi ? q.Options.Single(o => o.Exclusive).Key : "A"];
        foreach (var s in instrument.Scenarios) answers.Scenarios[s.Name] = scenarioLevel(s.Name);
        return answers;
    }

    private static string RepoConfig
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (Directory.Exists(Path.Combine(dir.FullName, "config", "instruments"))) return Path.Combine(dir.FullName, "config");
            throw new DirectoryNotFoundException("config/instruments");
        }
    }
}

public sealed class RescoreTestsOnSqlite(SqliteApp app) : RescoreTests<SqliteApp>(app);

public sealed class RescoreTestsOnPostgres(PostgresApp app) : RescoreTests<PostgresApp>(app);
