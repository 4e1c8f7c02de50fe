using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DxPilot.Domain.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DxPilot.Web.Tests;

/// <summary>
/// 需整改 comments (seed 002 二（三）: the think tank 督导 the work until it is put right): the party responsible replies — the enterprise
/// or its provider on a filing, the provider alone on a diagnosis — and the think tank or the city closes the comment with a note or
/// reopens it. Until closed it waits on the responsible party's to-do list and counts on the supervision panel. Others who read the
/// comment are refused acting on it (403), those who do not read it find nothing (404); every change is in the audit trail.
/// </summary>
public abstract class RectificationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : DxPilotApp
{
    private const string Asked = "请补充设备联网清单，便于验收核对。";

    [Fact]
    public async Task On_a_filing_the_enterprise_and_its_provider_reply_and_only_the_think_tank_or_the_city_closes_and_reopens()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var comment = await RectifyAsync(h.Users["thinktank"], "filing", id);
        var todo = $"/supervision/filing/{id}/comments#comment-{comment}";

        // Open: on the enterprise's and the provider's to-do lists, not on another provider's; counted on the filing's panel.
        Assert.Contains(todo, await PageAsync(h.Users["enterprise"], "/"));
        Assert.Contains(todo, await PageAsync(h.Users["provider"], "/"));
        Assert.DoesNotContain(todo, await PageAsync(h.Users["other-provider"], "/"));
        Assert.Contains("待整改 1 条", await PageAsync(h.Users["thinktank"], $"/filings/{id}"));

        // Who replies: those who do not read it find nothing; the district and the think tank read it but do not reply.
        foreach (var who in new[] { "other-enterprise", "other-provider", "xihu", "expert" })
            Assert.True(HttpStatusCode.NotFound == (await ReplyAsync(h.Users[who], comment, "已整改")).StatusCode, who);
        foreach (var who in new[] { "binjiang", "thinktank", "city" })
        {
            var refused = await ReplyAsync(h.Users[who], comment, "已整改");
            Assert.True(HttpStatusCode.Forbidden == refused.StatusCode, who);
            Assert.Equal("整改回复由企业或为其服务的服务商填写", await TitleAsync(refused));
        }
        var empty = await ReplyAsync(h.Users["enterprise"], comment, "  ");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请填写整改回复", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(h.Users["enterprise"], comment, "已补充38台设备的联网清单。")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(h.Users["provider"], comment, "服务商已核对清单与现场一致。")).StatusCode);
        var shown = Single(await (await app.As(h.Users["binjiang"])).GetFromJsonAsync<JsonElement>($"/api/supervision/filing/{id}/comments"));
        Assert.Equal(["已补充38台设备的联网清单。", "服务商已核对清单与现场一致。"],
            shown.GetProperty("replies").EnumerateArray().Select(r => r.GetProperty("text").GetString()!).ToArray());
        Assert.True(shown.GetProperty("awaitsRectification").GetBoolean());

