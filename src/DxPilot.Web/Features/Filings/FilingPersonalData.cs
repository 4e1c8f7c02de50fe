using DxPilot.Domain.Accounts;
using DxPilot.Domain.Filings;

namespace DxPilot.Web.Features.Filings;

/// <summary>
/// The personal data in a filing (DOMAIN §8): the enterprise's contact phone among its basics and each provider's contact phone,
/// masked for roles that do not need them (the think tank, experts). Applied where a filing's content leaves
/// <see cref="FilingService"/> (the filing's view, a submitted round), so the pages, the API, the .docx and the archive read it alike.
/// </summary>
public static class FilingPersonalData
{
    private const string PhoneSource = "contactPhone";

    public static IReadOnlyDictionary<string, string> Basics(FilingForm form, IReadOnlyDictionary<string, string> basics, Actor viewer)
    {
        if (viewer.MaySeePersonalData) return basics;
        var masked = new Dictionary<string, string>(basics);
        foreach (var field in form.Fields.Where(f => f.Kind == FieldKind.Enterprise && f.Source == PhoneSource))
            if (masked.TryGetValue(field.Key, out var phone)) masked[field.Key] = viewer.ShownPhone(phone)!;
        return masked;
    }

    public static IReadOnlyList<FilingProvider> Providers(IReadOnlyList<FilingProvider> providers, Actor viewer) =>
        viewer.MaySeePersonalData ? providers : providers.Select(p => p with { ContactPhone = viewer.ShownPhone(p.ContactPhone) }).ToList();
}
