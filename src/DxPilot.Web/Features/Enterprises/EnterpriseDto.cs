using System.Globalization;
using DxPilot.Domain.Accounts;
using DxPilot.Domain.Auditing;
using DxPilot.Domain.Enterprises;
using DxPilot.Domain.Text;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>An enterprise file as the API returns it. <see cref="Version"/> must be sent back with an edit.</summary>
public sealed record EnterpriseDto(
    Guid Id, string ProgrammeId, string Name, string? Uscc, string District, string? RegisteredAddress,
    string? LegalRepresentative, string? ContactName, string? ContactPhone, DateOnly? FoundedOn, Ownership? Ownership,
    bool? AboveScale, QualityTier QualityTier, string IndustryKey, string? IndustryCode, int? Employees, int? DigitalStaff,
    int? InsuredEmployees, string? MainProducts, decimal? RevenueWan, decimal? ProfitWan, decimal? RevenuePerHeadWan,
    decimal? DigitalInvestmentWan, bool LittleGiantCentralFunded, bool Pilot2022, bool ExcludedFromCentralFunds,
    CreditStatus CreditStatus, string? Intro, SizeClass? ComputedSize, SizeClass? SizeOverride, string? SizeOverrideReason,
    SizeClass? Size, string? SizeWarning, int Version, DateTime UpdatedAt)
{
    public static EnterpriseDto From(Enterprise e, Actor viewer) => new(
        e.Id, e.ProgrammeId, e.Name, e.Uscc, e.District, e.RegisteredAddress, e.LegalRepresentative, e.ContactName,
        viewer.MaySeePersonalData ? e.ContactPhone : Masking.Phone(e.ContactPhone), e.FoundedOn, e.Ownership, e.AboveScale,
        e.QualityTier, e.IndustryKey, e.IndustryCode, e.Employees, e.DigitalStaff, e.InsuredEmployees, e.MainProducts,
        e.RevenueWan, e.ProfitWan, e.RevenuePerHead, e.DigitalInvestmentWan, e.LittleGiantCentralFunded, e.Pilot2022,
        e.ExcludedFromCentralFunds, e.CreditStatus, e.Intro, e.ComputedSize, e.SizeOverride, e.SizeOverrideReason, e.Size,
        SizeRule.Warning(e.Size, e.SizeOverride is not null), e.Version, e.UpdatedAt);
}

/// <summary>What a program sends to create or edit an enterprise file. Enum fields take their names (e.g. "Private").</summary>
public sealed record EnterpriseInput(
    string? Name, string? Uscc, string? District, string? RegisteredAddress, string? LegalRepresentative,
    string? ContactName, string? ContactPhone, DateOnly? FoundedOn, Ownership? Ownership, bool? AboveScale,
    QualityTier? QualityTier, string? Industry, string? IndustryCode, int? Employees, int? DigitalStaff,
    int? InsuredEmployees, string? MainProducts, decimal? RevenueWan, decimal? ProfitWan, decimal? DigitalInvestmentWan,
    bool? LittleGiantCentralFunded, bool? Pilot2022, CreditStatus? CreditStatus, string? Intro, int? Version)
{
    public EnterpriseForm ToForm() => new()
    {
        Name = Name, Uscc = Uscc, District = District, RegisteredAddress = RegisteredAddress,
        LegalRepresentative = LegalRepresentative, ContactName = ContactName, ContactPhone = ContactPhone,
        FoundedOn = FoundedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Ownership = Ownership?.ToString(),
        AboveScale = AboveScale is null ? null : AboveScale.Value ? "是" : "否", QualityTier = QualityTier?.ToString(),
        Industry = Industry, IndustryCode = IndustryCode, Employees = Num(Employees), DigitalStaff = Num(DigitalStaff),
        InsuredEmployees = Num(InsuredEmployees), MainProducts = MainProducts, RevenueWan = Num(RevenueWan),
        ProfitWan = Num(ProfitWan), DigitalInvestmentWan = Num(DigitalInvestmentWan),
        LittleGiantCentralFunded = LittleGiantCentralFunded is true ? "是" : "否", Pilot2022 = Pilot2022 is true ? "是" : "否",
        CreditStatus = CreditStatus?.ToString(), Intro = Intro,
    };

    private static string? Num(IFormattable? n) => n?.ToString(null, CultureInfo.InvariantCulture);
}

/// <summary>One history entry: <c>action</c> as a reader sees it (修改), <c>actionCode</c> stable for scripts (Updated).</summary>
public sealed record AuditEntryDto(DateTime At, string Action, AuditAction ActionCode, string ActorName, string? Source, IReadOnlyList<FieldChangeDto> Changes)
{
    public static AuditEntryDto From(AuditEntry a) => new(a.At, a.Action.Label(), a.Action, a.ActorName, a.Source,
        a.Changes.Select(c => new FieldChangeDto(c.Field, FieldLabels.Label(c.Field), c.Before, c.After)).ToList());
}

public sealed record FieldChangeDto(string Field, string Label, string? Before, string? After);

/// <summary>An import's report: <c>refused</c> rows were not imported; <c>problems</c> lists each (and any note on the header
/// row) by row number, the first <see cref="Import.ImportQueue.ProblemsShown"/>.</summary>
public sealed record ImportReportDto(Guid Id, string Status, string FileName, int TotalRows, int ProcessedRows, int Created, int Updated, int Unchanged,
    int Refused, string? FileError, IReadOnlyList<Domain.Imports.RowProblem> Problems);
