using DxPilot.Domain.Auditing;
using DxPilot.Domain.Files;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Projects;

/// <summary>The project's documents that arrive as scans: the signed acceptance opinion, the audit report.</summary>
public enum ProjectFileKind
{
    /// <summary>签字盖章的验收意见</summary>
    SignedAcceptance = 1,
    /// <summary>专项审计报告</summary>
    AuditReport = 2,
}

public sealed class ProjectFile : IAuditedPart
{
    AuditKey IAuditedPart.Owner => AuditKey.Of<Project>(ProjectId);
    (string Field, string Value) IAuditedPart.AuditLine => (Label(Kind), $"{File.Name}（{ChineseText.FileSize(File.Size)}）");

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public ProjectFileKind Kind { get; private set; }
    public FileRef File { get; private set; } = null!;
    public string UploadedByName { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }

    private ProjectFile() { }

    public static ProjectFile Upload(Guid projectId, ProjectFileKind kind, FileRef file, string byName, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ProjectId = projectId, Kind = kind, File = file, UploadedByName = byName, UploadedAt = now,
    };

    public static string Label(ProjectFileKind kind) => kind switch
    {
        ProjectFileKind.SignedAcceptance => "签字盖章的验收意见",
        ProjectFileKind.AuditReport => "专项审计报告",
        _ => kind.ToString(),
    };
}
