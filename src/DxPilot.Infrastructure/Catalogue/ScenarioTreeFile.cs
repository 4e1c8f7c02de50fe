using DxPilot.Domain.Catalogue;
using DxPilot.Infrastructure.Assessments;
using DxPilot.Infrastructure.Programmes;

namespace DxPilot.Infrastructure.Catalogue;

/// <summary>Reads config/catalogue/scenario-tree.json once at start-up; a malformed tree stops start-up with the JSON path and
/// the reason, as a programme file does. Its MIIT scenarios are checked against the 2024 instrument's sixteen.</summary>
public static class ScenarioTreeFile
{
    /// <summary>The instrument whose business scenarios the tree maps to.</summary>
    public const string InstrumentId = "miit-2024";

    public static ScenarioTreeTemplate Load(string file, InstrumentCatalog instruments)
    {
        var template = ProgrammeCatalog.Read<ScenarioTreeTemplate>(file, t => t.Id);
        var instrument = instruments.Find(InstrumentId)
                         ?? throw new ConfigurationFileException(file, "$", $"场景清单对应的评测工具“{InstrumentId}”未加载");
        foreach (var (path, reason) in template.Problems(instrument.Scenarios.Select(s => s.Name).ToHashSet()))
            throw new ConfigurationFileException(file, path, reason);
        return template;
    }
}
