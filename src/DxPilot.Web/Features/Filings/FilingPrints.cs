using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;
using DxPilot.Domain.Workflow;
using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Filings;

/// <summary>What the 备案申请表 prints, as the download and the archive both need it: a submitted round as it was frozen (with the
/// district's opinion on it), a draft or a returned filing as it stands.</summary>
public static class FilingPrints
{
    /// <summary>The file name and content of the form of <paramref name="round"/> (null: the one that counts now); null when the round does not exist.</summary>
    public static async Task<(string Name, FilingDocument.Printed Printed)?> PrintAsync(Actor actor, FilingView view, int? round, FilingService service,
        ShownTime time, CancellationToken ct)
    {
        var form = view.Rules.Form;
        var printing = round ?? (view.Filing.IsEditable ? null : view.Filing.Round);
        if (printing is not { } r)
            return (FilingDocument.FileName(form, view.Enterprise.Name), new(form, view.Basics, view.Filing.Values, view.Providers, null));
        if (await service.VersionAsync(actor, view.Filing.Id, r, ct) is not { } version) return null;
        var next = view.Versions.FirstOrDefault(v => v.Round == r + 1)?.SubmittedAt;
        return (FilingDocument.FileName(form, view.Enterprise.Name, round),
            new(form, version.Basics, version.Values, version.Providers, DistrictOpinion(view, version.SubmittedAt, next, time)));
    }

    /// <summary>The district's opinion on a round: the reason it gave passing or returning it, between that submission and the next.</summary>
    private static (string, DateOnly)? DistrictOpinion(FilingView view, DateTime submitted, DateTime? next, ShownTime time)
    {
        var review = WorkflowNames.Of(FilingStatus.DistrictReview);
        return view.History.Where(t => t.FromState == review && t.At >= submitted && (next is null || t.At < next) && !string.IsNullOrWhiteSpace(t.Reason))
                .OrderBy(t => t.At).FirstOrDefault() is { } said
            ? (said.Reason!, DateOnly.FromDateTime(time.Local(said.At)))
            : null;
    }
}
