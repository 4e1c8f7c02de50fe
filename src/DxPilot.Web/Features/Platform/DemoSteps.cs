using DxPilot.Web.Features.Files;
using SkiaSharp;

namespace DxPilot.Web.Features.Platform;

/// <summary>
/// The demo data's steps go through the use-case services as a user would; a step the service refuses stops that demo's run with
/// <see cref="DemoStepRefused"/>, which names the step and the service's reasons, so the seeder can log where it stopped and go on.
/// </summary>
public static class DemoSteps
{
    public static T Require<T>(string step, Outcome<T> outcome) =>
        outcome.IsOk ? outcome.Value! : throw new DemoStepRefused(step, string.Join("；", [outcome.Message, .. outcome.Errors.Values]));

    /// <summary>A picture standing in for a scanned paper (an invoice, a stamped contract, a report): a real PNG that opens when downloaded.</summary>
    public static UploadedFile Scan(string name)
    {
        using var bitmap = new SKBitmap(240, 160);
        bitmap.Erase(new SKColor(245, 242, 230));
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        var bytes = png.ToArray();
        return new UploadedFile(name, bytes.Length, () => new MemoryStream(bytes, writable: false));
    }
}

/// <summary>A demo-data step the service refused: <see cref="Step"/> is what the demo was doing, the message the service's reasons.</summary>
public sealed class DemoStepRefused(string step, string message) : Exception(message)
{
    public string Step { get; } = step;
}
