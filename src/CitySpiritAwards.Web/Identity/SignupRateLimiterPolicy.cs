using System.Net;
using System.Net.Sockets;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
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

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var http = context.HttpContext;
        var localizer = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var minutes = 1;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        }
        var e = HtmlEncoder.Create(UnicodeRanges.All);
        var title = e.Encode(localizer["Account.TooMany.Title"]);
        var message = e.Encode(localizer["Account.TooMany.Message", minutes]);
        var back = e.Encode(localizer["Account.TooMany.Back"]);
        var language = StringCatalog.CurrentLanguage;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body>
            <main id="main">
            <h1>{title}</h1>
            <p class="notice notice-error" role="alert">{message}</p>
            <p><a class="button" href="/">{back}</a></p>
            </main>
            </body>
            </html>
            """, ct);
    };

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
