using System.Diagnostics.CodeAnalysis;

namespace DxPilot.Domain.Enterprises;

/// <summary>统一社会信用代码 (GB 32100-2015), always stored normalised: 18 upper-case half-width characters.</summary>
public readonly record struct Uscc
{
    /// <summary>The 31 characters of GB 32100-2015 §4.3 (no I, O, S, V, Z), in value order 0..30.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // 3^(i-1) mod 31 for positions 1..17 (GB 32100-2015 §5).
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // 登记管理部门代码: 1 机构编制, 5 民政, 9 工商, A 宗教, N 农业 (and Y 其他) plus the other departments 2-8 of Annex A.
    private const string Authorities = "123456789ANY";

    public string Value { get; }

    private Uscc(string value) => Value = value;

    public override string ToString() => Value;

    /// <summary>Full-width to half-width, upper case, spaces removed: what a person meant to type.</summary>
    public static string Normalise(string input)
    {
        var chars = new List<char>(input.Length);
        foreach (var c in Text.HalfWidth.Of(input))
            if (!char.IsWhiteSpace(c)) chars.Add(char.ToUpperInvariant(c));
        return new string(chars.ToArray());
    }

    public static bool TryParse(string? input, [NotNullWhen(true)] out Uscc? uscc, out string? error)
    {
        uscc = null;
        if (string.IsNullOrWhiteSpace(input)) { error = "请填写统一社会信用代码"; return false; }
        var s = Normalise(input);
        if (s.Length != 18) { error = $"统一社会信用代码应为18位，当前为{s.Length}位"; return false; }
        for (var i = 0; i < 18; i++)
        {
            if (Alphabet.IndexOf(s[i]) < 0)
            {
                error = $"统一社会信用代码第{i + 1}位“{s[i]}”不是合法字符（不使用I、O、S、V、Z）";
                return false;
            }
        }
        if (Authorities.IndexOf(s[0]) < 0) { error = $"统一社会信用代码第1位“{s[0]}”不是登记管理部门代码"; return false; }
        var expected = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected) { error = $"统一社会信用代码校验位错误：第18位应为“{expected}”，填写的是“{s[17]}”，请核对"; return false; }
        error = null;
        uscc = new Uscc(s);
        return true;
    }

    public static Uscc Parse(string input) =>
        TryParse(input, out var u, out var e) ? u.Value : throw new FormatException(e);

    /// <summary>Check character over the first 17 characters: (31 − Σ value×weight mod 31) mod 31.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }
}
