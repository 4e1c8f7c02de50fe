using System.Text.RegularExpressions;

namespace DxPilot.Domain.Text;

/// <summary>
/// What a phone number and an e-mail address typed on any form must look like: the same rule for an enterprise's file, a
/// 申报's 联系方式, a contract's 乙方 and a provider's pool application, so that what one form takes another does not refuse.
/// </summary>
public static partial class ContactFormats
{
    public const string PhoneHint = "手机号为11位，座机如“区号-号码”，多个号码用“/”分隔";

    /// <summary>Null when <paramref name="value"/> is blank or one or more numbers (separated by / 、 , ，); otherwise the message.</summary>
    public static string? PhoneProblem(string label, string? value) =>
        string.IsNullOrWhiteSpace(value) || IsPhoneList(value) ? null : $"{label}格式不正确：{PhoneHint}";

    /// <summary>Null when <paramref name="value"/> is blank or an address like name@example.cn; otherwise the message.</summary>
    public static string? EmailProblem(string label, string? value) =>
        string.IsNullOrWhiteSpace(value) || EmailPattern().IsMatch(HalfWidth.Of(value).Trim()) ? null : $"{label}格式不正确，应如 name@example.cn";

    private static bool IsPhoneList(string s) =>
        HalfWidth.Of(s).Split('/', '、', ',', '，').All(p => PhonePattern().IsMatch(p.Replace(" ", "").Trim()));

    // An optional +86; a mobile 1[3-9]xxxxxxxxx, or a landline with an optional area code (0431- or (0431)) and extension, or 400.
    [GeneratedRegex(@"^(\+?86-?)?(1[3-9]\d{9}|(0\d{2,3}-?|\(0\d{2,3}\))?\d{7,8}(-\d{1,6})?|400-?\d{3}-?\d{4})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+$")]
    private static partial Regex EmailPattern();
}
