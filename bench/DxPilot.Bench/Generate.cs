using System.Diagnostics;
using Bogus;
using DxPilot.Domain.Enterprises;
using DxPilot.Infrastructure.Auditing;
using DxPilot.Infrastructure.Persistence;
using DxPilot.Infrastructure.Registry;
using DxPilot.Infrastructure.Programmes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace DxPilot.Bench;

/// <summary>National scale: N generated enterprises (valid USCCs, real districts and industries) in a programme.</summary>
public static class Generate
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = DatabaseOptions.ParseProvider(Arg(args, "--provider") ?? "postgresql");
        var connection = Arg(args, "--connection") ?? throw new ArgumentException("--connection is required");
        var count = int.Parse(Arg(args, "--enterprises") ?? "100000");
        var programme = ProgrammeCatalog.LoadFolder(Path.Combine(Repo.Root, "config", "programmes")).Get(Arg(args, "--programme") ?? "hangzhou-2024");

        var options = new DbContextOptionsBuilder<DxPilotDbContext>();
        new DatabaseOptions(provider, connection).Apply(options);
        await using (var db = new DxPilotDbContext(options.Options, new AuditContext()))
            await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).ApplyAsync();

        var faker = new Faker("zh_CN") { Random = new Randomizer(20251122) };
        var sw = Stopwatch.StartNew();
        const int batch = 5000;
        for (var done = 0; done < count; done += batch)
        {
            await using var db = new DxPilotDbContext(options.Options, new AuditContext());
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var industry = faker.PickRandom(programme.Industries.ToList());
                var details = new EnterpriseDetails
                {
                    Name = Name(faker),
                    Uscc = Uscc(i),
                    District = faker.PickRandom(programme.Districts.Names.ToList()),
                    IndustryKey = industry.Key,
                    IndustryCode = industry.Codes.Count > 0 ? faker.PickRandom(industry.Codes.ToList()).Code : null,
                    ContactName = faker.Name.FullName(),
                    ContactPhone = "13" + faker.Random.ReplaceNumbers("#########"),
                    Employees = faker.Random.Int(5, 1500),
                    RevenueWan = Math.Round(faker.Random.Decimal(50, 60000), 2),
                    AboveScale = faker.Random.Bool(),
                    QualityTier = faker.PickRandom<QualityTier>(),
                    LittleGiantCentralFunded = faker.Random.Bool(0.03f),
                    Pilot2022 = faker.Random.Bool(0.05f),
                };
                db.Enterprises.Add(Enterprise.Register(programme, details, DateTime.UtcNow.AddMinutes(-i)));
            }
            await db.SaveChangesAsync();
            Console.Error.Write($"\r{Math.Min(count, done + batch):N0} / {count:N0}");
        }
        Console.Error.WriteLine();
        // These contexts have none of the platform's save steps: a running copy must not keep its lists from before the files.
        await using (var db = new DxPilotDbContext(options.Options, new AuditContext()))
            await RegistryGeneration.BumpAsync(db, default);
        Console.WriteLine($"generated {count:N0} enterprises in {programme.Id} in {sw.Elapsed.TotalSeconds:F1} s");
        return 0;
    }

    // Names as Chinese registries read (城市 + 字号 + 行业 + 有限公司), so that searches for 科技, 汽车 or 大华 find what they would.
    private const string BrandCharacters = "华恒瑞泰鑫达宏明兴盛安康信德正通天元金海新中博远启创航卓联智强丰源诚嘉凯祥润晨光永利长隆汇宇峰东方江南北阳春立腾云星大";
    private static readonly string[] Trades =
        ["科技", "汽车零部件", "电子科技", "生物医药", "医疗器械", "通信技术", "精密机械", "智能装备", "新材料", "信息技术", "食品", "汽车电子", "光电", "自动化设备"];

    private static string Name(Faker faker) =>
        $"{faker.Address.City()}{faker.PickRandom(BrandCharacters.ToCharArray())}{faker.PickRandom(BrandCharacters.ToCharArray())}{faker.PickRandom(Trades)}有限公司";

    /// <summary>A valid, unique USCC per index (authority 9, entity 1, division 330108).</summary>
    public static string Uscc(int i)
    {
        var body = $"91330108{i:D8}X";
        body = body.Replace('I', '1').Replace('O', '0');
        return body + DxPilot.Domain.Enterprises.Uscc.CheckCharacter(body);
    }

    public static string? Arg(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

public static class Repo
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "DxPilot.slnx"))) return dir.FullName;
            return Directory.GetCurrentDirectory();
        }
    }
}
