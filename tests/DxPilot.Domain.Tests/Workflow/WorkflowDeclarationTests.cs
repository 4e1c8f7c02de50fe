using DxPilot.Domain.Accounts;
using DxPilot.Domain.Imports;
using DxPilot.Domain.Workflow;
using Xunit;

namespace DxPilot.Domain.Tests.Workflow;

/// <summary>The declaration itself: a chain is checked against its process's vocabulary, decides with the right refusal, labels
/// states for the applicant and the bureau alike, and admits the system only where it says "system".</summary>
public class WorkflowDeclarationTests
{
    private enum Step { Draft = 1, Sent = 2, Done = 3 }

    private enum Act { Send = 1, Finish = 2 }

    private sealed record Paper(bool Complete);

    private static readonly Guard<Paper> Complete = new("complete", c => c.Subject.Complete ? null : "材料不全");

    private static readonly WorkflowProcess<Step, Act, Paper> Process = new("测试流程", "Paper", Complete, Guard<Paper>.ReasonRequired);

    private static WorkflowChain Chain(params WorkflowTransitionEntry[] transitions) => new()
    {
        Applicant = "enterprise",
        States = [new("draft", "草稿"), new("sent", "待复核", "审核中"), new("done", "办结")],
        Transitions = transitions.Length > 0 ? transitions :
        [
            new("send", ["draft"], "sent", ["enterprise"], "报送", ["complete"]),
            new("finish", ["sent"], "done", ["cityBureau"], "办结", ["reasonRequired"]),
        ],
    };

    private static readonly Actor Enterprise = new("e1", "企业", Role.Enterprise, "p", EnterpriseId: Guid.NewGuid());
    private static readonly Actor City = new("c1", "市局", Role.CityBureau, "p");
    private static readonly DateTime Now = new(2025, 7, 16, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_applicant_reads_its_own_label_and_the_bureau_its_own()
    {
        var wf = Process.Compile(Chain());
        Assert.Equal("审核中", wf.Label(Step.Sent, Enterprise));
        Assert.Equal("待复核", wf.Label(Step.Sent, City));
        Assert.Equal("草稿", wf.Label(Step.Draft, Enterprise));
    }

    [Fact]
    public void The_roles_that_move_a_state_on_are_named_once_each_and_a_system_step_names_none()
    {
        var wf = Process.Compile(Chain(
            new("send", ["draft"], "sent", ["enterprise", "serviceProvider"], "报送", ["complete"]),
            new("finish", ["draft", "sent"], "done", ["enterprise", "system"], "办结")));
        Assert.Equal([Role.Enterprise, Role.ServiceProvider], wf.Takers(Step.Draft));
        Assert.Equal([Role.Enterprise], wf.Takers(Step.Sent));
        Assert.Empty(wf.Takers(Step.Done));
    }

    [Fact]
    public void A_refusal_says_why_in_the_order_role_state_guard_and_a_taken_transition_is_recorded()
    {
        var wf = Process.Compile(Chain());
        Assert.Equal(new Refusal(RefusalKind.NotAllowed, "市工信主管部门无权报送"), wf.Decide(Step.Draft, Act.Send, new Paper(true), City, null).Refusal);
        Assert.Equal(new Refusal(RefusalKind.WrongState, "当前状态为“审核中”，不能报送"), wf.Decide(Step.Sent, Act.Send, new Paper(true), Enterprise, null).Refusal);
        Assert.Equal(new Refusal(RefusalKind.GuardFailed, "材料不全"), wf.Decide(Step.Draft, Act.Send, new Paper(false), Enterprise, null).Refusal);
        Assert.Equal(new Refusal(RefusalKind.GuardFailed, "办结须填写理由"), wf.Decide(Step.Sent, Act.Finish, new Paper(true), City, " ").Refusal);

        var taken = wf.Take(Step.Sent, Act.Finish, new Paper(true), City, " 同意办结 ", "p", "42", Now);
        Assert.Equal(Step.Done, taken.To);
        var r = taken.Record!;
        Assert.Equal(("p", "Paper", "42", "finish", "sent", "done", "c1", "市局", Now, "同意办结"),
            (r.ProgrammeId, r.EntityType, r.EntityId, r.Trigger, r.FromState, r.ToState, r.ActorId, r.ActorName, r.At, r.Reason));
        Assert.Equal([Act.Finish], wf.Open(Step.Sent, City).Select(t => t.Trigger));
        Assert.Empty(wf.Open(Step.Sent, Enterprise));
    }

    [Fact]
    public void A_chain_that_does_not_fit_its_process_is_refused_with_every_problem_and_its_path()
    {
        var bad = new WorkflowChain
        {
            Applicant = "enterprise",
            States = [new("draft", "草稿"), new("sent", ""), new("archived", "归档")],
            Transitions =
            [
                new("send", ["draft"], "sent", ["enterprise", "mayor"], "报送", ["signed"]),
                new("send", ["draft"], "done", ["enterprise"], "再报送"),
                new("approve", [], "done", [], "批准"),
            ],
        };
        var problems = Process.Problems(bad).Select(p => p.Path).ToList();
        Assert.Equal(
        [
            "states[1].label", "states[2].state", "states", "transitions[0].who[1]", "transitions[0].guards[0]", "transitions[1].from",
            "transitions[2].trigger", "transitions[2].from", "transitions[2].who",
        ], problems);
        Assert.Throws<WorkflowDeclarationException>(() => Process.Compile(bad));
    }

    [Fact]
    public void Only_the_system_moves_an_import_job_and_a_person_of_any_role_is_refused()
    {
        var worker = Actor.System("p", "企业名单导入程序（测试）");
        Assert.Null(ImportJobWorkflow.Chain.Decide(ImportStatus.Queued, ImportTrigger.Start, null!, worker, null).Refusal);
        foreach (var role in Enum.GetValues<Role>())
        {
            var person = new Actor("u", "某人", role, "p");
            Assert.Equal(RefusalKind.NotAllowed, ImportJobWorkflow.Chain.Decide(ImportStatus.Queued, ImportTrigger.Start, null!, person, null).Refusal!.Kind);
        }
        Assert.Equal("当前状态为“已完成”，不能开始导入", ImportJobWorkflow.Chain.Decide(ImportStatus.Completed, ImportTrigger.Start, null!, worker, null).Refusal!.Message);
    }
}
