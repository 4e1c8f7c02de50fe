using DxPilot.Domain.Instruments;

namespace DxPilot.Infrastructure.Assessments;

/// <summary>The evaluation instruments of config/instruments/*.json, loaded and compiled once at start-up.
/// A malformed file stops start-up (<see cref="InstrumentFormatException"/> names the file, the path inside it and the reason).</summary>
public sealed class InstrumentCatalog
{
    private readonly Dictionary<string, (Instrument Instrument, Scorer Scorer)> _byId;

    public InstrumentCatalog(IEnumerable<Instrument> instruments) =>
        _byId = instruments.ToDictionary(i => i.Id, i => (i, new Scorer(i)), StringComparer.Ordinal);

    public IReadOnlyCollection<Instrument> All => _byId.Values.Select(v => v.Instrument).ToList();

    public Instrument? Find(string? id) => id is not null && _byId.TryGetValue(id, out var v) ? v.Instrument : null;

    /// <summary>Scorers hold precomputed tables; one per instrument is shared (they are immutable).</summary>
    public Scorer? ScorerFor(string? id) => id is not null && _byId.TryGetValue(id, out var v) ? v.Scorer : null;

    public static InstrumentCatalog LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new InstrumentFormatException(folder, [("$", "评测工具目录不存在")]);
        var instruments = new List<Instrument>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var instrument = InstrumentLoader.Load(file);
            var expectedId = Path.GetFileNameWithoutExtension(file);
            if (instrument.Id != expectedId)
                throw new InstrumentFormatException(file, [("$.id", $"应与文件名一致，为“{expectedId}”")]);
            instruments.Add(instrument);
        }
        if (instruments.Count == 0)
            throw new InstrumentFormatException(folder, [("$", "目录中没有评测工具文件（*.json）")]);
        return new InstrumentCatalog(instruments);
    }
}
