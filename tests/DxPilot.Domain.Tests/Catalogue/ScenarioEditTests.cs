using DxPilot.Domain.Catalogue;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>The city's edits of its scenario tree (issue 13 item 1): level 1 fixed; new codes are the parent's plus the next number
/// never given before; a rename keeps siblings apart; only a level-3 has a description and a mapping, to the sixteen MIIT-2024
/// scenarios with a reason; retiring is refused while something still refers to the scenario, naming how many.</summary>
public sealed class ScenarioEditTests
{
    private static readonly IReadOnlySet<string> Miit = new HashSet<string>
        { "产品设计", "工艺设计", "营销管理", "售后服务", "计划排程", "生产管控", "质量管理", "设备管理", "安全生产", "能耗管理", "采购管理", "仓储物流", "财务管理", "人力资源", "协同办公", "决策支持" };

    private static readonly DateTime Now = new(2025, 7, 16, 2, 0, 0, DateTimeKind.Utc);

    private static CatalogueScenario Node(string code, string name, string? parent = null, int order = 1, string[]? miit = null, string? reason = null) =>
        CatalogueScenario.Create("p", code, parent ?? ScenarioCodes.Parent(code), name, null, miit ?? [], reason, order, Now);

    private static readonly CatalogueScenario Production = Node("2", "生产过程数字化");

    [Fact]
    public void A_new_scenario_takes_the_next_number_after_every_child_ever_given_retired_ones_included()
    {
        var retired = Node("2.1.3", "旧场景", order: 3);
        Assert.Null(retired.Retire(new ScenarioUse(0, 0, 0, 0), Now));
        var children = new[] { Node("2.1.1", "计划排程"), Node("2.1.2", "生产管控", order: 2), retired };
        var planning = Node("2.1", "计划调度");

        var (added, errors) = CatalogueScenario.AddUnder(planning, children, new ScenarioForm("智能排产", "按订单与产能自动排产", ["计划排程"], "排产即计划排程"), Miit, Now);

        Assert.Empty(errors);
        Assert.Equal(("2.1.4", 3, "2.1", 4), (added!.Code, added.Level, added.ParentCode, added.SortOrder));
        Assert.Equal(["计划排程"], added.MiitScenarioNames);
        var (first, _) = CatalogueScenario.AddUnder(Production, [], new ScenarioForm("数字孪生工厂"), Miit, Now);
        Assert.Equal("2.1", first!.Code);
    }

    [Fact]
    public void A_new_scenario_is_refused_under_level_three_under_a_retired_parent_with_a_used_code_or_a_sibling_name()
    {
        var leaf = Node("2.1.1", "计划排程");
        Assert.Equal("三级场景下不能再增加场景（场景最多三级）", CatalogueScenario.AddUnder(leaf, [], new ScenarioForm("细分"), Miit, Now).Errors[""]);

        var retiredParent = Node("2.9", "停用的二级");
        retiredParent.Retire(new ScenarioUse(0, 0, 0, 0), Now);
        Assert.Contains("已停用", CatalogueScenario.AddUnder(retiredParent, [], new ScenarioForm("新"), Miit, Now).Errors[""]);

        var children = new[] { Node("2.1.1", "计划排程") };
        var planning = Node("2.1", "计划调度");
        Assert.Equal("同级已有场景“2.1.1 计划排程”", CatalogueScenario.AddUnder(planning, children, new ScenarioForm(" 计划排程 "), Miit, Now).Errors["name"]);
        Assert.Equal("场景编号“2.1.1”已被使用", CatalogueScenario.AddUnder(planning, children, new ScenarioForm("新"), Miit, Now, code: "2.1.1").Errors["code"]);
        Assert.Contains("应为上级编号“2.1”加序号", CatalogueScenario.AddUnder(planning, children, new ScenarioForm("新"), Miit, Now, code: "2.2.5").Errors["code"]);
        Assert.Equal("请填写场景名称", CatalogueScenario.AddUnder(planning, children, new ScenarioForm("  "), Miit, Now).Errors["name"]);
        Assert.Equal("场景名称不超过30字，现为31字", CatalogueScenario.AddUnder(planning, children, new ScenarioForm(new string('场', 31)), Miit, Now).Errors["name"]);
        Assert.Empty(CatalogueScenario.AddUnder(planning, children, new ScenarioForm(new string('场', 30)), Miit, Now).Errors);
    }

