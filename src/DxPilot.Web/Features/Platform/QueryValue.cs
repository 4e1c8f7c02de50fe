using System.Globalization;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// Typed values from a query string, for pages and endpoints alike: a value that does not parse counts as absent, so a
/// hand-edited or truncated link shows the page with that filter left empty instead of an error.
/// Pages bind query parameters as strings and read them through here (a typed [SupplyParameterFromQuery] throws on "abc").
/// </summary>
public static class QueryValue
{
    /// <summary>Free text (a search, a district): control characters dropped, as no stored value contains them and
    /// PostgreSQL refuses a NUL in a query.</summary>
    public static string? Text(string? text) => text is null ? null : Domain.Text.ControlCharacters.Remove(text);

    /// <summary>A search term as a list reads it: without control characters (PostgreSQL refuses a NUL in text), trimmed, at most
    /// <paramref name="max"/> characters; null when nothing is left.</summary>
    public static string? Search(string? text, int max = 100) =>
        Text(text)?.Trim() is { Length: > 0 } s ? s[..Math.Min(s.Length, max)] : null;

    /// <summary>A search term as a name is compared with it (<c>name.ToLower().Contains(folded)</c>): full-width letters and digits
    /// as half-width, lower case — "ｍｅｓ" and "mes" find "MES系统", as the enterprise registry's search already does.</summary>
    public static string Folded(string search) => HalfWidth.Of(search).ToLowerInvariant();

    public static int? Int(string? text) =>
        int.TryParse(HalfWidth.OfOrNull(text), NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>"true"/"false" in any case, as the pages write them.</summary>
    public static bool? Bool(string? text) => bool.TryParse(text, out var b) ? b : null;

    public static bool Flag(string? text) => Bool(text) ?? false;

    /// <summary>A date as forms send it (yyyy-MM-dd).</summary>
    public static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>A plain decimal (no thousands separators, no exponent), as amounts are typed.</summary>
    public static decimal? Decimal(string? text) =>
        decimal.TryParse(HalfWidth.OfOrNull(text)?.Trim(), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var d) ? d : null;

    /// <summary>A member by name; numbers are not names (Enum.TryParse would take "7" for any enum).</summary>
    public static T? Enum<T>(string? text) where T : struct, System.Enum =>
        text is { Length: > 0 } && !char.IsAsciiDigit(text.Trim()[0]) && System.Enum.TryParse<T>(text, ignoreCase: true, out var v) && System.Enum.IsDefined(v)
            ? v : null;
}
