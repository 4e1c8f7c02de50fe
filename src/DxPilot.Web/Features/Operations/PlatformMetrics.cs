using Prometheus;

namespace DxPilot.Web.Features.Operations;

/// <summary>
/// The platform's own metrics beside the HTTP ones, exported at /metrics. Any feature may update them; labels take
/// values from small fixed sets (never ids or paths), so the number of series stays bounded.
/// </summary>
public static class PlatformMetrics
{
    /// <summary>Jobs waiting in this copy's queue (accepted, not yet picked up).</summary>
    public static readonly Gauge ImportQueueDepth = Metrics.CreateGauge(
        "dxpilot_import_queue_depth", "Import jobs waiting to be run by this copy.");

    /// <summary>Background jobs finished, by kind (import, …) and outcome (succeeded, failed).</summary>
    public static readonly Counter JobsCompleted = Metrics.CreateCounter(
        "dxpilot_jobs_completed_total", "Background jobs finished, by kind and outcome.", "kind", "outcome");

    /// <summary>Time the database took per command, by operation (reader, non_query, scalar) and outcome (ok, error).</summary>
    public static readonly Histogram DatabaseCommandDuration = Metrics.CreateHistogram(
        "dxpilot_db_command_duration_seconds", "Database command duration in seconds (until the first row for readers).",
        new HistogramConfiguration
        {
            LabelNames = ["operation", "outcome"],
            // 0.5 ms … 8 s: an index lookup sits in the first buckets, a national-scale export or re-score batch in the last.
            Buckets = Histogram.ExponentialBuckets(0.0005, 2, 15),
        });

    public static void JobFinished(string kind, bool succeeded) =>
        JobsCompleted.WithLabels(kind, succeeded ? "succeeded" : "failed").Inc();
}
