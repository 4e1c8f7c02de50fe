using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Organisations;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 附件2 服务合同 of a filing through the API: written by the enterprise or its provider while the filing is editable, refused
/// with what to fix, read in the filing's scope, its .docx in the template's words with the total in capitals, and the filing's
/// providers' table (and every submitted round) filled from the contracts. Amounts are hand-computed from the lines below.
/// </summary>
public abstract class ContractTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    // 1 × 100,000.00 + 2 × 11,500.00 = 123,000.00; 30 % on signing = 36,900.00, the rest 86,100.00.
    private static object Contract(string providerUscc, object? lines = null, decimal? statedTotal = null, string work = "MES系统实施与设备联网",
        string providerName = "杭州数智改造服务有限公司") => new
    {
        number = "HZ-DX-2025-001", name = "数字化车间改造服务合同", signedOn = "2025-03-01", periodStart = "2025-01-01", periodEnd = "2025-12-01",
        providerName, providerUscc, providerLegalRepresentative = "周总", providerAddress = "杭州市滨江区网商路1号",
        providerContact = "吴工", providerPhone = "0571-88886666", providerBankAccount = "1202020209000012345", providerBank = "工商银行杭州高新支行",
        enterpriseBankAccount = "3301040160001234567", enterpriseBank = "杭州银行滨江支行", firstPaymentPercent = 30, work,
        lines = lines ?? new object[]
        {
            new { name = "MES制造执行系统", code = "HZ-MES-01", provider = "杭州数智改造服务有限公司", term = "1年", unitPriceYuan = 100000.00m, quantity = 1m },
            new { name = "设备联网网关", code = "HZ-IOT-02", provider = "杭州数智改造服务有限公司", term = "1年", unitPriceYuan = 11500.00m, quantity = 2m },
        },
        statedTotalYuan = statedTotal,
    };

    private async Task<(HangzhouFiling H, Guid Filing)> StartedAsync()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.StartAsync(app);
        (await h.SaveAsync(app, id, HangzhouFiling.CompleteAnswers())).EnsureSuccessStatusCode();
        return (h, id);
    }

    /// <summary>A service provider registered without a USCC and an audit firm with one: a 乙方 may be either by its code or name.</summary>
    private async Task<(Organisation Unnamed, Organisation Auditor)> OrganisationsAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var unnamed = new Organisation { ProgrammeId = HangzhouFiling.Programme, Name = $"杭州未登记代码服务{suffix}有限公司", Kind = OrganisationKind.ServiceProvider };
        var auditor = new Organisation { ProgrammeId = HangzhouFiling.Programme, Name = $"杭州审计{suffix}会计师事务所", Kind = OrganisationKind.AuditFirm, Uscc = TestData.NewUscc() };
        await using var scope = app.DataScope(HangzhouFiling.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        db.Organisations.AddRange(unnamed, auditor);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (unnamed, auditor);
    }

    private static async Task<Guid> CreateAsync(HttpClient client, Guid filing, object contract)
    {
        var created = await client.PostAsJsonAsync($"/api/filings/{filing}/contracts", new { contract });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal($"/api/filings/{filing}/contracts/{id}", created.Headers.Location!.OriginalString);
        return id;
    }

    [Fact]
    public async Task The_capital_amount_api_answers_exactly_and_refuses_what_it_cannot_write()
    {
        var client = await app.As("hz-city");
        Assert.Equal("{\"yuan\":\"123000.00\",\"capital\":\"人民币壹拾贰万叁仟元整\"}", await client.GetStringAsync("/api/amounts/capital?yuan=123000.00"));
        Assert.Equal("{\"yuan\":\"1680.32\",\"capital\":\"人民币壹仟陆佰捌拾元零叁角贰分\"}", await client.GetStringAsync("/api/amounts/capital?yuan=1680.32"));
        Assert.Equal("{\"yuan\":\"123000.00\",\"capital\":\"人民币壹拾贰万叁仟元整\"}", await client.GetStringAsync("/api/amounts/capital?yuan=123000"));
        foreach (var (yuan, reason) in new[]
                 {
                     ("abc", "“abc”不是金额"), ("-5", "金额应大于0元"), ("0", "金额应大于0元"), ("100000000000", "金额应小于1000亿元"),
                     ("1.234", "金额最多保留两位小数"), ("", "请填写金额"),
                 })
        {
            var refused = await client.GetAsync($"/api/amounts/capital?yuan={Uri.EscapeDataString(yuan)}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains(reason, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/amounts/capital?yuan=1")).StatusCode);
    }

    [Fact]
    public async Task The_providers_table_and_the_submitted_round_are_filled_from_the_contracts()
    {
        var (h, id) = await StartedAsync();
        var provider = await app.As(h.Users["provider"]);
        var before = await HangzhouFiling.VersionAsync(provider, id);
        var cid = await CreateAsync(provider, id, Contract(h.Provider.Uscc!, statedTotal: 123000.00m));
        Assert.True(await HangzhouFiling.VersionAsync(provider, id) > before, "a contract's change moves the filing's version");

        var read = await provider.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/contracts/{cid}");
        Assert.Equal(123000.00m, read.GetProperty("totalYuan").GetDecimal());
        Assert.Equal("人民币壹拾贰万叁仟元整", read.GetProperty("totalCapital").GetString());
        Assert.Equal(36900.00m, read.GetProperty("firstPaymentYuan").GetDecimal());
        Assert.Equal(86100.00m, read.GetProperty("secondPaymentYuan").GetDecimal());
        Assert.Equal(23000.00m, read.GetProperty("lines")[1].GetProperty("amountYuan").GetDecimal());
        Assert.Equal(h.Enterprise.Name, read.GetProperty("partyA").GetProperty("name").GetString());
        Assert.Equal(h.Provider.Id, read.GetProperty("partyB").GetProperty("organisationId").GetGuid());
        Assert.False(read.GetProperty("signed").GetBoolean());

        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        using (var form = new MultipartFormDataContent { { new StringContent(read.GetProperty("version").GetInt32().ToString()), "version" },
                   { new ByteArrayContent(pdf), "scan", "合同（盖章）.pdf" } })
            Assert.Equal(HttpStatusCode.OK, (await provider.PostAsync($"/api/filings/{id}/contracts/{cid}/scans", form)).StatusCode);
        var scans = (await provider.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/contracts/{cid}")).GetProperty("scans");
        var scanUrl = scans[0].GetProperty("url").GetString()!;
        Assert.Equal(pdf, await (await app.As(h.Users["binjiang"])).GetByteArrayAsync(scanUrl));
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(h.Users["xihu"])).GetAsync(scanUrl)).StatusCode);

        var table = (await provider.GetFromJsonAsync<JsonElement>($"/api/filings/{id}")).GetProperty("providers");
        var row = Assert.Single(table.EnumerateArray());
        Assert.Equal("杭州数智改造服务有限公司", row.GetProperty("name").GetString());
        Assert.Equal(h.Provider.Uscc, row.GetProperty("uscc").GetString());
        Assert.Equal("周总", row.GetProperty("legalRepresentative").GetString());
        Assert.Equal("吴工", row.GetProperty("contactName").GetString());
        Assert.Equal("0571-88886666", row.GetProperty("contactPhone").GetString());
        Assert.Equal("数字化车间改造服务合同", row.GetProperty("contractName").GetString());
        Assert.Equal("HZ-DX-2025-001", row.GetProperty("contractNumber").GetString());
        Assert.Equal("2025-03-01", row.GetProperty("signedOn").GetString());
        Assert.Equal(123000.00m, row.GetProperty("amountYuan").GetDecimal());
        Assert.Equal("MES系统实施与设备联网", row.GetProperty("work").GetString());
        Assert.True(row.GetProperty("signed").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await h.TransitionAsync(app, id, "enterprise", "submit")).StatusCode);
        var round = await provider.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/versions/1");
        Assert.Equal(row.GetRawText(), Assert.Single(round.GetProperty("providers").EnumerateArray()).GetRawText());

        // Submitted: the contract is frozen with the filing.
        var late = await provider.PutAsJsonAsync($"/api/filings/{id}/contracts/{cid}", new { contract = Contract(h.Provider.Uscc!), version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("备案已提交审核，不能再修改", await late.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_contracts_are_refused_with_what_to_fix_and_nothing_is_saved()
    {
        var (h, id) = await StartedAsync();
        var enterprise = await app.As(h.Users["enterprise"]);
        var version = await HangzhouFiling.VersionAsync(enterprise, id);
        async Task<string> Refused(object contract)
        {
            var response = await enterprise.PostAsJsonAsync($"/api/filings/{id}/contracts", new { contract });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("填写的合同总价123,000.01元与各项总价之和123,000.00元不一致", await Refused(Contract(h.Provider.Uscc!, statedTotal: 123000.01m)));
        Assert.Contains("清单第1项的总价100,000,000,000.00元达到或超过1000亿元", await Refused(Contract(h.Provider.Uscc!,
            new[] { new { name = "平台", unitPriceYuan = 50000000000.00m, quantity = 2m } })));
        Assert.Contains("合同总价100,000,000,000.00元达到或超过1000亿元", await Refused(Contract(h.Provider.Uscc!,
            new[] { new { name = "平台", unitPriceYuan = 50000000000.00m, quantity = 1m }, new { name = "运维", unitPriceYuan = 50000000000.00m, quantity = 1m } })));
        var wrongCheck = h.Provider.Uscc![..17] + (h.Provider.Uscc[17] == '0' ? '1' : '0');
        Assert.Contains("乙方统一社会信用代码校验位错误", await Refused(Contract(wrongCheck)));
        Assert.Contains("清单第1项的订购量最多保留两位小数", await Refused(Contract(h.Provider.Uscc!, new[] { new { name = "实施", unitPriceYuan = 800.00m, quantity = 1.125m } })));
        Assert.Contains("清单第1项的单价最多保留两位小数（到分）", await Refused(Contract(h.Provider.Uscc!, new[] { new { name = "实施", unitPriceYuan = 800.005m, quantity = 1m } })));
        Assert.Contains("请至少填写一项数字化产品/服务", await Refused(Contract(h.Provider.Uscc!, Array.Empty<object>())));

        Assert.Empty((await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/contracts")).EnumerateArray());
        Assert.Equal(version, await HangzhouFiling.VersionAsync(enterprise, id));
    }

    [Fact]
    public async Task The_party_b_is_the_registered_provider_by_its_uscc_or_by_its_exact_name_when_it_has_none_and_never_another_kind()
    {
        var (h, id) = await StartedAsync();
        var (unnamed, auditor) = await OrganisationsAsync();
        var enterprise = await app.As(h.Users["enterprise"]);
        async Task<Guid?> PartyB(object contract)
        {
            var cid = await CreateAsync(enterprise, id, contract);
            var b = (await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/contracts/{cid}")).GetProperty("partyB").GetProperty("organisationId");
            return b.ValueKind == JsonValueKind.Null ? null : b.GetGuid();
        }
        Assert.Equal(h.Provider.Id, await PartyB(Contract(h.Provider.Uscc!, providerName: "乙方另写的名称有限公司")));
        Assert.Equal(unnamed.Id, await PartyB(Contract(TestData.NewUscc(), providerName: $" {unnamed.Name} ")));
        Assert.Null(await PartyB(Contract(auditor.Uscc!, providerName: auditor.Name)));
        Assert.Null(await PartyB(Contract(TestData.NewUscc(), providerName: "平台上没有的服务商有限公司")));
    }

    [Fact]
    public async Task Migration_0047_decides_the_party_b_of_contracts_saved_before_by_the_same_rule_as_a_save()
    {
        var (h, id) = await StartedAsync();
        var (unnamed, auditor) = await OrganisationsAsync();
        await using var scope = app.DataScope(HangzhouFiling.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var enterprise = await app.As(h.Users["enterprise"]);
        var byUscc = await CreateAsync(enterprise, id, Contract(h.Provider.Uscc!));
        var byName = await CreateAsync(enterprise, id, Contract(TestData.NewUscc(), providerName: unnamed.Name));
        var auditFirm = await CreateAsync(enterprise, id, Contract(auditor.Uscc!, providerName: auditor.Name));
        // As contracts saved before 2026-11-29 may stand: unlinked, or linked by USCC to an organisation that is not a provider.
        foreach (var (contract, was) in new[] { (byUscc, (Guid?)null), (byName, null), (auditFirm, auditor.Id) })
            await db.ServiceContracts.Where(c => c.Id == contract).ExecuteUpdateAsync(u => u.SetProperty(c => c.ProviderOrganisationId, was), TestContext.Current.CancellationToken);

        var script = MigrationRunner.Scripts(db.IsPostgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite).Single(s => s.Id.StartsWith("0047_")).Sql;
        await db.Database.ExecuteSqlRawAsync(script, TestContext.Current.CancellationToken);

        var linked = await db.ServiceContracts.AsNoTracking().Where(c => c.FilingId == id).ToDictionaryAsync(c => c.Id, c => c.ProviderOrganisationId, TestContext.Current.CancellationToken);
        Assert.Equal(h.Provider.Id, linked[byUscc]);
        Assert.Equal(unnamed.Id, linked[byName]);
        Assert.Null(linked[auditFirm]);
    }

    [Fact]
    public async Task Each_role_reads_and_writes_contracts_in_the_filings_scope()
    {
        var (h, id) = await StartedAsync();
        var cid = await CreateAsync(await app.As(h.Users["enterprise"]), id, Contract(h.Provider.Uscc!));
        foreach (var who in new[] { "other-enterprise", "xihu", "other-provider", "expert" })
        {
            var client = await app.As(h.Users[who]);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/filings/{id}/contracts/{cid}")).StatusCode, who);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/filings/{id}/contracts")).StatusCode, who);
            Assert.True(HttpStatusCode.NotFound == (await client.GetAsync($"/api/filings/{id}/contracts/{cid}.docx")).StatusCode, who);
            Assert.True(HttpStatusCode.NotFound == (await client.PostAsJsonAsync($"/api/filings/{id}/contracts", new { contract = Contract(h.Provider.Uscc!) })).StatusCode, who);
        }
        var district = await app.As(h.Users["binjiang"]);
        Assert.Equal(HttpStatusCode.OK, (await district.GetAsync($"/api/filings/{id}/contracts/{cid}")).StatusCode);
        var edit = await district.PutAsJsonAsync($"/api/filings/{id}/contracts/{cid}", new { contract = Contract(h.Provider.Uscc!), version = 1 });
        Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.DeleteAsync($"/api/filings/{id}/contracts/{cid}?version=1")).StatusCode);
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_a_removed_contract_stays_in_the_audit_trail()
    {
        var (h, id) = await StartedAsync();
        var enterprise = await app.As(h.Users["enterprise"]);
        var provider = await app.As(h.Users["provider"]);
        var cid = await CreateAsync(enterprise, id, Contract(h.Provider.Uscc!));
        Assert.Equal(HttpStatusCode.OK, (await provider.PutAsJsonAsync($"/api/filings/{id}/contracts/{cid}",
            new { contract = Contract(h.Provider.Uscc!, work: "MES系统实施、设备联网与培训"), version = 1 })).StatusCode);
        var stale = await enterprise.PutAsJsonAsync($"/api/filings/{id}/contracts/{cid}", new { contract = Contract(h.Provider.Uscc!), version = 1 });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("服务合同在您打开之后已被", await stale.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await enterprise.DeleteAsync($"/api/filings/{id}/contracts/{cid}?version=1")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await enterprise.DeleteAsync($"/api/filings/{id}/contracts/{cid}?version=2")).StatusCode);
        Assert.Empty((await enterprise.GetFromJsonAsync<JsonElement>($"/api/filings/{id}/contracts")).EnumerateArray());
        await using var scope = app.DataScope(HangzhouFiling.Programme);
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var trail = await db.AuditEntries.Where(a => a.EntityType == "ServiceContract" && a.EntityId == cid.ToString()).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Deleted], trail.Select(a => a.Action));
        Assert.Contains(trail[1].Changes, c => c.Field == "Work" && c.Before == "MES系统实施与设备联网" && c.After == "MES系统实施、设备联网与培训");
        Assert.Contains(trail[2].Changes, c => c.Field == "Number" && c.Before == "HZ-DX-2025-001" && c.After is null);
    }

    [Fact]
    public async Task The_contract_docx_is_valid_opens_in_libreoffice_and_writes_the_totals_in_capitals()
    {
        var (h, id) = await StartedAsync();
        var cid = await CreateAsync(await app.As(h.Users["enterprise"]), id, Contract(h.Provider.Uscc!));
        var browser = await app.SignedIn(h.Users["binjiang"]);
        var response = await browser.GetAsync($"/filings/{id}/contracts/{cid}.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(h.Users["xihu"])).GetAsync($"/api/filings/{id}/contracts/{cid}.docx")).StatusCode);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(OfficeFiles.ValidationErrors(docx));
        var text = OfficeFiles.Text(docx);
        Assert.Contains("总计（大写）：人民币壹拾贰万叁仟元整； RMB（小写）123,000.00元。", text);
        Assert.Contains("总金额为123,000.00元（大写：人民币壹拾贰万叁仟元整）", text);
        Assert.Contains("支付30%的合同含税总金额，即¥36,900.00元（大写：人民币叁万陆仟玖佰元整）", text);
        Assert.Contains("支付70%的合同含税总金额，即¥86,100.00元（大写：人民币捌万陆仟壹佰元整）", text);
        Assert.Contains("项目实施时间为 2025 年 1 月至 2025 年 12 月", text);
        Assert.Contains("每逾期 7 天甲方将有权要求乙方承担合同总金额的 1%作为违约金", text);
        Assert.Contains(h.Enterprise.Name + "（以下称甲方）", text);
        Assert.StartsWith("杭州市中小企业数字化改造服务合同", text);
        Assert.Contains("在中国杭州签署", text);
        Assert.Contains("2.2.1 杭州市中小企业数字化改造服务合同费用共分二期支付：", text);
        // pdftotext breaks lines where the page does.
        Assert.Contains("人民币壹拾贰万叁仟元整", string.Concat((await OfficeFiles.PdfTextAsync(docx)).Where(c => !char.IsWhiteSpace(c))));
    }

    [Fact]
    public async Task The_contract_page_adds_and_removes_lines_without_script_saves_and_refuses_with_reasons()
    {
        var (h, id) = await StartedAsync();
        var browser = await app.SignedIn(h.Users["provider"]);
        var path = $"/filings/{id}/contracts/new";
        var token = await PageClient.Token(browser, path);
        Dictionary<string, string> Fields(string command, string quantity) => new()
        {
            ["_handler"] = "contract", ["__RequestVerificationToken"] = token, ["Form.Version"] = "0", ["Form.Command"] = command,
            ["Form.Number"] = "HZ-DX-2025-009", ["Form.Name"] = "设备联网服务合同", ["Form.PeriodStart"] = "2025-01", ["Form.PeriodEnd"] = "2025-06",
            ["Form.ProviderName"] = h.Provider.Name, ["Form.ProviderUscc"] = h.Provider.Uscc!, ["Form.ProviderContact"] = "吴工",
            ["Form.ProviderPhone"] = "13900001111", ["Form.Work"] = "设备联网", ["Form.FirstPaymentPercent"] = "40",
            ["Form.Lines[0].Name"] = "设备联网网关", ["Form.Lines[0].UnitPrice"] = "11500.00", ["Form.Lines[0].Quantity"] = quantity,
        };
        var added = PageClient.Parse(await (await browser.PostAsync(path, new FormUrlEncodedContent(Fields("add", "2")))).Content.ReadAsStringAsync());
        Assert.Equal(2, added.QuerySelectorAll("#contract-lines tbody tr").Length);
        Assert.Equal("23,000.00", added.QuerySelector("#contract-lines .amount")!.TextContent);
        Assert.Equal("人民币贰万叁仟元整", added.QuerySelector("#contract-total .capital")!.TextContent);

        var refused = await browser.PostAsync(path, new FormUrlEncodedContent(Fields("save", "2.005")));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("清单第1项的订购量最多保留两位小数", PageClient.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector(".line-errors")!.TextContent);

        var saved = await browser.PostAsync(path, new FormUrlEncodedContent(Fields("save", "2")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await browser.GetDocument(saved.Headers.Location!.OriginalString);
        Assert.NotNull(page.QuerySelector("#contract-docx"));
        var listed = Assert.Single((await (await app.As(h.Users["enterprise"])).GetFromJsonAsync<JsonElement>($"/api/filings/{id}/contracts")).EnumerateArray());
        Assert.Equal(23000.00m, listed.GetProperty("totalYuan").GetDecimal());
        // The filing's list of contracts speaks 万元 as the rest of the filing does; the contract itself keeps the template's 元.
        var row = (await browser.GetDocument($"/filings/{id}")).QuerySelector("#filing-contracts tbody tr")!;
        Assert.Equal("2.30", row.QuerySelector("td[data-label='合同总价（万元）']")!.TextContent);

        var district = await app.SignedIn(h.Users["binjiang"]);
        var read = await district.GetDocument(saved.Headers.Location!.OriginalString);
        Assert.Null(read.QuerySelector("#contract-form"));
        Assert.Contains("人民币贰万叁仟元整", read.QuerySelector(".contract-facts")!.TextContent);
        var history = read.QuerySelector("#contract-history")!.TextContent;
        Assert.Contains("协议号（合同编号）", history);
        Assert.Contains("2025年1月", history);
    }
}

public sealed class ContractTestsOnSqlite(SqliteApp app) : ContractTests<SqliteApp>(app);

public sealed class ContractTestsOnPostgres(PostgresApp app) : ContractTests<PostgresApp>(app);
