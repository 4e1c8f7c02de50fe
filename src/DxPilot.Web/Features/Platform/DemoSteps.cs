namespace DxPilot.Web.Features.Platform;

/// <summary>
/// The demo data's steps go through the use-case services as a user would; a step the service refuses stops that demo's run with
/// <see cref="DemoStepRefused"/>, which names the step and the service's reasons, so the seeder can log where it stopped and go on.
/// </summary>
public static class DemoSteps
{
    public static T Require<T>(string step, Outcome<T> outcome) =>
        outcome.IsOk ? outcome.Value! : throw new DemoStepRefused(step, string.Join("；", [outcome.Message, .. outcome.Errors.Values]));
}

/// <summary>A demo-data step the service refused: <see cref="Step"/> is what the demo was doing, the message the service's reasons.</summary>
public sealed class DemoStepRefused(string step, string message) : Exception(message)
{
    public string Step { get; } = step;
}
