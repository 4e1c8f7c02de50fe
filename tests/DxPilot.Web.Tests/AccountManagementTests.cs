using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>Bureaus create accounts for their scope (one by one and for the registry), reset and disable them; everyone
/// changes their own password; issued passwords are shown once, downloadable once, and must be replaced at first sign-in.</summary>
public abstract class AccountManagementTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Heilongjiang = HeilongjiangAccounts.Programme;

    [Fact]
    public async Task A_district_gives_every_enterprise_of_its_district_a_login_once()
    {
        var before = await WithDb(db => db.Enterprises.Where(e => e.ProgrammeId == "hangzhou-2024" && e.District == "滨江区")
            .Where(e => !db.Users.Any(u => u.EnterpriseId == e.Id)).Select(e => new { e.Id, e.Uscc }).ToListAsync());
        Assert.NotEmpty(before);
        var xihu = await (await (await app.As("hz-xihu")).PostAsJsonAsync("/api/enterprises", TestData.Enterprise("西湖批量账号测试有限公司", district: "西湖区")))
            .Content.ReadFromJsonAsync<JsonElement>();
        var district = await app.SignedIn("hz-binjiang");
        Assert.Equal(before.Count.ToString(), PageClient.Parse(await district.GetStringAsync("/accounts/enterprises")).QuerySelector("#without-account")!.TextContent);

        var issued = await IssuedAsync(await PostForm(district, "/accounts/enterprises", "bulk", []));

        // The USCC where known; the imported reference list has none yet (待补充), so "qy-" and the file number's end.
        Assert.Equal(before.Select(e => e.Uscc ?? "qy-" + e.Id.ToString("N")[^10..]).Order(), issued.Select(i => i.Login).Order());
        Assert.All(issued, i => Assert.Matches("^(?=.*[A-Z])(?=.*[a-z])(?=.*[0-9])(?=.*[^A-Za-z0-9]).{12}$", i.Password));
        Assert.Equal(issued.Count, issued.Select(i => i.Password).Distinct().Count());
        Assert.False(await WithDb(db => db.Enterprises.AnyAsync(e => e.ProgrammeId == "hangzhou-2024" && e.District == "滨江区" && !db.Users.Any(u => u.EnterpriseId == e.Id))));
        var xihuId = Guid.Parse(xihu.GetProperty("id").GetString()!);
        Assert.False(await WithDb(db => db.Users.AnyAsync(u => u.EnterpriseId == xihuId)));
        // Nothing is left to create: a second run offers nothing and creates nothing.
        var again = PageClient.Parse(await district.GetStringAsync("/accounts/enterprises"));
        Assert.Equal("0", again.QuerySelector("#without-account")!.TextContent);
        Assert.Null(again.QuerySelector("form[method=post] button.primary"));
        var hashes = await WithDb(db => db.Users.Where(u => u.UserName == issued[0].Login).Select(u => u.PasswordHash).SingleAsync());
        Assert.DoesNotContain(issued[0].Password, hashes!);
    }

    [Fact]
    public async Task A_login_already_taken_is_refused_with_a_clear_message()
    {
        var taken = await HeilongjiangAccounts.EnterpriseFileAsync(app, "鹤岗市");
        // Someone already signs in under the USCC the batch would give this enterprise.
        await CreateViaApi("hlj-city", new { role = "Expert", displayName = "占用登录名的专家", userName = taken.Uscc });
        var city = await app.SignedIn("hlj-city");

        var page = await PostForm(city, "/accounts/enterprises?district=鹤岗市", "bulk", new() { ["District"] = "鹤岗市" });

        var html = await Text(page);
        Assert.Contains($"{taken.Name}：登录名“{taken.Uscc}”已被其他账号使用，请为该企业单独创建账号并另选登录名", html);
        Assert.False(await WithDb(db => db.Users.AnyAsync(u => u.EnterpriseId == taken.Id)));

        var duplicate = await (await app.As("hlj-city")).PostAsJsonAsync("/api/accounts",
            new { role = "Expert", displayName = "另一位专家", userName = taken.Uscc });
        Assert.Equal(HttpStatusCode.BadRequest, duplicate.StatusCode);
        Assert.Contains($"登录名“{taken.Uscc}”已被使用，请换一个", await Text(duplicate));
    }

    [Fact]
    public async Task A_bureau_creates_one_account_on_the_page_and_sees_its_password_once()
    {
        var enterprise = await HeilongjiangAccounts.EnterpriseFileAsync(app, "大庆市");
        var city = await app.SignedIn("hlj-city");
        var login = "dq-" + Guid.NewGuid().ToString("N")[..8];
        // What is typed is kept in the browser (form-copy.js) until the account is created; the form has no password to keep.
        var form = (await city.GetDocument("/accounts/new")).QuerySelector("form[data-form-copy]")!;
        var copy = form.GetAttribute("data-form-copy")!;
        Assert.StartsWith("dxpilot-account-new:00000000-0000-0000-0000-000000000000:", copy);
        Assert.Equal("账号", form.GetAttribute("data-copy-what"));
        Assert.Equal("account-new-copy-status", form.GetAttribute("data-copy-status"));
        Assert.NotNull(form.QuerySelector("a[href='/accounts'][data-copy-discard]"));

        var response = await PostForm(city, "/accounts/new", "account", new()
        {
            ["Form.Role"] = "Enterprise", ["Form.DisplayName"] = enterprise.Name, ["Form.UserName"] = login, ["Form.Enterprise"] = enterprise.Uscc!,
        });
        // The page that issues the password lets the form's copy go.
        Assert.Equal(copy, PageClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("[data-copy-posted]")!.GetAttribute("data-copy-posted"));

        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var issued = Assert.Single(await IssuedAsync(response));
        Assert.Equal(login, issued.Login);
        await app.SignedIn(login, issued.Password);
        // The account page shows no password afterwards.
        var id = await WithDb(db => db.Users.Where(u => u.UserName == login).Select(u => u.Id).SingleAsync());
        var detail = WebUtility.HtmlDecode(await city.GetStringAsync($"/accounts/{id}"));
        Assert.DoesNotContain(issued.Password, detail);
        Assert.Contains("待修改初始密码", detail);
        // The enterprise has its login now; a second one is refused.
        var second = await (await app.As("hlj-city")).PostAsJsonAsync("/api/accounts",
            new { role = "Enterprise", displayName = "第二个", userName = login + "-2", enterprise = enterprise.Name });
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains($"该企业已有登录账号“{login}”", await Text(second));
    }

    [Fact]
    public async Task A_district_creates_only_enterprise_accounts_of_its_district_and_touches_nothing_outside()
    {
        var harbin = await app.As(await HeilongjiangAccounts.UserAsync(app, Role.DistrictBureau, district: "哈尔滨市"));
        var own = await HeilongjiangAccounts.EnterpriseFileAsync(app, "哈尔滨市");
        var (outsideUser, _) = await HeilongjiangAccounts.EnterpriseAsync(app, "齐齐哈尔市");
        var outsideId = await UserId(outsideUser);
        var cityId = await UserId("hlj-city");

        foreach (var role in new[] { "CityBureau", "DistrictBureau", "ServiceProvider", "Expert" })
        {
            var refused = await harbin.PostAsJsonAsync("/api/accounts", new { role, displayName = "越权账号", userName = "x-" + Guid.NewGuid().ToString("N")[..8], district = "哈尔滨市" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("请选择账号类型", await Text(refused));
        }
        var outside = await HeilongjiangAccounts.EnterpriseFileAsync(app, "齐齐哈尔市");
        var elsewhere = await harbin.PostAsJsonAsync("/api/accounts", new { role = "Enterprise", displayName = outside.Name, userName = "x-" + Guid.NewGuid().ToString("N")[..8], enterprise = outside.Uscc });
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Contains("在您的辖区内找不到该企业", await Text(elsewhere));
        foreach (var target in new[] { outsideId, cityId })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await harbin.PostAsync($"/api/accounts/{target}/reset-password", null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await harbin.PostAsync($"/api/accounts/{target}/disable", null)).StatusCode);
        }
        var list = await harbin.GetFromJsonAsync<JsonElement>("/api/accounts?page=1");
        Assert.All(list.GetProperty("items").EnumerateArray(), a =>
        {
            Assert.Equal("Enterprise", a.GetProperty("role").GetString());
            Assert.Equal("哈尔滨市", a.GetProperty("district").GetString());
        });
        var mine = await harbin.PostAsJsonAsync("/api/accounts", new { role = "Enterprise", displayName = own.Name, userName = "hrb-" + Guid.NewGuid().ToString("N")[..8], enterprise = own.Name });
        Assert.Equal(HttpStatusCode.Created, mine.StatusCode);
        // Another programme's bureau does not find the account at all.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As("hz-city")).PostAsync($"/api/accounts/{outsideId}/reset-password", null)).StatusCode);
    }

    [Fact]
    public async Task Only_bureaus_manage_accounts()
    {
        var (enterpriseUser, _) = await HeilongjiangAccounts.EnterpriseAsync(app);
        var enterprise = await app.SignedIn(enterpriseUser);
        var expert = await app.As(await HeilongjiangAccounts.UserAsync(app, Role.Expert));

        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/accounts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync("/accounts/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync("/api/accounts")).StatusCode);
        var create = await expert.PostAsJsonAsync("/api/accounts", new { role = "Expert", displayName = "自封专家", userName = "self-" + Guid.NewGuid().ToString("N")[..8] });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Contains("只有工信主管部门可以管理账号", await Text(create));
        var page = await enterprise.GetStringAsync("/account/password");
        Assert.Contains("href=\"/account/password\"", page);
        Assert.DoesNotContain("href=\"/accounts\"", page);
        Assert.Contains("href=\"/accounts\"", await (await app.SignedIn("hlj-city")).GetStringAsync("/"));
    }

    [Fact]
    public async Task An_issued_password_must_be_replaced_at_first_sign_in()
    {
        var enterprise = await HeilongjiangAccounts.EnterpriseFileAsync(app, "牡丹江市");
        var (login, password) = await CreateViaApi("hlj-city", new { role = "Enterprise", displayName = enterprise.Name, userName = "mdj-" + Guid.NewGuid().ToString("N")[..8], enterprise = enterprise.Uscc });
        var browser = app.Anonymous();

        var signIn = await PageClient.SignIn(browser, login, password);
        Assert.Equal("/account/password", RedirectPath(signIn));
        var elsewhere = await browser.GetAsync("/enterprises");
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
        Assert.Equal("/account/password", RedirectPath(elsewhere));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync("/api/me")).StatusCode);
        var token = await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = login, password });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        Assert.Contains("请先在网页上登录并修改初始密码", await Text(token));
        Assert.Contains("您正在使用主管部门发放的初始密码", WebUtility.HtmlDecode(await browser.GetStringAsync("/account/password")));

        Assert.Equal("当前密码不正确", await ChangeError(browser, "Wrong#Password1", "Mine#Password2026", "Mine#Password2026"));
        Assert.Equal("两次输入的新密码不一致", await ChangeError(browser, password, "Mine#Password2026", "Mine#Password2027"));
        Assert.Equal("新密码不能与当前密码相同", await ChangeError(browser, password, password, password));
        Assert.Contains("密码须包含数字", await ChangeError(browser, password, "Mine#Password", "Mine#Password"));
        Assert.Contains("密码至少10位", await ChangeError(browser, password, "Ab#1", "Ab#1"));

        var changed = await PostForm(browser, "/account/password", "password", new()
        {
            ["Input.Current"] = password, ["Input.New"] = "Mine#Password2026", ["Input.Again"] = "Mine#Password2026",
        });
        Assert.Contains("密码已修改", await Text(changed));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/enterprises")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(login, "Mine#Password2026")).GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = login, password })).StatusCode);
    }

    [Fact]
    public async Task A_reset_issues_a_new_one_time_password_and_the_old_one_stops_working()
    {
        var user = await HeilongjiangAccounts.UserAsync(app, Role.Expert);
        var id = await UserId(user);
        var city = await app.SignedIn("hlj-city");

        var issued = Assert.Single(await IssuedAsync(await PostForm(city, $"/accounts/{id}", "reset", [])));

        Assert.Equal(user, issued.Login);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = user, password = DxPilotApp.Password })).StatusCode);
        var signIn = await PageClient.SignIn(app.Anonymous(), user, issued.Password);
        Assert.Equal("/account/password", RedirectPath(signIn));
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_until_enabled_and_nobody_disables_or_resets_themselves()
    {
        var user = await HeilongjiangAccounts.UserAsync(app, Role.Expert);
        var id = await UserId(user);
        var city = await app.SignedIn("hlj-city");

        var disabled = await PostForm(city, $"/accounts/{id}", "disable", []);
        Assert.Contains("已停用", PageClient.Parse(await disabled.Content.ReadAsStringAsync()).QuerySelector("#account-status")!.TextContent);
        var refused = await app.Anonymous().PostAsJsonAsync("/api/auth/token", new { userName = user, password = DxPilotApp.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        await PostForm(city, $"/accounts/{id}", "enable", []);
        Assert.Equal(HttpStatusCode.OK, (await (await app.As(user)).GetAsync("/api/me")).StatusCode);

        var self = await (await app.As("hlj-city")).PostAsync($"/api/accounts/{await UserId("hlj-city")}/disable", null);
        Assert.Equal(HttpStatusCode.Forbidden, self.StatusCode);
        Assert.Contains("不能停用自己的账号", await Text(self));
        var ownReset = await (await app.As("hlj-city")).PostAsync($"/api/accounts/{await UserId("hlj-city")}/reset-password", null);
        Assert.Equal(HttpStatusCode.Forbidden, ownReset.StatusCode);
        Assert.Contains("请通过“修改密码”修改自己的密码", await Text(ownReset));
    }

    [Fact]
    public async Task The_issued_passwords_download_once_as_plain_text_cells()
    {
        var enterprise = await HeilongjiangAccounts.EnterpriseFileAsync(app, "伊春市");
        var city = await app.SignedIn("hlj-city");
        var page = await PostForm(city, "/accounts/new", "account", new()
        {
            ["Form.Role"] = "Enterprise", ["Form.DisplayName"] = "=HYPERLINK(\"http://x\")" + enterprise.Name[..4],
            ["Form.UserName"] = "yc-" + Guid.NewGuid().ToString("N")[..8], ["Form.Enterprise"] = enterprise.Uscc!,
        });
        var html = await page.Content.ReadAsStringAsync();
        var issued = Assert.Single(Issued(html));
        var batch = PageClient.Parse(html).QuerySelector("input[name=batch]")!.GetAttribute("value")!;
        var token = PageClient.Parse(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        FormUrlEncodedContent Form() => new(new Dictionary<string, string> { ["batch"] = batch, ["__RequestVerificationToken"] = token });

        var first = await city.PostAsync("/accounts/issued", Form());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var xlsx = SpreadsheetDocument.Open(new MemoryStream(await first.Content.ReadAsByteArrayAsync()), false))
        {
            var sheet = xlsx.WorkbookPart!.WorksheetParts.Single().Worksheet;
            Assert.Empty(sheet.Descendants<CellFormula>());
            var cells = sheet.Descendants<Cell>().ToList();
            Assert.All(cells, c => Assert.Equal(CellValues.InlineString, c.DataType!.Value));
            var texts = cells.Select(c => c.InnerText).ToList();
            Assert.Contains(issued.Password, texts);
            Assert.Contains(issued.Login, texts);
            Assert.Contains(texts, t => t.StartsWith("=HYPERLINK", StringComparison.Ordinal));
        }

        var second = await city.PostAsync("/accounts/issued", Form());
        Assert.Equal(HttpStatusCode.Gone, second.StatusCode);
        Assert.Contains("这批初始密码已经下载过一次", await Text(second));
        var other = await app.SignedIn(await HeilongjiangAccounts.UserAsync(app, Role.CityBureau));
        var otherToken = await PageClient.Token(other, "/accounts");
        var stranger = await other.PostAsync("/accounts/issued", new FormUrlEncodedContent(new Dictionary<string, string> { ["batch"] = batch, ["__RequestVerificationToken"] = otherToken }));
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        var altered = await city.PostAsync("/accounts/issued", new FormUrlEncodedContent(new Dictionary<string, string> { ["batch"] = batch[..^4] + "AAAA", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Gone, altered.StatusCode);
    }

    [Fact]
    public async Task Every_account_change_is_audited_with_its_typed_action_and_no_password()
    {
        var enterprise = await HeilongjiangAccounts.EnterpriseFileAsync(app, "黑河市");
        var (login, password) = await CreateViaApi("hlj-city", new { role = "Enterprise", displayName = enterprise.Name, userName = "hh-" + Guid.NewGuid().ToString("N")[..8], enterprise = enterprise.Uscc });
        var id = await UserId(login);
        var browser = await app.SignedIn(login, password);
        await PostForm(browser, "/account/password", "password", new() { ["Input.Current"] = password, ["Input.New"] = "Mine#Password2026", ["Input.Again"] = "Mine#Password2026" });
        var city = await app.As("hlj-city");
        var reset = await (await city.PostAsync($"/api/accounts/{id}/reset-password", null)).Content.ReadFromJsonAsync<JsonElement>();
        await city.PostAsync($"/api/accounts/{id}/disable", null);
        await city.PostAsync($"/api/accounts/{id}/enable", null);

        var entries = await WithDb(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "Account" && e.EntityId == id)
            .OrderBy(e => e.Sequence).ToListAsync());
        var changes = entries.Where(e => e.Action is not (AuditAction.SignedIn or AuditAction.SignInFailed)).ToList();
        Assert.Equal([AuditAction.AccountCreated, AuditAction.PasswordChanged, AuditAction.PasswordReset, AuditAction.AccountDisabled, AuditAction.AccountEnabled],
            changes.Select(e => e.Action));
        Assert.Equal(["黑龙江省工业和信息化厅（演示）", enterprise.Name, "黑龙江省工业和信息化厅（演示）", "黑龙江省工业和信息化厅（演示）", "黑龙江省工业和信息化厅（演示）"],
            changes.Select(e => e.ActorName));
        var newPassword = reset.GetProperty("accounts")[0].GetProperty("password").GetString()!;
        Assert.All(entries, e => Assert.DoesNotContain(password, e.Source ?? ""));
        Assert.All(entries, e => Assert.DoesNotContain(newPassword, e.Source ?? ""));
    }

    [Fact]
    public async Task The_list_searches_by_organisation_filters_by_role_and_clamps_the_page()
    {
        var enterprise = await HeilongjiangAccounts.EnterpriseFileAsync(app, "绥化市");
        var (login, _) = await CreateViaApi("hlj-city", new { role = "Enterprise", displayName = "绥化联系人张三", userName = "sh-" + Guid.NewGuid().ToString("N")[..8], enterprise = enterprise.Uscc });
        var city = await app.SignedIn("hlj-city");

        var byEnterprise = PageClient.Parse(await city.GetStringAsync("/accounts?search=" + Uri.EscapeDataString(enterprise.Name[7..]) + "&role=Enterprise&page=99"));
        var row = Assert.Single(byEnterprise.QuerySelectorAll("#account-list tbody tr"));
        Assert.Contains(login, row.TextContent);
        Assert.Contains(enterprise.Name, row.TextContent);
        Assert.Empty(PageClient.Parse(await city.GetStringAsync("/accounts?search=" + Uri.EscapeDataString(enterprise.Name[7..]) + "&role=Expert"))
            .QuerySelectorAll("#account-list tbody tr a"));
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync("/accounts?page=abc&role=nonsense&search=%00")).StatusCode);
    }

    [Fact]
    public async Task The_provincial_bureau_is_labelled_as_the_programme_file_names_it()
    {
        var province = await app.SignedIn("hlj-city");
        var who = PageClient.Parse(await province.GetStringAsync("/accounts")).QuerySelector(".who span")!.TextContent;
        Assert.Contains("省工信主管部门", who);
        Assert.DoesNotContain("市工信主管部门", who);
        Assert.Equal("省工信主管部门", (await (await app.As("hlj-city")).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roleLabel").GetString());
        Assert.Equal("市工信主管部门", (await (await app.As("hz-city")).GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("roleLabel").GetString());
    }

    private sealed record IssuedRow(string Login, string Password);

    private static List<IssuedRow> Issued(string html) =>
        PageClient.Parse(html).QuerySelectorAll("#issued-passwords tbody tr")
            .Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Select(c => new IssuedRow(c[0], c[3])).ToList();

    [Fact]
    public async Task An_expert_account_records_its_employer_for_the_conflict_check_and_an_unknown_one_is_refused()
    {
        var employer = await WithDb(async db =>
        {
            var o = new Domain.Organisations.Organisation
            {
                ProgrammeId = Heilongjiang, Name = $"黑龙江测试服务商{Guid.NewGuid().ToString("N")[..6]}有限公司", Kind = Domain.Organisations.OrganisationKind.ServiceProvider,
                Uscc = TestData.NewUscc(),
            };
            db.Organisations.Add(o);
            await db.SaveChangesAsync();
            return o.Id;
        });
        var (login, _) = await CreateViaApi("hlj-city", new
        {
            role = "Expert", displayName = "赵专家", userName = "expert-" + Guid.NewGuid().ToString("N")[..8], organisationId = employer.ToString(),
        });
        Assert.Equal(employer, await WithDb(db => db.Users.Where(u => u.UserName == login).Select(u => u.OrganisationId).SingleAsync()));
        var (without, _) = await CreateViaApi("hlj-city", new { role = "Expert", displayName = "钱专家", userName = "expert-" + Guid.NewGuid().ToString("N")[..8] });
        Assert.Null(await WithDb(db => db.Users.Where(u => u.UserName == without).Select(u => u.OrganisationId).SingleAsync()));

        var unknown = await (await app.As("hlj-city")).PostAsJsonAsync("/api/accounts", new
        {
            role = "Expert", displayName = "孙专家", userName = "expert-" + Guid.NewGuid().ToString("N")[..8], organisationId = Guid.NewGuid().ToString(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("找不到所选的所在单位", await Text(unknown));
    }

    private static async Task<List<IssuedRow>> IssuedAsync(HttpResponseMessage response) => Issued(await response.Content.ReadAsStringAsync());

    private async Task<(string Login, string Password)> CreateViaApi(string bureau, object account)
    {
        var response = await (await app.As(bureau)).PostAsJsonAsync("/api/accounts", account);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accounts")[0];
        return (issued.GetProperty("userName").GetString()!, issued.GetProperty("password").GetString()!);
    }

    private static string RedirectPath(HttpResponseMessage response) => new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    /// <summary>The body as a reader sees it: HTML entities and JSON escapes undone.</summary>
    private static async Task<string> Text(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return response.Content.Headers.ContentType?.MediaType?.Contains("json") == true
            ? JsonSerializer.Serialize(JsonDocument.Parse(body), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            : WebUtility.HtmlDecode(body);
    }

    private async Task<string> ChangeError(HttpClient browser, string current, string next, string again)
    {
        var response = await PostForm(browser, "/account/password", "password", new() { ["Input.Current"] = current, ["Input.New"] = next, ["Input.Again"] = again });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return PageClient.Parse(await response.Content.ReadAsStringAsync()).QuerySelector(".field .error")!.TextContent.Trim();
    }

    private static async Task<HttpResponseMessage> PostForm(HttpClient client, string path, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = await PageClient.Token(client, path);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    private Task<string> UserId(string userName) => WithDb(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private async Task<T> WithDb<T>(Func<DxPilotDbContext, Task<T>> work)
    {
        await using var scope = app.DataScope(Heilongjiang);
        return await work(scope.ServiceProvider.GetRequiredService<DxPilotDbContext>());
    }
}

public sealed class AccountManagementTestsOnSqlite(SqliteApp app) : AccountManagementTests<SqliteApp>(app);

public sealed class AccountManagementTestsOnPostgres(PostgresApp app) : AccountManagementTests<PostgresApp>(app);
