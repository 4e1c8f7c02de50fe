using DxPilot.Domain.Assessments;
using DxPilot.Domain.Instruments;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace DxPilot.Bench.Rescoring;

/// <summary>Stores N 2024 assessments by binary COPY, with results marked stale (version 2024.0, score 0, 无等级) so that a
/// re-scoring run has to rewrite every one. Answers and result documents go through the model's own converters, so they
/// are byte for byte what the platform stores; ids are version-7 GUIDs in creation order, as the platform makes them.</summary>
public sealed class StaleAssessments(Instrument instrument, IModel model, string programmeId, IReadOnlyList<Guid> enterprises)
{
    public const string StaleVersion = "2024.0";
    private const int Chunk = 20_000;
    private static readonly DateTime Start = new(2024, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Guid[] Organisations = Enumerable.Range(1, 40).Select(i => new Guid(i, 0, 0, new byte[8])).ToArray();

    private readonly Scorer _scorer = new(instrument);
    private readonly StoredSheets _sheets = new(instrument);
    private readonly ValueConverter _answers =
        model.FindEntityType(typeof(Assessment))!.FindProperty(nameof(Assessment.Answers))!.GetValueConverter()!;
    private readonly ValueConverter _result =
        model.FindEntityType(typeof(Assessment))!.FindProperty(nameof(Assessment.Result))!.GetValueConverter()!;

    public async Task FillAsync(NpgsqlConnection connection, int count, int seed)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY "Assessments" ("Id", "ProgrammeId", "EnterpriseId", "InstrumentId", "InstrumentVersion", "Stage", "AssessorKind",
                "OrganisationId", "AssessorUserId", "AssessorName", "AssessedOn", "Answers", "Score", "Level", "Result", "ScoredAt",
                "Version", "CreatedAt", "UpdatedAt") FROM STDIN (FORMAT BINARY)
            """);
        // The next chunk is made while this one is sent.
        var making = Task.Run(() => Make(0, Math.Min(Chunk, count), seed));
        for (var done = 0; done < count; done += Chunk)
        {
            var rows = await making;
            var next = done + Chunk;
            if (next < count) making = Task.Run(() => Make(next, Math.Min(Chunk, count - next), seed));
            foreach (var row in rows) await WriteAsync(copy, row);
            Console.Error.Write($"\r  stored {done + rows.Length:N0} / {count:N0}");
        }
        await copy.CompleteAsync();
        Console.Error.WriteLine();
    }

    private sealed record Row(Guid Id, Guid EnterpriseId, AssessmentStage Stage, AssessorKind Kind, Guid? Organisation, DateTime At, string Answers, string Result);

    private Row[] Make(int first, int n, int seed)
    {
        var rows = new Row[n];
        Parallel.For(0, n, i => rows[i] = Make(first + i, seed));
        return rows;
    }

    private Row Make(int index, int seed)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var answers = _sheets.Next(random);
        var outcome = _scorer.Assess(answers.ToSheet());
        if (outcome.Result is not { } result)
            throw new InvalidOperationException("generated an invalid sheet: " + string.Join("；", outcome.Problems.Select(p => p.Message)));
        var (stage, kind) = random.Next(10) switch
        {
            < 5 => (AssessmentStage.SelfTest, AssessorKind.Enterprise),
            < 8 => (AssessmentStage.Before, AssessorKind.ServiceProvider),
            _ => (AssessmentStage.After, AssessorKind.EvaluationAgency),
        };
        var at = Start.AddSeconds(30.0 * index);
        return new Row(Guid.CreateVersion7(at), enterprises[random.Next(enterprises.Count)], stage, kind,
            kind == AssessorKind.Enterprise ? null : Organisations[random.Next(Organisations.Length)], at,
            (string)_answers.ConvertToProvider(answers)!, (string)_result.ConvertToProvider(AssessmentResultSnapshot.From(result, outcome.Problems))!);
    }

    private async Task WriteAsync(NpgsqlBinaryImporter copy, Row r)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(r.Id, NpgsqlDbType.Uuid);
        await copy.WriteAsync(programmeId, NpgsqlDbType.Varchar);
        await copy.WriteAsync(r.EnterpriseId, NpgsqlDbType.Uuid);
        await copy.WriteAsync(instrument.Id, NpgsqlDbType.Varchar);
        await copy.WriteAsync(StaleVersion, NpgsqlDbType.Varchar);
        await copy.WriteAsync((int)r.Stage, NpgsqlDbType.Integer);
        await copy.WriteAsync((int)r.Kind, NpgsqlDbType.Integer);
        if (r.Organisation is { } org) await copy.WriteAsync(org, NpgsqlDbType.Uuid);
        else await copy.WriteNullAsync();
        await copy.WriteAsync("bench", NpgsqlDbType.Varchar);
        await copy.WriteAsync("基准测试评估员", NpgsqlDbType.Varchar);
        await copy.WriteAsync(DateOnly.FromDateTime(r.At), NpgsqlDbType.Date);
        await copy.WriteAsync(r.Answers, NpgsqlDbType.Text);
        await copy.WriteAsync(0m, NpgsqlDbType.Numeric);
        await copy.WriteAsync(0, NpgsqlDbType.Integer);
        await copy.WriteAsync(r.Result, NpgsqlDbType.Text);
        await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync(1, NpgsqlDbType.Integer);
        await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
        await copy.WriteAsync(r.At, NpgsqlDbType.TimestampTz);
    }
}
