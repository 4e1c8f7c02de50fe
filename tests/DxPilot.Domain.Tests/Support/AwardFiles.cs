using System.Text.Json;
using System.Text.Json.Serialization;
using DxPilot.Domain.Awards;

namespace DxPilot.Domain.Tests.Support;

/// <summary>The real award calls of config/awards, read with the options of DxPilot.Infrastructure's loader and checked.</summary>
public static class AwardFiles
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Lazy<AwardCall> ShuzhiLazy = new(() => Load("sjz-shuzhi-2025.json"));
    private static readonly Lazy<AwardCall> ChainLazy = new(() => Load("sjz-chain-2025.json"));

    /// <summary>石家庄“数智”标杆中小企业申报 (seed 004 附件1).</summary>
    public static AwardCall Shuzhi => ShuzhiLazy.Value;
    /// <summary>石家庄“链式”数字化转型案例申报 (seed 004 附件2).</summary>
    public static AwardCall Chain => ChainLazy.Value;

    public static string Text(string file) => File.ReadAllText(Path.Combine(RepositoryFiles.Config, "awards", file));

    public static AwardCall Parse(string json) => JsonSerializer.Deserialize<AwardCall>(json, Options)!;

    private static AwardCall Load(string file)
    {
        var call = Parse(Text(file));
        var problems = call.Problems().ToList();
        if (problems.Count > 0) throw new InvalidOperationException($"{file}: {string.Join("; ", problems)}");
        return call;
    }
}
