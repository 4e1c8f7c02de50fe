using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Awards;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;
using DxPilot.Web.Features.Platform;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Awards;

/// <summary>One SME as the lead enterprise names it.</summary>
public sealed record NamedSme(string? Uscc, string? Name);

/// <summary>An invitation as the SME reads it: who names it, in which case, and whether it may still answer.</summary>
public sealed record InvitationRow(Guid Id, Guid ApplicationId, string LeadName, string? CaseName, string CallTitle, DrivenAnswer Answer, bool Open, int Version);

/// <summary>One SME of a case as the lead and the reviewers read it: its answer and whether an enterprise with its USCC is registered in
/// the programme (<see cref="AwardInvitation.Standing"/>); the code only for the lead, who passes it on.</summary>
public sealed record SmeStanding(Guid Id, string Uscc, string Name, DrivenAnswer Answer, bool Registered, string Standing, string? Code);

/// <summary>
/// 链式: the lead enterprise names the SMEs it drove (while its case is a draft or returned), each SME answers in its own account —
/// found by its USCC, or by the invitation code the lead passed on — and submission counts the confirmed ones.
/// </summary>
public sealed partial class AwardService
{
    public const int MaxNamedSmes = 200;

    public async Task<Outcome<IReadOnlyList<AwardInvitation>>> NameSmesAsync(Actor actor, Guid id, IReadOnlyList<NamedSme> smes, int version, CancellationToken ct = default)
    {
        var application = await InScope(actor).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null || calls.Find(application.CallId) is not { ChainCase: not null }) return Outcome<IReadOnlyList<AwardInvitation>>.NotFound();
        if (AwardPolicy.Edit(actor, application) is { } why)
            return application.IsEditable ? Outcome<IReadOnlyList<AwardInvitation>>.Forbidden(why) : Outcome<IReadOnlyList<AwardInvitation>>.Conflict(why);
        var own = await db.Enterprises.Where(e => e.Id == application.EnterpriseId).Select(e => e.Uscc).FirstAsync(ct);
        var errors = new Dictionary<string, string>();
        if (smes.Count > MaxNamedSmes) errors["smes"] = $"最多列出{MaxNamedSmes}家企业";
        var named = new List<(string Uscc, string Name)>();
        for (var i = 0; i < smes.Count && i < MaxNamedSmes; i++)
        {
            var name = smes[i].Name?.Trim();
            if (!Uscc.TryParse(smes[i].Uscc, out var uscc, out var problem)) errors[$"smes[{i}].uscc"] = $"第{i + 1}家：{problem}";
            else if (uscc.Value.Value == own) errors[$"smes[{i}].uscc"] = $"第{i + 1}家：带动的中小企业不能包括申报企业自身";
            else if (named.Any(n => n.Uscc == uscc.Value.Value)) errors[$"smes[{i}].uscc"] = $"第{i + 1}家：统一社会信用代码{uscc.Value.Value}已列出";
            if (string.IsNullOrEmpty(name)) errors[$"smes[{i}].name"] = $"第{i + 1}家：请填写企业名称";
            else if (ChineseText.CountCharacters(name) > 100 || ControlCharacters.In(name)) errors[$"smes[{i}].name"] = $"第{i + 1}家：企业名称不超过100字，且不能含控制字符";
            if (uscc is { } u && !errors.ContainsKey($"smes[{i}].uscc") && name is { Length: > 0 }) named.Add((u.Value, name));
        }
        if (errors.Count > 0) return Outcome<IReadOnlyList<AwardInvitation>>.Invalid(errors);
        if (application.Version != version)
            return Outcome<IReadOnlyList<AwardInvitation>>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<AwardApplication>(id), What, ct));
        saving.Expect(application, version);
        var existing = await db.AwardInvitations.Where(x => x.ApplicationId == id).ToListAsync(ct);
        // Those still named keep their answers; those dropped go; the new ones are asked.
        db.AwardInvitations.RemoveRange(existing.Where(x => named.All(n => n.Uscc != x.Uscc)));
        foreach (var (uscc, name) in named)
        {
            if (existing.FirstOrDefault(x => x.Uscc == uscc) is { } kept) { if (kept.Name != name) kept.Rename(name); }
            else db.AwardInvitations.Add(AwardInvitation.Invite(application, uscc, name, Now()));
        }
        application.Touch(Now());
        var saved = await saving.SaveAsync(application, What, () => true, ct);
        if (saved.Kind != OutcomeKind.Ok) return Outcome<IReadOnlyList<AwardInvitation>>.Conflict(saved.Message!);
        return Outcome<IReadOnlyList<AwardInvitation>>.Ok(await InvitationsOfAsync(id, ct));
    }

    /// <summary>The SMEs a case names, each with its standing: 未注册（待区县登记）, 待确认, 已确认 or 已拒绝.</summary>
    public async Task<Outcome<IReadOnlyList<SmeStanding>>> SmesAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        var application = await InScope(actor).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (application is null || calls.Find(application.CallId) is not { ChainCase: not null }) return Outcome<IReadOnlyList<SmeStanding>>.NotFound();
        var named = await InvitationsOfAsync(id, ct);
        var usccs = named.Select(x => x.Uscc).ToList();
        var registered = (await db.Enterprises.Where(e => e.ProgrammeId == application.ProgrammeId && e.Uscc != null && usccs.Contains(e.Uscc))
            .Select(e => e.Uscc!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var lead = actor.EnterpriseId == application.EnterpriseId;
        return Outcome<IReadOnlyList<SmeStanding>>.Ok(named.Select(x => new SmeStanding(x.Id, x.Uscc, x.Name, x.Answer, registered.Contains(x.Uscc),
            AwardInvitation.Standing(x.Answer, registered.Contains(x.Uscc)), lead ? x.Code : null)).ToList());
    }

    public Task<List<AwardInvitation>> InvitationsOfAsync(Guid applicationId, CancellationToken ct) =>
        db.AwardInvitations.AsNoTracking().Where(x => x.ApplicationId == applicationId).OrderBy(x => x.CreatedAt).ThenBy(x => x.Uscc).ToListAsync(ct);

    /// <summary>The invitations naming the signed-in enterprise (by its USCC), or the one a code names when it is the enterprise's.</summary>
    public async Task<Outcome<IReadOnlyList<InvitationRow>>> MyInvitationsAsync(Actor actor, string? code, CancellationToken ct = default)
    {
        if (actor.Role != Role.Enterprise || await OwnUsccAsync(actor, ct) is not { } uscc) return Outcome<IReadOnlyList<InvitationRow>>.Ok([]);
        var q = db.AwardInvitations.AsNoTracking().Where(x => x.ProgrammeId == actor.ProgrammeId && x.Uscc == uscc);
        if (!string.IsNullOrWhiteSpace(code))
        {
            // A code is 8 letters and digits; anything else (a NUL PostgreSQL refuses in a text) names no invitation.
            var wanted = code.Trim().ToUpperInvariant();
            if (wanted.Length != 8 || !wanted.All(char.IsAsciiLetterOrDigit)) return Outcome<IReadOnlyList<InvitationRow>>.Ok([]);
            q = q.Where(x => x.Code == wanted);
        }
        var rows = await (from x in q
                          join a in db.AwardApplications on x.ApplicationId equals a.Id
                          join e in db.Enterprises on a.EnterpriseId equals e.Id
                          orderby x.CreatedAt descending
                          select new { x, a, e.Name }).ToListAsync(ct);
        return Outcome<IReadOnlyList<InvitationRow>>.Ok(rows.Select(r => new InvitationRow(r.x.Id, r.a.Id, r.Name,
            r.a.Content.TextOf("chain")["name"], calls.Find(r.a.CallId)?.Title ?? "", r.x.Answer, r.a.IsEditable, r.x.Version)).ToList());
    }

    /// <summary>确认 or 不确认: only the SME named (its USCC), while the case may still change.</summary>
    public async Task<Outcome<AwardInvitation>> AnswerAsync(Actor actor, Guid invitationId, bool confirmed, int version, CancellationToken ct = default)
    {
        var uscc = actor.Role == Role.Enterprise ? await OwnUsccAsync(actor, ct) : null;
        var invitation = uscc is null ? null
            : await db.AwardInvitations.FirstOrDefaultAsync(x => x.Id == invitationId && x.ProgrammeId == actor.ProgrammeId && x.Uscc == uscc, ct);
        if (invitation is null) return Outcome<AwardInvitation>.NotFound();
        var application = await db.AwardApplications.AsNoTracking().FirstAsync(a => a.Id == invitation.ApplicationId, ct);
        if (!application.IsEditable) return Outcome<AwardInvitation>.Conflict("该案例已提交，不能再更改确认");
        if (invitation.Version != version)
            return Outcome<AwardInvitation>.Conflict(await saving.StaleMessageAsync(AuditKey.Of<AwardInvitation>(invitationId), "确认", ct));
        saving.Expect(invitation, version);
        invitation.Reply(confirmed, actor.Name, Now());
        return await saving.SaveAsync(invitation, "确认", () => invitation, ct);
    }

    private Task<string?> OwnUsccAsync(Actor actor, CancellationToken ct) =>
        db.Enterprises.Where(e => e.Id == actor.EnterpriseId).Select(e => e.Uscc).FirstOrDefaultAsync(ct);
}
