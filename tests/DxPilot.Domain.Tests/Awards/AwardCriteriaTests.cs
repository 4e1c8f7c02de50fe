using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Awards;

/// <summary>Seed 004 附件1-1 to 1-3, each criterion at its boundary, from the platform's own data first.</summary>
public class AwardCriteriaTests
{
    private static readonly AwardCall Call = AwardFiles.Shuzhi;
    private static readonly DateOnly Today = new(2025, 9, 1);
    private const string Devices = "生产设备数量（台）";
    private const string Digital = "实现数字化的生产设备数量（台）";
    private const string Networked = "实现联网的生产设备数量（台）";

    private static CriterionCheck Check(string direction, string key, AwardFacts facts)
    {
        var d = Call.Direction(direction)!;
        return AwardCriteria.Check(d.Criteria.Single(c => c.Key == key), d.Template, facts, Call.TypicalScenarios, Today);
    }

    private static AwardFacts Raw(decimal devices, decimal digital, decimal networked) => new()
    {
        Instrument = OfficialInstruments.Miit2024,
        RawInputs = new Dictionary<string, decimal> { [Devices] = devices, [Digital] = digital, [Networked] = networked },
    };

    [Theory]
    [InlineData(599, CriterionVerdict.NotMet, "59.9%")]
    [InlineData(600, CriterionVerdict.Met, "= 60%")]
    public void Digital_equipment_rate_from_the_agencys_raw_inputs_at_60_percent(int digital, CriterionVerdict verdict, string shown)
    {
        var check = Check("lighthouse", "digitalEquipment", Raw(1000, digital, 0));
        Assert.Equal(verdict, check.Verdict);
        Assert.Contains(shown, check.Evidence);
        Assert.Contains("评测机构改造后评测原始数据", check.Evidence);
    }

    [Theory]
    [InlineData(499, CriterionVerdict.NotMet)]
    [InlineData(500, CriterionVerdict.Met)]
    public void Networked_rate_is_networked_over_digital_devices_at_50_percent(int networked, CriterionVerdict verdict)
    {
        // 1,000 devices of which 1,000 digital: 499 networked is 49.9 %, 500 is 50 %.
        Assert.Equal(verdict, Check("lighthouse", "networked", Raw(2000, 1000, networked)).Verdict);
    }

