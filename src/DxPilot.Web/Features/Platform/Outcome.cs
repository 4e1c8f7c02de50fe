namespace DxPilot.Web.Features.Platform;

public enum OutcomeKind { Ok, NotFound, Forbidden, Invalid, Conflict }

/// <summary>What a use case answers: the value, or why not (so that pages and the API say the same thing).</summary>
public sealed record Outcome<T>(OutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string> Errors, string? Message)
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public bool IsOk => Kind == OutcomeKind.Ok;

    /// <summary>The HTTP status a page answers with when it shows this outcome (the API maps it in <see cref="ApiResults"/>).</summary>
    public int StatusCode => Kind switch
    {
        OutcomeKind.Ok => StatusCodes.Status200OK,
        OutcomeKind.NotFound => StatusCodes.Status404NotFound,
        OutcomeKind.Forbidden => StatusCodes.Status403Forbidden,
        OutcomeKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
    public static Outcome<T> Ok(T value) => new(OutcomeKind.Ok, value, None, null);
    public static Outcome<T> NotFound() => new(OutcomeKind.NotFound, default, None, "找不到该记录，或不在您的权限范围内");
    public static Outcome<T> Forbidden(string message) => new(OutcomeKind.Forbidden, default, None, message);
    public static Outcome<T> Invalid(IReadOnlyDictionary<string, string> errors) => new(OutcomeKind.Invalid, default, errors, "提交的内容有误，请按提示修改");
    public static Outcome<T> Conflict(string message) => new(OutcomeKind.Conflict, default, None, message);

    /// <summary>A workflow's refusal as every use case answers it: a role the chain does not name is forbidden, the wrong
    /// state a conflict, an undeclared trigger or a failed guard invalid.</summary>
    public static Outcome<T> Refused(Domain.Workflow.Refusal refusal) => new(refusal.Kind switch
    {
        Domain.Workflow.RefusalKind.NotAllowed => OutcomeKind.Forbidden,
        Domain.Workflow.RefusalKind.WrongState => OutcomeKind.Conflict,
        _ => OutcomeKind.Invalid,
    }, default, None, refusal.Message);
}

/// <summary>One page of a list. <see cref="TotalCapped"/>: more matched than were counted, <see cref="Total"/> is a lower bound.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize, bool TotalCapped = false)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
