using System.Text.Json.Nodes;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Supervision;
using DxPilot.Domain.Tests.Support;

namespace DxPilot.Domain.Tests.Supervision;

/// <summary>
/// The programmes' think-tank criteria (config/programmes/*.json "supervision"): what the loader refuses with its JSON path, and the
/// rules a rating and a comment keep at their boundaries.
/// </summary>
public sealed class SupervisionRulesTests
{
    [Fact]
    public void Changchun_and_Hangzhou_define_criteria_and_the_provincial_call_none()
    {
        Assert.Equal(["progress", "quality", "compliance", "cooperation"], ProgrammeFiles.Changchun.Supervision!.ProviderCriteria.Select(c => c.Key));
        Assert.Equal(RatingScales.Points, ProgrammeFiles.Hangzhou.Supervision!.ProviderCriteria.Single(c => c.Key == "quality").Scale);
        Assert.Null(ProgrammeFiles.Heilongjiang.Supervision);
    }

    public static TheoryData<string, string, string> Broken => new()
    {
        { "providerCriteria[1].key", "", "$.supervision.providerCriteria[1].key" },
        { "providerCriteria[0].key", "进度", "$.supervision.providerCriteria[0].key" },
        { "providerCriteria[0].scale", "1-10", "$.supervision.providerCriteria[0].scale" },
        { "enterpriseCriteria[2].name", " ", "$.supervision.enterpriseCriteria[2].name" },
        { "providerCriteria[1].key", "progress", "$.supervision.providerCriteria" },
        { "source", "", "$.supervision.source" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void The_loader_refuses_a_broken_criterion_naming_its_place(string where, string value, string path)
    {
        var json = JsonNode.Parse(ProgrammeFiles.Text("changchun-2025.json"))!;
        var node = json["supervision"]!;
        var parts = where.Split('.');
        var holder = parts[0].Contains('[')
            ? node[parts[0][..parts[0].IndexOf('[')]]![int.Parse(parts[0][(parts[0].IndexOf('[') + 1)..^1])]!
            : node;
        holder[parts[^1]] = value;
        var problems = ProgrammeFiles.Parse(json.ToJsonString()).Problems().ToList();
        var problem = Assert.Single(problems, p => p.Path == path);
        Assert.True(Chinese.IsChinese(problem.Reason), problem.Reason);
    }

    [Fact]
    public void An_empty_list_of_criteria_is_refused()
    {
        var json = JsonNode.Parse(ProgrammeFiles.Text("hangzhou-2024.json"))!;
        json["supervision"]!["enterpriseCriteria"] = new JsonArray();
        Assert.Contains(ProgrammeFiles.Parse(json.ToJsonString()).Problems(), p => p is ("$.supervision.enterpriseCriteria", "至少需要一项评价指标"));
    }

    [Fact]
    public void A_rating_scores_every_criterion_within_its_scale_and_nothing_else()
    {
        var criteria = ProgrammeFiles.Hangzhou.Supervision!.ProviderCriteria; // progress ★, quality 0-100, cooperation ★
        Assert.Empty(SupervisionRating.Check(criteria, new Dictionary<string, int?> { ["progress"] = 1, ["quality"] = 0, ["cooperation"] = 5 }, null));
        Assert.Empty(SupervisionRating.Check(criteria, new Dictionary<string, int?> { ["progress"] = 5, ["quality"] = 100, ["cooperation"] = 1 }, new string('好', 500)));
        var errors = SupervisionRating.Check(criteria,
            new Dictionary<string, int?> { ["progress"] = 0, ["quality"] = 101, ["speed"] = 3 }, new string('好', 501));
        Assert.Equal("“进度按时”的评分应在1到5之间，现为0", errors["progress"]);
        Assert.Equal("“服务质量”的评分应在0到100之间，现为101", errors["quality"]);
        Assert.Equal("请为“配合监督”评分（1-5星）", errors["cooperation"]);
        Assert.Equal("本试点没有“speed”这项评价指标", errors["speed"]);
        Assert.Equal("评价说明不超过500字，现为501字", errors["remark"]);
    }

    [Fact]
    public void The_overall_score_is_the_mean_on_the_common_scale()
    {
        var criteria = ProgrammeFiles.Hangzhou.Supervision!.ProviderCriteria;
        var thinkTank = new Actor("tt", "智库", Role.ThinkTank, "hangzhou-2024");
        var rating = SupervisionRating.Rate(thinkTank, null, RatedKind.Provider, Guid.NewGuid(), criteria,
            new Dictionary<string, int?> { ["progress"] = 4, ["quality"] = 75, ["cooperation"] = 3 }, null, DateTime.UtcNow);
        // 4★ = 80, 75 points, 3★ = 60.
        Assert.Equal((80 + 75 + 60) / 3.0, rating.Overall, 6);
    }

    [Fact]
    public void A_comment_needs_text_within_the_limit_and_a_future_deadline_only_for_a_rectification()
    {
        var thinkTank = new Actor("tt", "智库", Role.ThinkTank, "changchun-2025");
        var subject = new SupervisedSubject("filing", Guid.NewGuid(), Guid.NewGuid(), "朝阳区", null, "改造项目备案", "/filings/x", true);
        var today = new DateOnly(2025, 7, 16);
        SupervisionComment? Write(string text, FollowUp f = FollowUp.None, DateOnly? by = null) =>
            SupervisionComment.Write(thinkTank, null, subject, text, f, by, today, DateTime.UtcNow).Comment;
        IReadOnlyDictionary<string, string> Errors(string text, FollowUp f = FollowUp.None, DateOnly? by = null) =>
            SupervisionComment.Write(thinkTank, null, subject, text, f, by, today, DateTime.UtcNow).Errors;

        Assert.NotNull(Write(new string('督', SupervisionComment.MaxCharacters)));
        Assert.Equal("督导意见不超过2000字，现为2001字", Errors(new string('督', 2001))["text"]);
        Assert.Equal("请填写督导意见", Errors(" \n ")["text"]);
        Assert.Equal("督导意见含有不可见的控制字符，请删除后再保存", Errors("请补充\u0007材料")["text"]);
        Assert.NotNull(Write("请整改", FollowUp.Rectify, today));
        Assert.Equal("整改期限不能早于今天", Errors("请整改", FollowUp.Rectify, today.AddDays(-1))["rectifyBy"]);
        Assert.Equal("需整改的意见须写明整改期限", Errors("请整改", FollowUp.Rectify)["rectifyBy"]);
        Assert.Equal("只有需整改的意见才填写整改期限", Errors("请关注", FollowUp.Watch, today)["rectifyBy"]);
    }

    [Fact]
    public void Only_the_author_withdraws_its_comment_and_only_once()
    {
        var author = new Actor("tt1", "智库甲", Role.ThinkTank, "changchun-2025");
        var other = author with { UserId = "tt2", Name = "智库乙" };
        var subject = new SupervisedSubject("diagnosis", Guid.NewGuid(), Guid.NewGuid(), "朝阳区", Guid.NewGuid(), "咨询诊断", "/diagnoses/x", false);
        var comment = SupervisionComment.Write(author, null, subject, "请按时报送进展", FollowUp.Watch, null, new DateOnly(2025, 7, 16), DateTime.UtcNow).Comment!;
        Assert.Equal("只能撤回本人填写的督导意见", comment.Withdraw(other, DateTime.UtcNow));
        Assert.Null(comment.Withdraw(author, DateTime.UtcNow));
        Assert.Equal("该督导意见已撤回", comment.Withdraw(author, DateTime.UtcNow));
    }

    [Fact]
    public void A_rectification_is_answered_by_the_party_responsible_closed_with_a_note_by_a_supervisor_and_reopened()
    {
        var (provider, enterprise) = (Guid.NewGuid(), Guid.NewGuid());
        var thinkTank = new Actor("tt", "智库", Role.ThinkTank, "changchun-2025");
        var city = new Actor("city", "市工信局", Role.CityBureau, "changchun-2025");
        var district = new Actor("cy", "朝阳区工信局", Role.DistrictBureau, "changchun-2025", District: "朝阳区");
        var theProvider = new Actor("p", "服务商", Role.ServiceProvider, "changchun-2025", OrganisationId: provider);
        var otherProvider = theProvider with { UserId = "p2", OrganisationId = Guid.NewGuid() };
        var theEnterprise = new Actor("e", "企业", Role.Enterprise, "changchun-2025", EnterpriseId: enterprise);
        var filing = new SupervisedSubject("filing", Guid.NewGuid(), enterprise, "朝阳区", provider, "改造项目备案", "/filings/x", true);
        var diagnosis = filing with { Type = "diagnosis", EnterpriseResponds = false };
        var today = new DateOnly(2025, 7, 16);
        SupervisionComment On(SupervisedSubject s, FollowUp f = FollowUp.Rectify) =>
            SupervisionComment.Write(thinkTank, null, s, "请补充设备联网清单", f, f == FollowUp.Rectify ? today : null, today, DateTime.UtcNow).Comment!;

        // Who answers: on a filing the enterprise and its provider; on a diagnosis the provider alone.
        var onFiling = On(filing);
        Assert.Null(SupervisionPolicy.Reply(theEnterprise, onFiling, filing));
        Assert.Null(SupervisionPolicy.Reply(theProvider, onFiling, filing));
        Assert.Equal("整改回复由企业或为其服务的服务商填写", SupervisionPolicy.Reply(otherProvider, onFiling, filing));
        Assert.Equal("整改回复由企业或为其服务的服务商填写", SupervisionPolicy.Reply(district, onFiling, filing));
        var onDiagnosis = On(diagnosis);
        Assert.Equal("整改回复由负责诊断的服务商填写", SupervisionPolicy.Reply(theEnterprise, onDiagnosis, diagnosis));
        Assert.Null(SupervisionPolicy.Reply(theProvider, onDiagnosis, diagnosis));
        // Who closes: the think tank and the city.
        Assert.Null(SupervisionPolicy.Close(thinkTank));
        Assert.Null(SupervisionPolicy.Close(city));
        foreach (var a in new[] { district, theEnterprise, theProvider })
            Assert.Equal("只有第三方智库或市级工信主管部门可以关闭或重新打开整改意见", SupervisionPolicy.Close(a));

        // Only a 需整改 comment takes a reply or a closing.
        var watched = On(filing, FollowUp.Watch);
        Assert.Equal("只有需整改的督导意见需要回复", watched.ReplyRefused());
        Assert.Equal("只有需整改的督导意见需要关闭", watched.CloseRefused());
        Assert.False(watched.AwaitsRectification);

        // A reply needs text; it leaves the comment open.
        Assert.Equal("请填写整改回复", onFiling.Answer(theEnterprise, null, "  ", DateTime.UtcNow).Errors["text"]);
        Assert.Equal("整改回复不超过2000字，现为2001字", onFiling.Answer(theEnterprise, null, new string('改', 2001), DateTime.UtcNow).Errors["text"]);
        var (reply, _) = onFiling.Answer(theEnterprise, null, "已补充38台设备的联网清单", DateTime.UtcNow);
        Assert.Equal(onFiling.Id, reply!.CommentId);
        Assert.True(onFiling.AwaitsRectification);

        // Closing needs a note; closed, it takes no reply and no second closing; reopened, it waits again.
        Assert.Equal("请填写关闭说明", onFiling.Close(thinkTank, "", DateTime.UtcNow));
        Assert.Equal("关闭说明不超过500字，现为501字", onFiling.Close(thinkTank, new string('核', 501), DateTime.UtcNow));
        Assert.Equal("该整改意见尚未关闭，无需重新打开", onFiling.ReopenRefused());
        Assert.Null(onFiling.Close(thinkTank, "清单已核实", DateTime.UtcNow));
        Assert.False(onFiling.AwaitsRectification);
        Assert.Equal(("智库", "清单已核实"), (onFiling.ClosedBy, onFiling.ClosingNote));
        Assert.Equal("该整改意见已关闭，不能再回复；如需继续整改，请第三方智库重新打开", onFiling.ReplyRefused());
        Assert.Equal("该整改意见已关闭", onFiling.CloseRefused());
        Assert.Throws<InvalidOperationException>(() => onFiling.Answer(theEnterprise, null, "再补充", DateTime.UtcNow));
        onFiling.Reopen();
        Assert.True(onFiling.AwaitsRectification);
        Assert.Null(onFiling.ClosingNote);
    }
}
