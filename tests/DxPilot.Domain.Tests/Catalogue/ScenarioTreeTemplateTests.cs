using DxPilot.Domain.Catalogue;

namespace DxPilot.Domain.Tests.Catalogue;

/// <summary>The shipped tree (seed 002 附件1) loads clean; a tree that renames level 1, skips a level in a code, repeats a code or
/// maps to a scenario the 2024 instrument does not have is refused with its path.</summary>
public sealed class ScenarioTreeTemplateTests
{
    private static readonly IReadOnlySet<string> Miit = new HashSet<string>
        { "产品设计", "工艺设计", "营销管理", "售后服务", "计划排程", "生产管控", "质量管理", "设备管理", "安全生产", "能耗管理", "采购管理", "仓储物流", "财务管理", "人力资源", "协同办公", "决策支持" };

    private static ScenarioTreeTemplate Tree(params TemplateNode[] levelOne) => new() { Id = "t", Source = "附件1", Tree = levelOne };

    private static TemplateNode[] Seed(TemplateNode? replaceFirst = null) =>
        ScenarioTreeTemplate.LevelOne.Select((l, i) => i == 0 && replaceFirst is not null ? replaceFirst : new TemplateNode(l.Code, l.Name)).ToArray();

    [Fact]
    public void The_four_level_one_scenarios_of_the_seed_are_required()
    {
        Assert.Empty(Tree(Seed()).Problems(Miit));
        var renamed = Tree(Seed(new TemplateNode("1", "产品数字化")));
        Assert.Contains(renamed.Problems(Miit), p => p.Reason.StartsWith("一级场景应为1 产品生命周期数字化"));
        Assert.NotEmpty(Tree(Seed().Take(3).ToArray()).Problems(Miit));
    }

    [Fact]
    public void Codes_nest_and_do_not_repeat_and_the_mapping_names_real_scenarios()
    {
        var bad = new TemplateNode("1", "产品生命周期数字化")
        {
            Children =
            [
                new TemplateNode("1.1", "产品研发")
                {
                    Children =
                    [
                        new TemplateNode("1.1.1", "仿真") { MiitScenarios = ["产品设计"] },
                        new TemplateNode("1.1.1", "重复"),
                        new TemplateNode("1.2.1", "挂错上级"),
                        new TemplateNode("1.1.2", "未知场景") { MiitScenarios = ["数字孪生"] },
                    ],
                },
            ],
        };
        var problems = Tree(Seed(bad)).Problems(Miit).ToList();
        Assert.Contains(problems, p => p.Reason == "场景编号“1.1.1”重复");
        Assert.Contains(problems, p => p.Reason == "场景编号“1.2.1”应为上级编号加序号");
        Assert.Contains(problems, p => p.Reason == "“数字孪生”不是2024版评测的业务场景");
        Assert.Equal(3, problems.Count);
    }

    [Theory]
    [InlineData("2.1", "2", true)]
    [InlineData("2.1.12", "2.1", true)]
    [InlineData("2.0", "2", false)]
    [InlineData("2.1.1", "2", false)]
    [InlineData("3", null, true)]
    [InlineData("2.a", "2", false)]
    public void A_code_is_its_parents_code_and_a_number(string code, string? parent, bool ok) =>
        Assert.Equal(ok, ScenarioCodes.IsChildCode(code, parent));
}
