using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.ShijiazhuangAwards;

namespace DxPilot.Web.Tests;

/// <summary>
/// Seed 004 附件1-1 一 (生产设备数字化率 ≥ 60 %, 数字化生产设备联网率 ≥ 50 %) for Shijiazhuang's case: the acceptance is an imported
/// result, which carries no assessment, so the rates come from the raw inputs of the enterprise's latest assessment by an
/// evaluation agency — not an older one, not its own self-test — and the evidence names the agency and the date.
/// </summary>
public abstract class AwardRatesTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Digital = "实现数字化的生产设备数量（台）", Devices = "生产设备数量（台）", Networked = "实现联网的生产设备数量（台）";

    /// <summary>An assessment scored the ordinary way: every question at its lowest answer but the two device questions, whose options
    /// agree with the raw inputs.</summary>
    private Assessment Scored(Guid enterprise, AssessorKind kind, Guid? organisation, DateOnly on, decimal digital, decimal devices, decimal networked)
    {
        var scorer = app.Services.GetRequiredService<InstrumentCatalog>().ScorerFor("miit-2024")!;
        var answers = new AssessmentAnswers();
        foreach (var q in scorer.Instrument.Questions)
            answers.Choices[q.Name] = [q.Kind == QuestionKind.Multi ? q.Options.Single(o => o.Exclusive).Key : "A"];
        static string Band(decimal pct) => pct <= 10 ? "A" : pct <= 20 ? "B" : pct <= 40 ? "C" : pct <= 60 ? "D" : "E";
        answers.Choices["设备数字化"] = [Band(digital / devices * 100)];
        answers.Choices["设备联网"] = [Band(networked / devices * 100)];
        (answers.RawInputs[Digital], answers.RawInputs[Devices], answers.RawInputs[Networked]) = (digital, devices, networked);
        foreach (var s in scorer.Instrument.Scenarios) answers.Scenarios[s.Name] = 0;
        var outcome = scorer.Assess(answers.ToSheet());
        Assert.True(outcome.IsValid, string.Join("；", outcome.Problems.Select(p => p.Message)));
        var role = kind == AssessorKind.Enterprise ? Role.Enterprise : Role.EvaluationAgency;
        return Assessment.Record(Programme, enterprise, scorer.Instrument, AssessmentStage.After,
            new Actor("test", "测试评测员", role, Programme, EnterpriseId: enterprise, OrganisationId: organisation), kind, on, answers, outcome.Result!, outcome.Problems, DateTime.UtcNow);
    }

    private static Dictionary<string, (string Verdict, string Evidence)> Lighthouse(JsonElement view) =>
        view.GetProperty("criteria").EnumerateArray().Single(d => d.GetProperty("direction").GetString() == "lighthouse").GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("key").GetString()!, c => (c.GetProperty("verdict").GetString()!, c.GetProperty("evidence").GetString()!));

    private async Task<JsonElement> LighthouseDraftAsync(string user)
    {
        var client = await app.As(user);
        var started = await client.PostAsync($"/api/awards/calls/{Benchmark}/applications", null, Ct);
        Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync(Ct));
        var json = await started.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var id = json.GetProperty("id").GetGuid();
        var saved = await client.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "lighthouse" }, content = new { }, version = json.GetProperty("version").GetInt32() }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return await client.GetFromJsonAsync<JsonElement>($"/api/awards/{id}", Ct);
    }

    [Fact]
    public async Task An_imported_acceptance_reads_the_rates_from_the_latest_agency_assessment_and_names_it()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var enterprise = await EnterpriseAsync(app, "正定县");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var agencyName = $"河北数字化评测中心{suffix}";
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var agency = new Organisation { ProgrammeId = Programme, Name = agencyName, Kind = OrganisationKind.EvaluationAgency, Uscc = TestData.NewUscc("130123") };
            db.Organisations.Add(agency);
            db.AcceptanceResults.Add(AcceptanceResult.Record(Programme, enterprise.Id, enterprise.District, "数字化改造项目",
                new AcceptanceFacts(new DateOnly(2025, 6, 30), 2, 3, agencyName, null, true, null), "验收结果.xlsx", DateTime.UtcNow));
            // Older agency assessment: 90 % and 100 %, would pass both; the latest: exactly 60 %, and 29 of 60 digital devices = 48.3 %.
            db.Assessments.Add(Scored(enterprise.Id, AssessorKind.EvaluationAgency, agency.Id, new DateOnly(2025, 3, 1), 90, 100, 90));
            db.Assessments.Add(Scored(enterprise.Id, AssessorKind.EvaluationAgency, agency.Id, new DateOnly(2025, 6, 28), 60, 100, 29));
            // The enterprise's own later self-test does not count.
            db.Assessments.Add(Scored(enterprise.Id, AssessorKind.Enterprise, null, new DateOnly(2025, 7, 10), 100, 100, 100));
            await db.SaveChangesAsync(Ct);
        }
        var accounts = new ProgrammeAccounts(app, Programme);
        await new ShijiazhuangAwardFiles(app).OpenBatchAsync(Benchmark);

        var checks = Lighthouse(await LighthouseDraftAsync(await accounts.UserAsync(Role.Enterprise, enterprise: enterprise.Id)));
        var source = $"评测机构（{agencyName}）2025年6月28日改造后评测原始数据";
        Assert.Equal(("met", $"{source}：{Digital} 60 ÷ {Devices} 100 = 60%，须不低于60%"), checks["digitalEquipment"]);
        Assert.Equal(("notMet", $"{source}：{Networked} 29 ÷ {Digital} 60 = 48.3%，须不低于50%"), checks["networked"]);
    }

    [Fact]
    public async Task Without_an_agency_assessment_the_rates_are_the_applicants_to_enter()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var enterprise = await EnterpriseAsync(app, "正定县");
        await AcceptedProjectAsync(app, enterprise);
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            db.Assessments.Add(Scored(enterprise.Id, AssessorKind.Enterprise, null, new DateOnly(2025, 7, 10), 100, 100, 100));
            await db.SaveChangesAsync(Ct);
        }
        var accounts = new ProgrammeAccounts(app, Programme);
        await new ShijiazhuangAwardFiles(app).OpenBatchAsync(Benchmark);
        var checks = Lighthouse(await LighthouseDraftAsync(await accounts.UserAsync(Role.Enterprise, enterprise: enterprise.Id)));
        Assert.Equal(("notMet", "没有评测原始数据，企业也未填报，须不低于60%"), checks["digitalEquipment"]);
    }
}

public sealed class AwardRatesTestsOnSqlite(SqliteApp app) : AwardRatesTests<SqliteApp>(app);

public sealed class AwardRatesTestsOnPostgres(PostgresApp app) : AwardRatesTests<PostgresApp>(app);
