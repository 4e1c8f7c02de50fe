namespace DxPilot.Domain.Accounts;

/// <summary>
/// Accounts named on a record (a project's acceptance group, a diagnosis' acceptance experts), kept in one text column as
/// "|id|id|": a scope finds an account's records with one Contains of <see cref="Needle"/>, without a join table.
/// </summary>
public static class NamedAccounts
{
    public static string Join(IEnumerable<string> ids)
    {
        var distinct = ids.Distinct().ToList();
        return distinct.Count == 0 ? "" : "|" + string.Join("|", distinct) + "|";
    }

    public static IReadOnlyList<string> Split(string column) => column.Split('|', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>What the column contains when the account is named on it.</summary>
    public static string Needle(string id) => "|" + id + "|";
}
