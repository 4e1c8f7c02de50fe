namespace DxPilot.Domain.Awards;

/// <summary>插图宽和高均不超过N像素, judged on the size the picture decodes to, not on its name.</summary>
public static class ImageLimit
{
    public static string? Problem(ImageRules rules, int width, int height) =>
        width > rules.MaxWidth || height > rules.MaxHeight
            ? $"插图宽和高均不超过{rules.MaxWidth}×{rules.MaxHeight}像素（该图为{width}×{height}像素）"
            : null;

    public static string? CountProblem(ImageRules rules, int count) =>
        count > rules.MaxCount ? $"插图不超过{rules.MaxCount}个（现有{count}个）" : null;
}
