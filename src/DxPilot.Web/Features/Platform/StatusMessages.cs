using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;

namespace DxPilot.Web.Features.Platform;

/// <summary>What every error status says to a person, on a page and in the API's ProblemDetails alike: a Chinese title and
/// what to do next. Framework refusals (model binding, antiforgery, body size, content type) arrive in English and are told
/// here in Chinese.</summary>
public static partial class StatusMessages
{
    public sealed record Message(string Title, string Advice);

    public static Message For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => new("请求无法识别", "提交的内容或链接格式不正确，请返回上一页重新操作。"),
        StatusCodes.Status401Unauthorized => new("请先登录", "登录已超时或尚未登录，请登录后重试。"),
        StatusCodes.Status403Forbidden => new("无权访问", "您的账号没有进行该操作的权限。如需开通，请联系主管部门。"),
        StatusCodes.Status404NotFound => new("找不到该页面或记录", "链接可能有误，或该记录不存在、不在您的权限范围内。请从首页或列表重新进入。"),
        StatusCodes.Status405MethodNotAllowed => new("不支持该操作方式", "该地址不接受这种请求方式，请从页面上的按钮或链接操作。"),
        StatusCodes.Status409Conflict => new("内容已被他人修改", "请刷新后在最新内容上重新修改。"),
        StatusCodes.Status413PayloadTooLarge => new("提交的内容太大", "请减小上传文件的大小或数量后重试。"),
        StatusCodes.Status415UnsupportedMediaType => new("提交的格式不受支持", "请按说明的格式提交（接口请求正文应为 JSON，上传文件应为表单）。"),
        StatusCodes.Status423Locked => new("账号已锁定", "请稍后再试，或联系主管部门解锁。"),
        StatusCodes.Status429TooManyRequests => new("请求过于频繁", "请稍候再试。"),
        >= 400 and < 500 => new("请求无法处理", "请返回上一页重新操作。"),
        _ => new("系统出现错误", "您的操作没有完成。请将错误编号告诉管理员。"),
    };

    /// <summary>A framework refusal of a request it could not read, said in Chinese and naming what to fix.</summary>
    public static string Detail(BadHttpRequestException ex)
    {
        if (ex.InnerException is AntiforgeryValidationException) return Antiforgery;
        if (ex.InnerException is JsonException json)
            return json.Path is { Length: > 1 } path
                ? $"请求正文不是有效的 JSON，或字段的类型不对（位置 {path}），请检查后重新提交"
                : "请求正文不是有效的 JSON，请检查后重新提交";
        if (BindFailure().Match(ex.Message) is { Success: true } bind)
            return $"参数 {bind.Groups["name"].Value} 的值“{bind.Groups["value"].Value}”无法识别，请检查后重新提交";
        if (RequiredMissing().Match(ex.Message) is { Success: true } missing)
            return $"缺少必填的参数 {missing.Groups["name"].Value}";
        if (ex.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && ex.StatusCode == StatusCodes.Status400BadRequest)
            return "请求缺少正文或正文无法读取，请按接口说明提交 JSON";
        return For(ex.StatusCode).Advice;
    }

    /// <summary>A form the page no longer draws, posted from a tab read before the page's state changed (ErrorResponses.RefuseStaleForms).</summary>
    public static readonly Message StaleForm = new("页面已过期", "该表单已不可用（可能已由他人处理或状态已变化），请返回刷新后重试。您的提交没有生效。");

    public const string Antiforgery = "页面已过期或缺少防伪令牌，请刷新页面后重新提交（已填写的内容可能需要重新输入）。";

    // 'Failed to bind parameter "int page" from "abc".'
    [GeneratedRegex(""""Failed to bind parameter "(?:\S+ )?(?<name>[^"]+)" from "(?<value>[^"]*)"""")]
    private static partial Regex BindFailure();

    // 'Required parameter "int page" was not provided from query string.'
    [GeneratedRegex("""Required parameter "(?:\S+ )?(?<name>[^"]+)" was not provided""")]
    private static partial Regex RequiredMissing();
}
