using DxPilot.Domain.Awards;
using DxPilot.Infrastructure.Programmes;

namespace DxPilot.Infrastructure.Calls;

/// <summary>The award calls of config/awards/*.json (数智标杆, 链式案例), loaded and checked once at start-up against the
/// programmes they name; a malformed file stops start-up with its path and reason.</summary>
public sealed class AwardCatalog(IReadOnlyList<AwardCall> calls)
{
    public IReadOnlyList<AwardCall> All => calls;

    public AwardCall? Find(string? id) => calls.FirstOrDefault(c => c.Id == id);

    /// <summary>The calls of a programme, in file order.</summary>
    public IReadOnlyList<AwardCall> ForProgramme(string? programmeId) => calls.Where(c => c.ProgrammeId == programmeId).ToList();

    public static AwardCatalog LoadFolder(string folder, ProgrammeCatalog programmes)
    {
        // A city that runs no award call is a valid installation.
        if (!Directory.Exists(folder)) return new AwardCatalog([]);
        return new AwardCatalog(Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => LoadFile(f, programmes)).ToList());
    }

    public static AwardCall LoadFile(string file, ProgrammeCatalog programmes)
    {
        var call = ProgrammeCatalog.Read<AwardCall>(file, c => c.Id);
        if (programmes.Find(call.ProgrammeId) is null)
            throw new ConfigurationFileException(file, "$.programmeId", $"没有编号为“{call.ProgrammeId}”的试点（config/programmes）");
        foreach (var (path, reason) in call.Problems())
            throw new ConfigurationFileException(file, path, reason);
        return call;
    }
}
