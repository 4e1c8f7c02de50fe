using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;

namespace DxPilot.Web.Tests.Support;

/// <summary>A signed-in browser on the benchmark form: it reads the form as rendered (what a browser would send back)
/// and posts it as multipart with the chosen files.</summary>
public sealed class BenchmarkBrowser(HttpClient client)
{
    public const string FormPath = "/benchmark/self-score";

    public HttpClient Client => client;

    public static async Task<BenchmarkBrowser> SignInAsync(DxPilotApp app, string userName)
    {
        var client = app.Anonymous();
        var response = await PageClient.SignIn(client, userName);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return new BenchmarkBrowser(client);
    }

    /// <summary>The form's fields as a browser would post them: checked boxes and radios only, no file inputs.</summary>
    public async Task<Dictionary<string, string>> OpenFormAsync()
    {
        var response = await client.GetAsync(FormPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Fields(await response.Content.ReadAsStringAsync());
    }

    public static Dictionary<string, string> Fields(string page)
    {
        var form = PageClient.Parse(page).QuerySelector("form.bench-form")!;
        var fields = new Dictionary<string, string>();
        foreach (var e in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = e.GetAttribute("name")!;
            switch (e)
            {
                case IHtmlInputElement { Type: "file" or "submit" }:
                case IHtmlInputElement { Type: "checkbox" or "radio", IsChecked: false }:
                    continue;
                case IHtmlTextAreaElement t: fields[name] = t.Value; break;
                case IHtmlSelectElement s: fields[name] = s.Value ?? ""; break;
                default: fields[name] = e.GetAttribute("value") ?? ""; break;
            }
        }
        return fields;
    }

    public async Task<HttpResponseMessage> PostAsync(Dictionary<string, string> fields, string command = "save", params Upload[] files)
    {
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields) body.Add(new StringContent(value), name);
        body.Add(new StringContent(command), "Form.Command");
        foreach (var f in files)
        {
            var part = new ByteArrayContent(f.Content);
            part.Headers.ContentType = new MediaTypeHeaderValue(f.ClaimedType);
            body.Add(part, f.Field, f.FileName);
        }
        return await client.PostAsync(FormPath, body);
    }

    /// <summary>Opens the form, lets the test change fields, posts it and follows a successful save's redirect.</summary>
    public async Task<HttpResponseMessage> FillAsync(Action<Dictionary<string, string>> change, string command = "save", params Upload[] files)
    {
        var fields = await OpenFormAsync();
        change(fields);
        return await PostAsync(fields, command, files);
    }

    public async Task<string> PageAsync(string path = FormPath) => WebUtility.HtmlDecode(await client.GetStringAsync(path));

    public sealed record Upload(string Field, string FileName, byte[] Content, string ClaimedType = "image/png");
}

/// <summary>Small real images, and things that only pretend to be.</summary>
public static class Pictures
{
    /// <summary>A 1×1 PNG; <paramref name="variant"/> trailing bytes make distinct files of the same picture.</summary>
    public static byte[] Png(int variant = 0) =>
        [.. Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="), .. new byte[variant]];

    /// <summary>The start of a JFIF JPEG.</summary>
    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    public static BenchmarkBrowser.Upload Picture(int item, int variant = 0) => new($"picture-{item}", $"第{item}项截图{variant}.png", Png(variant));

    /// <summary>The precondition documents of seed 000 三: two credit screenshots (1), the business licence (2), the MIIT level
    /// screenshot (3), the 2022-2024 coded audit reports (4), the pledge scan (6).</summary>
    public static readonly BenchmarkBrowser.Upload[] Documents =
    [
        new("credit-china", "信用中国查询.png", Png(1)),
        new("credit-gsxt", "公示系统查询.png", Png(2)),
        new("business-licence", "营业执照复印件.png", Png(6)),
        new("miit-level", "工信部平台测试结果.png", Png(3)),
        new("audit-report-2022", "2022年度审计报告.png", Png(7)),
        new("audit-report-2023", "2023年度审计报告.png", Png(8)),
        new("audit-report-2024", "2024年度审计报告.png", Png(9)),
        new("pledge", "真实性承诺书.jpg", Jpeg(), "image/jpeg"),
    ];

    /// <summary>Every precondition met (seed 000 三): registered before 2022-01-01, revenue in each of 2022-2024, 二级 on the
    /// MIIT platform, coded audited reports 2022-2024, the pledge signed, an overview of 2000 characters.</summary>
    public static void Eligible(Dictionary<string, string> f)
    {
        f["Form.CreditClean"] = "true";
        f["Form.RegisteredOn"] = "2021-12-31";
        f["Form.Revenue[2022]"] = "1200";
        f["Form.Revenue[2023]"] = "1500";
        f["Form.Revenue[2024]"] = "1800.50";
        f["Form.MiitLevel"] = "2";
        f["Form.Audited[2022]"] = "true";
        f["Form.Audited[2023]"] = "true";
        f["Form.Audited[2024]"] = "true";
        f["Form.PledgeSigned"] = "true";
        f["Form.Overview"] = new string('数', 2000);
    }
}
