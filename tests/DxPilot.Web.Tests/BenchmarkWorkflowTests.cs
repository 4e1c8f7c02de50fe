using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.Pictures;

namespace DxPilot.Web.Tests;

/// <summary>
/// The 示范标杆 chain of config/calls/hlj-benchmark-2025.json, every role × trigger × state: the allowed ones change the state and
/// write one StateTransition; the forbidden ones are refused with their reason and change nothing. The expected table is written
/// out here from the call's declaration, not read from the code.
/// </summary>
public abstract class BenchmarkWorkflowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Hlj = HeilongjiangAccounts.Programme;
    private const string Reason = "佐证材料不全，请补充第3项的系统截图。";

    /// <summary>(who, trigger, from) → to: everything the call allows.</summary>
    private static readonly Dictionary<(Role, BenchmarkTrigger, BenchmarkStatus), BenchmarkStatus> Allowed = new()
    {
        [(Role.Enterprise, BenchmarkTrigger.Submit, BenchmarkStatus.Draft)] = BenchmarkStatus.Submitted,
        [(Role.Enterprise, BenchmarkTrigger.Submit, BenchmarkStatus.Returned)] = BenchmarkStatus.Submitted,
        [(Role.CityBureau, BenchmarkTrigger.StartReview, BenchmarkStatus.Submitted)] = BenchmarkStatus.UnderReview,
        [(Role.CityBureau, BenchmarkTrigger.Return, BenchmarkStatus.Submitted)] = BenchmarkStatus.Returned,
        [(Role.CityBureau, BenchmarkTrigger.Return, BenchmarkStatus.UnderReview)] = BenchmarkStatus.Returned,
        [(Role.CityBureau, BenchmarkTrigger.Recognise, BenchmarkStatus.UnderReview)] = BenchmarkStatus.Recognised,
        [(Role.CityBureau, BenchmarkTrigger.NotRecognise, BenchmarkStatus.UnderReview)] = BenchmarkStatus.NotRecognised,
    };

    private static readonly Dictionary<BenchmarkTrigger, (Role Who, string Label)> Triggers = new()
    {
        [BenchmarkTrigger.Submit] = (Role.Enterprise, "提交申报"),
        [BenchmarkTrigger.StartReview] = (Role.CityBureau, "开始审核"),
        [BenchmarkTrigger.Return] = (Role.CityBureau, "退回修改"),
        [BenchmarkTrigger.Recognise] = (Role.CityBureau, "认定"),
        [BenchmarkTrigger.NotRecognise] = (Role.CityBureau, "不予认定"),
    };

    /// <summary>The bureau's labels of the call file.</summary>
    private static readonly Dictionary<BenchmarkStatus, string> Labels = new()
    {
        [BenchmarkStatus.Draft] = "草稿", [BenchmarkStatus.Submitted] = "待审核", [BenchmarkStatus.UnderReview] = "审核中",
        [BenchmarkStatus.Returned] = "已退回修改", [BenchmarkStatus.Recognised] = "已认定", [BenchmarkStatus.NotRecognised] = "不予认定",
    };

    /// <summary>How to reach each state from a fresh eligible draft.</summary>
    private static readonly Dictionary<BenchmarkStatus, (Role, BenchmarkTrigger)[]> Paths = new()
    {
        [BenchmarkStatus.Draft] = [],
        [BenchmarkStatus.Submitted] = [(Role.Enterprise, BenchmarkTrigger.Submit)],
        [BenchmarkStatus.UnderReview] = [(Role.Enterprise, BenchmarkTrigger.Submit), (Role.CityBureau, BenchmarkTrigger.StartReview)],
        [BenchmarkStatus.Returned] = [(Role.Enterprise, BenchmarkTrigger.Submit), (Role.CityBureau, BenchmarkTrigger.Return)],
        [BenchmarkStatus.Recognised] = [(Role.Enterprise, BenchmarkTrigger.Submit), (Role.CityBureau, BenchmarkTrigger.StartReview), (Role.CityBureau, BenchmarkTrigger.Recognise)],
        [BenchmarkStatus.NotRecognised] = [(Role.Enterprise, BenchmarkTrigger.Submit), (Role.CityBureau, BenchmarkTrigger.StartReview), (Role.CityBureau, BenchmarkTrigger.NotRecognise)],
    };

    public static TheoryData<BenchmarkStatus> States() => new(Enum.GetValues<BenchmarkStatus>());

    [Theory]
    [MemberData(nameof(States))]
    public async Task Every_role_and_trigger_from_this_state_is_taken_or_refused_as_the_call_declares(BenchmarkStatus state)
    {
        // The forbidden ones first, all on one application: none may change it.
        var (id, enterprise) = await ApplicationInAsync(state);
        var before = await SnapshotAsync(id);
        foreach (var role in Enum.GetValues<Role>())
        foreach (var trigger in Enum.GetValues<BenchmarkTrigger>())
        {
            if (Allowed.ContainsKey((role, trigger, state))) continue;
            var outcome = await TransitionAsync(ActorFor(role, enterprise), id, trigger);
            var (kind, message) = Expected(role, trigger, state);
            Assert.True(kind == outcome.Kind, $"{role} {trigger} from {state}: expected {kind}, got {outcome.Kind} ({outcome.Message})");
            if (message is not null) Assert.Equal(message, outcome.Message);
        }
        Assert.Equal(before, await SnapshotAsync(id));

        // Each allowed one on an application of its own.
        foreach (var ((role, trigger, from), to) in Allowed.Where(a => a.Key.Item3 == state))
        {
            var (fresh, owner) = await ApplicationInAsync(state);
            var count = (await SnapshotAsync(fresh)).Transitions;
            var actor = ActorFor(role, owner);
            var outcome = await TransitionAsync(actor, fresh, trigger);
            Assert.True(outcome.IsOk, $"{role} {trigger} from {from}: {outcome.Message}");
            var after = await SnapshotAsync(fresh);
            Assert.Equal(to, after.Status);
            Assert.Equal(count + 1, after.Transitions);
            var record = await Scoped(db => db.StateTransitions.Where(t => t.EntityId == fresh.ToString()).OrderByDescending(t => t.At).ThenByDescending(t => t.Id).FirstAsync());
            Assert.Equal((WorkflowNames.Of(trigger), WorkflowNames.Of(from), WorkflowNames.Of(to), actor.UserId, actor.Name, Hlj, "BenchmarkApplication"),
                (record.Trigger, record.FromState, record.ToState, record.ActorId, record.ActorName, record.ProgrammeId, record.EntityType));
            Assert.Equal(ReasonFor(trigger), record.Reason);
        }
    }

    [Theory]
    [InlineData(BenchmarkTrigger.Return, BenchmarkStatus.Submitted, "退回修改须填写理由")]
    [InlineData(BenchmarkTrigger.NotRecognise, BenchmarkStatus.UnderReview, "不予认定须填写理由")]
    public async Task Returning_or_not_recognising_without_a_reason_is_refused_and_changes_nothing(BenchmarkTrigger trigger, BenchmarkStatus state, string message)
    {
        var (id, enterprise) = await ApplicationInAsync(state);
        var before = await SnapshotAsync(id);
        var outcome = await ActingAs(ActorFor(Role.CityBureau, enterprise), s => s.TransitionAsync(ActorFor(Role.CityBureau, enterprise), id, trigger, "  ", null));
        Assert.Equal((OutcomeKind.Invalid, message), (outcome.Kind, outcome.Message));
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task Submission_is_refused_while_a_precondition_fails_and_the_draft_stays_a_draft()
    {
        var (id, enterprise) = await ApplicationInAsync(BenchmarkStatus.Draft, eligible: false);
        var outcome = await TransitionAsync(ActorFor(Role.Enterprise, enterprise), id, BenchmarkTrigger.Submit);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("以下1项前置条件未满足，不能提交：数字化水平二级及以上：工信部平台数字化水平为一级，需要二级及以上，不得申报", outcome.Message);
        Assert.Equal(BenchmarkStatus.Draft, (await SnapshotAsync(id)).Status);
    }

    [Fact]
    public async Task The_bureau_returns_through_its_buttons_and_the_enterprise_reads_why_and_resubmits()
    {
        var (id, _, user) = await ApplicantInAsync(BenchmarkStatus.Submitted);
        var page = $"/benchmark/{id}";
        var city = (await BenchmarkBrowser.SignInAsync(app, "hlj-city")).Client;
        var doc = await city.GetDocument(page);
        Assert.Equal("待审核", doc.QuerySelector("#status")!.TextContent);
        Assert.Equal(["startReview", "return"], doc.QuerySelectorAll("#transitions button").Select(b => b.GetAttribute("data-trigger")));
        var harbin = (await BenchmarkBrowser.SignInAsync(app, await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "哈尔滨市"))).Client;
        Assert.Null((await harbin.GetDocument(page)).QuerySelector("#transitions"));

        // Without a reason: refused on the page with the guard's words, nothing changes.
        var refused = await Act(city, page, "return", "");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("退回修改须填写理由", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        var returned = await Act(city, page, "return", Reason);
        Assert.EndsWith($"{page}?done=return", returned.Headers.Location!.OriginalString);
        Assert.Contains("已退回修改", (await city.GetDocument($"{page}")).QuerySelector("#status")!.TextContent);
        var row = (await city.GetDocument("/benchmark?state=returned")).QuerySelector($"a[href='/benchmark/{id}']")!.ParentElement!.ParentElement!;
        Assert.Equal("已退回修改", row.QuerySelector("td[data-status=returned]")!.TextContent);
        Assert.Null((await city.GetDocument("/benchmark?state=submitted")).QuerySelector($"a[href='/benchmark/{id}']"));

        var enterprise = await BenchmarkBrowser.SignInAsync(app, user);
        var own = await enterprise.Client.GetDocument(page);
        Assert.Equal("退回修改", own.QuerySelector("#status")!.TextContent);
        Assert.Contains(Reason, own.QuerySelector("#return-reason")!.TextContent);
        Assert.Equal(2, own.QuerySelectorAll("#history tbody tr").Length);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await enterprise.FillAsync(f => f["Form.Overview"] = new string('改', 2000), "submit")).StatusCode);
        Assert.Equal("已提交", (await enterprise.Client.GetDocument(page)).QuerySelector("#status")!.TextContent);
    }

    [Fact]
    public async Task The_api_refuses_in_Chinese_with_403_409_and_400_and_takes_what_the_chain_allows()
    {
        var (id, _) = await ApplicationInAsync(BenchmarkStatus.Submitted);
        var city = await app.As("hlj-city");
        var district = await app.As(await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "哈尔滨市"));
        async Task<(System.Net.HttpStatusCode, string)> Post(HttpClient c, string trigger, string? reason = null)
        {
            var r = await c.PostAsJsonAsync($"/api/benchmark/{id}/transitions", new { trigger, reason });
            return (r.StatusCode, (await r.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty(r.IsSuccessStatusCode ? "stateLabel" : "title").GetString()!);
        }
        Assert.Equal((System.Net.HttpStatusCode.Forbidden, "县（市、区）工信主管部门无权认定"), await Post(district, "recognise"));
        Assert.Equal((System.Net.HttpStatusCode.Conflict, "当前状态为“待审核”，不能认定"), await Post(city, "recognise"));
        Assert.Equal((System.Net.HttpStatusCode.BadRequest, "退回修改须填写理由"), await Post(city, "return"));
        Assert.Equal((System.Net.HttpStatusCode.OK, "审核中"), await Post(city, "startReview"));
        Assert.Equal((System.Net.HttpStatusCode.BadRequest, "认定前须为每一项审核评分，尚未评分的30项：" + string.Join("、", Enumerable.Range(1, 30).Select(n => $"第{n}项"))),
            await Post(city, "recognise"));
        await ReviewedAsync(id, Guid.Empty);
        Assert.Equal((System.Net.HttpStatusCode.OK, "已认定"), await Post(city, "recognise"));
        var history = await city.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/benchmark/{id}/transitions");
        Assert.Equal(["submit", "startReview", "recognise"], history.EnumerateArray().Select(t => t.GetProperty("trigger").GetString()));
    }

    private static async Task<HttpResponseMessage> Act(HttpClient client, string page, string trigger, string reason)
    {
        var doc = await client.GetDocument(page);
        return await client.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "transition", ["__RequestVerificationToken"] = doc.QuerySelector("#transitions input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
            ["Act.Version"] = doc.QuerySelector("input[name='Act.Version']")!.GetAttribute("value")!, ["Act.Trigger"] = trigger, ["Act.Reason"] = reason,
        }));
    }

    /// <summary>Who refuses, and with which words, for a combination the call does not allow.</summary>
    private static (OutcomeKind, string?) Expected(Role role, BenchmarkTrigger trigger, BenchmarkStatus state)
    {
        // Outside the call (or outside its scope) the application does not exist for them.
        if (role is not (Role.Enterprise or Role.CityBureau or Role.DistrictBureau)) return (OutcomeKind.NotFound, null);
        var (who, label) = Triggers[trigger];
        if (role != who) return (OutcomeKind.Forbidden, $"{role.Label()}无权{label}");
        var viewer = role == Role.Enterprise ? Applicant[state] : Labels[state];
        return (OutcomeKind.Conflict, $"当前状态为“{viewer}”，不能{label}");
    }

    /// <summary>The enterprise reads the call's applicant labels.</summary>
    private static readonly Dictionary<BenchmarkStatus, string> Applicant = new(Labels)
    {
        [BenchmarkStatus.Submitted] = "已提交", [BenchmarkStatus.Returned] = "退回修改", [BenchmarkStatus.NotRecognised] = "未获认定",
    };

    private static string? ReasonFor(BenchmarkTrigger trigger) => trigger is BenchmarkTrigger.Return or BenchmarkTrigger.NotRecognise ? Reason : null;

    private Task<Outcome<BenchmarkApplication>> TransitionAsync(Actor actor, Guid id, BenchmarkTrigger trigger) =>
        ActingAs(actor, s => s.TransitionAsync(actor, id, trigger, ReasonFor(trigger), null));

    /// <summary>One actor per role: the application's own enterprise, the province, the prefecture of 哈尔滨市, and roles outside the call.</summary>
    private static Actor ActorFor(Role role, Guid enterprise) => role switch
    {
        Role.Enterprise => new Actor($"e-{enterprise:N}"[..20], "申报企业（测试）", role, Hlj, EnterpriseId: enterprise),
        Role.DistrictBureau => new Actor("t-harbin", "哈尔滨市工信局（测试）", role, Hlj, District: "哈尔滨市"),
        Role.ServiceProvider or Role.EvaluationAgency or Role.AuditFirm => new Actor($"t-{role}", role.Label(), role, Hlj, OrganisationId: Guid.NewGuid()),
        _ => new Actor($"t-{role}", $"{role.Label()}（测试）", role, Hlj),
    };

    private sealed record Snapshot(BenchmarkStatus Status, int Version, DateTime? SubmittedAt, int Transitions);

    private Task<Snapshot> SnapshotAsync(Guid id) => Scoped(async db =>
    {
        var a = await db.BenchmarkApplications.AsNoTracking().SingleAsync(x => x.Id == id);
        return new Snapshot(a.Status, a.Version, a.SubmittedAt, await db.StateTransitions.CountAsync(t => t.EntityId == id.ToString()));
    });

    /// <summary>A new enterprise's saved application (every precondition met unless told otherwise), walked to the state.</summary>
    private async Task<(Guid Id, Guid Enterprise)> ApplicationInAsync(BenchmarkStatus state, bool eligible = true)
    {
        var (id, enterprise, _) = await ApplicantInAsync(state, eligible);
        return (id, enterprise);
    }

    private async Task<(Guid Id, Guid Enterprise, string UserName)> ApplicantInAsync(BenchmarkStatus state, bool eligible = true)
    {
        var (user, enterprise) = await HeilongjiangAccounts.EnterpriseAsync(app);
        var owner = ActorFor(Role.Enterprise, enterprise);
        var facts = new BenchmarkFacts
        {
            CreditClean = true, RegisteredOn = new DateOnly(2021, 12, 31), RevenueByYear = new() { [2022] = 1200, [2023] = 1500, [2024] = 1800 },
            MiitLevel = eligible ? 2 : 1, AuditedReportYears = [2022, 2023, 2024], PledgeSigned = true,
        };
        EvidenceUpload File(BenchmarkEvidenceKind kind, int variant, int? year = null) =>
            new(kind, null, $"{kind}{year}.png", Png(variant).Length, () => new MemoryStream(Png(variant)), year);
        var saved = await ActingAs(owner, s => s.SaveAsync(owner, 0, new BenchmarkDraft(new BenchmarkAnswers(), facts, new string('数', 2000)),
        [
            File(BenchmarkEvidenceKind.CreditChina, 1), File(BenchmarkEvidenceKind.CreditGsxt, 2), File(BenchmarkEvidenceKind.MiitLevel, 3), File(BenchmarkEvidenceKind.Pledge, 4),
            File(BenchmarkEvidenceKind.BusinessLicence, 5), File(BenchmarkEvidenceKind.AuditReport, 6, 2022), File(BenchmarkEvidenceKind.AuditReport, 7, 2023),
            File(BenchmarkEvidenceKind.AuditReport, 8, 2024),
        ], []));
        Assert.True(saved.IsOk, saved.Message);
        var id = saved.Value!.Application.Id;
        foreach (var (role, trigger) in Paths[state])
        {
            var step = await ActingAs(ActorFor(role, enterprise), s => s.TransitionAsync(ActorFor(role, enterprise), id, trigger, ReasonFor(trigger), null));
            Assert.True(step.IsOk, step.Message);
            if (trigger == BenchmarkTrigger.StartReview) await ReviewedAsync(id, enterprise);
        }
        return (id, enterprise, user);
    }

    /// <summary>The province's score of every item (zero each), which 认定 needs.</summary>
    private async Task ReviewedAsync(Guid id, Guid enterprise)
    {
        var city = ActorFor(Role.CityBureau, enterprise);
        var scored = await ActingAs(city, s => s.ScoreAsync(city, id, Enumerable.Range(1, 30).ToDictionary(n => n, _ => 0m), 0));
        Assert.True(scored.IsOk, scored.Message);
    }

    private async Task<T> Scoped<T>(Func<DxPilotDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }

    /// <summary>The service as <paramref name="actor"/> would reach it through a request: the audit trail names them.</summary>
    private async Task<T> ActingAs<T>(Actor actor, Func<BenchmarkService, Task<T>> use)
    {
        await using var scope = app.ScopeAs(actor);
        return await use(scope.ServiceProvider.GetRequiredService<BenchmarkService>());
    }
}

public sealed class BenchmarkWorkflowTestsOnSqlite(SqliteApp app) : BenchmarkWorkflowTests<SqliteApp>(app);

public sealed class BenchmarkWorkflowTestsOnPostgres(PostgresApp app) : BenchmarkWorkflowTests<PostgresApp>(app);
