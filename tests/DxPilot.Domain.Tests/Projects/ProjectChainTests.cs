using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Projects;
using DxPilot.Domain.Tests.Support;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Tests.Projects;

/// <summary>
/// The project's chain after filing as the programme files declare it (seed 002 三（二）5-7: 评测 → 验收（通过、整改后通过、不通过）→
/// 区县意见 → 审计 → 资金): who takes which step from which state, the three acceptance outcomes, and that a forbidden move cannot
/// even be declared.
/// </summary>
public sealed class ProjectChainTests
{
    private const string Programme = "changchun-2025";
    private static readonly DateTime Now = new(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Guid EnterpriseId = Guid.NewGuid();
    private static readonly ProjectRules Rules = ProgrammeFiles.ById(Programme).Project!;

    private static Actor As(Role role) => role switch
    {
        Role.Enterprise => new("e1", "企业", role, Programme, EnterpriseId: EnterpriseId),
        Role.DistrictBureau => new("d1", "区县", role, Programme, District: "朝阳区"),
        _ => new($"{role}", role.Label(), role, Programme, OrganisationId: Guid.NewGuid()),
    };

    private static readonly (ProjectStatus From, ProjectTrigger Trigger, Role Who)[] Allowed =
    [
        (ProjectStatus.Implementing, ProjectTrigger.Complete, Role.Enterprise),
        (ProjectStatus.Implementing, ProjectTrigger.Complete, Role.ServiceProvider),
        (ProjectStatus.Completed, ProjectTrigger.Evaluate, Role.EvaluationAgency),
        (ProjectStatus.Evaluated, ProjectTrigger.Pass, Role.EvaluationAgency),
        (ProjectStatus.Evaluated, ProjectTrigger.Rectify, Role.EvaluationAgency),
        (ProjectStatus.Evaluated, ProjectTrigger.Fail, Role.EvaluationAgency),
        (ProjectStatus.Rectifying, ProjectTrigger.Fail, Role.EvaluationAgency),
        (ProjectStatus.Rectifying, ProjectTrigger.Recheck, Role.EvaluationAgency),
        (ProjectStatus.DistrictConfirmation, ProjectTrigger.Confirm, Role.DistrictBureau),
        (ProjectStatus.DistrictConfirmation, ProjectTrigger.Confirm, Role.CityBureau),
        (ProjectStatus.Accepted, ProjectTrigger.Audit, Role.AuditFirm),
        (ProjectStatus.Audited, ProjectTrigger.Approve, Role.CityBureau),
        (ProjectStatus.Approved, ProjectTrigger.Pay, Role.CityBureau),
    ];

    [Theory]
    [InlineData("changchun-2025")]
    [InlineData("hangzhou-2024")]
    public void Every_role_may_take_exactly_the_declared_steps_from_every_state(string programme)
    {
        var chain = ProgrammeFiles.ById(programme).Project!.Chain;
        foreach (var state in Enum.GetValues<ProjectStatus>())
        foreach (var role in Enum.GetValues<Role>())
        {
            var open = chain.Open(state, As(role)).Select(t => t.Trigger).ToHashSet();
            var expected = Allowed.Where(a => a.From == state && a.Who == role).Select(a => a.Trigger).ToHashSet();
            Assert.True(expected.SetEquals(open), $"{programme} {state} {role}: {string.Join(",", open)}");
        }
    }

    [Fact]
    public void Pass_goes_to_the_district_which_confirms_with_its_opinion()
    {
        var p = At(ProjectStatus.Evaluated);
        Assert.True(Take(p, ProjectTrigger.Pass, Role.EvaluationAgency).Taken);
        Assert.Equal(ProjectStatus.DistrictConfirmation, p.Status);
        var silent = Take(p, ProjectTrigger.Confirm, Role.DistrictBureau);
        Assert.Equal("确认验收须填写意见", silent.Refusal!.Message);
        Assert.True(Take(p, ProjectTrigger.Confirm, Role.DistrictBureau, "同意验收。").Taken);
        Assert.Equal(ProjectStatus.Accepted, p.Status);
        Assert.Equal("同意验收。", p.DistrictOpinion);
        Assert.NotNull(p.AcceptedAt);
    }

    [Fact]
    public void Rectify_then_pass_needs_every_item_done_and_the_recheck_recorded()
    {
        var p = At(ProjectStatus.Evaluated);
        var noItems = Take(p, ProjectTrigger.Rectify, Role.EvaluationAgency, readiness: Ready() with { Rectification = ["整改后通过须列明整改要求（至少一项）"] });
        Assert.Contains("整改后通过须列明整改要求", noItems.Refusal!.Message);
        Assert.True(Take(p, ProjectTrigger.Rectify, Role.EvaluationAgency).Taken);
        Assert.Equal(ProjectStatus.Rectifying, p.Status);
        var open = Take(p, ProjectTrigger.Recheck, Role.EvaluationAgency, readiness: Ready() with { Recheck = ["整改第1项尚未完成：补充操作培训记录"] });
        Assert.Equal(RefusalKind.GuardFailed, open.Refusal!.Kind);
        Assert.True(Take(p, ProjectTrigger.Recheck, Role.EvaluationAgency).Taken);
        Assert.Equal(ProjectStatus.DistrictConfirmation, p.Status);
    }

    [Fact]
    public void Fail_needs_a_reason_and_ends_the_project()
    {
        var p = At(ProjectStatus.Evaluated);
        Assert.Equal("验收不通过须填写理由", Take(p, ProjectTrigger.Fail, Role.EvaluationAgency).Refusal!.Message);
        Assert.True(Take(p, ProjectTrigger.Fail, Role.EvaluationAgency, "MES未上线运行。").Taken);
        Assert.Equal(ProjectStatus.Failed, p.Status);
        Assert.True(ProjectWorkflow.Closed(p.Status));
        foreach (var trigger in Enum.GetValues<ProjectTrigger>())
            foreach (var role in Enum.GetValues<Role>())
                Assert.False(Take(p, trigger, role, "理由").Taken, $"{trigger} {role}");
    }

    [Fact]
    public void A_step_from_the_wrong_state_is_refused_and_changes_nothing()
    {
        var p = At(ProjectStatus.Completed);
        var version = p.Version;
        var r = Take(p, ProjectTrigger.Audit, Role.AuditFirm);
        Assert.Equal(RefusalKind.WrongState, r.Refusal!.Kind);
        Assert.Equal("当前状态为“待评测”，不能完成专项审计", r.Refusal.Message);
        Assert.Equal(ProjectStatus.Completed, p.Status);
        Assert.Equal(version, p.Version);
    }

    [Theory]
    [InlineData("failed", "accepted")]
    [InlineData("paid", "audited")]
    [InlineData("implementing", "accepted")]
    [InlineData("rectifying", "accepted")]
    public void A_chain_declaring_a_forbidden_move_is_refused_when_loaded(string from, string to)
    {
        var chain = new WorkflowChain
        {
            States = Rules.Workflow.States,
            Transitions = [.. Rules.Workflow.Transitions, new WorkflowTransitionEntry("confirm", [from], to, ["cityBureau"], "确认")],
        };
        var problems = ProjectWorkflow.Process.Problems(chain).Select(p => p.Reason).ToList();
        Assert.Contains($"改造项目实施与验收不允许从“{from}”转到“{to}”", problems);
        Assert.Throws<WorkflowDeclarationException>(() => ProjectWorkflow.Process.Compile(chain));
    }

    [Fact]
    public void Approval_fixes_the_computed_subsidy_on_the_project()
    {
        var p = At(ProjectStatus.Audited);
        var decision = Subsidy.Decide(ProgrammeFiles.ById(Programme).Money, new SubsidyFacts(2, 2, true, true, 400000m, false));
        Assert.True(Take(p, ProjectTrigger.Approve, Role.CityBureau, subsidy: decision, batch: "2025年第一批").Taken);
        Assert.Equal(20.00m, p.SubsidyWan);
        Assert.Equal(20.00m, p.OutstandingWan);
        Assert.Equal("2025年第一批", p.ApprovalBatch);
        p.RecordPayment(12.00m, Now);
        Assert.Equal(8.00m, p.OutstandingWan);
        Assert.Throws<ArgumentOutOfRangeException>(() => p.RecordPayment(8.01m, Now));
    }

    private static ProjectReadiness Ready() => new([], [], [], [], [], [], [], []);

    private static TransitionResult<ProjectStatus> Take(Project p, ProjectTrigger trigger, Role role, string? reason = null, ProjectReadiness? readiness = null,
        SubsidyDecision? subsidy = null, string? batch = null) =>
        p.Apply(Rules.Chain, trigger, As(role), reason, new ProjectCase(p, readiness ?? Ready()), Now, eligibleYuan: 400000m, subsidy: subsidy, batch: batch);

    /// <summary>A project walked to <paramref name="state"/> along the pass path.</summary>
    private static Project At(ProjectStatus state)
    {
        var filing = Filing.Start(Programme, EnterpriseId, "朝阳区", As(Role.Enterprise), Now);
        var p = Project.Open(filing, new DateOnly(2025, 12, 31), Now);
        var path = new[]
        {
            (ProjectStatus.Completed, ProjectTrigger.Complete, Role.Enterprise, (string?)null),
            (ProjectStatus.Evaluated, ProjectTrigger.Evaluate, Role.EvaluationAgency, null),
            (ProjectStatus.DistrictConfirmation, ProjectTrigger.Pass, Role.EvaluationAgency, null),
            (ProjectStatus.Accepted, ProjectTrigger.Confirm, Role.DistrictBureau, "同意"),
            (ProjectStatus.Audited, ProjectTrigger.Audit, Role.AuditFirm, null),
        };
        foreach (var (to, trigger, role, reason) in path)
        {
            if (p.Status == state) break;
            Assert.True(Take(p, trigger, role, reason).Taken, $"{trigger}");
            Assert.Equal(to, p.Status);
        }
        Assert.Equal(state, p.Status);
        return p;
    }
}
