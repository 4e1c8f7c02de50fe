using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Projects;

/// <summary>
/// One project form's round trip: before a post it shows what is stored; after a refused post it shows what was posted (so nothing
/// typed is lost), the service's message and each field's error, and answers with the refusal's status code.
/// </summary>
public sealed class ProjectFormState
{
    private IFormCollection? posted;

    public string? Message { get; private set; }
    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();
    /// <summary>Refused because the project changed since the page was read (or moved on): the typed text is still in the form.</summary>
    public bool Stale { get; private set; }
    public bool Refused => Message is not null;

    /// <summary>The value a field shows: the posted one after a refusal, otherwise the stored one.</summary>
    public string? Value(string name, string? stored) => posted is null ? stored : posted[name].ToString();

    public bool Checked(string name, bool stored) => posted is null ? stored : posted[name].ToString() is "true" or "on";

    public string? Error(string key) => Errors.GetValueOrDefault(key);

    public void Refuse<T>(Outcome<T> outcome, IFormCollection form, HttpContext http, string what)
    {
        posted = form;
        Errors = outcome.Errors;
        Stale = outcome.Kind == OutcomeKind.Conflict;
        Message = outcome.Kind == OutcomeKind.Invalid && outcome.Errors.Count > 0
            ? $"{what}未保存，请修改后再提交：{string.Join("；", outcome.Errors.Values)}"
            : outcome.Message;
        http.Response.StatusCode = outcome.StatusCode;
    }
}
