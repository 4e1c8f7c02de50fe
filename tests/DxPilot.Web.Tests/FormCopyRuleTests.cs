using System.Text.RegularExpressions;
using DxPilot.Web.Tests.Support;

namespace DxPilot.Web.Tests;

/// <summary>
/// The platform's rule that text typed into a form is not lost to an expired session or a closed tab: every form under
/// src/DxPilot.Web that posts written text (a textarea, directly or through a component such as CountedText or a multi-line
/// FormField) keeps a copy in the browser (FormCopies' data-form-copy, or the filing form's and the report's data-copy-key, or
/// the assessment's data-draft-key), or is named below with the reason it does not. A new form with a text box fails here until
/// it takes one or the other.
/// </summary>
public sealed class FormCopyRuleTests
{
    /// <summary>(file under src/DxPilot.Web, a piece of the form's opening tag) → why it keeps no copy.</summary>
    private static readonly Dictionary<(string File, string Form), string> NotKept = new()
    {
        [("Features/Awards/AwardBatchActions.razor", "")] =
            "one reason for the rows ticked in a list that changes once they are handled: a copy would come back over another selection",
        [("Features/Filings/FilingBatchPage.razor", "")] =
            "one opinion for the filings ticked in a list that changes once they are handled: a copy would come back over another selection",
        [("Features/Supervision/CommentList.razor", "close-form-")] =
            "the closing note goes with the form once the comment is closed, and reopening leaves no time to tell a posted note from an unsaved one",
        [("Features/Catalogue/TreePage.razor", "node-form")] =
            "the city's catalogue maintenance: a name and a one-line note per node, typed at the desk",
    };

    private static readonly Regex Form = new(@"<form\b(?<open>.*?)>[ \t]*\r?\n(?<body>.*?)</form>", RegexOptions.Singleline);
    private static readonly Regex EmptyForm = new(@"<form\b[^\n]*</form>");
    private static readonly string[] Kept = ["Copies.Of(", "data-copy-key", "data-draft-key"];

    [Fact]
    public void Every_form_that_posts_written_text_keeps_a_copy_or_says_why_not()
    {
        var web = Path.Combine(Path.GetDirectoryName(PlatformProcess.ConfigFolder())!, "src", "DxPilot.Web");
        var files = Directory.EnumerateFiles(web, "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToDictionary(f => Path.GetRelativePath(web, f).Replace('\\', '/'), f => EmptyForm.Replace(File.ReadAllText(f), ""));

        var textParts = TextComponents(files);
        Assert.Contains("FormField", textParts);   // the rule sees through components (CountedText, FormField, the report's parts)
        Assert.Contains("AwardEditor", textParts);

        var unkept = new List<(string File, string Open)>();
        foreach (var (file, text) in files)
            foreach (Match form in Form.Matches(text))
            {
                var open = form.Groups["open"].Value;
                if (!open.Contains("method=\"post\"") || !WritesText(form.Groups["body"].Value, textParts)) continue;
                if (!Kept.Any(open.Contains)) unkept.Add((file, open));
            }

        var unexplained = unkept.Where(u => !NotKept.Keys.Any(k => k.File == u.File && u.Open.Contains(k.Form)))
            .Select(u => $"{u.File}: <form{u.Open}>").ToList();
        Assert.True(unexplained.Count == 0, "Forms posting text without a kept copy or a reason:\n" + string.Join("\n", unexplained));
        var stale = NotKept.Keys.Where(k => !unkept.Any(u => u.File == k.File && u.Open.Contains(k.Form))).ToList();
        Assert.True(stale.Count == 0, "Named as keeping no copy, but it does or is gone: " + string.Join(", ", stale));
    }

    /// <summary>Components that render a text box, directly or through another: FormField only when asked for Multiline.</summary>
    private static HashSet<string> TextComponents(Dictionary<string, string> files)
    {
        var parts = new HashSet<string>();
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (file, text) in files)
            {
                var name = Path.GetFileNameWithoutExtension(file);
                if (!parts.Contains(name) && !text.Contains("<form") && (text.Contains("<textarea") || Uses(text, parts)))
                    grew = parts.Add(name) || grew;
            }
        }
        return parts;
    }

    private static bool WritesText(string body, HashSet<string> parts) => body.Contains("<textarea") || Uses(body, parts);

    private static bool Uses(string text, HashSet<string> parts) =>
        Regex.Matches(text, @"<(?<name>[A-Z]\w*)\b(?<attrs>[^>]*)").Any(t =>
            parts.Contains(t.Groups["name"].Value) && (t.Groups["name"].Value != "FormField" || t.Groups["attrs"].Value.Contains("Multiline")));
}
