using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DxPilot.Web.Features.Operations;

/// <summary>Feeds <see cref="PlatformMetrics.DatabaseCommandDuration"/> from EF Core's own command timings.</summary>
public sealed class DatabaseCommandTimer : DbCommandInterceptor
{
    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData data, DbDataReader result) =>
        Observe("reader", data, result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData data, DbDataReader result, CancellationToken ct = default) =>
        ValueTask.FromResult(Observe("reader", data, result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData data, int result) =>
        Observe("non_query", data, result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData data, int result, CancellationToken ct = default) =>
        ValueTask.FromResult(Observe("non_query", data, result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData data, object? result) =>
        Observe("scalar", data, result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData data, object? result, CancellationToken ct = default) =>
        ValueTask.FromResult(Observe("scalar", data, result));

    public override void CommandFailed(DbCommand command, CommandErrorEventData data) => Failed(data);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData data, CancellationToken ct = default)
    {
        Failed(data);
        return Task.CompletedTask;
    }

    private static T Observe<T>(string operation, CommandExecutedEventData data, T result)
    {
        PlatformMetrics.DatabaseCommandDuration.WithLabels(operation, "ok").Observe(data.Duration.TotalSeconds);
        return result;
    }

    private static void Failed(CommandErrorEventData data) =>
        PlatformMetrics.DatabaseCommandDuration.WithLabels(Operation(data.ExecuteMethod), "error").Observe(data.Duration.TotalSeconds);

    private static string Operation(DbCommandMethod method) => method switch
    {
        DbCommandMethod.ExecuteReader => "reader",
        DbCommandMethod.ExecuteScalar => "scalar",
        _ => "non_query",
    };
}