    [Fact]
    public void Level_one_is_neither_renamed_nor_retired()
    {
        var edit = Production.Edit(new ScenarioForm("生产数字化"), [], Miit, Now);
        Assert.StartsWith("一级场景固定为附件1的四类", edit[""]);
        Assert.StartsWith("一级场景固定为附件1的四类", Production.Retire(new ScenarioUse(0, 0, 0, 0), Now));
        Assert.Equal(("生产过程数字化", 0, false), (Production.Name, Production.Version, Production.IsRetired));
    }

    [Fact]
    public void A_rename_and_a_mapping_change_move_the_version_and_only_a_level_three_has_a_description_and_a_mapping()
    {
        var node = Node("2.1.1", "计划排程", miit: ["计划排程"], reason: "排产");
        Assert.Empty(node.Edit(new ScenarioForm("高级计划排程", "多约束排产", ["计划排程", "生产管控"], "排产下达到车间"), [], Miit, Now));
        Assert.Equal(("高级计划排程", "多约束排产", "|计划排程|生产管控|", "排产下达到车间", 1), (node.Name, node.Description, node.MiitScenarios, node.MappingReason, node.Version));

        Assert.Contains("“数字孪生”不是2024版评测的业务场景", node.Edit(new ScenarioForm(null, MiitScenarios: ["数字孪生"]), [], Miit, Now)["miitScenarios"]);
        Assert.Equal("请说明该三级场景为何对应这些评测业务场景", node.Edit(new ScenarioForm(null, MiitScenarios: ["质量管理"], MappingReason: " "), [], Miit, Now)["mappingReason"]);
        // Clearing the mapping clears the need for a reason.
        Assert.Empty(node.Edit(new ScenarioForm(null, MiitScenarios: [], MappingReason: ""), [], Miit, Now));
        Assert.Equal(("||", (string?)null, 2), (node.MiitScenarios, node.MappingReason, node.Version));

        var levelTwo = Node("2.1", "计划调度");
        Assert.Equal("只有三级场景有场景描述和对应的评测业务场景", levelTwo.Edit(new ScenarioForm(null, "描述"), [], Miit, Now)[""]);
        Assert.Empty(levelTwo.Edit(new ScenarioForm("计划与调度"), [], Miit, Now));
        var twin = Node("2.2", "生产作业");
        Assert.Equal("同级已有场景“2.2 生产作业”", levelTwo.Edit(new ScenarioForm("生产作业"), [levelTwo, twin], Miit, Now)["name"]);
    }

    [Theory]
    [InlineData(3, 0, 0, "“2.1.1 计划排程”仍被3个产品及解决方案引用，停用会使它们失去所属场景；请先将它们改到其他场景或删除后再停用")]
    [InlineData(0, 1, 0, "“2.1.1 计划排程”仍被1条企业需求引用，停用会使它们失去所属场景；请先将它们改到其他场景或删除后再停用")]
    [InlineData(2, 5, 1, "“2.1.1 计划排程”仍被2个产品及解决方案、5条企业需求、1条行业共性需求引用，停用会使它们失去所属场景；请先将它们改到其他场景或删除后再停用")]
    public void A_level_three_that_anything_refers_to_is_not_retired_and_the_refusal_counts_them(int products, int needs, int common, string expected)
    {
        var node = Node("2.1.1", "计划排程");
        Assert.Equal(expected, node.Retire(new ScenarioUse(0, products, needs, common), Now));
        Assert.False(node.IsRetired);
    }

    [Fact]
    public void A_level_two_with_children_in_use_is_not_retired_and_a_free_one_is_once()
    {
        var node = Node("2.1", "计划调度");
        Assert.Equal("“2.1 计划调度”下还有2个在用的三级场景，请先停用它们", node.Retire(new ScenarioUse(2, 0, 0, 0), Now));
        Assert.Null(node.Retire(new ScenarioUse(0, 0, 0, 0), Now));
        Assert.Equal((Now, 1), (node.RetiredAt, node.Version));
        Assert.Equal("场景“2.1 计划调度”已停用", node.Retire(new ScenarioUse(0, 0, 0, 0), Now));
        Assert.Equal("场景“2.1 计划调度”已停用，不能修改", node.Edit(new ScenarioForm("新名"), [], Miit, Now)[""]);
    }
}
