namespace DxPilot.Domain.Awards;

/// <summary>
/// What a county summary (附件1-5, 附件2-2) lists of a 申报书: the contact (联系人, 联系方式, 邮箱, 备注), the mode, and a 链式
/// case's name and 150-character brief. The application keeps them in columns of their own, taken from the 申报书 whenever it
/// is saved (<see cref="AwardApplication.Revise"/>, the one place the 申报书 changes), so that an export of 10,000 rows reads
/// narrow columns and never the stored document (migration 0041, docs/measurements-awards.md).
/// </summary>
public sealed record AwardSummaryFields(string? ContactName, string? ContactPhone, string? ContactEmail, string? Remark, string? Mode,
    string? CaseName, string? CaseBrief)
{
    /// <summary>The 链式 call's direction and the sections the summary prints (config/awards/sjz-chain-2025.json); migration 0041
    /// read the same paths of the stored JSON to fill the rows saved before it.</summary>
    public const string ChainDirection = "chain", CaseNameSection = "name", CaseBriefSection = "brief";

    public static readonly AwardSummaryFields Empty = new(null, null, null, null, null, null, null);

    /// <summary>The fields as they stand in the 申报书, untouched (the sheet prints what the applicant typed).</summary>
    public static AwardSummaryFields Of(AwardContent content)
    {
        var chain = content.Texts.GetValueOrDefault(ChainDirection);
        return new(content.ContactName, content.ContactPhone, content.ContactEmail, content.Remark, content.Mode,
            chain?[CaseNameSection], chain?[CaseBriefSection]);
    }
}
