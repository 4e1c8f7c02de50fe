using DxPilot.Domain.Enterprises;

namespace DxPilot.Domain.Tests.Enterprises;

internal static class ValidForm
{
    /// <summary>A complete, valid Hangzhou 滨江区 file; tests change one field at a time.</summary>
    public static EnterpriseForm Hangzhou(Action<EnterpriseForm>? change = null)
    {
        var f = new EnterpriseForm
        {
            Name = "杭州热威汽车零部件有限公司",
            Uscc = "93330106MA2CDE4F6T", // constructed; check char computed independently
            District = "滨江区",
            RegisteredAddress = "杭州市滨江区长河街道",
            LegalRepresentative = "张三",
            ContactName = "李四",
            ContactPhone = "13800000000/0571-85257095",
            FoundedOn = "2015-06-30",
            Ownership = "民营",
            AboveScale = "规上",
            QualityTier = "专精特新中小企业",
            Industry = "汽车零部件",
            IndustryCode = "3670",
            Employees = "120",
            DigitalStaff = "8",
            InsuredEmployees = "110",
            MainProducts = "汽车电加热器",
            RevenueWan = "8,500.5",
            ProfitWan = "-12",
            DigitalInvestmentWan = "150",
            LittleGiantCentralFunded = "否",
            Pilot2022 = "否",
            CreditStatus = "良好",
            Intro = "专业从事汽车零部件研发与制造。",
        };
        change?.Invoke(f);
        return f;
    }
}
