namespace DxPilot.Web.Features.Assessments.Scoring;

/// <summary>One thing wrong with (or, for a warning, worth checking in) a scoring input document, in Chinese.
/// <see cref="Path"/> points into the document: "answers.网络建设", "scenarios.产品设计", "rawInputs", or "$" for the whole of it.</summary>
public sealed record InputProblem(string Path, string Message)
{
    public const string Document = "$";
}
