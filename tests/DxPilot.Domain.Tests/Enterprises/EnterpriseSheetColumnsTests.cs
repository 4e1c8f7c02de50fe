using DxPilot.Domain.Enterprises;

namespace DxPilot.Domain.Tests.Enterprises;

public class EnterpriseSheetColumnsTests
{
    /// <summary>Header row of seed 003 附件5 (杭州市…改造项目备案汇总表), copied verbatim from /work/shared/seeds/003_*.txt.</summary>
    private static readonly string[] Hangzhou附件5 =
    [
        "序号", "细分行业类别", "企业所属区、县(市)", "企业名称", "统一社会信用代码", "联系人", "联系方式", "主营产品",
        "2023年主营业务收入(万元)", "企业类别", "规上/规下", "已获得中央财政中小企业发展专项资金支持的专精特新“小巨人”企业",
        "已纳入《工业和信息化部办公厅 财政部办公厅关于开展财政支持中小企业数字化转型试点工作的通知》(工信厅联企业〔2022〕22号)中改造试点的中小企业",
        "制造业中小企业数字化水平自测", "企业改造后目标数字化水平", "数字化转型项目投资额(万元)", "项目名称", "实施期限", "应用场景",
        "上云用云计划", "项目预投入(万元/不含税)", "单位名称", "统一社会信用代码", "联系人", "联系电话", "合同名称", "合同签订日期",
        "主要承担工作",
    ];

    [Fact]
    public void Seed_003_附件3_header_row_maps()
    {
        var m = EnterpriseSheetColumns.Map(["序号", "企业名称", "所属区县", "行业"]);
        Assert.Equal(3, m.FieldByColumn.Count);
        Assert.Equal(nameof(EnterpriseForm.Name), m.FieldByColumn[1]);
        Assert.Equal(nameof(EnterpriseForm.District), m.FieldByColumn[2]);
        Assert.Equal(nameof(EnterpriseForm.Industry), m.FieldByColumn[3]);
        Assert.Empty(m.MissingRequired);
        Assert.Empty(m.Ignored); // 序号 is skipped, not "ignored"
    }

    [Theory]
    [InlineData(1, nameof(EnterpriseForm.Industry))]
    [InlineData(2, nameof(EnterpriseForm.District))]
    [InlineData(3, nameof(EnterpriseForm.Name))]
    [InlineData(4, nameof(EnterpriseForm.Uscc))]
    [InlineData(5, nameof(EnterpriseForm.ContactName))]
    [InlineData(6, nameof(EnterpriseForm.ContactPhone))]
    [InlineData(7, nameof(EnterpriseForm.MainProducts))]
    [InlineData(8, nameof(EnterpriseForm.RevenueWan))]
    [InlineData(9, nameof(EnterpriseForm.QualityTier))]
    [InlineData(10, nameof(EnterpriseForm.AboveScale))]
    [InlineData(11, nameof(EnterpriseForm.LittleGiantCentralFunded))]
    [InlineData(12, nameof(EnterpriseForm.Pilot2022))]
    public void Hangzhou_附件5_headers_map_to_enterprise_fields(int column, string field)
    {
        var m = EnterpriseSheetColumns.Map(Hangzhou附件5);
        Assert.Equal(field, m.FieldByColumn.GetValueOrDefault(column));
    }

    [Fact]
    public void Hangzhou_附件5_provider_columns_do_not_overwrite_the_enterprise_columns()
    {
        var m = EnterpriseSheetColumns.Map(Hangzhou附件5);
        // columns 21.. are the service provider's 单位名称/统一社会信用代码/联系人/联系电话
        foreach (var col in new[] { 21, 22, 23, 24 }) Assert.False(m.FieldByColumn.ContainsKey(col), $"column {col} mapped");
        Assert.Equal(12, m.FieldByColumn.Count);
        Assert.Empty(m.MissingRequired);
        Assert.Contains("制造业中小企业数字化水平自测", m.Ignored);
        Assert.Contains("项目名称", m.Ignored);
    }

    [Theory]
    [InlineData("企业所属区、县（市）", nameof(EnterpriseForm.District))]   // full-width brackets
    [InlineData("所属县（市、区）", nameof(EnterpriseForm.District))]
    [InlineData("2023年主营业务收入（万元）", nameof(EnterpriseForm.RevenueWan))]
    [InlineData("上年营业收入(万元)", nameof(EnterpriseForm.RevenueWan))]
    [InlineData(" 企业 名称 ", nameof(EnterpriseForm.Name))]
    [InlineData("统一社会信用代码", nameof(EnterpriseForm.Uscc))]
    [InlineData("从业人员(人)", nameof(EnterpriseForm.Employees))]
    [InlineData("行业代码", nameof(EnterpriseForm.IndustryCode))]
    public void Header_variants_map(string header, string field)
    {
        var m = EnterpriseSheetColumns.Map(["序号", header]);
        Assert.Equal(field, m.FieldByColumn.GetValueOrDefault(1));
    }

    [Fact]
    public void Sheet_without_企业名称_reports_it_missing()
    {
        var m = EnterpriseSheetColumns.Map(["序号", "所属区县", "行业"]);
        Assert.Contains("企业名称", m.MissingRequired);
        Assert.DoesNotContain("所属区县", m.MissingRequired);
    }

    [Fact]
    public void Sheet_without_district_or_industry_reports_both_missing()
    {
        var m = EnterpriseSheetColumns.Map(["企业名称"]);
        Assert.Equal(2, m.MissingRequired.Count);
        Assert.Contains("所属区县", m.MissingRequired);
        Assert.Contains(m.MissingRequired, x => x.StartsWith("行业", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_headers_are_listed_as_ignored()
    {
        var m = EnterpriseSheetColumns.Map(["序号", "企业名称", "所属区县", "行业", "法人身份证号", "备注", "车间面积"]);
        Assert.Equal(["法人身份证号", "车间面积"], m.Ignored);
        Assert.Equal(3, m.FieldByColumn.Count);
    }

    [Fact]
    public void Header_row_is_recognised_by_its_name_column()
    {
        Assert.True(EnterpriseSheetColumns.IsHeaderRow(["序号", "企业名称", "所属区县", "行业"]));
        Assert.False(EnterpriseSheetColumns.IsHeaderRow(["1", "杭州热威汽车零部件有限公司", "滨江区", "汽车零部件"]));
        Assert.False(EnterpriseSheetColumns.IsHeaderRow(["杭州市中小企业数字化转型城市试点 试点行业企业参考名单（滨江区）", null]));
    }
}
