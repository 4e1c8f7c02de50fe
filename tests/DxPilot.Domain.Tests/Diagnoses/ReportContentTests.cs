using System.Text;
using DxPilot.Domain.Diagnoses.Report;

namespace DxPilot.Domain.Tests.Diagnoses;

public class ReportContentTests
{
    // 数字化(3) 转型(2) ABC(3) ，(1) 2025(4) 年(1) ！(1) 🚗(1) = 16; the space, "\n" and "\r\n" do not count.
    private const string Sixteen = "数字化 转型\nABC，2025年！🚗\r\n";

    private static string Times(string unit, int n) => new StringBuilder().Insert(0, unit, n).ToString();

    // 16 × 900 + 16 × 37 = 14,992; the row 数控车床 + M1 = 6; ownership is a ticked box and does not count.
    private static ReportContent Written(string intro) => new()
    {
        Texts = { [ReportOutline.Profile.Key] = Times(Sixteen, 900), [ReportOutline.BuildPlan.Key] = Times(Sixteen, 37) },
        Tables = { [ReportOutline.Equipment.Key] = [["数控车床", "M1", "", "", "", "", ""]] },
        Basics = { ["intro"] = intro, ["ownership"] = "民营" },
    };

    [Fact]
    public void Counts_14999_written_characters_one_short_of_the_15000_rule()
    {
        Assert.Equal(14_999, Written("好 ").Characters());
    }

    [Fact]
    public void Counts_15000_written_characters_meeting_the_15000_rule()
    {
        Assert.Equal(15_000, Written("好\n的").Characters());
    }

    [Fact]
    public void Counts_needs_and_other_directions_but_not_ticked_directions()
    {
        var content = new ReportContent
        {
            Needs = { ["production"] = ["设备联网", "排产 APS"] },    // 4 + 5
            Directions = ["MES", "ERP"],
            OtherDirections = "能耗监测",                             // 4
        };
        Assert.Equal(13, content.Characters());
    }

    [Fact]
    public void Revising_keeps_the_count_and_moves_the_version()
    {
        var report = DiagnosisReport.Start(Guid.NewGuid(), "changchun-2025");
        report.Revise(Written("好的"), DateTime.UtcNow);
        Assert.Equal(15_000, report.Characters);
        Assert.Equal(1, report.Version);
    }

    [Fact]
    public void Audit_keeps_length_and_fingerprint_not_the_text()
    {
        var content = new ReportContent { Texts = { [ReportOutline.TopDesign.Key] = "分三期建设 MES" } };
        var field = Assert.Single(content.AuditFields());
        Assert.Equal("（一）顶层设计", field.Key);
        Assert.StartsWith("8字，指纹", field.Value);
        Assert.DoesNotContain("MES", field.Value);
        var changed = new ReportContent { Texts = { [ReportOutline.TopDesign.Key] = "分三期建设 ERP" } };
        Assert.NotEqual(field.Value, changed.AuditFields()["（一）顶层设计"]);
    }
}

public class ReportRulesTests
{
    [Fact]
    public void A_section_of_200000_characters_is_refused_naming_it_and_its_limit()
    {
        var typed = new ReportContent { Texts = { [ReportOutline.Profile.Key] = new string('字', 200_000) } };
        var (_, errors) = ReportRules.Clean(typed);
        var message = errors[FieldNames.Text(ReportOutline.Profile.Key)];
        Assert.Contains("（一）企业简介", message);
        Assert.Contains("50,000字", message);
        Assert.Contains("200,000字", message);
    }

    [Theory]
    [InlineData(50_000, true)]
    [InlineData(50_001, false)]
    public void A_section_may_hold_50000_characters(int length, bool accepted)
    {
        var (_, errors) = ReportRules.Clean(new ReportContent { Texts = { [ReportOutline.BuildPlan.Key] = new string('a', length) } });
        Assert.Equal(accepted, errors.Count == 0);
    }

    [Fact]
    public void Control_characters_are_refused_but_line_breaks_kept()
    {
        var (clean, errors) = ReportRules.Clean(new ReportContent { Texts = { ["profile"] = "第一段\r\n第二段", ["production"] = "工艺\u0000" } });
        Assert.Equal("第一段\n第二段", clean.TextOf("profile"));
        Assert.Contains("（三）生产模式及生产工艺", errors[FieldNames.Text("production")]);
        Assert.DoesNotContain(FieldNames.Text("profile"), errors.Keys);
    }

    [Theory]
    [InlineData("12.5", "12.50", true)]
    [InlineData("1,200", "1200.00", true)]
    [InlineData("0", "0.00", true)]
    [InlineData("12.345", null, false)]
    [InlineData("-3", null, false)]
    [InlineData("十万", null, false)]
    [InlineData("1000001", null, false)]
    public void Cost_estimates_are_amounts_in_wan_with_two_decimals(string typed, string? kept, bool accepted)
    {
        var row = new List<string> { "MES一期", "工单与报工", "2026年", typed, "效率提升10%" };
        var (clean, errors) = ReportRules.Clean(new ReportContent { Tables = { [ReportOutline.ProjectList.Key] = [row] } });
        Assert.Equal(accepted, errors.Count == 0);
        if (accepted) Assert.Equal(kept, clean.RowsOf(ReportOutline.ProjectList.Key)[0][3]);
        else Assert.Contains("表10 数字化改造项目列表第1行“成本预估（万元）”", errors[FieldNames.Cell(ReportOutline.ProjectList.Key, 0, 3)]);
    }

    [Fact]
    public void Blank_rows_are_left_out_and_a_yes_no_column_takes_only_yes_or_no()
    {
        var table = ReportOutline.Equipment.Key;
        var (clean, errors) = ReportRules.Clean(new ReportContent
        {
            Tables = { [table] = [["", " ", "", "", "", "", ""], ["注塑机", "HX-200", "海天", "3", "联网", "", ""]] },
        });
        Assert.Single(clean.RowsOf(table));
        Assert.Contains("请填“是”或“否”", errors[FieldNames.Cell(table, 0, 4)]);
    }

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void A_table_holds_at_most_200_rows(int rows, bool accepted)
    {
        var typed = new ReportContent { Tables = { [ReportOutline.CloudUse.Key] = Enumerable.Range(0, rows).Select(i => new List<string> { $"系统{i}", "公有云", "华为" }).ToList() } };
        var (_, errors) = ReportRules.Clean(typed);
        Assert.Equal(accepted, errors.Count == 0);
        if (!accepted) Assert.Contains("表5“上云用云”情况列表最多200行", errors[FieldNames.Table(ReportOutline.CloudUse.Key)]);
    }

    [Theory]
    [InlineData(500, true)]
    [InlineData(501, false)]
    public void The_basics_text_stays_within_500_characters(int length, bool accepted)
    {
        var (_, errors) = ReportRules.Clean(new ReportContent { Basics = { ["intro"] = new string('企', length) } });
        Assert.Equal(accepted, errors.Count == 0);
    }

    [Fact]
    public void Only_offered_directions_and_ownerships_are_kept()
    {
        var (clean, errors) = ReportRules.Clean(new ReportContent { Directions = ["MES", "黑客"], Basics = { ["ownership"] = "私人" } });
        Assert.Equal(["MES"], clean.Directions);
        Assert.Contains("国有、民营、外资、混合所有制、其他", errors[FieldNames.Basics("ownership")]);
    }
}
