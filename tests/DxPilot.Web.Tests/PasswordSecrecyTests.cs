using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>An issued password exists in the answer that issues it and nowhere else: not in a log entry, not in the
/// audit trail, not in the account's row.</summary>
public sealed class PasswordSecrecyTests(ObservedApp app) : IClassFixture<ObservedApp>
{
    [Fact]
    public async Task Issued_passwords_are_neither_logged_nor_stored()
    {
        var enterprise = await HeilongjiangAccounts.EnterpriseFileAsync(app, "七台河市");
        var expert = await HeilongjiangAccounts.UserAsync(app, Role.Expert);
        var city = await app.As("hlj-city");
        var expertId = (await (await app.As(expert)).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetString();

        var issued = new List<string>();
        foreach (var response in new[]
                 {
                     await city.PostAsJsonAsync("/api/accounts", new { role = "Enterprise", displayName = enterprise.Name, userName = "qth-" + Guid.NewGuid().ToString("N")[..8], enterprise = enterprise.Uscc }),
                     await city.PostAsync("/api/accounts/enterprises", null),
                     await city.PostAsync($"/api/accounts/{expertId}/reset-password", null),
                 })
        {
            Assert.True(response.IsSuccessStatusCode, response.StatusCode.ToString());
            issued.AddRange((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accounts").EnumerateArray()
                .Select(a => a.GetProperty("password").GetString()!));
        }
        Assert.True(issued.Count >= 2);

        await using var scope = app.DataScope(HeilongjiangAccounts.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var stored = string.Join("\n", (await db.Users.AsNoTracking().Select(u => u.PasswordHash + u.SecurityStamp + u.DisplayName).ToListAsync())
            .Concat(await db.AuditEntries.AsNoTracking().Select(e => e.Source ?? "").ToListAsync())
            .Concat(await db.UserClaims.AsNoTracking().Select(c => c.ClaimValue ?? "").ToListAsync()));
        var logged = string.Join("\n", app.Logs.Entries.Select(e => e.Message + e.Exception));
        Assert.All(issued, password =>
        {
            Assert.DoesNotContain(password, stored);
            Assert.DoesNotContain(password, logged);
        });
        Assert.NotEmpty(app.Logs.Entries);
    }
}
