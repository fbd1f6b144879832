using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
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

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var seconds = 60;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = Math.Max(1, (int)Math.Ceiling(seconds / 60.0));

        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(
                statusCode: StatusCodes.Status429TooManyRequests,
                title: text["Nomination.TooMany.Title"],
                detail: text.Plural("Nomination.TooMany.Message", minutes),
                type: "urn:city-spirit-awards:too-many-requests").ExecuteAsync(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var e = HtmlEncoder.Create(UnicodeRanges.All);
        var language = StringCatalog.CurrentLanguage;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{language}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{e.Encode(text["Nomination.TooMany.Title"])}</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body>
            <main id="main">
            <h1>{e.Encode(text["Nomination.TooMany.Title"])}</h1>
            <p class="notice notice-error" role="alert">{e.Encode(text.Plural("Nomination.TooMany.Message", minutes))}</p>
            <p><a class="button" href="{e.Encode(http.Request.Path)}">{e.Encode(text["Nomination.TooMany.Back"])}</a></p>
            </main>
            </body>
            </html>
            """, ct);
    };
}
