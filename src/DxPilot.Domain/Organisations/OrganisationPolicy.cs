using DxPilot.Domain.Accounts;

namespace DxPilot.Domain.Organisations;

/// <summary>
/// Who reads an organisation's page (机构主页: who it is, whom it serves, how it is rated): the city and the think tank any organisation
/// of their programme, a district bureau one that serves (is assigned to) at least one enterprise of its district, and the
/// organisation's own accounts their own. Nobody else learns it exists (404).
/// </summary>
public static class OrganisationPolicy
{
    public static bool ReadsPage(Actor a, Organisation o, bool servesActorsDistrict) =>
        o.ProgrammeId == a.ProgrammeId && a.Role switch
        {
            Role.CityBureau or Role.ThinkTank => true,
            Role.DistrictBureau => servesActorsDistrict,
            _ => a.OrganisationId == o.Id,
        };

    /// <summary>Whether a list that shows the organisation serving a file the viewer reads links its page: then the page is in scope too.</summary>
    public static bool LinksPage(Actor a, Guid organisationId) =>
        a.IsBureau || a.Role == Role.ThinkTank || a.OrganisationId == organisationId;
}
