using System.Globalization;
using DxPilot.Domain.Benchmarks;

namespace DxPilot.Web.Features.Benchmarks;

public static class BenchmarkLabels
{
    public static string Label(this BenchmarkStatus s) => s switch
    {
        BenchmarkStatus.Draft => "草稿",
        BenchmarkStatus.Submitted => "已提交",
        _ => "",
    };

    /// <summary>Points as the seed writes them: 2, 3, 5 (no trailing zeros).</summary>
    public static string Points(decimal p) => p.ToString("0.##", CultureInfo.InvariantCulture);
}
