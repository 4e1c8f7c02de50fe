using System.Linq.Expressions;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>One line of the enterprise list (and of its export and API).</summary>
public sealed record EnterpriseRow(
    Guid Id, string Name, string? Uscc, string District, string IndustryKey, string? IndustryCode,
    SizeClass? Size, bool? AboveScale, QualityTier QualityTier, int? Employees, decimal? RevenueWan,
    string? ContactName, string? ContactPhone, bool LittleGiantCentralFunded, bool Pilot2022, DateTime UpdatedAt)
{
    public static readonly Expression<Func<Enterprise, EnterpriseRow>> Projection = e => new EnterpriseRow(
        e.Id, e.Name, e.Uscc, e.District, e.IndustryKey, e.IndustryCode, e.SizeOverride ?? e.ComputedSize, e.AboveScale,
        e.QualityTier, e.Employees, e.RevenueWan, e.ContactName, e.ContactPhone, e.LittleGiantCentralFunded, e.Pilot2022, e.UpdatedAt);

    /// <summary>Phones are personal data: masked for roles that do not need them (DOMAIN §8).</summary>
    public EnterpriseRow ForViewer(Actor actor) => actor.MaySeePersonalData ? this : this with { ContactPhone = Masking.Phone(ContactPhone) };
}
