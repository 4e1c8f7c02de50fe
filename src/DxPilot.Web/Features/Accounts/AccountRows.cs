using DxPilot.Domain.Accounts;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Accounts;

public enum AccountStatus { Active, MustChangePassword, LockedOut, Disabled }

/// <summary>An account as a bureau's list shows it.</summary>
public sealed record AccountRow(
    string Id, string UserName, string DisplayName, Role Role, string? District, string? EnterpriseName, string? OrganisationName,
    AccountStatus Status, DateTimeOffset? LockedUntil)
{
    /// <summary>Where the account reaches, in words: its enterprise, organisation or district.</summary>
    public string Reach => EnterpriseName ?? OrganisationName ?? District ?? "全试点";

    /// <summary>The state in words; a lockout's end in <paramref name="zone"/> (the viewer's programme time).</summary>
    public string StatusLabel(TimeZoneInfo zone) => Status switch
    {
        AccountStatus.Disabled => "已停用",
        AccountStatus.LockedOut => $"临时锁定（至 {LocalTime.FromUtc(LockedUntil!.Value.UtcDateTime, zone):HH:mm}）",
        AccountStatus.MustChangePassword => "待修改初始密码",
        _ => "正常",
    };
}

/// <summary>The list's filters: a fragment of the name, login or organisation, a role, and the page.</summary>
public sealed record AccountQuery(string? Search, Role? Role, int PageNumber = 1, int PageSize = 20)
{
    public string ToQueryString(int page) =>
        "?" + string.Join("&", new[]
        {
            string.IsNullOrWhiteSpace(Search) ? null : "search=" + Uri.EscapeDataString(Search),
            Role is null ? null : "role=" + Role,
            "page=" + page,
        }.Where(p => p is not null));
}

/// <summary>The one-by-one form: who the account is for and what it may reach.</summary>
public sealed class NewAccountForm
{
    public string? Role { get; set; }
    public string? DisplayName { get; set; }
    public string? UserName { get; set; }
    public string? District { get; set; }
    /// <summary>For an enterprise account: the enterprise's name or USCC.</summary>
    public string? Enterprise { get; set; }
    public string? OrganisationId { get; set; }
}
