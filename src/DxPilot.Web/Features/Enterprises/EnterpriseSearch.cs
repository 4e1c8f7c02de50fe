using DxPilot.Domain.Accounts;
using DxPilot.Domain.Enterprises;
using Microsoft.EntityFrameworkCore;

namespace DxPilot.Web.Features.Enterprises;

/// <summary>The registry's search box (name, USCC, contact, phone fragments), used by every list that searches enterprises.</summary>
public static class EnterpriseSearch
{
    /// <summary>
    /// The files whose search text contains the fragment. A viewer who sees phones masked searches without them, or could
    /// recover a number digit by digit (the rule that masks a field decides whether search may use it). On PostgreSQL the
    /// fragment's grams narrow the rows through the GIN index first; the substring match decides, so both databases agree.
    /// </summary>
    public static IQueryable<Enterprise> Matching(this IQueryable<Enterprise> q, Actor viewer, string search, bool postgres)
    {
        var fragment = SearchIndex.Fragment(search);
        var pattern = "%" + fragment.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        q = viewer.MaySeePersonalData
            ? q.Where(e => EF.Functions.Like(e.SearchText, pattern, "\\"))
            : q.Where(e => EF.Functions.Like(e.PublicSearchText, pattern, "\\"));
        // After the match, so that a scan of a broad fragment (most rows match) tests the short text before the long gram array.
        if (postgres && SearchIndex.RequiredGrams(fragment) is { Length: > 0 } grams)
            q = q.Where(e => grams.All(g => e.SearchTokens.Contains(g)));
        return q;
    }
}
