using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// An amount as a form typed it: read the way the pages show amounts (thousands separators, "723,000.00") and as a Chinese input
/// method types them in full-width mode ("７２３０００"), and telling text that is no number apart from nothing typed, so that each
/// gets its own message. The API's JSON sends a number or null.
/// </summary>
[JsonConverter(typeof(TypedAmountJson))]
public readonly record struct TypedAmount(decimal? Value, bool Unreadable)
{
    public bool Empty => Value is null && !Unreadable;

    public static implicit operator TypedAmount(decimal? value) => new(value, false);

    public static TypedAmount Read(string? text) =>
        string.IsNullOrWhiteSpace(text) ? default
        : decimal.TryParse(HalfWidth.Of(text).Trim().Replace(",", ""), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture, out var d) ? new(d, false)
        : new(null, true);
}

public sealed class TypedAmountJson : JsonConverter<TypedAmount>
{
    public override bool HandleNull => true;

    public override TypedAmount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? new TypedAmount(null, false) : new TypedAmount(reader.GetDecimal(), false);

    public override void Write(Utf8JsonWriter writer, TypedAmount value, JsonSerializerOptions options)
    {
        if (value.Value is { } d) writer.WriteNumberValue(d);
        else writer.WriteNullValue();
    }
}
