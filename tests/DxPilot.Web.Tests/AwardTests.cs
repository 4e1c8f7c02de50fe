using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Projects;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// Shijiazhuang's 数智 call (seed 004 附件1) through the API: the city's batches, an enterprise's draft and submission refused naming
/// each unmet condition, then submitted once its project is accepted, the county's recommendation with its site check, the city's
/// recognition; scopes of every role; a rejected application applying again in the next batch.
/// </summary>
public abstract class AwardTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Programme = "shijiazhuang-2025";
    private const string Call = "sjz-shuzhi-2025";

    private sealed record Arranged(Guid EnterpriseId, string Name, IReadOnlyDictionary<string, string> Users);

    private async Task<Arranged> ArrangeAsync()
    {
        Guid enterpriseId, otherId;
        string name;
        await using (var scope = app.DataScope(Programme))
        {
            var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
            var programme = scope.ServiceProvider.GetRequiredService<ProgrammeCatalog>().Get(Programme);
            Enterprise Register(string name, string district)
            {
                var form = new EnterpriseForm
                {
                    Name = name, Uscc = TestData.NewUscc("130123"), District = district, Industry = "生物医药制造业", IndustryCode = "2710",
                    RegisteredAddress = "石家庄市正定县1号", ContactName = "孙经理", ContactPhone = "13900002222", FoundedOn = "2010-03-01",
                    Employees = "260", RevenueWan = "18000",
                };
                var result = EnterpriseValidator.Validate(form, programme, new DateOnly(2025, 7, 1));
                Assert.True(result.IsValid, string.Join("；", result.Errors.Values));
                return Enterprise.Register(programme, result.Details!, DateTime.UtcNow);
            }
            var suffix = Guid.NewGuid().ToString("N")[..8];
            var enterprise = Register($"石家庄数智测试{suffix}有限公司", "正定县");
            var other = Register($"石家庄另一测试{suffix}有限公司", "新华区");
            db.Enterprises.AddRange(enterprise, other);
            await db.SaveChangesAsync();
            (enterpriseId, otherId, name) = (enterprise.Id, other.Id, enterprise.Name);
        }
        var accounts = new ProgrammeAccounts(app, Programme);
        return new Arranged(enterpriseId, name, new Dictionary<string, string>
        {
            ["enterprise"] = await accounts.UserAsync(Role.Enterprise, enterprise: enterpriseId),
            ["other-enterprise"] = await accounts.UserAsync(Role.Enterprise, enterprise: otherId),
            ["zhengding"] = await accounts.UserAsync(Role.DistrictBureau, district: "正定县"),
            ["xinhua"] = await accounts.UserAsync(Role.DistrictBureau, district: "新华区"),
            ["city"] = await accounts.UserAsync(Role.CityBureau),
            ["thinktank"] = await accounts.UserAsync(Role.ThinkTank),
            ["provider"] = await accounts.UserAsync(Role.ServiceProvider),
        });
    }

    private Task AcceptedProjectAsync(Guid enterpriseId) => ShijiazhuangReviews.AcceptedProjectAsync(app, enterpriseId);

    private static Task<JsonElement> Ok(HttpResponseMessage response) => ShijiazhuangReviews.Ok(response);

    private static object Innovation(string basics) => ShijiazhuangReviews.Innovation(basics);

    private async Task<Guid> OpenBatchAsync(string call = Call)
    {
        var city = await app.As((await ArrangeCityAsync()));
        var batches = await city.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{call}/batches");
        foreach (var open in batches.EnumerateArray().Where(b => b.GetProperty("isOpen").GetBoolean()))
            await Ok(await city.PostAsync($"/api/awards/calls/{call}/batches/{open.GetProperty("id").GetGuid()}/close", null));
        return (await Ok(await city.PostAsJsonAsync($"/api/awards/calls/{call}/batches", new { name = (string?)null }))).GetProperty("id").GetGuid();
    }

    private string? _city;
    private async Task<string> ArrangeCityAsync() => _city ??= await new ProgrammeAccounts(app, Programme).UserAsync(Role.CityBureau);

    private static Task<HttpResponseMessage> Step(HttpClient client, Guid id, string trigger, int version, string? reason = null, string? siteCheckNote = null) =>
        client.PostAsJsonAsync($"/api/awards/{id}/transitions", new { trigger, reason, siteCheckNote, version });

    [Fact]
    public async Task An_accepted_enterprise_applies_the_county_recommends_after_its_site_check_and_the_city_recognises()
    {
        var a = await ArrangeAsync();
        await OpenBatchAsync();
        var enterprise = await app.As(a.Users["enterprise"]);
        var started = await Ok(await enterprise.PostAsync($"/api/awards/calls/{Call}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        // Starting again in the same batch finds the same application.
        Assert.Equal(id, (await Ok(await enterprise.PostAsync($"/api/awards/calls/{Call}/applications", null))).GetProperty("id").GetGuid());

        // A draft keeps a text too long to submit and two directions that exclude each other.
        var draft = await Ok(await enterprise.PutAsJsonAsync($"/api/awards/{id}",
            new { directions = new[] { "lighthouse", "smartFactory" }, content = Innovation(new string('企', 501)), version = started.GetProperty("version").GetInt32() }));
        var refused = await Step(enterprise, id, "submit", draft.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = await refused.Content.ReadAsStringAsync();
        Assert.Contains("该企业没有通过验收的改造项目", why);
        Assert.Contains("限报1项", why);

        // The city and the county see nothing of a draft.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(a.Users["city"])).GetAsync($"/api/awards/{id}")).StatusCode);

        await AcceptedProjectAsync(a.EnterpriseId);
        var fixedDraft = await Ok(await enterprise.PutAsJsonAsync($"/api/awards/{id}",
            new { directions = new[] { "lighthouse", "innovation" }, content = Innovation(new string('企', 501)), version = draft.GetProperty("version").GetInt32() }));
        var view = await enterprise.GetFromJsonAsync<JsonElement>($"/api/awards/{id}");
        var checks = view.GetProperty("criteria").EnumerateArray().ToDictionary(d => d.GetProperty("direction").GetString()!,
            d => d.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("key").GetString()!, c => c.GetProperty("verdict").GetString()));
        Assert.Equal("met", checks["lighthouse"]["level"]);           // 三级 from 二级, the agency's
        Assert.Equal("notMet", checks["lighthouse"]["scenarios"]);    // none written yet
        Assert.Equal("met", checks["innovation"]["improvement"]);     // 3.2 % → 4.5 %
        Assert.Contains(view.GetProperty("submissionProblems").EnumerateArray(), p => p.GetString() == "创新能力显著提升企业：企业基本情况不超过500字（现有501字，超出1字）");

        await ShijiazhuangAwardFiles.SignedScansAsync(enterprise, id);
        var onlyInnovation = await Ok(await enterprise.PutAsJsonAsync($"/api/awards/{id}",
            new { directions = new[] { "innovation" }, content = Innovation("企业成立于2010年，主营化学原料药。"), version = fixedDraft.GetProperty("version").GetInt32() }));
        var submitted = await Ok(await Step(enterprise, id, "submit", onlyInnovation.GetProperty("version").GetInt32()));
        Assert.Equal(("submitted", 1), (submitted.GetProperty("state").GetString(), submitted.GetProperty("revision").GetInt32()));

        // Another county and another enterprise find nothing; the county recommends only with its site check.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(a.Users["xinhua"])).GetAsync($"/api/awards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(a.Users["other-enterprise"])).GetAsync($"/api/awards/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(a.Users["provider"])).GetAsync($"/api/awards/{id}")).StatusCode);
        var county = await app.As(a.Users["zhengding"]);
        var version = submitted.GetProperty("version").GetInt32();
        var noCheck = await Step(county, id, "recommend", version);
        Assert.Contains("推荐前须填写现场核查情况", await noCheck.Content.ReadAsStringAsync());
        var recommended = await Ok(await Step(county, id, "recommend", version, siteCheckNote: "2025年8月5日现场核查，材料属实"));
        var city = await app.As(a.Users["city"]);
        var inReview = await Ok(await Step(city, id, "startReview", recommended.GetProperty("version").GetInt32()));
        await ShijiazhuangReviews.ReviewedAsync(app, city, id);
        var recognised = await Ok(await Step(city, id, "recognise", inReview.GetProperty("version").GetInt32()));
        Assert.Equal("recognised", recognised.GetProperty("state").GetString());

        var final = await (await app.As(a.Users["thinktank"])).GetFromJsonAsync<JsonElement>($"/api/awards/{id}");
        Assert.Equal("已认定", final.GetProperty("stateLabel").GetString());
        Assert.Equal("2025年8月5日现场核查，材料属实", final.GetProperty("siteCheckNote").GetString());
        Assert.Equal(["提交申报", "审核推荐", "纳入评审批次", "认定"], final.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()));
        var listed = await county.GetFromJsonAsync<JsonElement>($"/api/awards?call={Call}&direction=innovation&state=recognised");
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Batches_are_the_citys_one_open_at_a_time_and_a_rejected_application_applies_again_in_the_next()
    {
        var a = await ArrangeAsync();
        var enterprise = await app.As(a.Users["enterprise"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.PostAsJsonAsync($"/api/awards/calls/{Call}/batches", new { name = "第九批" })).StatusCode);
        var first = await OpenBatchAsync();
        var city = await app.As(a.Users["city"]);
        var twice = await city.PostAsJsonAsync($"/api/awards/calls/{Call}/batches", new { name = (string?)null });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("尚未截止", await twice.Content.ReadAsStringAsync());

        await AcceptedProjectAsync(a.EnterpriseId);
        var started = await Ok(await enterprise.PostAsync($"/api/awards/calls/{Call}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var draft = await Ok(await enterprise.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "innovation" }, content = Innovation("基本情况"), version = started.GetProperty("version").GetInt32() }));
        var stale = await enterprise.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "innovation" }, content = Innovation("旧页面"), version = started.GetProperty("version").GetInt32() });
        await ShijiazhuangAwardFiles.SignedScansAsync(enterprise, id);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var submitted = await Ok(await Step(enterprise, id, "submit", draft.GetProperty("version").GetInt32()));
        var county = await app.As(a.Users["zhengding"]);
        var recommended = await Ok(await Step(county, id, "recommend", submitted.GetProperty("version").GetInt32(), siteCheckNote: "已核查"));
        var inReview = await Ok(await Step(city, id, "startReview", recommended.GetProperty("version").GetInt32()));
        await ShijiazhuangReviews.ReviewedAsync(app, city, id);
        var noReason = await Step(city, id, "notRecognise", inReview.GetProperty("version").GetInt32());
        Assert.Contains("须填写理由", await noReason.Content.ReadAsStringAsync());
        await Ok(await Step(city, id, "notRecognise", inReview.GetProperty("version").GetInt32(), reason: "创新投入提升幅度不足"));

        var second = await OpenBatchAsync();
        Assert.NotEqual(first, second);
        var again = await Ok(await enterprise.PostAsync($"/api/awards/calls/{Call}/applications", null));
        Assert.NotEqual(id, again.GetProperty("id").GetGuid());
        var batches = await city.GetFromJsonAsync<JsonElement>($"/api/awards/calls/{Call}/batches");
        Assert.False(batches.EnumerateArray().Single(b => b.GetProperty("id").GetGuid() == first).GetProperty("isOpen").GetBoolean());
    }

    // Seed 004 附件1-5 and 附件2-2, their header rows as printed.
    private static readonly string[] BenchmarkHeaders =
        "序号	县（市、区）	企业名称	所属行业	规模以上工业企业（是/否）	争创“小灯塔”标杆企业（是/否）	争创数字化车间及智能工厂（是/否）	争创创新能力显著提升（是/否）	联系人	联系方式	备注".Split('\t');
    private static readonly string[] ChainHeaders = "序号	企业名称	案例模式	案例名称	案例简述（150字以内）	联系人	电话	邮箱".Split('\t');

    [Fact]
    public async Task The_county_summaries_have_the_seeds_headers_cell_by_cell_and_list_what_the_county_recommended()
    {
        var a = await ArrangeAsync();
        await OpenBatchAsync();
        await AcceptedProjectAsync(a.EnterpriseId);
        var enterprise = await app.As(a.Users["enterprise"]);
        var started = await Ok(await enterprise.PostAsync($"/api/awards/calls/{Call}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var draft = await Ok(await enterprise.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "innovation" }, content = Innovation("=HYPERLINK(\"x\")基本情况"), version = started.GetProperty("version").GetInt32() }));
        await ShijiazhuangAwardFiles.SignedScansAsync(enterprise, id);
        var submitted = await Ok(await Step(enterprise, id, "submit", draft.GetProperty("version").GetInt32()));
        var county = await app.As(a.Users["zhengding"]);

        // Not yet recommended: the county's sheet has its headers and no row.
        var empty = Annex5Sheets.Cells(await county.GetByteArrayAsync($"/api/awards/calls/{Call}/summary.xlsx"));
        Assert.Equal(BenchmarkHeaders, Enumerable.Range(1, BenchmarkHeaders.Length).Select(c => empty[Annex5Sheets.Column(c) + "3"].Text));
        Assert.DoesNotContain(empty.Values, c => c.Text == a.Name);

        await Ok(await Step(county, id, "recommend", submitted.GetProperty("version").GetInt32(), siteCheckNote: "已核查"));
        var xlsx = await county.GetByteArrayAsync($"/api/awards/calls/{Call}/summary.xlsx");
        Assert.Empty(Annex5Sheets.ValidationErrors(xlsx));
        var cells = Annex5Sheets.Cells(xlsx);
        Assert.Equal("石家庄市“数智”标杆中小企业汇总表", cells["A1"].Text);
        var row = Enumerable.Range(4, 200).First(r => cells.TryGetValue($"C{r}", out var c) && c.Text == a.Name);
        Assert.Equal(["正定县", "生物医药制造业", "否", "否", "是", "孙经理", "13900002222"],
            new[] { "B", "D", "F", "G", "H", "I", "J" }.Select(col => cells[$"{col}{row}"].Text));
        Assert.DoesNotContain(cells.Values, c => c.Formula);
        Assert.Contains(cells.Values, c => c.Text.StartsWith("填表日期："));

        // The think tank's sheet and the application it reads carry the contact's phone masked (personal data, DOMAIN §8).
        var thinkTank = await app.As(a.Users["thinktank"]);
        var theirs = Annex5Sheets.Cells(await thinkTank.GetByteArrayAsync($"/api/awards/calls/{Call}/summary.xlsx"));
        Assert.Equal("139****2222", theirs[$"J{Enumerable.Range(4, 200).First(r => theirs.TryGetValue($"C{r}", out var c) && c.Text == a.Name)}"].Text);
        var read = await thinkTank.GetStringAsync($"/api/awards/{id}");
        Assert.Contains("139****2222", read);
        Assert.DoesNotContain("13900002222", read);

        // Another county's sheet does not list it; the enterprise gets no sheet.
        var other = Annex5Sheets.Cells(await (await app.As(a.Users["xinhua"])).GetByteArrayAsync($"/api/awards/calls/{Call}/summary.xlsx"));
        Assert.DoesNotContain(other.Values, c => c.Text == a.Name);
        Assert.Equal(HttpStatusCode.Forbidden, (await enterprise.GetAsync($"/api/awards/calls/{Call}/summary.xlsx")).StatusCode);

        // 链式: a recommended case (its SMEs' confirmations are arranged in the database) in the county's 附件2-2.
        var city = await app.As(a.Users["city"]);
        await city.PostAsJsonAsync("/api/awards/calls/sjz-chain-2025/batches", new { name = (string?)null });
        var chainStart = await Ok(await enterprise.PostAsync("/api/awards/calls/sjz-chain-2025/applications", null));
        var chainId = chainStart.GetProperty("id").GetGuid();
        await Ok(await enterprise.PutAsJsonAsync($"/api/awards/{chainId}", new
        {
            directions = new[] { "chain" },
            content = new
            {
                texts = new Dictionary<string, object> { ["chain"] = new { sections = new Dictionary<string, string> { ["name"] = "某企业通过工业互联网平台带动配套企业数字化转型", ["brief"] = "平台赋能20家配套企业" } } },
                mode = "平台赋能", contactName = "孙经理", contactPhone = "13900002222", contactEmail = "sun@example.com",
            },
            version = chainStart.GetProperty("version").GetInt32(),
        }));
        await using (var scope = app.DataScope(Programme))
            await scope.ServiceProvider.GetRequiredService<DxPilotDbContext>().AwardApplications.Where(x => x.Id == chainId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, Domain.Awards.AwardStatus.Recommended));
        var chain = Annex5Sheets.Cells(await county.GetByteArrayAsync("/api/awards/calls/sjz-chain-2025/summary.xlsx"));
        Assert.Equal("正定县报送案例汇总表", chain["A1"].Text);
        Assert.Equal(ChainHeaders, Enumerable.Range(1, ChainHeaders.Length).Select(c => chain[Annex5Sheets.Column(c) + "3"].Text));
        var chainRow = Enumerable.Range(4, 200).First(r => chain.TryGetValue($"B{r}", out var c) && c.Text == a.Name);
        Assert.Equal(["平台赋能", "某企业通过工业互联网平台带动配套企业数字化转型", "平台赋能20家配套企业", "孙经理", "13900002222", "sun@example.com"],
            new[] { "C", "D", "E", "F", "G", "H" }.Select(col => chain[$"{col}{chainRow}"].Text));
    }

    [Fact]
    public async Task A_chain_case_names_eight_smes_each_confirms_in_its_own_account_and_only_then_it_is_submitted()
    {
        var a = await ArrangeAsync();
        await OpenBatchAsync("sjz-chain-2025");
        var lead = await app.As(a.Users["enterprise"]);
        var started = await Ok(await lead.PostAsync("/api/awards/calls/sjz-chain-2025/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var draft = await Ok(await lead.PutAsJsonAsync($"/api/awards/{id}", new
        {
            directions = new[] { "chain" },
            content = new
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
            },
            version = started.GetProperty("version").GetInt32(),
        }));
        var version = draft.GetProperty("version").GetInt32();
        var smes = await ShijiazhuangChain.SmesAsync(app, 8);
        var leadUscc = (await lead.GetFromJsonAsync<JsonElement>($"/api/enterprises/{a.EnterpriseId}")).GetProperty("uscc").GetString();

        // Itself, one SME twice and a malformed code are each named; nothing is saved.
        var bad = await lead.PutAsJsonAsync($"/api/awards/{id}/smes", new
        {
            smes = new object[] { new { uscc = leadUscc, name = "本企业" }, new { uscc = smes[0].Uscc, name = smes[0].Name }, new { uscc = smes[0].Uscc, name = "重复" }, new { uscc = "91130123ABC", name = "错码" } },
            version,
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var why = await bad.Content.ReadAsStringAsync();
        Assert.Contains("第1家：带动的中小企业不能包括申报企业自身", why);
        Assert.Contains($"第3家：统一社会信用代码{smes[0].Uscc}已列出", why);
        Assert.Contains("第4家：", why);

        var named = await Ok(await lead.PutAsJsonAsync($"/api/awards/{id}/smes", new { smes = smes.Select(s => new { uscc = s.Uscc, name = s.Name }), version }));
        Assert.Equal(8, named.GetArrayLength());
        var codes = named.EnumerateArray().ToDictionary(x => x.GetProperty("uscc").GetString()!, x => x.GetProperty("code").GetString()!);
        version = (await lead.GetFromJsonAsync<JsonElement>($"/api/awards/{id}")).GetProperty("version").GetInt32();
        var early = await Step(lead, id, "submit", version);
        var earlyWhy = await early.Content.ReadAsStringAsync();
        Assert.Contains("带动的中小企业不少于8家（已确认0家）", earlyWhy);
        Assert.Contains($"{smes[0].Name}尚未确认", earlyWhy);

        // Each SME finds the invitation in its own account (the first by the code passed on); an enterprise not named finds nothing.
        async Task<JsonElement> Invitation(HttpClient client, string? code = null) =>
            Assert.Single((await client.GetFromJsonAsync<JsonElement>("/api/awards/invitations" + (code is null ? "" : $"?code={code}"))).EnumerateArray());
        var clients = new List<HttpClient>();
        foreach (var s in smes) clients.Add(await app.As(s.User));
        var first = await Invitation(clients[0], codes[smes[0].Uscc]);
        Assert.Equal(a.Name, first.GetProperty("leadName").GetString());
        var stranger = await app.As(a.Users["other-enterprise"]);
        Assert.Empty((await stranger.GetFromJsonAsync<JsonElement>("/api/awards/invitations")).EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/awards/invitations/{first.GetProperty("id").GetGuid()}/answer", new { confirm = true, version = 0 })).StatusCode);
        for (var i = 0; i < 8; i++)
        {
            var inv = await Invitation(clients[i]);
            await Ok(await clients[i].PostAsJsonAsync($"/api/awards/invitations/{inv.GetProperty("id").GetGuid()}/answer", new { confirm = i < 7, version = inv.GetProperty("version").GetInt32() }));
        }
        var declined = await Step(lead, id, "submit", version);
        var declinedWhy = await declined.Content.ReadAsStringAsync();
        Assert.Contains($"{smes[7].Name}未确认被带动（已拒绝）", declinedWhy);
        Assert.Contains("带动的中小企业不少于8家（已确认7家）", declinedWhy);

        var last = await Invitation(clients[7]);
        await Ok(await clients[7].PostAsJsonAsync($"/api/awards/invitations/{last.GetProperty("id").GetGuid()}/answer", new { confirm = true, version = last.GetProperty("version").GetInt32() }));
        var submitted = await Ok(await Step(lead, id, "submit", version));
        Assert.Equal("submitted", submitted.GetProperty("state").GetString());
        // Submitted: the answers stand as the county reads them; codes are the lead's alone.
        var afterwards = await Invitation(clients[0]);
        Assert.Equal(HttpStatusCode.Conflict, (await clients[0].PostAsJsonAsync($"/api/awards/invitations/{afterwards.GetProperty("id").GetGuid()}/answer",
            new { confirm = false, version = afterwards.GetProperty("version").GetInt32() })).StatusCode);
        var county = await (await app.As(a.Users["zhengding"])).GetFromJsonAsync<JsonElement>($"/api/awards/{id}");
        Assert.All(county.GetProperty("smes").EnumerateArray(), s => Assert.Equal(("confirmed", JsonValueKind.Null), (s.GetProperty("answer").GetString(), s.GetProperty("code").ValueKind)));
    }

    [Fact]
    public async Task Only_the_calls_participants_find_it_and_bad_drafts_are_refused_with_chinese_messages()
    {
        var a = await ArrangeAsync();
        await OpenBatchAsync();
        var enterprise = await app.As(a.Users["enterprise"]);
        var calls = await enterprise.GetFromJsonAsync<JsonElement>("/api/awards/calls");
        Assert.Equal(["sjz-chain-2025", "sjz-shuzhi-2025"], calls.EnumerateArray().Select(c => c.GetProperty("id").GetString()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.As(a.Users["provider"])).PostAsync($"/api/awards/calls/{Call}/applications", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.As(a.Users["city"])).PostAsync($"/api/awards/calls/{Call}/applications", null)).StatusCode);
        var started = await Ok(await enterprise.PostAsync($"/api/awards/calls/{Call}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var bad = await enterprise.PutAsJsonAsync($"/api/awards/{id}", new
        {
            directions = new[] { "bigLighthouse" },
            content = new { texts = new Dictionary<string, object> { ["innovation"] = new { sections = new Dictionary<string, string> { ["basics"] = "带响铃\u0007" } } } },
            version = started.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Contains("本次申报没有方向“bigLighthouse”", body);
        Assert.Contains("控制字符", body);
    }

    [Fact]
    public async Task A_lighthouse_with_three_scenarios_and_no_level_rise_is_not_submitted_and_says_why()
    {
        // Seed 004 附件1-1 二 "打造应用场景不少于 4 个" and 三 "数字化水平等级达到三级及以上，且等级有明显提升"; 附件4 模板 lists
        // 场景1 to 场景4. The agency accepted this enterprise's project at 二级 from 二级.
        var a = await ArrangeAsync();
        await ShijiazhuangAwards.AcceptedProjectAsync(app, a.EnterpriseId, before: 2, after: 2);
        await OpenBatchAsync();
        var enterprise = await app.As(a.Users["enterprise"]);
        var started = await Ok(await enterprise.PostAsync($"/api/awards/calls/{Call}/applications", null));
        var id = started.GetProperty("id").GetGuid();
        var scenarios = new[] { 7, 8, 11 }.Select(n => new
        {
            typicalScenario = n,
            fields = new Dictionary<string, string> { ["description"] = "系统生成作业计划", ["painPoints"] = "人工排产滞后", ["results"] = "编制时间缩短", ["economics"] = "年节约80万元" },
        }).ToList();
        var content = new
        {
            texts = new Dictionary<string, object>
            {
                ["lighthouse"] = new
                {
                    sections = new Dictionary<string, string> { ["basics"] = "企业成立于2010年。", ["foundation"] = "设备数字化率72%。", ["leadership"] = "领导小组。", ["plan"] = "三年规划。" },
                    scenarios,
                },
            },
            entered = new Dictionary<string, decimal> { ["digitalEquipment"] = 72m, ["networked"] = 65m },
            contactName = "孙经理", contactPhone = "13900002222",
        };
        var draft = await Ok(await enterprise.PutAsJsonAsync($"/api/awards/{id}", new { directions = new[] { "lighthouse" }, content, version = started.GetProperty("version").GetInt32() }));
        await ShijiazhuangAwardFiles.SignedScansAsync(enterprise, id);

        var problems = (await enterprise.GetFromJsonAsync<JsonElement>($"/api/awards/{id}")).GetProperty("submissionProblems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains("应用场景至少4个（现有3个）", problems);
        Assert.Contains("不符合“应用场景不少于4个（对应典型场景）”：已填3个场景，其中3个对应典型场景：7.生产计划优化、8.智能排产调度、11.工艺动态优化，须不少于4个", problems);
        var level = Assert.Single(problems, p => p.StartsWith("不符合“数字化水平达到三级及以上且等级有明显提升”：评测机构"));
        Assert.EndsWith("改造后评测二级，改造前二级，须达到三级及以上", level);
        // The reviewers' criteria (转型保障能力, 创新能力) do not stop it.
        Assert.DoesNotContain(problems, p => p.Contains("转型保障能力") || p.Contains("知识产权"));

        var refused = await Step(enterprise, id, "submit", draft.GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var why = await refused.Content.ReadAsStringAsync();
        Assert.Contains("以下3项不符合要求，不能提交", why);
        Assert.Contains("须达到三级及以上", why);
        Assert.Equal("draft", (await enterprise.GetFromJsonAsync<JsonElement>($"/api/awards/{id}")).GetProperty("state").GetString());
    }
}

public sealed class AwardTestsOnSqlite(SqliteApp app) : AwardTests<SqliteApp>(app);

public sealed class AwardTestsOnPostgres(PostgresApp app) : AwardTests<PostgresApp>(app);
