using DxPilot.Domain.Enterprises;

namespace DxPilot.Domain.Tests.Enterprises;

/// <summary>What a cell of an imported sheet asks of a stored field: keep it, clear it, or set it.</summary>
public class SheetCellTests
{
    [Theory]
    [InlineData(nameof(EnterpriseForm.IndustryCode), "待补充")]
    [InlineData(nameof(EnterpriseForm.Uscc), "待补充")]
    [InlineData(nameof(EnterpriseForm.ContactName), "暂无")]
    [InlineData(nameof(EnterpriseForm.ContactPhone), "-")]
    [InlineData(nameof(EnterpriseForm.ContactPhone), "—")]
    [InlineData(nameof(EnterpriseForm.MainProducts), "/")]
    [InlineData(nameof(EnterpriseForm.RegisteredAddress), "空")]
    [InlineData(nameof(EnterpriseForm.Intro), "无")]
    [InlineData(nameof(EnterpriseForm.Employees), "  ")]
    [InlineData(nameof(EnterpriseForm.Employees), null)]
    [InlineData(nameof(EnterpriseForm.Name), "\u3000待补充\u3000")]
    public void Blanks_and_blank_like_markers_keep_the_stored_value(string field, string? cell) =>
        Assert.Equal(SheetCell.Intent.Keep, SheetCell.Read(field, cell, out _));

    [Theory]
    [InlineData("无")]
    [InlineData("/")]
    public void In_企业类别_无_is_an_answer_none_of_the_tiers_not_a_blank(string cell)
    {
        Assert.Equal(SheetCell.Intent.Set, SheetCell.Read(nameof(EnterpriseForm.QualityTier), cell, out var value));
        Assert.Equal(cell, value);
    }

    [Theory]
    [InlineData("〔清空〕")]
    [InlineData("【清空】")]
    [InlineData(" 〔清空〕 ")]
    public void Only_the_clear_marker_empties_a_field(string cell) =>
        Assert.Equal(SheetCell.Intent.Clear, SheetCell.Read(nameof(EnterpriseForm.ContactName), cell, out _));

    [Fact]
    public void A_value_is_set_trimmed() =>
        Assert.Equal((SheetCell.Intent.Set, "3670"), (SheetCell.Read(nameof(EnterpriseForm.IndustryCode), " 3670 ", out var v), v));

    [Fact]
    public void Every_template_header_is_read_back_as_its_own_field()
    {
        var columns = EnterpriseSheetColumns.TemplateColumns;
        var mapping = EnterpriseSheetColumns.Map(columns.Select(c => c.Header).ToList());
        Assert.Empty(mapping.Ignored);
        for (var i = 0; i < columns.Count; i++) Assert.Equal(columns[i].Field, mapping.FieldByColumn[i]);
    }

    [Fact]
    public void The_platforms_own_export_columns_are_recognised_not_reported_as_unknown()
    {
        var mapping = EnterpriseSheetColumns.Map(["序号", "企业名称", "统一社会信用代码", "所属县（市、区）", "试点细分行业", "国民经济行业代码", "企业规模",
            "规上/规下", "企业类别", "从业人员（人）", "上年营业收入（万元）", "联系人", "联系电话", "已获中央资金支持的“小巨人”", "已纳入2022年改造试点",
            "更新时间", EnterpriseSheetColumns.VersionHeader]);
        Assert.Empty(mapping.Ignored);
        Assert.Equal(16, mapping.VersionColumn);
        Assert.Equal(13, mapping.FieldByColumn.Count);
    }
}
