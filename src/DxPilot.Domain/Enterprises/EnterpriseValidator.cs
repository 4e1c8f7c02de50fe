using System.Globalization;
using DxPilot.Domain.Programmes;
using DxPilot.Domain.Text;

namespace DxPilot.Domain.Enterprises;

/// <summary>Turns what a person typed into <see cref="EnterpriseDetails"/>, or says per field what to fix.</summary>
public static class EnterpriseValidator
{
    public const int IntroMaxCharacters = 500;
    public const int NameMaxCharacters = 100;
    public const int TextMaxCharacters = 200;

    public sealed record Result(EnterpriseDetails? Details, IReadOnlyDictionary<string, string> Errors)
    {
        public bool IsValid => Errors.Count == 0;
    }

    public static Result Validate(EnterpriseForm f, Programme programme, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        void Fail(string field, string message) => errors.TryAdd(field, message);

        // First, so that a field with a hidden character says so rather than "not a number" or "not a district".
        foreach (var property in FormFields)
            if (ControlCharacters.In((string?)property.GetValue(f), multiline: property.Name == nameof(f.Intro)))
                Fail(property.Name, ControlCharacters.Message(EnterpriseForm.Labels[property.Name]));

        var name = Clean(f.Name);
        if (name is null) Fail(nameof(f.Name), "请填写企业名称");
        else if (ChineseText.CountCharacters(name) > NameMaxCharacters) Fail(nameof(f.Name), $"企业名称不超过{NameMaxCharacters}字");

        string? uscc = null;
        if (Clean(f.Uscc) is { } rawUscc && rawUscc != Pending)
        {
            if (Enterprises.Uscc.TryParse(rawUscc, out var u, out var err)) uscc = u.Value.Value;
            else Fail(nameof(f.Uscc), err!);
        }

        var district = Clean(f.District);
        if (district is null) Fail(nameof(f.District), "请选择所属县（市、区）");
        else if (!programme.HasDistrict(district))
            Fail(nameof(f.District), $"“{district}”不是{programme.City}的县（市、区），可选：{string.Join("、", programme.Districts.Names)}");

        PilotIndustry? industry = null;
        var industryText = Clean(f.Industry);
        var code = Clean(f.IndustryCode);
        if (code == Pending) code = null;
        if (code is not null)
        {
            code = Uscc.Normalise(code);
            if (!IndustryCodes.IsWellFormed(code)) Fail(nameof(f.IndustryCode), "国民经济行业代码应为GB/T 4754-2017的4位小类代码，如3670");
            else if (programme.IndustryForCode(code) is not { } byCode)
                Fail(nameof(f.IndustryCode), $"行业代码{code}不属于本试点的细分行业（{IndustryList(programme)}）");
            else industry = byCode;
        }
        if (industryText is not null)
        {
            var named = programme.FindIndustry(industryText);
            if (named is null) Fail(nameof(f.Industry), $"“{industryText}”不是本试点的细分行业，可选：{IndustryList(programme)}");
            else if (industry is not null && industry.Key != named.Key)
                Fail(nameof(f.IndustryCode), $"行业代码{code}属于“{industry.Key}”，与所选细分行业“{named.Key}”不一致");
            else industry = named;
        }
        else if (industry is null && code is null) Fail(nameof(f.Industry), $"请选择试点细分行业（{IndustryList(programme)}）");

        var employees = Count(f.Employees, nameof(f.Employees), "从业人员", Fail);
        var digitalStaff = Count(f.DigitalStaff, nameof(f.DigitalStaff), "数字化人员", Fail);
        var insured = Count(f.InsuredEmployees, nameof(f.InsuredEmployees), "参保人数", Fail);
        // The one certain cross-check. Not refused: 参保人数 above 从业人员 (seed 002 附件4 counts 参保 in December, 从业人员 may be a
        // year's average or leave out staff insured elsewhere), 利润 above 营业收入 (investment income, subsidies), 投入 above 营业收入.
        if (employees is not null && digitalStaff > employees)
            Fail(nameof(f.DigitalStaff), $"数字化人员（{digitalStaff}人）不能多于从业人员（{employees}人）");

        var revenue = Money(f.RevenueWan, nameof(f.RevenueWan), "营业收入", allowNegative: false, Fail);
        var profit = Money(f.ProfitWan, nameof(f.ProfitWan), "利润", allowNegative: true, Fail);
        var investment = Money(f.DigitalInvestmentWan, nameof(f.DigitalInvestmentWan), "数字化累计投入", allowNegative: false, Fail);

        DateOnly? founded = null;
        if (Clean(f.FoundedOn) is { } fd)
        {
            if (!TryParseDate(fd, out var d)) Fail(nameof(f.FoundedOn), $"成立日期“{fd}”无法识别，请按 2015-06-30 的格式填写");
            else if (d > today) Fail(nameof(f.FoundedOn), "成立日期不能晚于今天");
            else founded = d;
        }

        Ownership? ownership = null;
        if (Clean(f.Ownership) is { } ow)
        {
            ownership = ParseEnum<Ownership>(ow) ?? EnterpriseLabels.ParseLabel(EnterpriseLabels.Ownerships, ow);
            if (ownership is null) Fail(nameof(f.Ownership), $"企业性质“{ow}”无法识别，可选：{string.Join("、", EnterpriseLabels.Ownerships.Values)}");
        }

        var tier = QualityTier.None;
        if (Clean(f.QualityTier) is { } qt)
        {
            var parsed = ParseEnum<QualityTier>(qt) ?? ParseTier(qt);
            if (parsed is null) Fail(nameof(f.QualityTier), $"企业类别“{qt}”无法识别，可选：{string.Join("、", EnterpriseLabels.Tiers.Values)}");
            else tier = parsed.Value;
        }

        var credit = CreditStatus.Unknown;
        if (Clean(f.CreditStatus) is { } cs)
        {
            var parsed = ParseEnum<CreditStatus>(cs) ?? EnterpriseLabels.ParseLabel(EnterpriseLabels.Credits, cs);
            if (parsed is null) Fail(nameof(f.CreditStatus), $"信用状况“{cs}”无法识别，可选：{string.Join("、", EnterpriseLabels.Credits.Values)}");
            else credit = parsed.Value;
        }

        var aboveScale = YesNo(f.AboveScale, nameof(f.AboveScale), "规上/规下", Fail, yes: ["规上", "规模以上"], no: ["规下", "规模以下"]);
        var littleGiant = YesNo(f.LittleGiantCentralFunded, nameof(f.LittleGiantCentralFunded), "“小巨人”中央资金", Fail) ?? false;
        var pilot2022 = YesNo(f.Pilot2022, nameof(f.Pilot2022), "2022年改造试点", Fail) ?? false;

        var phone = Clean(f.ContactPhone);
        if (ContactFormats.PhoneProblem("联系电话", phone) is { } badPhone) Fail(nameof(f.ContactPhone), badPhone);

        var intro = Clean(f.Intro);
        if (ChineseText.CountCharacters(intro) > IntroMaxCharacters)
            Fail(nameof(f.Intro), $"企业简介不超过{IntroMaxCharacters}字，当前{ChineseText.CountCharacters(intro)}字");

        foreach (var (field, value) in new[]
                 {
                     (nameof(f.RegisteredAddress), f.RegisteredAddress), (nameof(f.LegalRepresentative), f.LegalRepresentative),
                     (nameof(f.ContactName), f.ContactName), (nameof(f.MainProducts), f.MainProducts),
                 })
        {
            if (ChineseText.CountCharacters(Clean(value)) > TextMaxCharacters)
                Fail(field, $"{EnterpriseForm.Labels[field]}不超过{TextMaxCharacters}字");
        }

        if (errors.Count > 0) return new Result(null, errors);
        return new Result(new EnterpriseDetails
        {
            Name = name!,
            Uscc = uscc,
            District = district!,
            RegisteredAddress = Clean(f.RegisteredAddress),
            LegalRepresentative = Clean(f.LegalRepresentative),
            ContactName = Clean(f.ContactName),
            ContactPhone = phone,
            FoundedOn = founded,
            Ownership = ownership,
            AboveScale = aboveScale,
            QualityTier = tier,
            IndustryKey = industry!.Key,
            IndustryCode = code,
            Employees = employees,
            DigitalStaff = digitalStaff,
            InsuredEmployees = insured,
            MainProducts = Clean(f.MainProducts),
            RevenueWan = revenue,
            ProfitWan = profit,
            DigitalInvestmentWan = investment,
            LittleGiantCentralFunded = littleGiant,
            Pilot2022 = pilot2022,
            CreditStatus = credit,
            Intro = intro,
        }, errors);
    }

