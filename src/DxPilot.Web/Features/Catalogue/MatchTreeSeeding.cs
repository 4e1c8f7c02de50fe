namespace DxPilot.Web.Features.Catalogue;

/// <summary>
/// The programme's tree copied on first use from a page or the API. <see cref="ScenarioTreeSeeding"/> copies as the system in a
/// scope of its own, but the request's signed-in user flows into that scope (the HTTP context is ambient) and the platform refuses
/// to act as anyone else in a request, so the first visit to a match list or the demand map would fail. The copy therefore starts
/// without the request's context; once ScenarioTreeSeeding does so itself, this goes.
/// </summary>
public static class MatchTreeSeeding
{
    public static async Task EnsureAsync(ScenarioTreeSeeding tree, string programmeId, CancellationToken ct)
    {
        Task copy;
        using (ExecutionContext.SuppressFlow()) copy = Task.Run(() => tree.EnsureAsync(programmeId, CancellationToken.None));
        await copy.WaitAsync(ct);
    }
}
