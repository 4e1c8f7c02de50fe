using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Tests.Text;

/// <summary>C0 (U+0000-U+001F), DEL (U+007F) and C1 (U+0080-U+009F) are refused; multi-line text keeps tab, CR and LF.</summary>
public class ControlCharactersTests
{
    [Theory]
    [InlineData("杭州热威", false, false)]
    [InlineData("杭州\u0000热威", false, true)]
    [InlineData("杭州\u001f热威", false, true)]
    [InlineData("杭州\u007f热威", false, true)]
    [InlineData("杭州\u0085热威", false, true)]                 // NEL, a C1 character
    [InlineData("杭州\u009f热威", false, true)]
    [InlineData("杭州\u00a0热威", false, false)]                // no-break space is printable
    [InlineData("第一行\r\n第二行\t缩进", false, true)]           // a one-line field takes no line break or tab
    [InlineData("第一行\r\n第二行\t缩进", true, false)]
    [InlineData("第一行\n\u0000", true, true)]
    [InlineData(null, false, false)]
    public void Refuses_control_characters(string? text, bool multiline, bool refused) =>
        Assert.Equal(refused, ControlCharacters.In(text, multiline));

    [Theory]
    [InlineData("名单.xlsx", "名单.xlsx")]
    [InlineData("名单\u0000\u0001.xlsx", "名单.xlsx")]
    [InlineData("C:\\Users\\张三\\名单.xlsx", "名单.xlsx")]
    [InlineData("../../etc/名单.csv", "名单.csv")]
    [InlineData("\u0000", "未命名文件")]
    [InlineData(null, "未命名文件")]
    public void Uploaded_file_names_keep_only_their_printable_name(string? raw, string kept) =>
        Assert.Equal(kept, ControlCharacters.FileName(raw));

    [Fact]
    public void The_enterprise_validator_names_the_field_with_the_hidden_character()
    {
        var programme = Support.ProgrammeFiles.Hangzhou;
        var form = new EnterpriseForm { Name = "热威\u0000", District = "滨江区", Industry = "汽车零部件", Intro = "简介\r\n第二行" };
        var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 16));
        Assert.Equal("企业名称含有不可见的控制字符，请删除后再保存", result.Errors[nameof(EnterpriseForm.Name)]);
        Assert.False(result.Errors.ContainsKey(nameof(EnterpriseForm.Intro)));
    }
}
