using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;

using static DxPilot.Web.Tests.Support.ShijiazhuangAwards;

namespace DxPilot.Web.Tests.Support;

/// <summary>Shijiazhuang's award calls (seed 004) arranged for a test: enterprises with accounts, an accepted project, an open batch,
/// and the multipart uploads of an application's files.</summary>
public sealed class ShijiazhuangAwardFiles(DxPilotApp app)
{
    public ProgrammeAccounts Accounts { get; } = new(app, Programme);

    /// <summary>A registered enterprise with its own account.</summary>
    public async Task<(Guid Id, string Name, string User)> EnterpriseAsync(string district = "正定县")
    {
        var enterprise = await RegisteredAsync(app, Form($"石家庄附件测试{Guid.NewGuid().ToString("N")[..8]}有限公司", TestData.NewUscc("130123"), district));
        return (enterprise.Id, enterprise.Name, await Accounts.UserAsync(Role.Enterprise, enterprise: enterprise.Id));
    }

    /// <summary>The enterprise's project accepted at 三级 from 二级.</summary>
    public Task AcceptedProjectAsync(Guid enterpriseId) => ShijiazhuangAwards.AcceptedProjectAsync(app, enterpriseId);

    /// <summary>The call's open batch (a new one when none is open).</summary>
    public async Task OpenBatchAsync(string call)
    {
        var city = await app.As(await Accounts.UserAsync(Role.CityBureau));
        var batches = await city.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{call}/batches");
        if (batches.EnumerateArray().Any(b => b.GetProperty("isOpen").GetBoolean())) return;
        (await city.PostAsJsonAsync($"/api/awards/calls/{call}/batches", new { name = (string?)null })).EnsureSuccessStatusCode();
    }

    /// <summary>A multipart upload of files to one slot (several files go under the same field, as the page's picker sends them).</summary>
    public static MultipartFormDataContent Upload(string kind, IEnumerable<(string Name, byte[] Content)> files, string? direction = null, int? scenario = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(kind), "kind" } };
        if (direction is not null) form.Add(new StringContent(direction), "direction");
        if (scenario is { } n) form.Add(new StringContent(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), "scenario");
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }
        return form;
    }

    /// <summary>The signed 承诺书 and 申报声明 every 数智 submission needs (a JPEG scan and a PDF).</summary>
    public static async Task SignedScansAsync(HttpClient enterprise, Guid applicationId)
    {
        foreach (var (kind, name, content) in new[] { ("pledge", "承诺书.jpg", Pictures.Jpeg()), ("declaration", "申报声明.pdf", Pdf) })
        {
            var response = await enterprise.PostAsync($"/api/awards/{applicationId}/files", Upload(kind, [(name, content)]));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The start of a PDF: what the content check reads.</summary>
    public static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();
}
