using DxPilot.Domain.Catalogue;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>恢复使用 (un-retiring a scenario): only a retired one, with a reason of at most 500 characters, never under a retired parent,
/// and never while a sibling in use has its name; a reinstated scenario is in use again and its version moves on.</summary>
public sealed class ScenarioReinstateTests
{
    private static readonly DateTime Now = new(2025, 7, 16, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Later = Now.AddDays(3);

    private static CatalogueScenario Node(string code, string name, int order = 1) =>
        CatalogueScenario.Create("p", code, ScenarioCodes.Parent(code), name, null, [], null, order, Now);

    private static CatalogueScenario Retired(string code, string name, int order = 1)
    {
        var node = Node(code, name, order);
        Assert.Null(node.Retire(new ScenarioUse(0, 0, 0, 0), Now));
        return node;
    }

    [Fact]
    public void A_retired_scenario_is_put_back_in_use_with_the_reason_kept()
    {
        var planning = Node("2.1", "计划调度");
        var old = Retired("2.1.3", "旧排产", order: 3);

        var errors = old.Reinstate("  试点企业仍有排产需求，恢复使用  ", planning, [Node("2.1.1", "计划排程"), old], Later);

        Assert.Empty(errors);
        Assert.Equal((false, "试点企业仍有排产需求，恢复使用", 2, Later), (old.IsRetired, old.ReinstatementReason, old.Version, old.UpdatedAt));
    }

    [Fact]
    public void A_scenario_under_a_retired_parent_comes_back_only_after_its_parent()
    {
        var parent = Retired("2.9", "停用的二级");
        var child = Node("2.9.1", "停用的三级");
        Assert.Null(child.Retire(new ScenarioUse(0, 0, 0, 0), Now));

        Assert.Equal("上级场景“2.9 停用的二级”已停用，请先恢复上级场景", child.Reinstate("恢复", parent, [child], Later)[""]);
        Assert.True(child.IsRetired);
        Assert.Equal(1, child.Version);

        Assert.Empty(parent.Reinstate("恢复二级", Node("2", "生产过程数字化"), [parent], Later));
        Assert.Empty(child.Reinstate("恢复三级", parent, [child], Later));
        Assert.False(child.IsRetired);
    }

    [Fact]
    public void Reinstating_is_refused_for_a_scenario_in_use_a_name_taken_meanwhile_and_without_a_reason()
    {
        var planning = Node("2.1", "计划调度");
        var inUse = Node("2.1.1", "计划排程");
        Assert.Equal("场景“2.1.1 计划排程”未停用，无需恢复", inUse.Reinstate("恢复", planning, [inUse], Later)[""]);

        var old = Retired("2.1.2", "智能排产", order: 2);
        var twin = Node("2.1.3", "智能排产", order: 3);
        Assert.Equal("同级在用的场景“2.1.3 智能排产”与它同名，请先将其改名后再恢复", old.Reinstate("恢复", planning, [inUse, old, twin], Later)[""]);

        var alone = Retired("2.1.4", "设备排产", order: 4);
        Assert.Equal("请填写恢复理由", alone.Reinstate("   ", planning, [alone], Later)["reason"]);
        Assert.Equal("恢复理由不超过500字，现为501字", alone.Reinstate(new string('因', 501), planning, [alone], Later)["reason"]);
        Assert.True(alone.IsRetired);
        Assert.Empty(alone.Reinstate(new string('因', 500), planning, [alone], Later));
    }
}
