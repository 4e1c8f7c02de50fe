using System.Security.Cryptography;
using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Awards;

/// <summary>
/// 被带动中小企业的确认: one SME a 链式 case names, asked to confirm in its own account that the applicant drove its transformation
/// (seed 004 附件2 三（七）: the proof carries the SME's stamp; the platform's stand-in is the SME's own answer). An SME already
/// registered answers from its account; one not registered yet is given the invitation code, which its account claims once
/// it has one (the USCC must match). Naming the SMEs again keeps the answers of those still named.
/// </summary>
public sealed class AwardInvitation : IAudited
{
    AuditKey IAudited.AuditKey => AuditKey.Of<AwardInvitation>(Id);

    [NotAudited] public Guid Id { get; private set; }
    [NotAudited] public string ProgrammeId { get; private set; } = "";
    [NotAudited] public Guid ApplicationId { get; private set; }
    public string Uscc { get; private set; } = "";
    public string Name { get; private set; } = "";
    /// <summary>The invitation code an SME not yet registered quotes (8 characters, no 0/O/1/I).</summary>
    [NotAudited] public string Code { get; private set; } = "";
    public DrivenAnswer Answer { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public string? AnsweredBy { get; private set; }
    [NotAudited] public int Version { get; private set; }
    [NotAudited] public DateTime CreatedAt { get; private set; }

    private AwardInvitation() { }

    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static AwardInvitation Invite(AwardApplication application, string uscc, string name, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProgrammeId = application.ProgrammeId, ApplicationId = application.Id, Uscc = uscc, Name = name,
        Code = RandomNumberGenerator.GetString(CodeAlphabet, 8), Answer = DrivenAnswer.Pending, CreatedAt = now,
    };

    /// <summary>The SME's answer; it may change its mind until the case is submitted (the service checks the case's state).</summary>
    public void Reply(bool confirmed, string by, DateTime now)
    {
        Answer = confirmed ? DrivenAnswer.Confirmed : DrivenAnswer.Declined;
        AnsweredAt = now;
        AnsweredBy = by;
        Version++;
    }

    public void Rename(string name)
    {
        Name = name;
        Version++;
    }

    public DrivenSme AsDriven => new(Uscc, Name, Answer);

    /// <summary>What the lead reads beside each SME: 未注册（待区县登记） while no enterprise of the programme has its USCC (only a bureau
    /// registers or imports one; its account then finds the invitation by that USCC), else 待确认, 已确认 or 已拒绝.</summary>
    public static string Standing(DrivenAnswer answer, bool registered) => answer switch
    {
        DrivenAnswer.Confirmed => "已确认",
        DrivenAnswer.Declined => "已拒绝",
        _ => registered ? "待确认" : "未注册（待区县登记）",
    };
}
