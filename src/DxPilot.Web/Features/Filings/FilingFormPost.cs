using DxPilot.Domain.Filings;

namespace DxPilot.Web.Features.Filings;

/// <summary>The filing form's post read as answers by key (what <see cref="FilingService.SaveAsync"/> takes), and the values a
/// refused form shows back.</summary>
public static class FilingFormPost
{
    /// <summary>
    /// Every key of the sections this viewer fills (a box left unticked clears its answer), plus any other answer posted, so that
    /// a section not the viewer's is refused by the service rather than silently dropped. Several values of one key (ticked
    /// boxes) are one per line.
    /// </summary>
    public static Dictionary<string, string?> Answers(FilingForm form, IFormCollection posted, Func<FilingSection, bool> fills)
    {
        var answers = new Dictionary<string, string?>();
        foreach (var section in form.Sections.Where(fills))
        foreach (var field in section.Fields.Where(f => f.Kind is not (FieldKind.Enterprise or FieldKind.Providers)))
        foreach (var key in FilingValues.KeysOf(field))
            answers[key] = "";
        foreach (var (name, value) in posted)
        {
            if (!name.StartsWith(FilingEdit.Prefix, StringComparison.Ordinal)) continue;
            answers[name[FilingEdit.Prefix.Length..]] = string.Join("\n", value.Where(v => !string.IsNullOrEmpty(v)));
        }
        return answers;
    }

    /// <summary>The stored values with the posted answers over them, as the form would have saved them.</summary>
    public static IReadOnlyDictionary<string, string> Shown(IReadOnlyDictionary<string, string> stored, IReadOnlyDictionary<string, string?> answers)
    {
        var shown = new Dictionary<string, string>(stored);
        foreach (var (key, value) in answers)
        {
            if (string.IsNullOrEmpty(value)) shown.Remove(key);
            else shown[key] = value;
        }
        return shown;
    }
}
