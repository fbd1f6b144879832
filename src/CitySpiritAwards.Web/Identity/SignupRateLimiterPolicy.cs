using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Identity;

/// <summary>
/// Rate limiter policy "signup": a fixed window of <see cref="AccountOptions.SignupPermitLimit"/> POSTs per client IP
/// (IPv6 per /64 network) for the pages that create accounts or send emails. GETs are never limited.
/// Client IPs come from <c>HttpContext.Connection.RemoteIpAddress</c>: behind a proxy, forwarded headers must be applied first.
/// </summary>
public sealed class SignupRateLimiterPolicy(IOptions<AccountOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "signup";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
            return RateLimitPartition.GetNoLimiter("");

        var account = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(ClientKey(httpContext.Connection.RemoteIpAddress), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = account.SignupPermitLimit,
            Window = account.SignupWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, ct) =>
        TooManyRequests.WriteAsync(context, "Account", backToForm: false, ct);

    /// <summary>IPv4 address as is; IPv6 by /64 network, since one household or phone gets a whole /64.</summary>
    internal static string ClientKey(IPAddress? address)
    {
        if (address is null)
            return "unknown";
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
