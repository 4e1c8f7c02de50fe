using DxPilot.Domain.Accounts;
using DxPilot.Domain.Workflow;

namespace DxPilot.Domain.Benchmarks;

/// <summary>
/// 申报通知: one call for benchmark applications, as its file in config/calls declares it: the programme it belongs to,
/// the instrument enterprises self-score with, the official document, who takes part and the review chain.
/// A 2026 call is a new file.
/// </summary>
public sealed class BenchmarkCall
{
    public required string Id { get; init; }
    /// <summary>The call's official name, as users read it.</summary>
    public required string Title { get; init; }
    public required string ProgrammeId { get; init; }
    public required string InstrumentId { get; init; }
    /// <summary>The document that issues the call (title and, where it has one, its number).</summary>
    public required CallDocument Document { get; init; }
    /// <summary>The roles that take part; anyone else finds nothing.</summary>
    public required IReadOnlyList<string> Participants { get; init; }
    public required WorkflowChain Workflow { get; init; }

    private Workflow<BenchmarkStatus, BenchmarkTrigger, BenchmarkCase>? _compiled;
    private HashSet<Role>? _roles;

    /// <summary>The compiled chain (call <see cref="Problems"/> first; the loader does).</summary>
    public Workflow<BenchmarkStatus, BenchmarkTrigger, BenchmarkCase> Chain => _compiled ??= BenchmarkWorkflow.Process.Compile(Workflow);

    public bool Admits(Actor a) =>
        a.ProgrammeId == ProgrammeId && (_roles ??= Participants.Select(WorkflowNames.Parse<Role>).OfType<Role>().ToHashSet()).Contains(a.Role);

    /// <summary>Everything a loader must refuse, each with its JSON path.</summary>
    public IEnumerable<(string Path, string Reason)> Problems()
    {
        if (string.IsNullOrWhiteSpace(Title)) yield return ("$.title", "不能为空");
        if (string.IsNullOrWhiteSpace(Document.Title)) yield return ("$.document.title", "不能为空");
        if (Participants.Count == 0) yield return ("$.participants", "至少需要一个参与角色");
        for (var i = 0; i < Participants.Count; i++)
            if (WorkflowNames.Parse<Role>(Participants[i]) is null) yield return ($"$.participants[{i}]", $"不认识的角色“{Participants[i]}”");
        foreach (var (path, reason) in BenchmarkWorkflow.Process.Problems(Workflow)) yield return ($"$.workflow.{path}", reason);
    }
}

/// <summary>The issuing document: its title, its number (文号) when it has one, the seed file that carries its text, and a note
/// on anything the text leaves open.</summary>
public sealed record CallDocument(string Title, string? Number, string? File = null, string? Note = null);
