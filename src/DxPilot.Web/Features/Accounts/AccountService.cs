using System.Security.Claims;
using System.Text.RegularExpressions;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Organisations;
using DxPilot.Domain.Text;
using DxPilot.Infrastructure.Accounts;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Programmes;
using DxPilot.Web.Features.Enterprises;
using DxPilot.Web.Features.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Accounts;

/// <summary>
/// Sign-in accounts: a bureau lists, creates, resets, disables and enables the accounts in its scope (<see cref="AccountPolicy"/>),
/// and everyone changes their own password. Each change and its audit entry are saved in one transaction; issued
/// passwords are returned once and kept nowhere but as Identity's hash.
/// </summary>
public sealed partial class AccountService(DxPilotDbContext db, UserManager<AppUser> users, EnterpriseService enterprises,
    ProgrammeCatalog programmes, AuditLog audit, TimeProvider clock)
{
    /// <summary>Hashing a password takes tens of milliseconds; a batch stays within a request's patience.</summary>
    public const int BatchLimit = 200;

    private const string Subject = "Account";

    /// <summary>The accounts a bureau administers; mirrors <see cref="AccountPolicy.InScope"/>.</summary>
    private IQueryable<AppUser> InScope(Actor a)
    {
        if (AccountPolicy.Manage(a) is not null) return db.Users.Where(u => false);
        var q = db.Users.Where(u => u.ProgrammeId == a.ProgrammeId);
        return a.Role == Role.CityBureau
            ? q
            : q.Where(u => u.Role == Role.Enterprise && db.Enterprises.Any(e => e.Id == u.EnterpriseId && e.District == a.District));
    }

    public async Task<Outcome<Page<AccountRow>>> ListAsync(Actor actor, AccountQuery query, CancellationToken ct = default)
    {
        if (AccountPolicy.Manage(actor) is { } refused) return Outcome<Page<AccountRow>>.Forbidden(refused);
        var q = InScope(actor);
        var search = QueryValue.Folded(Clean(query.Search));
        if (search.Length > 0)
            q = q.Where(u => u.UserName!.ToLower().Contains(search) || u.DisplayName.ToLower().Contains(search)
                             || db.Enterprises.Any(e => e.Id == u.EnterpriseId && e.Name.ToLower().Contains(search))
                             || db.Organisations.Any(o => o.Id == u.OrganisationId && o.Name.ToLower().Contains(search)));
        if (query.Role is { } role) q = q.Where(u => u.Role == role);
        var size = Math.Clamp(query.PageSize, 10, 100);
        var total = await q.CountAsync(ct);
        var page = Paging.Clamp(query.PageNumber, total, size);
        var rows = await Rows(q.OrderBy(u => u.UserName).Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return Outcome<Page<AccountRow>>.Ok(new Page<AccountRow>(rows.Select(Row).ToList(), total, page, size));
    }

    public async Task<Outcome<AccountRow>> FindAsync(Actor actor, string id, CancellationToken ct = default)
    {
        if (AccountPolicy.Manage(actor) is { } refused) return Outcome<AccountRow>.Forbidden(refused);
        var row = await Rows(InScope(actor).Where(u => u.Id == id)).FirstOrDefaultAsync(ct);
        return row is null ? Outcome<AccountRow>.NotFound() : Outcome<AccountRow>.Ok(Row(row));
    }

    /// <summary>One account: its role and reach as the form says, a one-time password.</summary>
    public async Task<Outcome<IssuedBatch>> CreateAsync(Actor actor, NewAccountForm form, CancellationToken ct = default)
    {
        if (AccountPolicy.Manage(actor) is { } refused) return Outcome<IssuedBatch>.Forbidden(refused);
        var errors = new Dictionary<string, string>();
        var creatable = AccountPolicy.CreatableRoles(actor);
        Role? role = Enum.TryParse<Role>(form.Role, out var r) && Enum.IsDefined(r) && creatable.Contains(r) ? r : null;
        if (role is null) errors["Role"] = "请选择账号类型";
        var displayName = Clean(form.DisplayName);
        if (displayName.Length == 0) errors["DisplayName"] = "请填写名称（单位或姓名）";
        else if (displayName.Length > 100) errors["DisplayName"] = "名称不超过100个字";
        else if (ControlCharacters.In(form.DisplayName)) errors["DisplayName"] = ControlCharacters.Message("名称");
        var userName = form.UserName?.Trim() ?? "";
        if (!LoginName().IsMatch(userName)) errors["UserName"] = "登录名为3至64位字母、数字或 - . _ @";
        else if (await users.FindByNameAsync(userName) is not null) errors["UserName"] = $"登录名“{userName}”已被使用，请换一个";

        var programme = programmes.Get(actor.ProgrammeId);
        string? district = null;
        Enterprise? enterprise = null;
        Organisation? organisation = null;
        switch (role)
        {
            case Role.DistrictBureau:
                district = form.District?.Trim();
                if (district is null || !programme.HasDistrict(district)) errors["District"] = $"请选择{programme.RoleLabel(Role.DistrictBureau)}所在的县（市、区）";
                break;
            case Role.Enterprise:
                var typed = Clean(form.Enterprise);
                var uscc = Uscc.Normalise(typed);
                enterprise = typed.Length == 0 ? null
                    : await enterprises.InScope(actor).FirstOrDefaultAsync(e => e.Uscc == uscc || e.Name == typed, ct);
                if (enterprise is null) errors["Enterprise"] = "在您的辖区内找不到该企业，请填写企业档案中的企业名称或统一社会信用代码";
                else if (await db.Users.Where(u => u.EnterpriseId == enterprise.Id).Select(u => u.UserName).FirstOrDefaultAsync(ct) is { } existing)
                    errors["Enterprise"] = $"该企业已有登录账号“{existing}”；如忘记密码，请在账号列表中重置";
                district = enterprise?.District;
                break;
            case Role.ServiceProvider or Role.EvaluationAgency or Role.AuditFirm or Role.ThinkTank:
                var kind = Enum.GetValues<OrganisationKind>().Single(k => k.AccountRole() == role.Value);
                organisation = Guid.TryParse(form.OrganisationId, out var orgId)
                    ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == orgId && o.ProgrammeId == actor.ProgrammeId && o.Kind == kind, ct)
                    : null;
                if (organisation is null) errors["OrganisationId"] = "请选择所属机构";
                break;
            case Role.Expert when !string.IsNullOrWhiteSpace(form.OrganisationId):
                // An expert's employer, of any kind, is what the conflict-of-interest check of filings compares; experts without one in the register leave it empty.
                organisation = Guid.TryParse(form.OrganisationId, out var employerId)
                    ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == employerId && o.ProgrammeId == actor.ProgrammeId, ct)
                    : null;
                if (organisation is null) errors["OrganisationId"] = "找不到所选的所在单位，请从列表中选择或不填";
                break;
        }
        if (errors.Count > 0) return Outcome<IssuedBatch>.Invalid(errors);
        if (AccountPolicy.Create(actor, new AccountScope(actor.ProgrammeId, role!.Value, district)) is { } notYours)
            return Outcome<IssuedBatch>.Forbidden(notYours);

        var account = new AppUser
        {
            UserName = userName, DisplayName = displayName, Role = role.Value, ProgrammeId = actor.ProgrammeId,
            District = role == Role.DistrictBureau ? district : null, EnterpriseId = enterprise?.Id, OrganisationId = organisation?.Id,
            EmailConfirmed = true,
        };
        var issued = await IssueNewAsync(account, Reach(programme.RoleLabel(account.Role), enterprise?.Name ?? organisation?.Name ?? district), ct);
        if (issued.Error is { } error) return Outcome<IssuedBatch>.Invalid(new Dictionary<string, string> { ["UserName"] = error });
        return Outcome<IssuedBatch>.Ok(Batch(actor, [issued.Password!], []));
    }

    /// <summary>How many enterprises in scope (and in <paramref name="district"/>, when given) have no account yet.</summary>
    public Task<int> WithoutAccountAsync(Actor actor, string? district, CancellationToken ct = default) =>
        EnterprisesWithoutAccount(actor, district).CountAsync(ct);

    /// <summary>An account for every enterprise in scope that has none, up to <see cref="BatchLimit"/>: the login is the
    /// enterprise's USCC, or "qy-" and the start of its file number while the USCC is 待补充.</summary>
    public async Task<Outcome<IssuedBatch>> CreateForEnterprisesAsync(Actor actor, string? district, CancellationToken ct = default)
    {
        var programme = programmes.Get(actor.ProgrammeId);
        district = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        if (district is not null && !programme.HasDistrict(district))
            return Outcome<IssuedBatch>.Invalid(new Dictionary<string, string> { ["District"] = "请选择试点内的县（市、区）" });
        if (AccountPolicy.Create(actor, new AccountScope(actor.ProgrammeId, Role.Enterprise, district ?? actor.District)) is { } refused)
            return Outcome<IssuedBatch>.Forbidden(refused);
        var pending = await EnterprisesWithoutAccount(actor, district).OrderBy(e => e.District).ThenBy(e => e.Name).Take(BatchLimit)
            .Select(e => new { e.Id, e.Name, e.Uscc, e.District }).ToListAsync(ct);
        var issued = new List<IssuedPassword>();
        var refusedRows = new List<string>();
        foreach (var e in pending)
        {
            var login = e.Uscc ?? "qy-" + e.Id.ToString("N")[^10..];
            if (await users.FindByNameAsync(login) is not null)
            {
                refusedRows.Add($"{e.Name}：登录名“{login}”已被其他账号使用，请为该企业单独创建账号并另选登录名");
                continue;
            }
            var account = new AppUser
            {
                UserName = login, DisplayName = e.Name, Role = Role.Enterprise, ProgrammeId = actor.ProgrammeId, EnterpriseId = e.Id, EmailConfirmed = true,
            };
            var one = await IssueNewAsync(account, Reach(programme.RoleLabel(Role.Enterprise), e.District), ct);
            if (one.Error is { } error) refusedRows.Add($"{e.Name}：{error}");
            else issued.Add(one.Password!);
        }
        return Outcome<IssuedBatch>.Ok(Batch(actor, issued, refusedRows));
    }

    /// <summary>A new one-time password for an account in scope; its sessions end, a temporary lockout is lifted.</summary>
    public async Task<Outcome<IssuedBatch>> ResetPasswordAsync(Actor actor, string id, CancellationToken ct = default)
    {
        var (found, account, row) = await AdministeredAsync(actor, id, ct);
        if (found is not null) return new Outcome<IssuedBatch>(found.Kind, null, found.Errors, found.Message);
        if (AccountPolicy.Reset(actor, await ScopeOf(account!, ct), account!.Id) is { } refused) return Outcome<IssuedBatch>.Forbidden(refused);
        var password = InitialPasswords.Generate();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var reset = await users.ResetPasswordAsync(account!, await users.GeneratePasswordResetTokenAsync(account!), password);
        if (!reset.Succeeded) return Outcome<IssuedBatch>.Conflict(string.Join("；", reset.Errors.Select(e => e.Description)));
        if (!account!.IsDisabled) await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        if (row!.Status != AccountStatus.MustChangePassword) await users.AddClaimAsync(account, MustChange);
        await audit.RecordAsync(AuditAction.PasswordReset, account.ProgrammeId, new AuditKey(Subject, account.Id), account.UserName, ct: ct);
        await tx.CommitAsync(ct);
        var label = programmes.Get(account.ProgrammeId).RoleLabel(account.Role);
        return Outcome<IssuedBatch>.Ok(Batch(actor, [new IssuedPassword(account.UserName!, account.DisplayName, Reach(label, row.Reach), password)], []));
    }

    /// <summary>Disables (every session ends, no sign-in) or enables an account in scope.</summary>
    public async Task<Outcome<AccountRow>> SetDisabledAsync(Actor actor, string id, bool disabled, CancellationToken ct = default)
    {
        var (found, account, _) = await AdministeredAsync(actor, id, ct);
        if (found is not null) return found;
        if (disabled && AccountPolicy.Disable(actor, await ScopeOf(account!, ct), account!.Id) is { } refused) return Outcome<AccountRow>.Forbidden(refused);
        if (account!.IsDisabled == disabled) return await FindAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await users.SetLockoutEndDateAsync(account, disabled ? AppUser.DisabledUntil : null);
        await users.ResetAccessFailedCountAsync(account);
        if (disabled) await users.UpdateSecurityStampAsync(account);
        await audit.RecordAsync(disabled ? AuditAction.AccountDisabled : AuditAction.AccountEnabled, account.ProgrammeId,
            new AuditKey(Subject, account.Id), account.UserName, ct: ct);
        await tx.CommitAsync(ct);
        return await FindAsync(actor, id, ct);
    }

    /// <summary>The signed-in user's own password: the current one, the new one twice. A wrong current password counts
    /// towards the lockout, as at sign-in, so that a borrowed session cannot guess it.</summary>
    public async Task<Outcome<AppUser>> ChangeOwnPasswordAsync(Actor actor, string? current, string? next, string? again, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrEmpty(current)) errors["Current"] = "请填写当前密码";
        if (string.IsNullOrEmpty(next)) errors["New"] = "请填写新密码";
        else if (next != again) errors["Again"] = "两次输入的新密码不一致";
        else if (next == current) errors["New"] = "新密码不能与当前密码相同";
        if (errors.Count > 0) return Outcome<AppUser>.Invalid(errors);
        if (await users.FindByIdAsync(actor.UserId) is not { } account) return Outcome<AppUser>.NotFound();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var changed = await users.ChangePasswordAsync(account, current!, next!);
        if (!changed.Succeeded)
        {
            if (changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(account);
                await tx.CommitAsync(ct);
                return Outcome<AppUser>.Invalid(new Dictionary<string, string> { ["Current"] = "当前密码不正确" });
            }
            return Outcome<AppUser>.Invalid(new Dictionary<string, string> { ["New"] = string.Join("；", changed.Errors.Select(e => e.Description)) });
        }
        await users.RemoveClaimAsync(account, MustChange);
        await audit.RecordAsync(AuditAction.PasswordChanged, account.ProgrammeId, new AuditKey(Subject, account.Id), ct: ct);
        await tx.CommitAsync(ct);
        return Outcome<AppUser>.Ok(account);
    }

    private static readonly Claim MustChange = new(AppUser.MustChangePasswordClaim, "true");

    private IQueryable<Enterprise> EnterprisesWithoutAccount(Actor actor, string? district)
    {
        var q = enterprises.InScope(actor).Where(e => !db.Users.Any(u => u.EnterpriseId == e.Id));
        return district is null ? q : q.Where(e => e.District == district);
    }

    /// <summary>Creates the account with a fresh one-time password and its audit entry, together or not at all.</summary>
    private async Task<(IssuedPassword? Password, string? Error)> IssueNewAsync(AppUser account, string reach, CancellationToken ct)
    {
        var password = InitialPasswords.Generate();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded) return (null, string.Join("；", created.Errors.Select(e => e.Description)));
        await users.AddClaimAsync(account, MustChange);
        await audit.RecordAsync(AuditAction.AccountCreated, account.ProgrammeId, new AuditKey(Subject, account.Id), $"{account.UserName}（{reach}）", ct: ct);
        await tx.CommitAsync(ct);
        return (new IssuedPassword(account.UserName!, account.DisplayName, reach, password), null);
    }

    /// <summary>The account when this actor may administer it; otherwise why not (404 out of scope, never saying what exists).</summary>
    private async Task<(Outcome<AccountRow>? Refused, AppUser? Account, AccountRow? Row)> AdministeredAsync(Actor actor, string id, CancellationToken ct)
    {
        var found = await FindAsync(actor, id, ct);
        if (!found.IsOk) return (found, null, null);
        var account = await users.FindByIdAsync(id);
        if (account is null) return (Outcome<AccountRow>.NotFound(), null, null);
        if (AccountPolicy.Administer(actor, await ScopeOf(account, ct)) is { } refused) return (Outcome<AccountRow>.Forbidden(refused), null, null);
        return (null, account, found.Value);
    }

    private async Task<AccountScope> ScopeOf(AppUser account, CancellationToken ct) =>
        account.Scope(account.EnterpriseId is { } e ? await db.Enterprises.Where(x => x.Id == e).Select(x => x.District).FirstOrDefaultAsync(ct) : null);

    private IssuedBatch Batch(Actor actor, IReadOnlyList<IssuedPassword> issued, IReadOnlyList<string> refused) =>
        new(Guid.NewGuid(), actor.UserId, clock.GetUtcNow().UtcDateTime, issued, refused);

    private static string Reach(string roleLabel, string? where) => where is null ? roleLabel : $"{roleLabel} · {where}";

    private sealed record Projected(string Id, string UserName, string DisplayName, Role Role, string? District, string? EnterpriseName,
        string? EnterpriseDistrict, string? OrganisationName, DateTimeOffset? LockoutEnd, bool MustChange);

    private IQueryable<Projected> Rows(IQueryable<AppUser> q) => q.Select(u => new Projected(
        u.Id, u.UserName!, u.DisplayName, u.Role, u.District,
        db.Enterprises.Where(e => e.Id == u.EnterpriseId).Select(e => e.Name).FirstOrDefault(),
        db.Enterprises.Where(e => e.Id == u.EnterpriseId).Select(e => e.District).FirstOrDefault(),
        db.Organisations.Where(o => o.Id == u.OrganisationId).Select(o => o.Name).FirstOrDefault(),
        u.LockoutEnd,
        db.UserClaims.Any(c => c.UserId == u.Id && c.ClaimType == AppUser.MustChangePasswordClaim)));

    private AccountRow Row(Projected p)
    {
        var now = clock.GetUtcNow();
        var status = p.LockoutEnd >= AppUser.DisabledUntil ? AccountStatus.Disabled
            : p.LockoutEnd > now ? AccountStatus.LockedOut
            : p.MustChange ? AccountStatus.MustChangePassword
            : AccountStatus.Active;
        return new AccountRow(p.Id, p.UserName, p.DisplayName, p.Role, p.District ?? p.EnterpriseDistrict, p.EnterpriseName, p.OrganisationName,
            status, status == AccountStatus.LockedOut ? p.LockoutEnd : null);
    }

    private static string Clean(string? text) => ControlCharacters.Remove(text ?? "").Trim();

    [GeneratedRegex("^[A-Za-z0-9._@-]{3,64}$")]
    private static partial Regex LoginName();
}