    private static readonly System.Reflection.PropertyInfo[] FormFields =
        typeof(EnterpriseForm).GetProperties().Where(p => p.PropertyType == typeof(string) && EnterpriseForm.Labels.ContainsKey(p.Name)).ToArray();

    /// <summary>What the reference lists write where a value is still missing.</summary>
    public const string Pending = "待补充";

    private static string IndustryList(Programme p) => string.Join("、", p.Industries.Select(i => i.Key));

    private static string? Clean(string? s)
    {
        if (s is null) return null;
        var t = s.Replace('\u3000', ' ').Trim();
        return t.Length == 0 ? null : t;
    }

    /// <summary>More people than any enterprise employs (the largest in China employ about 1.5 million).</summary>
    public const int MaxPeople = 10_000_000;

    /// <summary>1亿万元 = 1万亿元, more than any enterprise's revenue, profit or loss in a year.</summary>
    public const decimal MaxWan = 100_000_000m;

    private static int? Count(string? raw, string field, string label, Action<string, string> fail)
    {
        if (Clean(raw) is not { } s) return null;
        var shown = raw!.Trim();
        s = Uscc.Normalise(s).Replace(",", "");
        if (s.EndsWith('人')) s = s[..^1];
        // Digits too many for a decimal are still a number: said to be too large (or negative), not "not a number".
        if (!decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && !IsHugeNumber(s, out d))
        {
            fail(field, $"{label}应为整数人数，“{shown}”不是整数");
            return null;
        }
        if (d != decimal.Truncate(d)) { fail(field, $"{label}应为整数人数，“{shown}”不是整数"); return null; }
        if (d < 0) { fail(field, $"{label}不能为负数"); return null; }
        if (d > MaxPeople) { fail(field, $"{label}“{shown}”过大，不能超过{MaxPeople}人，请核对"); return null; }
        return (int)d;
    }

