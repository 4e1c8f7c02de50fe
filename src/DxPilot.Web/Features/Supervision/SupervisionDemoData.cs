using DxPilot.Domain.Accounts;
using DxPilot.Domain.Supervision;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Supervision;

/// <summary>
/// Development data for the think tank's supervision: hz-thinktank comments on two demo filings (one to watch, one to rectify, which
/// hz-provider answers) and rates
/// the Hangzhou demo provider and hz-enterprise; cc-thinktank rates the Changchun demo provider and cc-enterprise. Written through the
/// service as the think tank would. A think tank that has written anything is left alone: a second run adds nothing.
/// </summary>
public sealed class SupervisionDemoData(DxPilotDbContext db, SupervisionService supervision, UserManager<AppUser> users, CurrentActor current,
    ShownTime time, ILogger<SupervisionDemoData> logger)
{
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        await EnsureForAsync("hz-thinktank", "hz-provider", "hz-enterprise", comment: true, ct);
        await EnsureForAsync("cc-thinktank", "cc-provider", "cc-enterprise", comment: false, ct);
    }

    private async Task EnsureForAsync(string thinkTankLogin, string providerLogin, string enterpriseLogin, bool comment, CancellationToken ct)
    {
        if (await users.ActorAsync(thinkTankLogin) is not { } thinkTank || supervision.RulesOf(thinkTank) is not { } rules) return;
        if (await db.SupervisionComments.AnyAsync(c => c.AuthorUserId == thinkTank.UserId, ct)
            || await db.SupervisionRatings.AnyAsync(r => r.RaterUserId == thinkTank.UserId, ct)) return;
        current.Assume(thinkTank);
        if (comment)
        {
            var filings = await db.Filings.AsNoTracking().Where(f => f.ProgrammeId == thinkTank.ProgrammeId && f.SubmittedAt != null)
                .OrderBy(f => f.CreatedAt).Select(f => f.Id).Take(2).ToListAsync(ct);
            if (filings.Count > 0)
                Report("督导意见", await supervision.CommentAsync(thinkTank, FilingSubjects.Name, filings[0],
                    new CommentInput("项目实施方案中设备联网的范围和数量未写明，请服务商在合同附件中补充设备清单，便于后续验收核对。", FollowUp.Watch, null), ct));
            if (filings.Count > 1)
            {
                var rectify = await supervision.CommentAsync(thinkTank, FilingSubjects.Name, filings[1],
                    new CommentInput("合同金额与项目预期投入相差较大，请企业与服务商核对后说明差异原因。", FollowUp.Rectify, time.Today().AddDays(14)), ct);
                Report("督导意见", rectify);
                // The provider's answer, so that the rectification shows a reply waiting for the think tank to close it.
                if (rectify.IsOk && await users.ActorAsync(providerLogin) is { } replying)
                {
                    current.Assume(replying);
                    Report("整改回复", await supervision.ReplyAsync(replying, rectify.Value!.Id, "已与企业核对：合同另含三年运维服务费，差异原因已在合同附件中说明。", ct));
                    current.Assume(thinkTank);
                }
            }
        }
        if (await users.ActorAsync(providerLogin) is { OrganisationId: { } provider })
            Report("服务商评价", await supervision.RateAsync(thinkTank, RatedKind.Provider, provider,
                new RatingInput(Scores(rules.ProviderCriteria, 4), "按计划推进，诊断材料规范；进度报送偶有延迟。", null), ct));
        if (await users.ActorAsync(enterpriseLogin) is { EnterpriseId: { } enterprise })
            Report("企业评价", await supervision.RateAsync(thinkTank, RatedKind.Enterprise, enterprise,
                new RatingInput(Scores(rules.EnterpriseCriteria, 5), "配合积极，资料提供及时。", null), ct));
    }

    /// <summary>The same number of stars on every criterion (a points criterion gets the same share of 100).</summary>
    private static Dictionary<string, int?> Scores(IReadOnlyList<RatingCriterion> criteria, int stars) =>
        criteria.ToDictionary(c => c.Key, c => (int?)(c.Scale == RatingScales.Stars ? stars : stars * 20 - 5));

    private void Report<T>(string what, Outcome<T> outcome)
    {
        if (!outcome.IsOk) logger.LogWarning("演示数据：{What}未能保存：{Reason}", what, string.Join("；", [outcome.Message, .. outcome.Errors.Values]));
    }
}