    [Fact]
    public void A_cloud_rate_the_applicant_enters_may_stand_in_for_a_short_networked_rate_for_the_reviewer()
    {
        var facts = Raw(1000, 1000, 400) with { Entered = new Dictionary<string, decimal> { ["networked" + AwardCriteria.AlternativeSuffix] = 55 } };
        var check = Check("lighthouse", "networked", facts);
        Assert.Equal(CriterionVerdict.ForReviewer, check.Verdict);
        Assert.Contains("上云率55%", check.Evidence);
        var below = Raw(1000, 1000, 400) with { Entered = new Dictionary<string, decimal> { ["networked" + AwardCriteria.AlternativeSuffix] = 49.9m } };
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "networked", below).Verdict);
    }

    private static AwardFacts Option(string letter, decimal? entered = null) => new()
    {
        Instrument = OfficialInstruments.Miit2024,
        Choices = new Dictionary<string, IReadOnlyList<string>> { ["设备数字化"] = [letter] },
        Entered = entered is { } e ? new Dictionary<string, decimal> { ["digitalEquipment"] = e } : new Dictionary<string, decimal>(),
    };

    [Fact]
    public void Without_raw_inputs_the_agencys_option_settles_the_rate_only_when_its_band_lies_wholly_on_one_side()
    {
        // MIIT 2024 设备数字化: E = (60%,100%] is above 60; C = (20%,40%] below; D = (40%,60%] straddles it.
        Assert.Equal(CriterionVerdict.Met, Check("lighthouse", "digitalEquipment", Option("E")).Verdict);
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "digitalEquipment", Option("C", entered: 70)).Verdict);
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "digitalEquipment", Option("D")).Verdict);
        var claimed = Check("lighthouse", "digitalEquipment", Option("D", entered: 60));
        Assert.Equal(CriterionVerdict.ForReviewer, claimed.Verdict);
        Assert.Contains("企业填报60%", claimed.Evidence);
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "digitalEquipment", Option("D", entered: 59.9m)).Verdict);
    }

    private static AwardFacts Scenarios(params int?[] mapped) => new()
    {
        Text = new AwardText { Scenarios = mapped.Select(m => new ScenarioText { TypicalScenario = m }).ToList() },
    };

    [Fact]
    public void Four_scenarios_each_mapped_to_a_typical_scenario_are_needed()
    {
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "scenarios", Scenarios(7, 8, 14)).Verdict);
        var four = Check("lighthouse", "scenarios", Scenarios(7, 8, 14, 16));
        Assert.Equal(CriterionVerdict.Met, four.Verdict);
        Assert.Contains("7.生产计划优化", four.Evidence);
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "scenarios", Scenarios(7, 8, 14, null)).Verdict);
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "scenarios", Scenarios(7, 8, 14, 41)).Verdict);
    }

    [Theory]
    [InlineData(2, 1, CriterionVerdict.NotMet, "须达到三级及以上")]
    [InlineData(3, 2, CriterionVerdict.Met, "等级有提升")]
    [InlineData(3, 3, CriterionVerdict.NotMet, "等级未提升")]
    [InlineData(4, 3, CriterionVerdict.Met, "改造后评测四级")]
    [InlineData(null, 2, CriterionVerdict.NotMet, "没有评测机构的改造后评测等级")]
    [InlineData(3, null, CriterionVerdict.ForReviewer, "改造前等级未记录")]
    public void Lighthouse_level_three_or_more_by_the_agency_and_higher_than_before(int? after, int? before, CriterionVerdict verdict, string evidence)
    {
        var check = Check("lighthouse", "level", new AwardFacts { LevelAfter = after, LevelBefore = before });
        Assert.Equal(verdict, check.Verdict);
        Assert.Contains(evidence, check.Evidence);
    }

    [Fact]
    public void The_level_names_the_agency_that_evaluated_it()
    {
        Assert.Equal("评测机构（河北省数字化评测中心）改造后评测三级，改造前二级，等级有提升",
            Check("lighthouse", "level", new AwardFacts { LevelAfter = 3, LevelBefore = 2, Agency = "河北省数字化评测中心" }).Evidence);
    }

    [Fact]
    public void A_factory_at_level_four_is_marked_preferred()
    {
        Assert.Contains("达到四级，优先评定", Check("smartFactory", "level", new AwardFacts { LevelAfter = 4, LevelBefore = 2 }).Evidence);
        Assert.Contains("四级优先评定", Check("smartFactory", "level", new AwardFacts { LevelAfter = 3, LevelBefore = 2 }).Evidence);
    }

    [Fact]
    public void Innovation_from_a_quality_tier_on_file_or_intellectual_property_since_2022()
    {
        Assert.Equal(CriterionVerdict.Met, Check("lighthouse", "innovation", new AwardFacts { QualityTier = QualityTier.Innovative }).Verdict);
        var old = new AwardFacts { IntellectualProperty = [new IpRight("发明专利", "ZL2021", new DateOnly(2021, 12, 31))] };
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "innovation", old).Verdict);
        var recent = new AwardFacts { IntellectualProperty = [new IpRight("发明专利", "ZL2022", new DateOnly(2022, 1, 1))] };
        Assert.Equal(CriterionVerdict.ForReviewer, Check("lighthouse", "innovation", recent).Verdict);
        var expired = new AwardFacts { IntellectualProperty = [new IpRight("软件著作权", "2022SR1", new DateOnly(2022, 3, 1), new DateOnly(2025, 8, 31))] };
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "innovation", expired).Verdict);
    }

    [Fact]
    public void Leadership_is_for_the_reviewer_once_its_sections_are_written()
    {
        Assert.Equal(CriterionVerdict.NotMet, Check("lighthouse", "leadership", new AwardFacts()).Verdict);
        var written = new AwardFacts { Text = new AwardText { Sections = { ["leadership"] = "成立领导小组", ["plan"] = "三年规划" } } };
        Assert.Equal(CriterionVerdict.ForReviewer, Check("lighthouse", "leadership", written).Verdict);
    }

    [Theory]
    [InlineData(89.9, 95, CriterionVerdict.NotMet)]
    [InlineData(90, 89.9, CriterionVerdict.NotMet)]
    [InlineData(90, 90, CriterionVerdict.ForReviewer)]
    public void Process_mode_needs_90_percent_automatic_collection_and_control(double collection, double control, CriterionVerdict verdict)
    {
        var facts = new AwardFacts
        {
            Mode = "process",
            Entered = new Dictionary<string, decimal> { ["processDataCollection"] = (decimal)collection, ["autoControlInUse"] = (decimal)control },
        };
        var check = Check("smartFactory", "mode", facts);
        Assert.Equal(verdict, check.Verdict);
        Assert.Contains("流程型智能制造模式，要素7项由评审对照判断", check.Evidence);
    }

    [Fact]
    public void A_factory_must_pick_one_of_the_five_modes()
    {
        Assert.Equal(CriterionVerdict.NotMet, Check("smartFactory", "mode", new AwardFacts()).Verdict);
        Assert.Equal(CriterionVerdict.NotMet, Check("smartFactory", "mode", new AwardFacts { Mode = "process" }).Verdict);
        Assert.Equal(CriterionVerdict.ForReviewer, Check("smartFactory", "mode", new AwardFacts { Mode = "discrete" }).Verdict);
    }

    [Fact]
    public void Innovation_capability_must_improve_in_at_least_one_figure_and_shows_every_change()
    {
        var same = new AwardFacts
        {
            EnteredBefore = new Dictionary<string, decimal> { ["innovationSpendShare"] = 3.2m, ["newIp"] = 4 },
            Entered = new Dictionary<string, decimal> { ["innovationSpendShare"] = 3.2m, ["newIp"] = 3 },
        };
        Assert.Equal(CriterionVerdict.NotMet, Check("innovation", "improvement", same).Verdict);
        var better = same with { Entered = new Dictionary<string, decimal> { ["innovationSpendShare"] = 4.5m, ["newIp"] = 3 } };
        var check = Check("innovation", "improvement", better);
        Assert.Equal(CriterionVerdict.Met, check.Verdict);
        Assert.Contains("提升的能力：创新投入能力", check.Evidence);
        Assert.Contains("创新经费及研发经费支出占主营业务收入比重：3.2%→4.5%（+1.3）", check.Evidence);
        Assert.Contains("新增知识产权数量：4项→3项（-1）", check.Evidence);
        Assert.Equal(CriterionVerdict.NotMet, Check("innovation", "improvement", new AwardFacts()).Verdict);
    }

    [Fact]
    public void Innovation_figures_are_every_one_seed_004_annex_1_3_names_by_capability()
    {
        // 附件1-3 一 to 四, in its words: 创新经费、创新人力（研发人员、本科毕业生）、研发机构；知识产权创造、运用；新产品销售收入占比、
        // PCT、劳动生产率和综合能耗产出率；高校和研究机构占研发经费外部支出比重、技术引进经费与研发经费的比值、合作申请专利.
        var figures = Call.Direction("innovation")!.Criteria.Single(c => c.Key == "improvement").Figures;
        Assert.Equal(
        [
            ("创新投入能力", "创新经费及研发经费支出占主营业务收入比重"), ("创新投入能力", "研发人员占就业人员比重"),
            ("创新投入能力", "就业人员中本科毕业生比重"), ("创新投入能力", "实施期内是否新建研发机构"),
            ("创新发明能力", "新增知识产权数量"), ("创新发明能力", "已实施新增知识产权数量"),
            ("创新驱动能力", "新产品销售收入占主营业务收入比重"), ("创新驱动能力", "PCT申请专利新增数量"),
            ("创新驱动能力", "劳动生产率"), ("创新驱动能力", "综合能耗产出率"),
            ("创新协同能力", "研发经费外部支出中高校和研究机构所占比重"), ("创新协同能力", "技术引进经费与研发经费的比值"),
            ("创新协同能力", "合作申请专利新增数量"),
        ], figures.Select(f => (f.Capability, f.Label)));
        Assert.True(figures.Single(f => f.Label == "实施期内是否新建研发机构").YesNo);
    }

    [Fact]
    public void A_new_rd_institution_is_an_improvement_of_input_and_no_is_none()
    {
        var none = new AwardFacts { Entered = new Dictionary<string, decimal> { ["newRdInstitution"] = 0 } };
        var no = Check("innovation", "improvement", none);
        Assert.Equal(CriterionVerdict.NotMet, no.Verdict);
        Assert.Contains("实施期内是否新建研发机构：否", no.Evidence);
        var yes = Check("innovation", "improvement", new AwardFacts { Entered = new Dictionary<string, decimal> { ["newRdInstitution"] = 1 } });
        Assert.Equal(CriterionVerdict.Met, yes.Verdict);
        Assert.Contains("提升的能力：创新投入能力", yes.Evidence);
        Assert.Contains("实施期内是否新建研发机构：是", yes.Evidence);
    }

    [Fact]
    public void Labour_productivity_energy_output_and_technology_import_show_before_and_after()
    {
        var facts = new AwardFacts
        {
            EnteredBefore = new Dictionary<string, decimal> { ["labourProductivity"] = 52.5m, ["energyOutput"] = 1.8m, ["techImportRatio"] = 12m },
            Entered = new Dictionary<string, decimal> { ["labourProductivity"] = 52.5m, ["energyOutput"] = 1.6m, ["techImportRatio"] = 15m },
        };
        var check = Check("innovation", "improvement", facts);
        Assert.Equal(CriterionVerdict.Met, check.Verdict);
        Assert.Contains("提升的能力：创新协同能力", check.Evidence);
        Assert.DoesNotContain("创新驱动能力", check.Evidence.Split('；')[0]);
        Assert.Contains("劳动生产率：52.5万元/人→52.5万元/人（0）", check.Evidence);
        Assert.Contains("综合能耗产出率：1.8万元/吨标准煤→1.6万元/吨标准煤（-0.2）", check.Evidence);
        Assert.Contains("技术引进经费与研发经费的比值：12%→15%（+3）", check.Evidence);
    }
}
