using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using static DxPilot.Web.Tests.Support.ShijiazhuangAwards;

namespace DxPilot.Web.Tests.Support;

/// <summary>A 链式 case (seed 004 附件2) as the tests arrange it: the SMEs a lead drives, registered by the county with an account
/// each, and a case whose every section is written.</summary>
public static class ShijiazhuangChain
{
    /// <summary><paramref name="n"/> SMEs of 正定县 with an account each: (USCC, name, user).</summary>
    public static async Task<List<(string Uscc, string Name, string User)>> SmesAsync(DxPilotApp app, int n)
    {
        var smes = new List<(string, string, Guid)>();
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var suffix = Guid.NewGuid().ToString("N")[..6];
            for (var i = 1; i <= n; i++)
            {
                var form = Form($"配套企业{i}号{suffix}有限公司", TestData.NewUscc("130123"));
                (form.RegisteredAddress, form.ContactName, form.ContactPhone, form.FoundedOn, form.Employees, form.RevenueWan) =
                    ("石家庄市正定县2号", "周经理", "13900003333", "2015-03-01", "60", "3000");
                var e = Register(scope, form);
                db.Enterprises.Add(e);
                smes.Add((e.Uscc!, e.Name, e.Id));
            }
            await db.SaveChangesAsync();
        }
        var accounts = new ProgrammeAccounts(app, Programme);
        var users = new List<(string, string, string)>();
        foreach (var (uscc, name, id) in smes) users.Add((uscc, name, await accounts.UserAsync(Role.Enterprise, enterprise: id)));
        return users;
    }

    /// <summary>A 平台赋能 case with every section written within its limit.</summary>
    public static object Case() => new
    {
        texts = new Dictionary<string, object>
        {
            ["chain"] = new
            {
                sections = new Dictionary<string, string>
                {
                    ["name"] = "某药业通过原料药协同平台推动配套企业数字化转型", ["summary"] = "平台赋能模式，带动配套企业上平台。",
                    ["measures"] = "一、建设协同平台。", ["results"] = "一、交付周期缩短20%。", ["problems"] = "中小企业投入能力弱。", ["brief"] = "平台赋能带动配套企业",
                },
            },
        },
        mode = "平台赋能", contactName = "孙经理", contactPhone = "13900002222", contactEmail = "sun@example.com",
    };

    /// <summary>The lead names the SMEs and each confirms in its own account; answers the application's version after.</summary>
    public static async Task<int> ConfirmedAsync(DxPilotApp app, HttpClient lead, Guid id, int version, IReadOnlyList<(string Uscc, string Name, string User)> smes)
    {
        await ShijiazhuangReviews.Ok(await lead.PutAsJsonAsync($"/api/awards/{id}/smes", new { smes = smes.Select(s => new { uscc = s.Uscc, name = s.Name }), version }));
        foreach (var s in smes)
        {
            var client = await app.As(s.User);
            var invitation = Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/awards/invitations")).EnumerateArray());
            await ShijiazhuangReviews.Ok(await client.PostAsJsonAsync($"/api/awards/invitations/{invitation.GetProperty("id").GetGuid()}/answer",
                new { confirm = true, version = invitation.GetProperty("version").GetInt32() }));
        }
        return (await lead.GetFromJsonAsync<JsonElement>($"/api/awards/{id}")).GetProperty("version").GetInt32();
    }
}
