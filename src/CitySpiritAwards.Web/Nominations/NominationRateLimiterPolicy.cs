using System.Security.Claims;
using System.Threading.RateLimiting;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>
/// Rate limiter policy "nomination" for the requests that submit, edit or withdraw a nomination or send its consent
/// email (API and pages): a fixed window of <see cref="NominationOptions.PostsPerAccount"/> per account. Reads (GET)
/// are never limited, nor requests without an account (authorization turns those away). Refusals are 429 with a
/// Retry-After header: problem+json for the API, a page for forms, in the reader's language.
/// </summary>
public sealed class NominationRateLimiterPolicy(IOptions<NominationOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "nomination";

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method)
            || httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } account)
            return RateLimitPartition.GetNoLimiter("");
        var limits = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter("nominator:" + account, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PostsPerAccount,
            Window = limits.PostWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, ct) =>
        TooManyRequests.WriteAsync(context, "Nomination", backToForm: true, ct);
}
