using BenchmarkDotNet.Attributes;
using DxPilot.Domain.Text;

namespace DxPilot.Bench.Text;

/// <summary>中文大写金额: writing 1,000,000 amounts (random, 0.01 to just under 1,000亿, a third whole 元 to exercise 整 and the
/// zero rules) per invocation; the issue asks for under 1 s.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class CapitalAmountBenchmarks
{
    public const int Amounts = 1_000_000;

    private decimal[] _amounts = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20240311);
        _amounts = new decimal[Amounts];
        for (var i = 0; i < Amounts; i++)
        {
            var fen = random.NextInt64(1, 10_000_000_000_000L);
            // Round numbers carry the runs of zeros across 万 and 亿 that the rules are about.
            if (i % 3 == 0) fen = fen / 100_000 * 100_000;
            _amounts[i] = Math.Max(fen, 1) / 100m;
        }
    }

    [Benchmark(OperationsPerInvoke = 1)]
    public int WriteOneMillion()
    {
        var length = 0;
        foreach (var a in _amounts) length += CapitalAmount.Of(a).Length;
        return length;
    }
}
