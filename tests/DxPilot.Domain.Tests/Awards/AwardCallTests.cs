using DxPilot.Domain.Accounts;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Awards;

public class AwardCallTests
{
    [Fact]
    public void The_shuzhi_call_carries_the_seeds_directions_amounts_and_limits()
    {
        var call = AwardFiles.Shuzhi;
        Assert.Equal(AwardKind.Benchmark, call.Kind);
        Assert.Equal("shijiazhuang-2025", call.ProgrammeId);
        // Seed 004 附件1 四: 30万 / 20万 / 10万; 二（二）: 限选2项, 小灯塔 and 车间 限报1项.
        Assert.Equal([("“小灯塔”标杆企业", 30m), ("数字化车间及智能工厂", 20m), ("创新能力显著提升企业", 10m)],
            call.Directions.Select(d => (d.Label, d.AmountWan)));
        Assert.Equal(2, call.MaxDirections);
        Assert.Equal(call.Direction("lighthouse")!.ExclusiveGroup, call.Direction("smartFactory")!.ExclusiveGroup);
        Assert.Null(call.Direction("innovation")!.ExclusiveGroup);
        var lighthouse = call.Direction("lighthouse")!.Template;
        Assert.Equal(500, lighthouse.Section("basics")!.MaxCharacters);
        Assert.Equal(4, lighthouse.Scenarios!.Max);
        Assert.Equal([("场景描述", 500), ("解决的痛点", 500), ("场景实施成效", 300), ("经济性和可推广性", 300)],
            lighthouse.Scenarios.Fields.Select(f => (f.Label, f.MaxCharacters ?? 0)));
    }

    [Fact]
    public void The_lighthouse_template_puts_the_scenarios_at_three_before_the_work_plan_as_annex_4_does()
    {
        // 附件4 小灯塔模版: 一、企业基本情况 二、企业数字化基础 三、数字化应用系统建设（应用场景） 四、工作计划（一）（二）.
        var t = AwardFiles.Shuzhi.Direction("lighthouse")!.Template;
        Assert.Equal(("foundation", "数字化应用系统建设"), (t.Scenarios!.After, t.Scenarios.Part));
        Assert.Equal([null, null, "工作计划", "工作计划"], t.Sections.Select(s => s.Part));
        Assert.Empty(t.Problems());
    }

    [Fact]
    public void A_part_split_by_another_section_or_scenarios_after_an_unknown_section_is_refused()
    {
        var split = new AwardTemplate("模板", [new("a", "甲") { Part = "工作计划" }, new("b", "乙"), new("c", "丙") { Part = "工作计划" }],
            new ScenarioBlock("应用场景", 4, [new("d", "场景描述")]) { After = "x" });
        Assert.Contains(("sections", "部分“工作计划”的栏目应相邻"), split.Problems());
        Assert.Contains(("scenarios.after", "没有栏目“x”"), split.Problems());
    }

    [Fact]
    public void The_typical_scenario_list_has_forty_entries_and_keeps_the_seeds_gap_as_editable_entries()
    {
        var list = AwardFiles.Shuzhi.TypicalScenarios;
        Assert.Equal(Enumerable.Range(1, 40), list.Select(t => t.Number));
        Assert.Equal([3, 4, 5], list.Where(t => t.Missing).Select(t => t.Number));
        Assert.Equal("可制造性设计", list.Single(t => t.Number == 6).Name);
        Assert.Equal(("多环节模式创新", "可持续制造"), (list[^1].Stage, list[^1].Name));
    }

    [Fact]
    public void The_chain_call_carries_the_guides_limits_and_the_eight_sme_rule()
    {
        var call = AwardFiles.Chain;
        Assert.Equal(AwardKind.Chain, call.Kind);
        var d = Assert.Single(call.Directions);
        Assert.Equal(50m, d.AmountWan);
        Assert.Equal(8, call.ChainCase!.MinDrivenSmes);
        Assert.Equal(["技术赋能", "供应链赋能", "平台赋能", "生态赋能", "绿色赋能"], call.ChainCase.Modes);
        Assert.Equal([("name", 50), ("summary", 250), ("measures", 1800), ("results", 1000), ("problems", 400), ("brief", 150)],
            d.Template.Sections.Select(s => (s.Key, s.MaxCharacters ?? 0)));
        Assert.Equal([300, 3500], d.Template.AllTotals.Select(t => t.MaxCharacters));
        Assert.Equal(new ImageRules(2, 1000, 1000), d.Template.Images);
    }

    [Fact]
    public void Both_calls_compile_their_review_chain_and_the_county_recommends_before_the_city_reviews()
    {
        foreach (var call in new[] { AwardFiles.Shuzhi, AwardFiles.Chain })
        {
            var chain = call.Chain;
            var county = new Actor("u-" + Guid.NewGuid(), "县区", Role.DistrictBureau, call.ProgrammeId, District: "正定县");
            var city = new Actor("u-" + Guid.NewGuid(), "市局", Role.CityBureau, call.ProgrammeId);
            var ok = new AwardCase([], "已现场核查");
            Assert.True(chain.Take(AwardStatus.Submitted, AwardTrigger.Recommend, ok, county, null, call.ProgrammeId, "a", DateTime.UtcNow).Taken);
            var cityRecommends = chain.Take(AwardStatus.Submitted, AwardTrigger.Recommend, ok, city, null, call.ProgrammeId, "a", DateTime.UtcNow);
            Assert.False(cityRecommends.Taken);
            var noNote = chain.Take(AwardStatus.Submitted, AwardTrigger.Recommend, new AwardCase([], " "), county, null, call.ProgrammeId, "a", DateTime.UtcNow);
            Assert.Contains("现场核查", noNote.Refusal!.Message);
            var submitBroken = chain.Take(AwardStatus.Draft, AwardTrigger.Submit, new AwardCase(["场景1的场景描述不超过500字（现有501字，超出1字）"], null),
                new Actor("u-" + Guid.NewGuid(), "企业", Role.Enterprise, call.ProgrammeId, EnterpriseId: Guid.NewGuid()), null, call.ProgrammeId, "a", DateTime.UtcNow);
            Assert.Contains("场景1的场景描述不超过500字", submitBroken.Refusal!.Message);
        }
    }

    [Theory]
    [InlineData("\"maxDirections\": 2", "\"maxDirections\": 4", "$.maxDirections")]
    [InlineData("\"amountWan\": 30", "\"amountWan\": 0", "$.directions[0].amountWan")]
    [InlineData("\"minPct\": 60", "\"minPct\": 160", "$.directions[0].criteria[0]")]
    [InlineData("\"to\": \"recognised\"", "\"to\": \"draft\"", "$.workflow.transitions[6]")]
    public void A_call_the_process_cannot_run_is_refused_with_its_path(string find, string replace, string path)
    {
        var text = AwardFiles.Text("sjz-shuzhi-2025.json");
        Assert.Contains(find, text);
        var problems = AwardFiles.Parse(text.Replace(find, replace)).Problems().ToList();
        Assert.Contains(problems, p => p.Path == path && Chinese.IsChinese(p.Reason));
    }
}
