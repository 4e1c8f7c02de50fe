namespace DxPilot.Domain.Workflow;

/// <summary>States, triggers and roles are written in declaration files and stored in the history by their camelCase names
/// ("underReview"): readable, and stable when enum members are renumbered.</summary>
public static class WorkflowNames
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static T? Parse<T>(string? name) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => Of(v!.Value) == name);
}
