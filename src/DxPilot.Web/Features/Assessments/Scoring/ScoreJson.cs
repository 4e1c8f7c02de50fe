using System.Text.Encodings.Web;
using System.Text.Json;

namespace DxPilot.Web.Features.Assessments.Scoring;

/// <summary>How score reports are written: camelCase like the rest of the API, Chinese as is rather than \u-escaped.
/// Relaxed escaping is safe here because the output is read by programs and terminals, never embedded in HTML.</summary>
public static class ScoreJson
{
    public static readonly JsonSerializerOptions Lines = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One file's report is read by a person more often than by a program.</summary>
    public static readonly JsonSerializerOptions Indented = new(Lines) { WriteIndented = true };
}