        // Who closes: the parties and the district are refused, a closing needs its note.
        foreach (var who in new[] { "enterprise", "provider", "binjiang" })
        {
            var refused = await CloseAsync(h.Users[who], comment, "已整改");
            Assert.True(HttpStatusCode.Forbidden == refused.StatusCode, who);
            Assert.Equal("只有第三方智库或市级工信主管部门可以关闭或重新打开整改意见", await TitleAsync(refused));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await CloseAsync(h.Users["xihu"], comment, "已整改")).StatusCode);
        var noNote = await CloseAsync(h.Users["thinktank"], comment, "");
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        Assert.Contains("请填写关闭说明", await noNote.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await CloseAsync(h.Users["thinktank"], comment, "联网清单已核实，整改到位。")).StatusCode);

        // Closed: off the to-do lists and the count; no reply and no second closing; the enterprise cannot reopen it.
        Assert.DoesNotContain(todo, await PageAsync(h.Users["enterprise"], "/"));
        Assert.DoesNotContain(todo, await PageAsync(h.Users["provider"], "/"));
        Assert.DoesNotContain("待整改", await PageAsync(h.Users["thinktank"], $"/filings/{id}"));
        var late = await ReplyAsync(h.Users["enterprise"], comment, "再补充");
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("该整改意见已关闭，不能再回复；如需继续整改，请第三方智库重新打开", await TitleAsync(late));
        Assert.Equal(HttpStatusCode.Conflict, (await CloseAsync(h.Users["city"], comment, "再关一次")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ReopenAsync(h.Users["enterprise"], comment)).StatusCode);

        // Reopened by the city: back on the list; then closed by it.
        Assert.Equal(HttpStatusCode.OK, (await ReopenAsync(h.Users["city"], comment)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ReopenAsync(h.Users["city"], comment)).StatusCode);
        Assert.Contains(todo, await PageAsync(h.Users["enterprise"], "/"));
        Assert.Equal(HttpStatusCode.OK, (await CloseAsync(h.Users["city"], comment, "复核后确认整改到位。")).StatusCode);
        Assert.DoesNotContain(todo, await PageAsync(h.Users["enterprise"], "/"));

        // Every change is a line of the comment's trail, under whoever made it.
        await using var scope = app.DataScope();
        var db = scope.ServiceProvider.GetRequiredService<DxPilotDbContext>();
        var key = comment.ToString();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "SupervisionComment" && a.EntityId == key).OrderBy(a => a.Sequence).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.DetailsChanged, AuditAction.DetailsChanged, AuditAction.Updated, AuditAction.Updated, AuditAction.Updated],
            entries.Select(e => e.Action).ToArray());
        Assert.Contains(entries[1].Changes, c => c.Field == "整改回复" && c.After!.EndsWith("已补充38台设备的联网清单。"));
        Assert.Contains(entries[3].Changes, c => c.Field == "ClosingNote" && c.After == "联网清单已核实，整改到位。");
        Assert.Contains(entries[4].Changes, c => c.Field == "ClosingNote" && c.Before == "联网清单已核实，整改到位。" && c.After == null);
        Assert.Equal(["杭州智库（测试）", "杭州市经信局（测试）", "杭州市经信局（测试）"], entries.Skip(3).Select(e => e.ActorName).ToArray());
    }

    [Fact]
    public async Task On_a_diagnosis_the_provider_alone_replies_and_only_a_rectification_takes_a_reply()
    {
        var c = await ChangchunDiagnosis.CreateAsync(app);
        var diagnosis = await c.OpenAsync(app);
        var comment = await RectifyAsync(c.Users["thinktank"], "diagnosis", diagnosis.Id);
        var todo = $"/supervision/diagnosis/{diagnosis.Id}/comments#comment-{comment}";

        Assert.Contains(todo, await PageAsync(c.Users["provider"], "/"));
        Assert.DoesNotContain(todo, await PageAsync(c.Users["enterprise"], "/"));
        var byEnterprise = await ReplyAsync(c.Users["enterprise"], comment, "已整改");
        Assert.Equal(HttpStatusCode.Forbidden, byEnterprise.StatusCode);
        Assert.Equal("整改回复由负责诊断的服务商填写", await TitleAsync(byEnterprise));
        Assert.Equal(HttpStatusCode.NotFound, (await ReplyAsync(c.Users["other-provider"], comment, "已整改")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ReplyAsync(c.Users["provider"], comment, "已补传现场照片。")).StatusCode);
        // A reply does not close it: the think tank judges that.
        Assert.Contains(todo, await PageAsync(c.Users["provider"], "/"));

        var watched = await (await app.As(c.Users["thinktank"])).PostAsJsonAsync($"/api/supervision/diagnosis/{diagnosis.Id}/comments", new { text = "请关注进度。", followUp = "watch" });
        var watchedId = (await watched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var noReply = await ReplyAsync(c.Users["provider"], watchedId, "好的");
        Assert.Equal(HttpStatusCode.Conflict, noReply.StatusCode);
        Assert.Equal("只有需整改的督导意见需要回复", await TitleAsync(noReply));
        Assert.Equal(HttpStatusCode.Conflict, (await CloseAsync(c.Users["thinktank"], watchedId, "无需整改")).StatusCode);
    }

    [Fact]
    public async Task The_panel_s_forms_reply_close_and_reopen_and_a_refused_reply_comes_back_with_what_to_fix()
    {
        var h = await HangzhouFiling.CreateAsync(app);
        var id = await h.SubmittedAsync(app);
        var comment = await RectifyAsync(h.Users["thinktank"], "filing", id);
        var path = $"/supervision/filing/{id}/comments";

        // The enterprise finds the reply form on its filing's panel, no closing form.
        var enterprise = await app.SignedIn(h.Users["enterprise"]);
        var filingPage = await enterprise.GetDocument($"/filings/{id}");
        var replyForm = filingPage.QuerySelector($"#reply-form-{comment}")!;
        Assert.Null(filingPage.QuerySelector($"#close-form-{comment}"));
        // The browser keeps a copy of the reply per comment and user; with no reply yet there is no time a copy must be newer than.
        Assert.StartsWith($"dxpilot-reply-{comment}:{comment}:", replyForm.GetAttribute("data-form-copy"));
        Assert.False(replyForm.HasAttribute("data-saved-at"));
        Assert.Equal("待整改 1 条", filingPage.QuerySelector("#awaiting-rectification")!.TextContent.Trim());
        var token = await PageClient.Token(enterprise, $"/filings/{id}");
        var refused = await enterprise.PostAsync(path, Form(token, "reply", ("Reply.CommentId", comment.ToString()), ("Reply.Text", new string('改', 2001))));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = PageClient.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("整改回复不超过2000字，现为2001字", again.QuerySelector($"#reply-form-{comment} .error")!.TextContent.Trim());
        Assert.Equal(2001, again.QuerySelector($"#reply-text-{comment}")!.TextContent.Length);
        Assert.Equal("true", again.QuerySelector($"#reply-form-{comment}")!.GetAttribute("data-refused"));
        var replied = await enterprise.PostAsync(path, Form(token, "reply", ("Reply.CommentId", comment.ToString()), ("Reply.Text", "已补充联网清单。")));
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        Assert.Contains("done=replied", replied.Headers.Location!.OriginalString);
        // Replied: a copy typed before this reply was posted with it (the form stays open for another reply until closed).
        Assert.True((await enterprise.GetDocument($"/filings/{id}")).QuerySelector($"#reply-form-{comment}")!.HasAttribute("data-saved-at"));

        // The think tank sees the reply and closes with its note, then reopens.
        var thinkTank = await app.SignedIn(h.Users["thinktank"]);
        var list = await thinkTank.GetDocument(path);
        Assert.Equal("待整改 1 条", list.QuerySelector("#awaiting-rectification")!.TextContent.Trim());
        Assert.Equal("已补充联网清单。", list.QuerySelector($"#comment-{comment} .comment-reply .comment-text")!.TextContent.Trim());
        Assert.Null(list.QuerySelector($"#reply-form-{comment}"));
        var ttToken = await PageClient.Token(thinkTank, path);
        Assert.Equal(HttpStatusCode.Redirect, (await thinkTank.PostAsync(path, Form(ttToken, "close", ("Close.CommentId", comment.ToString()), ("Close.Text", "已核实。")))).StatusCode);
        var closed = await thinkTank.GetDocument(path);
        Assert.Contains("已核实。", closed.QuerySelector($"#closed-{comment}")!.TextContent);
        Assert.Null(closed.QuerySelector("#awaiting-rectification"));
        Assert.Null((await enterprise.GetDocument($"/filings/{id}")).QuerySelector($"#reply-form-{comment}"));
        Assert.Equal(HttpStatusCode.Redirect, (await thinkTank.PostAsync(path, Form(ttToken, "reopen", ("Reopen.CommentId", comment.ToString())))).StatusCode);
        Assert.NotNull((await enterprise.GetDocument($"/filings/{id}")).QuerySelector($"#reply-form-{comment}"));
    }

    private async Task<Guid> RectifyAsync(string thinkTank, string type, Guid id)
    {
        var written = await (await app.As(thinkTank)).PostAsJsonAsync($"/api/supervision/{type}/{id}/comments", new { text = Asked, followUp = "rectify", rectifyBy = "2099-12-31" });
        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        return (await written.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<HttpResponseMessage> ReplyAsync(string user, Guid comment, string text) =>
        await (await app.As(user)).PostAsJsonAsync($"/api/supervision/comments/{comment}/replies", new { text });

    private async Task<HttpResponseMessage> CloseAsync(string user, Guid comment, string note) =>
        await (await app.As(user)).PostAsJsonAsync($"/api/supervision/comments/{comment}/close", new { note });

    private async Task<HttpResponseMessage> ReopenAsync(string user, Guid comment) =>
        await (await app.As(user)).PostAsync($"/api/supervision/comments/{comment}/reopen", null);

    private static JsonElement Single(JsonElement list) => Assert.Single(list.GetProperty("items").EnumerateArray());

    private static async Task<string?> TitleAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();

    /// <summary>A page's text as a reader sees it (the pages write Chinese as character references).</summary>
    private async Task<string> PageAsync(string user, string path) => WebUtility.HtmlDecode(await (await app.SignedIn(user)).GetStringAsync(path));

    private static FormUrlEncodedContent Form(string token, string handler, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), new("_handler", handler), .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]);
}

public sealed class RectificationTestsOnSqlite(SqliteApp app) : RectificationTests<SqliteApp>(app);

public sealed class RectificationTestsOnPostgres(PostgresApp app) : RectificationTests<PostgresApp>(app);
