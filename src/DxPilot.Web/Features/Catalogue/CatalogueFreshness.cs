using DxPilot.Web.Features.Platform;

namespace DxPilot.Web.Features.Catalogue;

/// <summary>The match's provider figures, kept fresh for <c>Catalogue:FreshSeconds</c> (docs/catalogue-match.md).</summary>
public sealed class CatalogueFreshness<TKey, TValue>(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration configuration)
    : Freshness<TKey, TValue>(scopes, clock, Window(configuration, "Catalogue")) where TKey : notnull;
