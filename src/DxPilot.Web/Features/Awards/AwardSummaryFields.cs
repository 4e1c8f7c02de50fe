using System.Text.Json;

namespace DxPilot.Web.Features.Awards;

/// <summary>
/// What a county summary row reads of a 申报书: the contact (联系人, 联系方式, 邮箱, 备注), the 链式 mode, and the case's name and
/// 150-character brief, picked from the stored JSON without building the whole <see cref="Domain.Awards.AwardContent"/>: a 小灯塔
/// application's four scenarios are most of its text, and deserialising 10,000 of them was most of the export's CPU
/// (docs/measurements-awards.md).
/// </summary>
public sealed record AwardSummaryFields(string? ContactName, string? ContactPhone, string? ContactEmail, string? Remark, string? Mode,
    string? CaseName, string? CaseBrief)
{
    /// <summary>The stored column as it is (the model's mapping would deserialise it whole).</summary>
    public sealed record Stored(Guid Id, string Content);

    public static AwardSummaryFields Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string? name = null, brief = null;
        if (root.TryGetProperty("texts", out var texts) && texts.ValueKind == JsonValueKind.Object
            && texts.TryGetProperty("chain", out var chain) && chain.ValueKind == JsonValueKind.Object
            && chain.TryGetProperty("sections", out var sections) && sections.ValueKind == JsonValueKind.Object)
            (name, brief) = (Text(sections, "name"), Text(sections, "brief"));
        return new(Text(root, "contactName"), Text(root, "contactPhone"), Text(root, "contactEmail"), Text(root, "remark"), Text(root, "mode"), name, brief);
    }
}
