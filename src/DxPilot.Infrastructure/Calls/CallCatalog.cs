using DxPilot.Domain.Benchmarks;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Programmes;

namespace DxPilot.Infrastructure.Calls;

/// <summary>The calls of config/calls/*.json (申报通知), loaded and checked once at start-up against the programmes and
/// instruments they name; a malformed file stops start-up with its path and reason.</summary>
public sealed class CallCatalog
{
    private readonly Dictionary<string, BenchmarkCall> _byProgramme;

    public CallCatalog(IEnumerable<BenchmarkCall> calls) => _byProgramme = calls.ToDictionary(c => c.ProgrammeId, StringComparer.Ordinal);

    public IReadOnlyCollection<BenchmarkCall> All => _byProgramme.Values;

    /// <summary>The benchmark call of a programme. An application belongs to its programme, so a programme has at most one.</summary>
    public BenchmarkCall? ForProgramme(string? programmeId) =>
        programmeId is not null && _byProgramme.TryGetValue(programmeId, out var c) ? c : null;

    public static CallCatalog LoadFolder(string folder, ProgrammeCatalog programmes, InstrumentCatalog instruments)
    {
        // A platform without calls is a valid installation (a city that runs no benchmark call).
        if (!Directory.Exists(folder)) return new CallCatalog([]);
        var calls = new List<BenchmarkCall>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var call = LoadFile(file, programmes, instruments);
            if (calls.FirstOrDefault(c => c.ProgrammeId == call.ProgrammeId) is { } other)
                throw new ConfigurationFileException(file, "$.programmeId", $"试点“{call.ProgrammeId}”已有申报通知“{other.Id}”，一个试点只能有一个示范标杆申报");
            calls.Add(call);
        }
        return new CallCatalog(calls);
    }

    public static BenchmarkCall LoadFile(string file, ProgrammeCatalog programmes, InstrumentCatalog instruments)
    {
        var call = ProgrammeCatalog.Read<BenchmarkCall>(file, c => c.Id);
        if (programmes.Find(call.ProgrammeId) is null)
            throw new ConfigurationFileException(file, "$.programmeId", $"没有编号为“{call.ProgrammeId}”的试点（config/programmes）");
        if (instruments.Find(call.InstrumentId) is not { } instrument)
            throw new ConfigurationFileException(file, "$.instrumentId", $"没有编号为“{call.InstrumentId}”的评测工具（config/instruments）");
        if (instrument.EvidenceRule is null)
            throw new ConfigurationFileException(file, "$.instrumentId", $"评测工具“{call.InstrumentId}”不是示范标杆自评表（没有佐证要求）");
        foreach (var (path, reason) in call.Problems())
            throw new ConfigurationFileException(file, path, reason);
        return call;
    }
}
