using DxPilot.Domain.Accounts;
using DxPilot.Domain.Benchmarks;
using DxPilot.Domain.Workflow;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Benchmarks;
using DxPilot.Web.Features.Platform;
using DxPilot.Web.Tests.Support;
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
        var outcome = await Scoped((_, s) => s.TransitionAsync(ActorFor(Role.CityBureau, enterprise), id, trigger, "  ", null));
        Assert.Equal((OutcomeKind.Invalid, message), (outcome.Kind, outcome.Message));
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task Submission_is_refused_while_a_precondition_fails_and_the_draft_stays_a_draft()
    {
        var (id, enterprise) = await ApplicationInAsync(BenchmarkStatus.Draft, eligible: false);
        var outcome = await TransitionAsync(ActorFor(Role.Enterprise, enterprise), id, BenchmarkTrigger.Submit);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal("以下1项前置条件未满足，不能提交：数字化水平二级及以上：工信部平台数字化水平为1级，需要2级及以上，不得申报", outcome.Message);
        Assert.Equal(BenchmarkStatus.Draft, (await SnapshotAsync(id)).Status);
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
        Scoped((_, s) => s.TransitionAsync(actor, id, trigger, ReasonFor(trigger), null));

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
        var (_, enterprise) = await HeilongjiangAccounts.EnterpriseAsync(app);
        var owner = ActorFor(Role.Enterprise, enterprise);
        var facts = new BenchmarkFacts
        {
            CreditClean = true, RegisteredOn = new DateOnly(2021, 12, 31), RevenueByYear = new() { [2022] = 1200, [2023] = 1500, [2024] = 1800 },
            MiitLevel = eligible ? 2 : 1, AuditedReportYears = [2022, 2023, 2024], PledgeSigned = true,
        };
        EvidenceUpload File(BenchmarkEvidenceKind kind, int variant) => new(kind, null, $"{kind}.png", Png(variant).Length, Png(variant));
        var saved = await Scoped((_, s) => s.SaveAsync(owner, 0, new BenchmarkDraft(new BenchmarkAnswers(), facts, new string('数', 2000)),
            [File(BenchmarkEvidenceKind.CreditChina, 1), File(BenchmarkEvidenceKind.CreditGsxt, 2), File(BenchmarkEvidenceKind.MiitLevel, 3), File(BenchmarkEvidenceKind.Pledge, 4)], []));
        Assert.True(saved.IsOk, saved.Message);
        var id = saved.Value!.Application.Id;
        foreach (var (role, trigger) in Paths[state])
        {
            var step = await Scoped((_, s) => s.TransitionAsync(ActorFor(role, enterprise), id, trigger, ReasonFor(trigger), null));
            Assert.True(step.IsOk, step.Message);
        }
        return (id, enterprise);
    }

    private async Task<T> Scoped<T>(Func<DxPilotDbContext, Task<T>> query)
    {
        using var scope = app.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }

    private async Task<T> Scoped<T>(Func<DxPilotDbContext, BenchmarkService, Task<T>> use)
    {
        using var scope = app.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>(), scope.ServiceProvider.GetRequiredService<BenchmarkService>());
    }
}

public sealed class BenchmarkWorkflowTestsOnSqlite(SqliteApp app) : BenchmarkWorkflowTests<SqliteApp>(app);

public sealed class BenchmarkWorkflowTestsOnPostgres(PostgresApp app) : BenchmarkWorkflowTests<PostgresApp>(app);