    private static decimal? Money(string? raw, string field, string label, bool allowNegative, Action<string, string> fail)
    {
        if (Clean(raw) is not { } s) return null;
        var shown = raw!.Trim();
        s = Uscc.Normalise(s).Replace(",", "");
        if (s.EndsWith("万元", StringComparison.Ordinal)) s = s[..^2];
        if (!decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && !IsHugeNumber(s, out d))
        {
            fail(field, $"{label}应为以万元计的数字，“{shown}”不是数字");
            return null;
        }
        if (!allowNegative && d < 0) { fail(field, $"{label}不能为负数"); return null; }
        if (d > MaxWan) { fail(field, $"{label}“{shown}”过大，不能超过{MaxWan}万元，请核对单位（万元）"); return null; }
        if (d < -MaxWan) { fail(field, $"{label}“{shown}”过小，不能低于-{MaxWan}万元，请核对单位（万元）"); return null; }
        return Math.Round(d, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>Plain digits (with a sign and a decimal point) beyond what a decimal holds: ±<see cref="decimal.MaxValue"/>,
    /// enough for the range checks to refuse as too large or too small.</summary>
    private static bool IsHugeNumber(string s, out decimal value)
    {
        value = 0;
        var t = s.Trim();
        var negative = t.StartsWith('-');
        if (t.Length > 0 && t[0] is '-' or '+') t = t[1..];
        var point = t.IndexOf('.');
        var whole = point < 0 ? t : t[..point];
        if (whole.Length == 0 || !whole.All(char.IsAsciiDigit) || (point >= 0 && !t[(point + 1)..].All(char.IsAsciiDigit))) return false;
        value = negative ? decimal.MinValue : decimal.MaxValue;
        return true;
    }

    private static bool? YesNo(string? raw, string field, string label, Action<string, string> fail,
        string[]? yes = null, string[]? no = null)
    {
        if (Clean(raw) is not { } s) return null;
        var t = s.ToLowerInvariant();
        if (t is "是" or "true" or "on" or "1" or "y" or "yes" or "√" || (yes?.Contains(s) ?? false)) return true;
        if (t is "否" or "false" or "off" or "0" or "n" or "no" or "×" || (no?.Contains(s) ?? false)) return false;
        fail(field, $"{label}应填“是”或“否”{(yes is null ? "" : $"（或“{yes[0]}”/“{no![0]}”）")}");
        return null;
    }

    private static T? ParseEnum<T>(string s) where T : struct, Enum =>
        Enum.TryParse<T>(s, ignoreCase: true, out var v) && Enum.IsDefined(v) && !s.All(char.IsAsciiDigit) ? v : null;

    private static QualityTier? ParseTier(string s)
    {
        if (s.Contains("小巨人", StringComparison.Ordinal)) return QualityTier.LittleGiant;
        if (s.Contains("专精特新", StringComparison.Ordinal)) return QualityTier.Specialised;
        if (s.Contains("创新型", StringComparison.Ordinal)) return QualityTier.Innovative;
        if (s is "无" or "否" or "/") return QualityTier.None;
        return null;
    }

    public static bool TryParseDate(string s, out DateOnly date)
    {
        s = Uscc.Normalise(s).Replace("年", "-").Replace("月", "-").Replace("日", "").Replace('/', '-').Replace('.', '-').TrimEnd('-');
        return DateOnly.TryParseExact(s, ["yyyy-M-d", "yyyy-MM-dd", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
