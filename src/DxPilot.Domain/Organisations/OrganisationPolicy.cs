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

    /// <summary>机构名录: the city keeps it (an organisation is registered before its accounts are created and it is assigned);
    /// the think tank, which rates them, reads it.</summary>
    public static bool ReadsRegistry(Actor a) => a.Role is Role.CityBureau or Role.ThinkTank;

    public const string NoRegistry = "机构名录由市级工信主管部门维护，智库可以查阅；其他账号请在工作台查看与本单位相关的事项。";

    public static string? Register(Actor a) => a.Role == Role.CityBureau ? null : "只有市级工信主管部门可以登记或修改机构";
}
