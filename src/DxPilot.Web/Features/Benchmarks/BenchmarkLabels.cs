using System.Globalization;

namespace DxPilot.Web.Features.Benchmarks;

public static class BenchmarkLabels
{
    /// <summary>Points as the seed writes them: 2, 3, 5 (no trailing zeros).</summary>
    public static string Points(decimal p) => p.ToString("0.##", CultureInfo.InvariantCulture);
}
