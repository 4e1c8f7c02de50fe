using System.Text.Json;
using System.Text.Json.Serialization;

namespace DxPilot.Web.Features.Assessments;

/// <summary>Answers as the score document writes them (<see cref="Scoring.ScoreDocument"/>): one letter as a string
/// ("C") or several as an array (["B","D"]), so a sheet scored by `score` can be stored unchanged.</summary>
public sealed class AnswerLettersConverter : JsonConverter<Dictionary<string, List<string>>>
{
    public override Dictionary<string, List<string>> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException("answers 应为对象：题目名称 → 选项字母");
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var question = reader.GetString()!;
            reader.Read();
            answers[question] = reader.TokenType switch
            {
                JsonTokenType.String => [reader.GetString()!],
                JsonTokenType.StartArray => JsonSerializer.Deserialize<List<string>>(ref reader, options) ?? [],
                _ => throw new JsonException($"题目“{question}”的答案应为选项字母或字母数组"),
            };
        }
        return answers;
    }

    public override void Write(Utf8JsonWriter writer, Dictionary<string, List<string>> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}
