using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace DxPilot.Web.Tests.Support;

/// <summary>The platform's pages as the router knows them: every route template, with the query parameters its page reads.</summary>
public static class PlatformPages
{
    public static IEnumerable<(string Template, IEnumerable<string> Parameters)> All() =>
        from type in typeof(Program).Assembly.GetTypes()
        where typeof(IComponent).IsAssignableFrom(type)
        let parameters = type.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Select(p => (Property: p, Attribute: p.GetCustomAttribute<SupplyParameterFromQueryAttribute>()))
            .Where(p => p.Attribute is not null)
            .Select(p => p.Attribute!.Name ?? p.Property.Name).ToList()
        from route in type.GetCustomAttributes<RouteAttribute>()
        select (route.Template, (IEnumerable<string>)parameters);
}
