using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Security;

/// <summary>
/// One way in: an HTTP method on a route, and for a Razor Page the handler it runs ("POST /moderation/{campaignId}?handler=Merge").
/// <see cref="Key"/> is how the authorization table names it.
/// </summary>
public sealed record MappedEndpoint(string Method, string Pattern, string? Handler, bool IsPage)
{
    public string Key => $"{Method} {Pattern}{(Handler is null ? "" : $"?handler={Handler}")}";

    public override string ToString() => Key;
}

/// <summary>Everything the app maps, read from its own EndpointDataSource: minimal APIs, dashboards, health checks and every Razor Page handler.</summary>
public static class MappedEndpoints
{
    /// <summary>Methods tried on endpoints that accept any method (health checks, the Hangfire dashboard).</summary>
    private static readonly string[] AnyMethod = ["GET", "POST"];

    public static async Task<IReadOnlyList<(MappedEndpoint Endpoint, RoutePattern Route)>> ReadAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var pages = services.GetRequiredService<PageLoader>();
        var found = new List<(MappedEndpoint, RoutePattern)>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = Normalize(endpoint.RoutePattern.RawText ?? "");
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                    found.Add((new MappedEndpoint(handler.HttpMethod.ToUpperInvariant(), pattern, handler.Name, IsPage: true), endpoint.RoutePattern));
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var method in methods is { Count: > 0 } ? methods : AnyMethod)
                found.Add((new MappedEndpoint(method, pattern, null, IsPage: false), endpoint.RoutePattern));
        }
        return found.DistinctBy(f => f.Item1.Key).OrderBy(f => f.Item1.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>"api/campaigns/" and "/api/campaigns" are the same route: one leading slash, no trailing one.</summary>
    private static string Normalize(string raw) => "/" + raw.Trim('/');

    /// <summary>
    /// A path for the route with each parameter filled by <paramref name="value"/> (its name, and the literal segment before it,
    /// e.g. "campaigns" for <c>{id}</c> in /api/campaigns/{id}); a catch-all parameter gets an empty or dummy value.
    /// </summary>
    public static string PathFor(RoutePattern route, Func<string, string, string> value)
    {
        var segments = new List<string>();
        var previousLiteral = "";
        foreach (var segment in route.PathSegments)
        {
            var text = "";
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        text += literal.Content;
                        previousLiteral = literal.Content;
                        break;
                    case RoutePatternSeparatorPart separator:
                        text += separator.Content;
                        break;
                    case RoutePatternParameterPart parameter:
                        text += Uri.EscapeDataString(value(parameter.Name, previousLiteral));
                        break;
                }
            }
            segments.Add(text);
        }
        return "/" + string.Join('/', segments);
    }
}
