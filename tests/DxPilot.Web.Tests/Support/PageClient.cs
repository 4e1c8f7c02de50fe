using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace DxPilot.Web.Tests.Support;

/// <summary>The pages as a browser without script uses them: GET a form, take its antiforgery token, POST it back.</summary>
public static class PageClient
{
    private static readonly HtmlParser Html = new();

    public static IHtmlDocument Parse(string html) => Html.ParseDocument(html);

    public static async Task<IHtmlDocument> GetDocument(this HttpClient client, string path) => Parse(await client.GetStringAsync(path));

    public static async Task<string> Token(HttpClient client, string path) =>
        (await client.GetDocument(path)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    public static async Task<HttpResponseMessage> SignIn(HttpClient client, string user, string password = DxPilotApp.Password) =>
        await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = await Token(client, "/account/login"),
            ["Input.UserName"] = user, ["Input.Password"] = password,
        }));
}
