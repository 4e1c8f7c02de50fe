namespace DxPilot.Web.Features.Dashboard;

/// <summary>One line of a <see cref="DashboardBars"/> chart: its name and one bar per series.</summary>
public sealed record BarRow(string Name, IReadOnlyList<BarValue> Values);

/// <summary>A bar: its length, the text shown for it (with its unit) and the list it opens.</summary>
public sealed record BarValue(double Value, string Text, string Href);
