using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Tests.Text;

/// <summary>C0 (U+0000-U+001F), DEL (U+007F), C1 (U+0080-U+009F), U+FFFE, U+FFFF and a lone surrogate are refused (XML 1.0,
/// and so every .docx and .xlsx, cannot carry the last three); multi-line text keeps tab, CR and LF.</summary>
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
    [InlineData("张\uffff三", false, true)]
    [InlineData("张\ufffe三", true, true)]
    [InlineData("张\ufffd三", false, false)]                   // the replacement character is printable
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

    /// <summary>Half of a surrogate pair cannot stand in an attribute's string (the compiler stores it as U+FFFD), so these are built here.</summary>
    [Fact]
    public void A_lone_half_of_a_surrogate_pair_is_refused_and_left_out_of_xml_and_a_whole_pair_is_kept()
    {
        const char first = '\ud840', second = '\udc00'; // together 𠀀 (U+20000), a rare name's character
        Assert.True(ControlCharacters.In($"张{first}三"));
        Assert.True(ControlCharacters.In($"张{second}三"));
        Assert.True(ControlCharacters.In($"张{first}"));
        Assert.True(ControlCharacters.In($"{second}{first}"));
        Assert.False(ControlCharacters.In($"{first}{second}姓"));
        Assert.Equal("张三", ControlCharacters.ForXml($"张{first}三{second}", keepLineBreaks: true));
        Assert.Equal($"{first}{second}姓", ControlCharacters.ForXml($"{first}{second}\u0001姓\u001f", keepLineBreaks: true));
    }

    /// <summary>What the document writers put down: text stored before the rule must not make a whole export unreadable.</summary>
    [Theory]
    [InlineData("张\uffff三", true, "张三")]
    [InlineData("第一行\r\n第二行\t缩进", true, "第一行\r\n第二行\t缩进")]
    [InlineData("第一行\r\n第二行\t缩进", false, "第一行第二行\t缩进")]
    [InlineData("杭州\u0085热威", true, "杭州\u0085热威")]           // C1 is valid XML: refused on input, written as stored
    public void Xml_text_leaves_out_only_what_xml_cannot_carry(string text, bool keepLineBreaks, string written) =>
        Assert.Equal(written, ControlCharacters.ForXml(text, keepLineBreaks));

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
