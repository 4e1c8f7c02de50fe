using DxPilot.Domain.Projects;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Projects;

/// <summary>What the payments page and its two sheets select: a search (enterprise name or USCC, or the project's name), a district,
/// an approval batch and a state (approved, still being paid, or paid in full).</summary>
public sealed record PaymentFilter(string? Search = null, string? District = null, string? Batch = null, ProjectStatus? State = null)
{
    public static readonly PaymentFilter None = new();

    /// <summary>The states the payments page lists: approved (payments under way) and paid.</summary>
    public static readonly IReadOnlyList<ProjectStatus> States = [ProjectStatus.Approved, ProjectStatus.Paid];

    /// <summary>From query-string text: what does not parse leaves its filter empty (a state other than approved or paid too).</summary>
    public static PaymentFilter From(string? search, string? district, string? batch, string? state)
    {
        static string? Clean(string? s, int max) => QueryValue.Text(s)?.Trim() is { Length: > 0 } t ? t.Length > max ? t[..max] : t : null;
        var parsed = WorkflowNames.Parse<ProjectStatus>(state);
        return new(Clean(search, ProjectFilter.MaxSearch), Clean(district, 64), Clean(batch, 64), parsed is { } s && States.Contains(s) ? s : null);
    }

    public string ToQueryString(int? page = null)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{key}={Uri.EscapeDataString(value)}");
        }
        Add("search", Search); Add("district", District); Add("batch", Batch); Add("state", State is { } s ? WorkflowNames.Of(s) : null);
        if (page is > 1) Add("page", page.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}

/// <summary>Query-string binding for the payment sheets, read through <see cref="PaymentFilter.From"/>.</summary>
public sealed class PaymentFilterParameters
{
    public string? Search { get; init; }
    public string? District { get; init; }
    public string? Batch { get; init; }
    public string? State { get; init; }

    public PaymentFilter ToFilter() => PaymentFilter.From(Search, District, Batch, State);
}

/// <summary>One approved project on the payments page (万元).</summary>
public sealed record PaymentRow(Guid Id, string EnterpriseName, string? Uscc, string District, string ProjectName, ProjectStatus Status, string? Batch,
    DateTime? ApprovedAt, decimal ApprovedWan, decimal CentralWan, decimal LocalWan, decimal PaidWan, DateOnly? LastPaidOn)
{
    public decimal OutstandingWan => ApprovedWan - PaidWan;
}

/// <summary>Sums over a set of approved projects (万元).</summary>
public sealed record PaymentTotals(int Projects, decimal ApprovedWan, decimal CentralWan, decimal LocalWan, decimal PaidWan)
{
    public static readonly PaymentTotals Zero = new(0, 0, 0, 0, 0);

    public decimal OutstandingWan => ApprovedWan - PaidWan;

    public static PaymentTotals Of(IReadOnlyCollection<PaymentRow> rows) => new(rows.Count, rows.Sum(r => r.ApprovedWan), rows.Sum(r => r.CentralWan),
        rows.Sum(r => r.LocalWan), rows.Sum(r => r.PaidWan));
}

/// <summary>A page of the payments list with the page's totals and those of everything the filter selects.</summary>
public sealed record PaymentPage(Page<PaymentRow> Rows, PaymentTotals PageTotals, PaymentTotals Overall, IReadOnlyList<string> Batches);
