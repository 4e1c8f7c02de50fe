using Microsoft.AspNetCore.Components;

namespace DxPilot.Web.Features.Platform;

/// <summary>Links within the page being shown. The layout's <c>&lt;base href="/"&gt;</c> resolves a bare "#part-1" or "?rows=7"
/// against the site's root, so such a link opened the 工作台 instead of moving down the page.</summary>
public static class PageLinks
{
    /// <summary>This page's path (without its query and fragment) followed by <paramref name="suffix"/> ("#item-3", "?rows=7#smes").</summary>
    public static string Here(this NavigationManager nav, string suffix) => new Uri(nav.Uri).AbsolutePath + suffix;
}
