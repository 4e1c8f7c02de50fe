namespace DxPilot.Domain.Imports;

public enum ImportStatus { Queued = 0, Running = 1, Completed = 2, Failed = 3 }

/// <summary>An enterprise-list import: kept so that progress and the row report survive a reload and any app copy can show them.</summary>
public sealed class ImportJob
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string ProgrammeId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ActorId { get; set; } = "";
    public string ActorName { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public ImportStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    /// <summary>Each refused row with its number and reason.</summary>
    public List<RowProblem> Problems { get; set; } = [];
    /// <summary>A problem with the file as a whole (not a spreadsheet, columns missing).</summary>
    public string? FileError { get; set; }
    /// <summary>The uploaded bytes, held until processed, then cleared.</summary>
    public byte[]? Content { get; set; }
}

public sealed record RowProblem(int Row, string Reason);
