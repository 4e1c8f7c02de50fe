using DxPilot.Domain.Accounts;
using DxPilot.Domain.Files;
using DxPilot.Domain.Projects;

namespace DxPilot.Web.Features.Archive;

/// <summary>
/// One document of a project's archive: where it goes in the process (<see cref="Order"/>: 10 filing, 20 contracts, 30 diagnosis,
/// 40 evaluation, 50 acceptance, 60 audit and invoices, 70 payments), its official name, its date and author, and either the
/// stored file (an upload, addressed by its SHA-256) or the writer of a document the platform generates from the records.
/// </summary>
public sealed record ArchiveItem(int Order, string Name, DateTime? At, string Author, FileRef? Stored = null, Action<Stream>? Generate = null)
{
    public string Source => Stored is null ? "平台生成" : "上传文件";
}

/// <summary>A feature's documents of a project for the archive, read in the actor's scope (each feature knows its own).</summary>
public interface IArchiveSource
{
    Task<IReadOnlyList<ArchiveItem>> ItemsAsync(Actor actor, Project project, CancellationToken ct);
}
