namespace DxPilot.Domain.Workflow;

/// <summary>
/// A process's vocabulary: its states and triggers (the enums), what users call it, and the guards it offers by name.
/// A chain (<see cref="WorkflowChain"/>, from a file or from code) is checked against it and compiled into a
/// <see cref="Workflow{TState,TTrigger,TSubject}"/>; a programme whose review differs declares another chain, not another class.
/// </summary>
public sealed class WorkflowProcess<TState, TTrigger, TSubject>(string name, string entityType, params Guard<TSubject>[] guards)
    where TState : struct, Enum where TTrigger : struct, Enum
{
    private readonly Dictionary<string, Guard<TSubject>> _guards = guards.ToDictionary(g => g.Name);

    public string Name => name;

    /// <summary>The only (from, to) moves a chain may declare; null where the process allows any.</summary>
    public IReadOnlySet<(TState From, TState To)>? Moves { get; init; }

    /// <summary>Every mistake in the chain, each with its JSON path relative to the chain ("transitions[2].who[0]").</summary>
    public IEnumerable<(string Path, string Reason)> Problems(WorkflowChain chain)
    {
        if (chain.Applicant is { } applicant && Participant.Parse(applicant) is null)
            yield return ("applicant", $"不认识的参与方“{applicant}”，可选：{Participants()}");
        for (var i = 0; i < chain.States.Count; i++)
        {
            var s = chain.States[i];
            if (WorkflowNames.Parse<TState>(s.State) is null) yield return ($"states[{i}].state", $"{name}没有状态“{s.State}”，可选：{Names<TState>()}");
            if (string.IsNullOrWhiteSpace(s.Label)) yield return ($"states[{i}].label", "不能为空");
        }
        foreach (var state in Enum.GetValues<TState>())
        {
            var count = chain.States.Count(s => s.State == WorkflowNames.Of(state));
            if (count != 1) yield return ("states", $"状态“{WorkflowNames.Of(state)}”应声明且只声明一次（现有{count}次）");
        }
        for (var i = 0; i < chain.Transitions.Count; i++)
        {
            var t = chain.Transitions[i];
            var at = $"transitions[{i}]";
            if (WorkflowNames.Parse<TTrigger>(t.Trigger) is null) yield return ($"{at}.trigger", $"{name}没有操作“{t.Trigger}”，可选：{Names<TTrigger>()}");
            if (string.IsNullOrWhiteSpace(t.Label)) yield return ($"{at}.label", "不能为空");
            if (t.From.Count == 0) yield return ($"{at}.from", "至少需要一个起始状态");
            for (var f = 0; f < t.From.Count; f++)
                if (WorkflowNames.Parse<TState>(t.From[f]) is null) yield return ($"{at}.from[{f}]", $"{name}没有状态“{t.From[f]}”");
            if (WorkflowNames.Parse<TState>(t.To) is null) yield return ($"{at}.to", $"{name}没有状态“{t.To}”");
            if (t.Who.Count == 0) yield return ($"{at}.who", "至少需要一个可执行的参与方");
            for (var w = 0; w < t.Who.Count; w++)
                if (Participant.Parse(t.Who[w]) is null) yield return ($"{at}.who[{w}]", $"不认识的参与方“{t.Who[w]}”，可选：{Participants()}");
            var named = t.Guards ?? [];
            for (var g = 0; g < named.Count; g++)
                if (!_guards.ContainsKey(named[g])) yield return ($"{at}.guards[{g}]", $"{name}没有条件“{named[g]}”，可选：{string.Join("、", _guards.Keys)}");
            if (Moves is not null && WorkflowNames.Parse<TState>(t.To) is { } to)
                foreach (var from in t.From)
                    if (WorkflowNames.Parse<TState>(from) is { } f && !Moves.Contains((f, to)))
                        yield return ($"{at}", $"{name}不允许从“{from}”转到“{t.To}”");
            foreach (var from in t.From)
                if (chain.Transitions.Take(i).Any(o => o.Trigger == t.Trigger && o.From.Contains(from)))
                    yield return ($"{at}.from", $"操作“{t.Trigger}”从状态“{from}”已声明过");
        }
    }

    /// <summary>The chain as a workflow; a chain with problems is refused with all of them.</summary>
    public Workflow<TState, TTrigger, TSubject> Compile(WorkflowChain chain)
    {
        var problems = Problems(chain).ToList();
        if (problems.Count > 0) throw new WorkflowDeclarationException(problems);
        var states = chain.States.ToDictionary(s => WorkflowNames.Parse<TState>(s.State)!.Value);
        var transitions = chain.Transitions.Select(t => new Transition<TState, TTrigger, TSubject>(
            WorkflowNames.Parse<TTrigger>(t.Trigger)!.Value,
            t.From.Select(f => WorkflowNames.Parse<TState>(f)!.Value).ToHashSet(),
            WorkflowNames.Parse<TState>(t.To)!.Value,
            t.Who.Select(w => Participant.Parse(w)!.Value).ToHashSet(),
            t.Label,
            (t.Guards ?? []).Select(g => _guards[g]).ToList())).ToList();
        var applicant = chain.Applicant is { } a ? Participant.Parse(a) : null;
        return new Workflow<TState, TTrigger, TSubject>(name, entityType, applicant, states, transitions);
    }

    private static string Names<T>() where T : struct, Enum => string.Join("、", Enum.GetValues<T>().Select(WorkflowNames.Of));

    private static string Participants() =>
        string.Join("、", Enum.GetValues<Accounts.Role>().Select(WorkflowNames.Of).Append(Participant.SystemName));
}

/// <summary>A chain that does not fit its process; each problem has its path inside the chain.</summary>
public sealed class WorkflowDeclarationException(IReadOnlyList<(string Path, string Reason)> problems)
    : Exception(string.Join("；", problems.Select(p => $"{p.Path}：{p.Reason}")))
{
    public IReadOnlyList<(string Path, string Reason)> Problems { get; } = problems;
}
