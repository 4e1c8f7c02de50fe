using System.Numerics;
using DxPilot.Domain.Instruments;

namespace DxPilot.Bench.Scoring;

/// <summary>The 2024 instrument hard-coded, straight-line: the yardstick the generic <see cref="Scorer"/> is measured against.
/// Points ×1000 from reference/miit-2024-indicators.json; option bit i = letter 'A' + i; question order as in the file.</summary>
public static class HandwrittenMiit2024Scorer
{
    private const uint BtoE = 0b11110, BtoF = 0b111110, BtoN = 0b11_1111_1111_1110, O = 1u << 14;

    public static (long Units, int Level) Score(IndexedSheet sheet)
    {
        var c = sheet.Choices;
        long t = 2000 * BitOperations.PopCount(c[0] & BtoE)            // 网络建设: 2 per item
                 + Step(c[1], 1500) + Step(c[2], 1500)                    // 设备数字化, 设备联网: 0/1.5/3/4.5/6
                 + 700 * BitOperations.PopCount(c[3] & BtoN) + ((c[3] & O) != 0 ? 900 : 0) // 数据采集
                 + Step(c[4], 2500)                                       // 信息系统
                 + 1250 * BitOperations.PopCount(c[5] & BtoE)            // 网络安全
                 + 1250 * BitOperations.PopCount(c[6] & BtoE)            // 数据安全
                 + Step(c[7], 1500)                                       // 规划实施
                 + 1875 * BitOperations.PopCount(c[8] & BtoE)            // 管理机制
                 + 1500 * BitOperations.PopCount(c[9] & BtoF)            // 人才建设
                 + Step(c[10], 1875)                                      // 资金保障
                 + Step(c[11], 3500) + Step(c[12], 3500)                  // 绿色低碳, 产品质量
                 + Step(c[13], 1500) + Step(c[14], 1500);                 // 市场表现, 价值效益

        var l = sheet.ScenarioLevels;
        // Constrained: 产品设计 0, 营销管理 2, 生产管控 5, 质量管理 6, 设备管理 7, 安全生产 8, 能耗管理 9, 采购管理 10, 仓储物流 11, 财务管理 12.
        Span<int> all = stackalloc int[5];
        Span<int> con = stackalloc int[5];
        all[l[1]]++; all[l[3]]++; all[l[4]]++; all[l[13]]++; all[l[14]]++; all[l[15]]++;
        con[l[0]]++; con[l[2]]++; con[l[5]]++; con[l[6]]++; con[l[7]]++; con[l[8]]++; con[l[9]]++; con[l[10]]++; con[l[11]]++; con[l[12]]++;
        int con4 = con[4], con3 = con4 + con[3], con2 = con3 + con[2], con1 = con2 + con[1];
        int all4 = all[4] + con4, all3 = all4 + all[3] + con[3], all2 = all3 + all[2] + con[2], all1 = all2 + all[1] + con[1];

        var level = t >= 80_000 && all4 >= 10 && con4 >= 6 ? 4
            : t >= 60_000 && all3 >= 8 && con3 >= 5 ? 3
            : t >= 40_000 && all2 >= 6 && con2 >= 3 ? 2
            : t >= 20_000 && all1 >= 6 && con1 >= 3 ? 1
            : 0;
        return (t, level);
    }

    /// <summary>Single choice with equal steps: option index × step.</summary>
    private static long Step(uint choice, long step) => choice == 0 ? 0 : step * BitOperations.TrailingZeroCount(choice);
}
