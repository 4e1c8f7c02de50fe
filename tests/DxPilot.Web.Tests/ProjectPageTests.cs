using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// The project pages as a browser without script uses them, for one Changchun enterprise (seed 002 三（二）4-7): each party sees its
/// own form at its own step and no one else's, each form posted from the page does what the API does, a refused post shows the
/// service's words with everything typed kept, an old page is told the project changed, a post without its token is refused, the
/// pages answer 404 outside the scope, and the list filters, pages and queues. Amounts follow the programme's rules: the MES
/// 300,000.00 and gateways 100,000.00 count, the office PCs' 40,000.00 do not, so 40.00万元 × 50 % = 20.00万元.
/// </summary>
public abstract class ProjectPageTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    /// <summary>Every form a party can be offered on the project page.</summary>
    private static readonly string[] Forms = ["completion-form", "invoice-form", "evaluation-form", "acceptance-form", "signed-form", "audit-form",
        "audit-report-form", "approve-form", "payment-form"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Page(Guid id) => $"/projects/{id}";

    private async Task<(ChangchunProject C, Guid Id)> FiledAsync()
    {
        if (app.Unavailable is { } why) Requirements.Unmet(why);
        var c = await ChangchunProject.CreateAsync(app);
        return (c, await c.FiledAsync(app, $"车间数字化改造{Guid.NewGuid().ToString("N")[..6]}"));
    }

    /// <summary>The form's fields as a browser posts them: ticked boxes and radios only, each select's chosen option, no files.</summary>
    private static List<KeyValuePair<string, string>> Fields(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var el in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = el.GetAttribute("name")!;
            var type = el.GetAttribute("type");
            if (type == "file" || type is "checkbox" or "radio" && !el.HasAttribute("checked")) continue;
            var value = el.LocalName switch
            {
                "textarea" => el.TextContent,
                "select" => (el.QuerySelector("option[selected]") ?? el.QuerySelector("option"))?.GetAttribute("value") ?? "",
                _ => el.GetAttribute("value") ?? "",
            };
            fields.Add(new(name, value));
        }
        return fields;
    }

    /// <summary>Posts the page's form <paramref name="formId"/> as it stands with <paramref name="changes"/> over it (a file as multipart).</summary>
    private static async Task<HttpResponseMessage> Post(HttpClient client, Guid id, string formId, Dictionary<string, string> changes, IHtmlDocument? page = null,
        string? file = null)
    {
        page ??= await client.GetDocument(Page(id));
        var form = page.QuerySelector($"#{formId}") ?? throw new InvalidOperationException($"{formId} is not on the page");
        var fields = Fields(form).Where(f => !changes.ContainsKey(f.Key)).Concat(changes).ToList();
        if (file is null) return await client.PostAsync(Page(id), new FormUrlEncodedContent(fields), Ct);
        var multipart = new MultipartFormDataContent();
        foreach (var (k, v) in fields) multipart.Add(new StringContent(v), k);
        var scan = new ByteArrayContent("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray());
        scan.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        multipart.Add(scan, "scan", file);
        return await client.PostAsync(Page(id), multipart, Ct);
    }

    private static async Task<IHtmlDocument> Refused(HttpResponseMessage response, HttpStatusCode expected)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {html[..Math.Min(html.Length, 400)]}");
        return PageClient.Parse(html);
    }

    private static void Redirected(HttpResponseMessage response, Guid id, string done)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"{response.StatusCode}: {PageClient.Parse(response.Content.ReadAsStringAsync().Result).QuerySelector("#message")?.TextContent}");
        Assert.EndsWith($"/projects/{id}?done={done}", response.Headers.Location?.OriginalString);
    }

    /// <summary>Which of the project's forms the page offers this client now.</summary>
    private static async Task<string[]> FormsOf(HttpClient client, Guid id)
    {
        var page = await client.GetDocument(Page(id));
        return Forms.Where(f => page.QuerySelector($"#{f}") is not null).ToArray();
    }

    private static string Today() => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Each_party_fills_its_own_step_through_the_page_and_no_one_else_is_offered_its_form()
    {
        var (c, id) = await FiledAsync();
        var enterprise = await app.SignedIn(c.Users["enterprise"]);
        var provider = await app.SignedIn(c.Users["provider"]);
        var agency = await app.SignedIn(c.Users["agency"]);
        var audit = await app.SignedIn(c.Users["audit"]);
        var city = await app.SignedIn(c.Users["city"]);
        var chaoyang = await app.SignedIn(c.Users["chaoyang"]);
        var thinktank = await app.SignedIn(c.Users["thinktank"]);

        // 改造实施中: the enterprise and its provider report; no one else has a form.
        Assert.Equal(["completion-form", "invoice-form"], await FormsOf(enterprise, id));
        Assert.Equal(["completion-form", "invoice-form"], await FormsOf(provider, id));
        foreach (var other in new[] { agency, audit, city, chaoyang, thinktank }) Assert.Empty(await FormsOf(other, id));

        // A system without its go-live date is refused next to the row, the typed rows kept; then saved.
        var page = await enterprise.GetDocument(Page(id));
        var lines = page.QuerySelectorAll("select[name='d0.line'] option").Select(o => o.GetAttribute("value")!).Where(v => v != "").ToList();
        Assert.Equal(3, lines.Count);
        var rows = new Dictionary<string, string>
        {
            ["d0.line"] = lines[0], ["d0.delivered"] = "MES上线，覆盖冲压、焊装两个车间", ["d0.system"] = "MES", ["d0.golive"] = "",
            ["d1.line"] = lines[1], ["d1.delivered"] = "2台网关接入38台设备", ["note"] = "按合同全部交付。",
        };
        var refused = await Refused(await Post(enterprise, id, "completion-form", rows, page), HttpStatusCode.BadRequest);
        Assert.Contains("第1项请填写“MES”的上线日期", refused.QuerySelector("#message")!.TextContent);
        Assert.Equal("第1项请填写“MES”的上线日期", refused.QuerySelector("[data-error-for='deliveries[0].goLiveOn']")!.TextContent.Trim());
        Assert.Equal("MES上线，覆盖冲压、焊装两个车间", refused.QuerySelector("textarea[name='d0.delivered']")!.TextContent);
        Assert.Equal("2台网关接入38台设备", refused.QuerySelector("textarea[name='d1.delivered']")!.TextContent);
        Assert.Equal(lines[1], refused.QuerySelector("select[name='d1.line'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("按合同全部交付。", refused.QuerySelector("textarea[name=note]")!.TextContent);
        // Each message sits in the cell of the field it is about, never in a grid cell of its own; a length says how long the text is now.
        var goLive = refused.QuerySelector("[data-error-for='deliveries[0].goLiveOn']")!.ParentElement!;
        Assert.Equal("cell", goLive.ClassName);
        Assert.NotNull(goLive.QuerySelector("input[name='d0.golive']"));
        var tooLong = await Refused(await Post(enterprise, id, "completion-form", new(rows) { ["d0.golive"] = "2025-10-01", ["d1.delivered"] = new string('网', 2100) }, page),
            HttpStatusCode.BadRequest);
        var length = tooLong.QuerySelector("[data-error-for='deliveries[1].delivered']")!;
        Assert.Equal("第2项交付内容不超过2000字，现为2100字", length.TextContent.Trim());
        Assert.NotNull(length.ParentElement!.QuerySelector("textarea[name='d1.delivered']"));
        rows["d0.golive"] = "2025-10-01";
        Redirected(await Post(enterprise, id, "completion-form", rows), id, "completion");
        var saved = await enterprise.GetDocument(Page(id));
        // A picked contract line names the item when none was typed.
        Assert.Equal("MES制造执行系统", saved.QuerySelectorAll("#deliveries tbody tr")[0].QuerySelectorAll("td")[1].TextContent);
        // Before the agency's visit the system waits for its check; the gateways, no system, have none to wait for (as the 评测报告 says).
        Assert.Equal(["未核查", "不涉及系统上线"], saved.QuerySelectorAll("#deliveries td[data-label='评测机构核查']").Select(td => td.TextContent).ToArray());

        // Invoices: without a scan refused with the typed values kept; two of three leave the total short of the contract's, flagged.
        var invoice = new Dictionary<string, string>
        {
            ["number"] = "25220001", ["issuedOn"] = "2025-10-15", ["seller"] = "长春数智服务有限公司", ["item"] = "MES制造执行系统", ["amountYuan"] = "300000.00",
        };
        var noScan = await Refused(await Post(enterprise, id, "invoice-form", invoice), HttpStatusCode.BadRequest);
        Assert.Contains("请上传发票扫描件", noScan.QuerySelector("#message")!.TextContent);
        Assert.Equal("25220001", noScan.QuerySelector("#invoice-form input[name=number]")!.GetAttribute("value"));
        Assert.Equal("300000.00", noScan.QuerySelector("#invoice-form input[name=amountYuan]")!.GetAttribute("value"));
        Redirected(await Post(enterprise, id, "invoice-form", invoice, file: "发票25220001.pdf"), id, "invoice");
        Redirected(await Post(provider, id, "invoice-form", new() { ["number"] = "25220002", ["issuedOn"] = "2025-10-15", ["seller"] = "长春数智服务有限公司",
            ["item"] = "工业网关", ["amountYuan"] = "100000.00" }, file: "发票25220002.pdf"), id, "invoice");
        Assert.Equal("发票合计400,000.00元与合同总额440,000.00元不一致，请核实（可以继续办理，请在完工说明中说明原因）",
            (await enterprise.GetDocument(Page(id))).QuerySelector("#invoice-warning")!.TextContent);
        Redirected(await Post(enterprise, id, "invoice-form", new() { ["number"] = "25220003", ["issuedOn"] = "2025-10-16", ["seller"] = "长春数智服务有限公司",
            ["item"] = "办公电脑", ["amountYuan"] = "40000.00" }, file: "发票25220003.pdf"), id, "invoice");
        page = await enterprise.GetDocument(Page(id));
        Assert.Null(page.QuerySelector("#invoice-warning"));
        Assert.Equal("/api/projects/files/", page.QuerySelector("#invoices a")!.GetAttribute("href")![..20]);
        var scan = await enterprise.GetAsync(page.QuerySelector("#invoices a")!.GetAttribute("href"), Ct);
        Assert.Equal(HttpStatusCode.OK, scan.StatusCode);
        // An invoice scan is an official paper, as private as the exports: no cache keeps it.
        Assert.True(scan.Headers.CacheControl is { NoStore: true, Private: true }, $"{scan.Headers.CacheControl}");

        // 报告完工 from the chain's button.
        Assert.Equal("报告完工", page.QuerySelector("#transitions button[data-trigger=complete]")!.TextContent);
        Redirected(await Post(enterprise, id, "transitions", new() { ["Trigger"] = "complete" }), id, "complete");

        // 待评测: only the agency; its own 改造后 assessment to pick, and a link to record one.
        Assert.Equal(["evaluation-form"], await FormsOf(agency, id));
        foreach (var other in new[] { enterprise, provider, audit, city, chaoyang }) Assert.Empty(await FormsOf(other, id));
        page = await agency.GetDocument(Page(id));
        var link = page.QuerySelector("#new-assessment")!.GetAttribute("href")!;
        Assert.Equal($"/enterprises/{c.Enterprise.Id}/assessments/new?stage=After", link);
        // The link opens the form on 改造后 (the agency records 改造前 too, which the form offers first).
        Assert.Equal("After", (await agency.GetDocument(link)).QuerySelector("#f-Stage option[selected]")!.GetAttribute("value"));
        // A stage the account does not record, or none, leaves the form on its first stage.
        Assert.Equal("Before", (await agency.GetDocument($"/enterprises/{c.Enterprise.Id}/assessments/new?stage=SelfTest")).QuerySelector("#f-Stage option[selected]")!.GetAttribute("value"));
        var after = await c.AssessmentAsync(await app.As(c.Users["agency"]), "After", AnswerDocuments.MidRange());
        var evaluation = new Dictionary<string, string> { ["c0.verified"] = "yes", ["c0.note"] = "MES运行正常", ["c1.verified"] = "yes", ["conclusion"] = "达到二级（规范级）。" };
        var unpicked = await Refused(await Post(agency, id, "evaluation-form", evaluation), HttpStatusCode.BadRequest);
        Assert.Equal("请选择本机构为该企业填写的改造后评测", unpicked.QuerySelector("[data-error-for=afterAssessmentId]")!.TextContent.Trim());
        Assert.Equal("MES运行正常", unpicked.QuerySelector("input[name='c0.note']")!.GetAttribute("value"));
        Assert.NotNull(unpicked.QuerySelector("input[name='c0.verified'][value=yes][checked]"));
        Assert.Equal("达到二级（规范级）。", unpicked.QuerySelector("textarea[name=conclusion]")!.TextContent);
        evaluation["assessment"] = after.ToString();
        Redirected(await Post(agency, id, "evaluation-form", evaluation), id, "evaluation");
        Redirected(await Post(agency, id, "transitions", new() { ["Trigger"] = "evaluate" }), id, "evaluate");
        Assert.Contains("二级", (await city.GetDocument(Page(id))).QuerySelector("#evaluation-result")!.TextContent);

        // 待验收: the agency's group; a member from the project's provider is refused by name with every row kept.
        Assert.Equal(["acceptance-form", "signed-form"], await FormsOf(agency, id));
        foreach (var other in new[] { enterprise, audit, city, chaoyang }) Assert.Empty(await FormsOf(other, id));
        var group = new Dictionary<string, string>
        {
            ["m0.name"] = "王教授", ["m0.unit"] = "吉林大学", ["m0.title"] = "教授", ["leader"] = "0", ["m0.signed"] = "true",
            ["m1.name"] = "李高工", ["m1.unit"] = "长春工业大学", ["m1.title"] = "高级工程师", ["m1.signed"] = "true",
            ["m2.name"] = "赵经理", ["m2.unit"] = c.Provider.Name, ["m2.uscc"] = c.Provider.Uscc!, ["m2.signed"] = "true",
            ["documentReview"] = "材料齐全。", ["siteCheckOn"] = "2025-11-25", ["siteCheck"] = "MES运行正常，设备联网率85%。", ["opinion"] = "同意通过验收。",
        };
        var conflict = await Refused(await Post(agency, id, "acceptance-form", group), HttpStatusCode.BadRequest);
        Assert.Contains($"利益冲突：专家“赵经理”所在单位“{c.Provider.Name}”是该项目的服务商", conflict.QuerySelector("#message")!.TextContent);
        Assert.Equal("赵经理", conflict.QuerySelector("input[name='m2.name']")!.GetAttribute("value"));
        Assert.NotNull(conflict.QuerySelector("input[name=leader][value='0'][checked]"));
        Assert.Equal("MES运行正常，设备联网率85%。", conflict.QuerySelector("textarea[name=siteCheck]")!.TextContent);
        group["m2.name"] = "孙研究员";
        group["m2.unit"] = "吉林省工业技术研究院";
        group["m2.uscc"] = "";
        Redirected(await Post(agency, id, "acceptance-form", group), id, "acceptance");
        Redirected(await Post(agency, id, "signed-form", [], file: "验收意见（签字）.pdf"), id, "file");
        Redirected(await Post(agency, id, "transitions", new() { ["Trigger"] = "pass" }), id, "pass");

        // 待区县确认: the district's opinion is required; refused with the chain's words and the box as typed (empty).
        page = await chaoyang.GetDocument(Page(id));
        Assert.NotNull(page.QuerySelector("#t-reason"));
        var noOpinion = await Refused(await Post(chaoyang, id, "transitions", new() { ["Trigger"] = "confirm" }, page), HttpStatusCode.BadRequest);
        Assert.NotEmpty(noOpinion.QuerySelector("#message")!.TextContent.Trim());
        Redirected(await Post(chaoyang, id, "transitions", new() { ["Trigger"] = "confirm", ["Reason"] = "同意验收。" }), id, "confirm");
        Assert.Equal("同意验收。", (await enterprise.GetDocument(Page(id))).QuerySelector("#district-opinion")!.TextContent);

        // 待审计: the audit firm classifies; an eligible amount above the invoice is refused, the choices kept.
        Assert.Equal(["audit-form", "audit-report-form"], await FormsOf(audit, id));
        foreach (var other in new[] { enterprise, agency, city, chaoyang }) Assert.Empty(await FormsOf(other, id));
        page = await audit.GetDocument(Page(id));
        var index = page.QuerySelectorAll("#audit-form tr[data-invoice]").Select((r, i) => (r.GetAttribute("data-invoice")!, i)).ToDictionary(x => x.Item1, x => x.i);
        var classes = new Dictionary<string, string>
        {
            [$"l{index["25220001"]}.category"] = "software", [$"l{index["25220001"]}.eligible"] = "300000.01",
            [$"l{index["25220002"]}.category"] = "collection", [$"l{index["25220003"]}.category"] = "office",
            [$"l{index["25220003"]}.note"] = "办公电脑不属于支持范围", ["opinion"] = "经审计，合规投入40万元。",
        };
        // Every problem of a line at once: an amount that is no number, or below 0, is told before a category is chosen.
        var unchosen = await Refused(await Post(audit, id, "audit-form", new(classes)
        {
            [$"l{index["25220002"]}.category"] = "", [$"l{index["25220002"]}.eligible"] = "abc",
            [$"l{index["25220003"]}.category"] = "", [$"l{index["25220003"]}.eligible"] = "-5",
        }, page), HttpStatusCode.BadRequest);
        string ErrorOf(IHtmlDocument d, string key) => d.QuerySelector($"[data-error-for='{key}']")!.TextContent.Trim();
        Assert.Equal("请为发票25220002选择支出类别", ErrorOf(unchosen, $"lines[{index["25220002"]}].categoryKey"));
        Assert.Equal("发票25220002的合规金额应为数字（元），如 100000.00", ErrorOf(unchosen, $"lines[{index["25220002"]}].eligibleYuan"));
        Assert.Equal("请为发票25220003选择支出类别", ErrorOf(unchosen, $"lines[{index["25220003"]}].categoryKey"));
        Assert.Equal("发票25220003的合规金额应为不小于0、最多两位小数的元数", ErrorOf(unchosen, $"lines[{index["25220003"]}].eligibleYuan"));
        Assert.Equal("abc", unchosen.QuerySelector($"input[name='l{index["25220002"]}.eligible']")!.GetAttribute("value"));
        Assert.Equal("-5", unchosen.QuerySelector($"input[name='l{index["25220003"]}.eligible']")!.GetAttribute("value"));
        var tooMuch = await Refused(await Post(audit, id, "audit-form", classes, page), HttpStatusCode.BadRequest);
        Assert.Contains("超过发票金额300,000.00元", tooMuch.QuerySelector($"[data-error-for='lines[{index["25220001"]}].eligibleYuan']")!.TextContent);
        Assert.Equal("collection", tooMuch.QuerySelector($"select[name='l{index["25220002"]}.category'] option[selected]")!.GetAttribute("value"));
        Assert.Equal("办公电脑不属于支持范围", tooMuch.QuerySelector($"input[name='l{index["25220003"]}.note']")!.GetAttribute("value"));
        // Text that is no number is refused as such, not read as empty (which would take the whole invoice).
        classes[$"l{index["25220001"]}.eligible"] = "三十万";
        var text = await Refused(await Post(audit, id, "audit-form", classes, page), HttpStatusCode.BadRequest);
        Assert.Equal("发票25220001的合规金额应为数字（元），如 300000.00",
            text.QuerySelector($"[data-error-for='lines[{index["25220001"]}].eligibleYuan']")!.TextContent.Trim());
        classes[$"l{index["25220001"]}.eligible"] = "";
        Redirected(await Post(audit, id, "audit-form", classes), id, "audit");
        Redirected(await Post(audit, id, "audit-report-form", [], file: "专项审计报告.pdf"), id, "file");
        Redirected(await Post(audit, id, "transitions", new() { ["Trigger"] = "audit" }), id, "audited");

        // 待核定: the city alone; 40.00万元 eligible × 50 % = 20.00万元, in capitals too.
        Assert.Equal(["approve-form"], await FormsOf(city, id));
        foreach (var other in new[] { enterprise, agency, audit, chaoyang, thinktank }) Assert.Empty(await FormsOf(other, id));
        page = await city.GetDocument(Page(id));
        Assert.Contains("20.00万元（人民币贰拾万元整）", page.QuerySelector("#computed")!.TextContent);
        Redirected(await Post(city, id, "approve-form", [], page), id, "approve");

        // 待拨付: above the outstanding amount refused with the voucher kept; partial, then a voucher twice refused, then the rest.
        Assert.Equal(["payment-form"], await FormsOf(city, id));
        // What is typed is kept in the browser (form-copy.js) until a payment newer than the copy is recorded.
        var paying = (await city.GetDocument(Page(id))).QuerySelector("#payment-form")!;
        Assert.StartsWith($"dxpilot-payment:{id}:", paying.GetAttribute("data-form-copy"));
        Assert.Equal("拨付登记", paying.GetAttribute("data-copy-what"));
        Assert.Equal("payment-copy-status", paying.GetAttribute("data-copy-status"));
        Assert.False(paying.HasAttribute("data-saved-at"));
        var voucher = $"PZ-{Guid.NewGuid().ToString("N")[..8]}";
        var above = await Refused(await Post(city, id, "payment-form", new() { ["paidOn"] = Today(), ["amountWan"] = "20.01", ["voucherNo"] = voucher }),
            HttpStatusCode.BadRequest);
        Assert.Contains("超过尚未拨付的20.00万元", above.QuerySelector("[data-error-for=amountWan]")!.TextContent);
        Assert.Equal("true", above.QuerySelector("#payment-form")!.GetAttribute("data-refused"));
        Assert.Equal(voucher, above.QuerySelector("input[name=voucherNo]")!.GetAttribute("value"));
        var words = await Refused(await Post(city, id, "payment-form", new() { ["paidOn"] = Today(), ["amountWan"] = "十二万", ["voucherNo"] = voucher }),
            HttpStatusCode.BadRequest);
        Assert.Equal("拨付金额应为数字（万元），如 12.50", words.QuerySelector("[data-error-for=amountWan]")!.TextContent.Trim());
        // Typed in an input method's full-width mode, the amount is the digits it shows.
        Redirected(await Post(city, id, "payment-form", new() { ["paidOn"] = Today(), ["amountWan"] = "１２．００", ["voucherNo"] = voucher }), id, "payment");
        var paid = await city.GetDocument(Page(id));
        Assert.Equal("12.00万元 / 8.00万元", paid.QuerySelector("#paid")!.TextContent);
        Assert.True(long.Parse(paid.QuerySelector("#payment-form")!.GetAttribute("data-saved-at")!) > 0);
        var twice = await Refused(await Post(city, id, "payment-form", new() { ["paidOn"] = Today(), ["amountWan"] = "8.00", ["voucherNo"] = voucher }),
            HttpStatusCode.BadRequest);
        Assert.Contains("已登记过", twice.QuerySelector("[data-error-for=voucherNo]")!.TextContent);
        Redirected(await Post(city, id, "payment-form", new() { ["paidOn"] = Today(), ["amountWan"] = "8.00", ["voucherNo"] = voucher + "-2" }), id, "payment");
        page = await enterprise.GetDocument(Page(id));
        Assert.Equal("paid", page.QuerySelector("#status")!.GetAttribute("data-status"));
        Assert.Equal(2, page.QuerySelectorAll("#payments tbody tr").Length);
        // 报告完工, 出具评测报告, 验收通过, 确认验收, 完成专项审计, 核定补助资金, 拨付完毕.
        Assert.Equal(7, page.QuerySelectorAll("#history tbody tr").Length);
    }

    [Fact]
    public async Task An_invoice_amount_is_read_as_the_page_shows_amounts_and_text_or_too_large_a_sum_is_told_what_is_wrong()
    {
        var (c, id) = await FiledAsync();
        var enterprise = await app.SignedIn(c.Users["enterprise"]);
        async Task<HttpResponseMessage> Invoice(string number, string amount, string? file = null) =>
            await Post(enterprise, id, "invoice-form", new() { ["number"] = number, ["issuedOn"] = "2025-10-15", ["seller"] = "长春数智服务有限公司",
                ["item"] = "MES制造执行系统", ["amountYuan"] = amount }, file: file);
        async Task<string> Message(string amount)
        {
            var page = await Refused(await Invoice("25229999", amount, "发票.pdf"), HttpStatusCode.BadRequest);
            Assert.Equal(amount, page.QuerySelector("#invoice-form input[name=amountYuan]")!.GetAttribute("value"));
            return page.QuerySelector("[data-error-for=amountYuan]")!.TextContent.Trim();
        }

        Assert.Equal("价税合计金额应为数字（元），如 723000.00", await Message("abc"));
        Assert.Equal("价税合计金额不能超过999,999,999,999.99元", await Message("99999999999999"));
        Assert.Equal("价税合计金额不能超过999,999,999,999.99元", await Message("1,000,000,000,000.00"));
        Assert.Equal("请填写价税合计金额（元）", await Message(""));
        // As the page shows amounts (thousands separators), in full-width digits, and the largest the column holds.
        Redirected(await Invoice("25220011", "723,000.00", "发票1.pdf"), id, "invoice");
        Redirected(await Invoice("25220012", "１２，３４５．６７", "发票2.pdf"), id, "invoice");
        Redirected(await Invoice("25220013", "999,999,999,999.99", "发票3.pdf"), id, "invoice");
        var amounts = (await enterprise.GetDocument(Page(id))).QuerySelector("#invoices")!.TextContent;
        Assert.Contains("723,000.00", amounts);
        Assert.Contains("12,345.67", amounts);
    }

    [Fact]
    public async Task A_refusal_posted_from_the_page_after_a_saved_step_does_not_show_that_steps_banner()
    {
        var (c, id) = await FiledAsync();
        var enterprise = await app.SignedIn(c.Users["enterprise"]);
        var after = $"{Page(id)}?done=completion";
        var page = await enterprise.GetDocument(after);
        Assert.Equal("完工报告已保存。", page.QuerySelector("#done")!.TextContent);

        // The browser posts the form to the address it shows, ?done=completion included.
        var fields = Fields(page.QuerySelector("#invoice-form")!).Where(f => f.Key is not ("number" or "amountYuan"))
            .Append(new("number", "25220009")).Append(new("amountYuan", "1000.00")).ToList();
        var refused = await Refused(await enterprise.PostAsync(after, new FormUrlEncodedContent(fields), Ct), HttpStatusCode.BadRequest);
        Assert.Contains("请上传发票扫描件", refused.QuerySelector("#message")!.TextContent);
        Assert.Null(refused.QuerySelector("#done"));
    }

    [Fact]
    public async Task A_form_from_an_old_page_is_refused_with_the_stale_message_and_the_typed_text_kept()
    {
        var (c, id) = await FiledAsync();
        var first = await app.SignedIn(c.Users["enterprise"]);
        var second = await app.SignedIn(c.Users["provider"]);
        var old = await second.GetDocument(Page(id));
        Redirected(await Post(first, id, "completion-form", new() { ["d0.item"] = "MES", ["d0.delivered"] = "第一个窗口的交付" }), id, "completion");

        var refused = await Refused(await Post(second, id, "completion-form", new() { ["d0.item"] = "MES", ["d0.delivered"] = "第二个窗口的交付" }, old),
            HttpStatusCode.Conflict);
        Assert.Contains("您填写的内容仍在下方", refused.QuerySelector("#message")!.TextContent);
        Assert.Equal("第二个窗口的交付", refused.QuerySelector("textarea[name='d0.delivered']")!.TextContent);
        Assert.Contains("第一个窗口的交付", (await first.GetDocument(Page(id))).QuerySelector("#deliveries")!.TextContent);

        // The browser keeps a copy of the form per project and user (form-copy.js); the page showing the refused post back says
        // so, for the copy of the unsaved text to stay.
        var oldForm = old.QuerySelector("#completion-form")!;
        Assert.StartsWith($"dxpilot-completion:{id}:", oldForm.GetAttribute("data-form-copy"));
        Assert.False(oldForm.HasAttribute("data-refused"));
        Assert.NotEqual(oldForm.GetAttribute("data-form-copy"), (await first.GetDocument(Page(id))).QuerySelector("#completion-form")!.GetAttribute("data-form-copy"));
        Assert.Equal("true", refused.QuerySelector("#completion-form")!.GetAttribute("data-refused"));
        // Its status line promises the copy; it stays hidden until the script that keeps it runs (not without script).
        Assert.True(refused.QuerySelector("#completion-copy-status")!.HasAttribute("hidden"));

        // A transition from the old page: told, nothing taken.
        var step = await Refused(await Post(second, id, "transitions", new() { ["Trigger"] = "complete" }, old), HttpStatusCode.Conflict);
        Assert.NotEmpty(step.QuerySelector("#message")!.TextContent.Trim());
        Assert.Equal("implementing", (await first.GetDocument(Page(id))).QuerySelector("#status")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused_and_nothing_is_kept()
    {
        var (c, id) = await FiledAsync();
        var enterprise = await app.SignedIn(c.Users["enterprise"]);
        var page = await enterprise.GetDocument(Page(id));
        var fields = Fields(page.QuerySelector("#completion-form")!).Where(f => f.Key != "__RequestVerificationToken")
            .Concat([new("d0.item", "MES"), new("d0.delivered", "伪造的交付")]).GroupBy(f => f.Key).Select(g => g.Last()).ToList();
        var forged = await enterprise.PostAsync(Page(id), new FormUrlEncodedContent(fields), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null((await enterprise.GetDocument(Page(id))).QuerySelector("#deliveries"));
    }

    [Fact]
    public async Task The_project_page_answers_404_outside_the_scope_and_the_filing_links_to_its_project()
    {
        var (c, id) = await FiledAsync();
        foreach (var outsider in new[] { "other-enterprise", "other-agency", "other-audit", "nanguan", "expert" })
        {
            var response = await (await app.SignedIn(c.Users[outsider])).GetAsync(Page(id), Ct);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            // The platform's Chinese 404, the same as for a project that does not exist.
            Assert.Contains("找不到该页面或记录", PageClient.Parse(await response.Content.ReadAsStringAsync(Ct)).Body!.TextContent);
        }
        foreach (var insider in new[] { "enterprise", "provider", "agency", "audit", "city", "chaoyang", "thinktank" })
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignedIn(c.Users[insider])).GetAsync(Page(id), Ct)).StatusCode);

        var enterprise = await app.SignedIn(c.Users["enterprise"]);
        var filing = (await ChangchunProject.GetAsync(await app.As(c.Users["enterprise"]), id)).GetProperty("filingId").GetGuid();
        var link = (await enterprise.GetDocument($"/filings/{filing}")).QuerySelector("#project-link a")!;
        Assert.Equal(Page(id), link.GetAttribute("href"));
        Assert.Contains("改造实施中", link.TextContent);
        Assert.Contains("改造项目", (await enterprise.GetDocument("/")).QuerySelector("nav")!.TextContent);
    }

    [Fact]
    public async Task The_list_filters_by_search_district_state_and_overdue_and_each_party_finds_its_queue_and_to_do()
    {
        var (c, id) = await FiledAsync();
        var name = (await ChangchunProject.GetAsync(await app.As(c.Users["city"]), id)).GetProperty("projectName").GetString()!;
        var city = await app.SignedIn(c.Users["city"]);
        async Task<List<string>> Listed(HttpClient client, string query) =>
            (await client.GetDocument("/projects?" + query)).QuerySelectorAll("#project-list tr[data-project]").Select(r => r.GetAttribute("data-project")!).ToList();
        var search = $"search={Uri.EscapeDataString(name)}";

        Assert.Equal([id.ToString()], await Listed(city, search));
        var row = (await city.GetDocument("/projects?" + search)).QuerySelector($"tr[data-project='{id}']")!;
        Assert.Equal(c.Enterprise.Name, row.QuerySelector("td[data-label=企业名称]")!.TextContent);
        Assert.Equal("改造实施中", row.QuerySelector("td[data-label=状态]")!.TextContent);
        Assert.Equal("二级", row.QuerySelector("td[data-label=目标等级]")!.TextContent);
        // The filing's period ends 2025-12: due on its last day, and overdue today while still being carried out.
        Assert.StartsWith("2025年12月31日", row.QuerySelector("td[data-label=实施期限]")!.TextContent.Trim());
        Assert.NotNull(row.QuerySelector("[data-overdue]"));
        Assert.Equal([id.ToString()], await Listed(city, search + "&district=朝阳区&state=implementing&overdue=yes"));
        Assert.Empty(await Listed(city, search + "&district=南关区"));
        Assert.Empty(await Listed(city, search + "&state=completed"));
        Assert.Empty(await Listed(city, search + "&queue=mine"));
        // The money pages are reached from the list: the city's two, the think tank's payments only, none for the enterprise.
        string[] MoneyLinks(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelectorAll("#money-links a").Select(a => a.GetAttribute("href")!).ToArray();
        Assert.Equal(["/projects/payments", "/projects/approvals"], MoneyLinks(await city.GetDocument("/projects")));
        Assert.Equal(["/projects/payments"], MoneyLinks(await (await app.SignedIn(c.Users["thinktank"])).GetDocument("/projects")));
        Assert.Empty(MoneyLinks(await (await app.SignedIn(c.Users["enterprise"])).GetDocument("/projects")));

        // 待我处理 and the home to-do: the enterprise and its provider now, not the agency.
        var enterprise = await app.SignedIn(c.Users["enterprise"]);
        Assert.Equal([id.ToString()], await Listed(enterprise, "queue=mine"));
        Assert.Contains(name, (await enterprise.GetDocument("/")).Body!.TextContent);
        var agency = await app.SignedIn(c.Users["agency"]);
        Assert.Empty(await Listed(agency, "queue=mine"));

        // Reported complete: the agency's queue and to-do have it; it is no longer overdue.
        var api = await app.As(c.Users["enterprise"]);
        var saved = await api.PutAsJsonAsync($"/api/projects/{id}/completion", new
        {
            deliveries = new[] { new { item = "MES制造执行系统", delivered = "MES上线", system = "MES", goLiveOn = "2025-10-01" } },
            note = (string?)null, version = await ChangchunProject.VersionAsync(api, id),
        }, Ct);
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync(Ct));
        Assert.True((await ChangchunProject.InvoiceAsync(api, id, "25230001", "MES制造执行系统", 440000m)).IsSuccessStatusCode);
        Assert.True((await ChangchunProject.StepAsync(api, id, "complete")).IsSuccessStatusCode);
        Assert.Equal([id.ToString()], await Listed(agency, "queue=mine"));
        Assert.Contains("待定级评测", (await agency.GetDocument("/")).Body!.TextContent);
        Assert.Empty(await Listed(enterprise, "queue=mine"));
        Assert.Empty(await Listed(city, search + "&overdue=yes"));
        Assert.Equal([id.ToString()], await Listed(city, search + "&state=completed"));
    }
}

public sealed class ProjectPageTestsOnSqlite(SqliteApp app) : ProjectPageTests<SqliteApp>(app);

public sealed class ProjectPageTestsOnPostgres(PostgresApp app) : ProjectPageTests<PostgresApp>(app);
