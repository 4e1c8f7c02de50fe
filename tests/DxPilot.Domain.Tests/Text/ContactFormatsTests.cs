using DxPilot.Domain.Text;

namespace DxPilot.Domain.Tests.Text;

/// <summary>One phone and e-mail rule for every form; what a Chinese input method types in full-width is read as its digits.</summary>
public class ContactFormatsTests
{
    [Theory]
    [InlineData("13900001111")]
    [InlineData("0571-85257095")]
    [InlineData("057185257095")]
    [InlineData("85257095")]
    [InlineData("0571-85257095-8021")]                // an extension
    [InlineData("(0431)88886666")]
    [InlineData("+86 139 0000 1111")]
    [InlineData("400-123-4567")]
    [InlineData("13900001111/0571-85257095")]
    [InlineData("13900001111、0571-85257095")]
    [InlineData("０３１１－８６６６００００")]            // full-width, as typed in an input method's full-width mode
    [InlineData("")]
    [InlineData(null)]
    public void Takes_phone_numbers(string? phone) => Assert.Null(ContactFormats.PhoneProblem("联系方式", phone));

    [Theory]
    [InlineData("abc电话")]
    [InlineData("12345")]
    [InlineData("1390000111")]                         // a mobile of ten digits
    [InlineData("23900001111")]
    [InlineData("13900001111/")]
    [InlineData("0571-852570")]
    public void Refuses_what_is_not_a_phone_number(string phone) =>
        Assert.Equal("联系方式格式不正确：手机号为11位，座机如“区号-号码”，多个号码用“/”分隔", ContactFormats.PhoneProblem("联系方式", phone));

    [Theory]
    [InlineData("li@example.cn", true)]
    [InlineData("zhang.san+pilot@mail.sjz.gov.cn", true)]
    [InlineData(" li@example.cn ", true)]
    [InlineData("ｌｉ＠ｅｘａｍｐｌｅ．ｃｎ", true)]
    [InlineData("", true)]
    [InlineData("not-an-email", false)]
    [InlineData("li@example", false)]
    [InlineData("li@@example.cn", false)]
    [InlineData("李@example.cn", false)]
    [InlineData("li example@example.cn", false)]
    public void Takes_only_an_address_like_name_at_domain(string email, bool taken) =>
        Assert.Equal(taken ? null : "邮箱格式不正确，应如 name@example.cn", ContactFormats.EmailProblem("邮箱", email));

    [Theory]
    [InlineData("１５．１２", "15.12")]
    [InlineData("１，０００", "1,000")]
    [InlineData("\u3000１２\u3000", " 12 ")]
    [InlineData("杭州（滨江）", "杭州(滨江)")]
    [InlineData("15.12", "15.12")]
    public void Full_width_ascii_becomes_half_width(string typed, string meant) => Assert.Equal(meant, HalfWidth.Of(typed));
}
