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
}
