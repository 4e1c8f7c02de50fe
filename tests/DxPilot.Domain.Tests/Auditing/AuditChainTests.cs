using DxPilot.Domain.Auditing;

namespace DxPilot.Domain.Tests.Auditing;

public sealed class AuditChainTests
{
    private static List<AuditEntry> Chain(int n)
    {
        var entries = new List<AuditEntry>();
        (long seq, string? hash) = (0, null);
        for (var i = 0; i < n; i++)
        {
            var e = new AuditEntry
            {
                At = new DateTime(2025, 7, 16, 2, 0, i, DateTimeKind.Utc), ProgrammeId = "hangzhou-2024", EntityType = "Enterprise",
                EntityId = $"e{i}", Action = AuditAction.Updated, ActorId = "u1", ActorName = "滨江区经信局",
                Changes = [new FieldChange("Employees", "120", "350")],
            };
            AuditChain.Link(e, seq, hash);
            (seq, hash) = (e.Sequence, e.Hash);
            entries.Add(e);
        }
        return entries;
    }

    private static (long Checked, AuditEntry? Broken, string? Reason) Verify(IEnumerable<AuditEntry> entries)
    {
        var v = new AuditChain.Verifier();
        foreach (var e in entries)
            if (v.Next(e) is { } reason) return (v.Checked, e, reason);
        return (v.Checked, null, null);
    }

    [Fact]
    public void An_untouched_chain_verifies()
    {
        var (count, broken, _) = Verify(Chain(5));
        Assert.Equal(5, count);
        Assert.Null(broken);
    }

    [Fact]
    public void A_changed_field_breaks_the_entry_that_holds_it()
    {
        var chain = Chain(5);
        chain[2].Changes = [new FieldChange("Employees", "120", "3500")];
        var (_, broken, reason) = Verify(chain);
        Assert.Same(chain[2], broken);
        Assert.Contains("被改动", reason);
    }

    [Fact]
    public void A_rehashed_forgery_breaks_the_next_link()
    {
        var chain = Chain(5);
        chain[2].ActorName = "张三";
        chain[2].Hash = AuditChain.HashOf(chain[2], chain[2].PreviousHash);
        var (_, broken, reason) = Verify(chain);
        Assert.Same(chain[3], broken);
        Assert.Contains("上一条哈希", reason);
    }

    [Fact]
    public void A_deleted_entry_is_named_as_missing()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        var (_, broken, reason) = Verify(chain);
        Assert.Equal(3, broken!.Sequence);
        Assert.Equal("第2至2条记录缺失（可能被删除）", reason);
    }

    [Fact]
    public void Times_are_kept_to_the_millisecond_so_both_databases_return_what_was_hashed()
    {
        var t = new DateTime(2025, 7, 16, 2, 0, 0, DateTimeKind.Utc).AddTicks(12_345_678);
        Assert.Equal(new DateTime(2025, 7, 16, 2, 0, 1, 234, DateTimeKind.Utc), AuditChain.Truncate(t));
    }

    private static AuditEntry Pinned() => new()
    {
        Sequence = 7, At = new DateTime(2025, 7, 16, 2, 0, 1, 234, DateTimeKind.Utc), ProgrammeId = "changchun-2025",
        EntityType = "Enterprise", EntityId = "e7", Action = AuditAction.Updated, ActorId = "u1", ActorName = "朝阳区工信局",
        Changes = [new FieldChange("Name", null, "长春“一汽”配件\\厂 <A&B>"), new FieldChange("Employees", "120", "350")],
    };

    [Fact]
    public void The_hash_is_sha256_of_the_documented_v1_text()
    {
        // Computed outside .NET (Python hashlib over the fields joined by U+001F, the changes as compact JSON that keeps
        // Chinese, quotes and angle brackets as they are): entries written by earlier versions must keep verifying.
        Assert.Equal("ba695dbbafae00825761e5ad01fcc71e8279982f5cc199cb1e2fe5ec41a1b009", AuditChain.HashOf(Pinned(), string.Concat(Enumerable.Repeat("ab", 32))));
    }

    [Theory]
    [InlineData("制表\t符与换行\n", "\u0001")]
    [InlineData("表情😀与代理对", "引号\"与反斜杠\\")]
    [InlineData("", "+'<>&")]
    public void The_hash_covers_the_changes_exactly_as_the_json_serializer_wrote_them(string before, string after)
    {
        // The first chains were hashed over JsonSerializer's output with the relaxed encoder; the hand-written JSON must
        // give the same bytes for every character a field may hold, or old entries would read as tampered.
        var e = Pinned();
        e.Changes = [new FieldChange("字段", before, after), new FieldChange("空", null, null)];
        var json = System.Text.Json.JsonSerializer.Serialize(e.Changes,
            new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var text = string.Join('\u001f', "v1", "7", "2025-07-16T02:00:01.234", e.ProgrammeId, e.EntityType, e.EntityId, "Updated",
            e.ActorId, e.ActorName, "\u0000", json, "prev");
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, AuditChain.HashOf(e, "prev"));
        Assert.Equal(json, System.Text.Encoding.UTF8.GetString(AuditChain.Link(e, 6, "prev")));
    }
}
