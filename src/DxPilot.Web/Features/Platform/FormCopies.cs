namespace DxPilot.Web.Features.Platform;

/// <summary>
/// The attributes by which <c>wwwroot/js/form-copy.js</c> keeps a copy of a form that saves by posting its page, in this
/// browser, for this user: what is typed survives an expired session, a dropped network and a closed tab, and a post with no
/// session left is held instead of landing on the sign-in page. The form's status line is <see cref="StatusId"/>
/// (<c>FormCopyStatus</c>); the script is on every page (App.razor).
/// </summary>
public sealed class FormCopies(CurrentActor current, TimeProvider clock)
{
    /// <param name="name">The form, unique on its page: part of the copy's key and of its status line's id.</param>
    /// <param name="record">What the form writes to (the project, the review): a copy belongs to one record.</param>
    /// <param name="what">What the user reads is not saved yet: "验收记录暂未保存".</param>
    /// <param name="refused">The page shows a refused post back: the values in the form are not the saved ones.</param>
    /// <param name="lastSavedUtc">For a form that creates a record each time (a comment), when this user last saved one: a copy
    /// older than that was posted. A form that edits a record leaves it out: its saved values tell.</param>
    public Dictionary<string, object> Of(string name, Guid record, string what, bool refused, DateTime? lastSavedUtc = null)
    {
        var attributes = new Dictionary<string, object>
        {
            // Not data-copy-key: that is the filing form's and the report's, whose own scripts keep copies of another shape.
            ["data-form-copy"] = Key(name, record),
            ["data-copy-what"] = what,
            ["data-copy-status"] = StatusId(name),
            ["data-now"] = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        if (refused) attributes["data-refused"] = "true";
        if (lastSavedUtc is { } saved)
            attributes["data-saved-at"] = new DateTimeOffset(DateTime.SpecifyKind(saved, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        return attributes;
    }

    /// <summary>On the page a successful post of a form that creates a record lands on (the new enterprise's file): the copy of
    /// the form it came from is let go here, since its empty form would take the copy back. A post whose answer never arrived
    /// leaves the copy; posting it again meets the record's own uniqueness (the USCC). <paramref name="flag"/> is the query
    /// parameter that brought the page here: the script takes it out of the address, so that opening the page again later
    /// does not let go of a copy typed since. A post answered by its own page (a new account's issued password) has none.</summary>
    public Dictionary<string, object> Posted(string name, Guid record, string? flag = null)
    {
        var attributes = new Dictionary<string, object> { ["data-copy-posted"] = Key(name, record) };
        if (flag is not null) attributes["data-copy-posted-flag"] = flag;
        return attributes;
    }

    private string Key(string name, Guid record) => $"dxpilot-{name}:{record}:{current.Actor?.UserId}";

    public static string StatusId(string name) => $"{name}-copy-status";
}
