using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Identity;

/// <summary>
/// The scheme and host of links sent by email. <see cref="AccountOptions.PublicOrigin"/> when set. Without it, the request's
/// own, but only from a Host header that cannot send the reader to another site: a loopback name (the site on one's own
/// machine, as <c>dotnet run</c> and the tests use it) or a host that host filtering has already checked against an explicit
/// <c>AllowedHosts</c> list. Any other Host gets no link at all (<see cref="UntrustedHostException"/>): a forged
/// <c>Host: evil.example</c> must never put a confirmation code into a link to evil.example.
/// </summary>
public sealed class LinkOrigin(IOptions<AccountOptions> account, IOptions<HostFilteringOptions> hostFiltering)
{
    public (string Scheme, HostString Host) For(HttpContext http)
    {
        if (!string.IsNullOrWhiteSpace(account.Value.PublicOrigin))
        {
            var origin = new Uri(account.Value.PublicOrigin);
            return (origin.Scheme, new HostString(origin.Authority));
        }
        var host = http.Request.Host;
        if (host.HasValue && (IsLoopback(host.Host) || HostsAreFiltered))
            return (http.Request.Scheme, host);
        throw new UntrustedHostException(host.Value);
    }

    /// <summary>The same as one string, "https://awards.example.org", for links built by hand.</summary>
    public string OriginOf(HttpContext http)
    {
        var (scheme, host) = For(http);
        return $"{scheme}://{host}";
    }

    /// <summary>
    /// The origin ("https://awards.example.org", no trailing slash) of links emailed by a background job, which has no
    /// request to take a host from: <see cref="AccountOptions.PublicOrigin"/>, as production sets it, else the loopback
    /// address (a site on one's own machine, the tests).
    /// </summary>
    public string ForBackgroundJobs() =>
        string.IsNullOrWhiteSpace(account.Value.PublicOrigin) ? "http://localhost" : account.Value.PublicOrigin.TrimEnd('/');

    /// <summary>True when <c>AllowedHosts</c> names the site's hosts (not "*"), so a request with any other Host never gets this far.</summary>
    public bool HostsAreFiltered => hostFiltering.Value.AllowedHosts is { Count: > 0 } hosts && !hosts.Contains("*");

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}

/// <summary>No link was built: the request's Host is not one the site can vouch for, and Account:PublicOrigin is not set.</summary>
public sealed class UntrustedHostException(string? host) : InvalidOperationException(
    $"No link was built from the request's Host header ('{host}'): set Account:PublicOrigin (env Account__PublicOrigin) to the "
    + "site's public address, e.g. https://awards.example.org, or AllowedHosts to its host names.");
