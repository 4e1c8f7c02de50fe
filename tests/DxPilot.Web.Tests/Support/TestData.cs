using DxPilot.Domain.Enterprises;

namespace DxPilot.Web.Tests.Support;

public static class TestData
{
    private static int _serial = Random.Shared.Next(100_000, 900_000);

    /// <summary>A fresh well-formed USCC for fixture data (the check character is computed; it is input here, not an expected value).</summary>
    /// <param name="region">The registering authority's 行政区划码 (characters 3-8): 330108 杭州市滨江区, 220104 长春市朝阳区.</param>
    public static string NewUscc(string region = "330108")
    {
        var serial = Interlocked.Increment(ref _serial);
        // Six digits: past them the code would be cut to 17 characters and repeat earlier ones; fail instead of colliding.
        if (serial > 999_999) throw new InvalidOperationException("测试用统一社会信用代码的序号已用完（一次运行超过90万个）");
        var body = $"91{region}MA{serial:D6}X";
        return body + Uscc.CheckCharacter(body);
    }

    public static object Enterprise(string name, string? uscc = null, string district = "滨江区", string industry = "汽车零部件",
        int? employees = 120, decimal? revenue = 5600m, string? phone = "13800001111") => new
    {
        name, uscc = uscc ?? NewUscc(), district, industry, industryCode = (string?)null, employees, revenueWan = revenue,
        contactName = "张三", contactPhone = phone, registeredAddress = "杭州市滨江区江南大道1号", mainProducts = "汽车零部件",
        aboveScale = true, qualityTier = "Specialised", ownership = "Private",
    };
}
