using System.Text;

namespace DxPilot.Domain.Enterprises;

/// <summary>
/// What the registry's search box looks in, and the index that serves it. A fragment matches a file when it is a substring of the
/// file's lower-cased search text. Trigram indexes cannot serve the common one- and two-character Chinese searches (科技, 汽车),
/// so every file also carries its distinct character unigrams and bigrams: a fragment's own grams must all be among them,
/// which an inverted (GIN) index answers, and the substring match then rechecks the few candidates. Runs of ASCII letters and
/// digits (USCCs, phones) add their trigrams too: ten digits make only a hundred bigrams, nearly all of them in every file, so
/// bigrams alone would not narrow a code or number fragment.
/// </summary>
public static class SearchIndex
{
    /// <summary>The fields joined by spaces, lower-cased; personal data goes last, so the text without it is a prefix.</summary>
    public static string Text(params string?[] fields) =>
        string.Join(' ', fields.Where(s => !string.IsNullOrEmpty(s))).ToLowerInvariant();

    /// <summary>The fragment as the search compares it: full-width to half-width, no spaces, lower case.</summary>
    public static string Fragment(string search) => Uscc.Normalise(search).ToLowerInvariant();

    /// <summary>Distinct unigrams, bigrams and ASCII-alphanumeric trigrams of a text, by character as PostgreSQL counts them; none
    /// spans a space, as no fragment contains one.</summary>
    public static string[] Grams(string text)
    {
        var chars = Characters(text);
        var grams = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < chars.Count; i++)
        {
            if (IsSpace(chars[i])) continue;
            grams.Add(chars[i]);
            if (i + 1 < chars.Count && !IsSpace(chars[i + 1])) grams.Add(chars[i] + chars[i + 1]);
            if (Trigram(chars, i) is { } trigram) grams.Add(trigram);
        }
        return [.. grams.Order(StringComparer.Ordinal)];
    }

    /// <summary>The grams every text containing the fragment has: the fragment itself up to two characters, otherwise its bigrams
    /// and its ASCII-alphanumeric trigrams.</summary>
    public static string[] RequiredGrams(string fragment)
    {
        var chars = Characters(fragment);
        if (chars.Count <= 2) return chars.Count == 0 ? [] : [fragment];
        var bigrams = Enumerable.Range(0, chars.Count - 1).Select(i => chars[i] + chars[i + 1]);
        var trigrams = Enumerable.Range(0, chars.Count - 2).Select(i => Trigram(chars, i)).OfType<string>();
        return [.. bigrams.Concat(trigrams).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The three characters from <paramref name="i"/> when all are ASCII letters or digits.</summary>
    private static string? Trigram(List<string> chars, int i) =>
        i + 2 < chars.Count && IsAsciiAlphanumeric(chars[i]) && IsAsciiAlphanumeric(chars[i + 1]) && IsAsciiAlphanumeric(chars[i + 2])
            ? chars[i] + chars[i + 1] + chars[i + 2]
            : null;

    private static bool IsAsciiAlphanumeric(string c) => c.Length == 1 && char.IsAsciiLetterOrDigit(c[0]);

    private static List<string> Characters(string text) => [.. text.EnumerateRunes().Select(r => r.ToString())];

    private static bool IsSpace(string c) => c.Length == 1 && char.IsWhiteSpace(c[0]);
}
