using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Shared;

/// <summary>
/// What every rate limiter answers when it refuses: 429 with Retry-After, problem+json for the API and a short page
/// for forms, in the reader's language. Its words are <c>{prefix}.TooMany.Title</c>, <c>.Message</c> (with the minutes
/// to wait, and a <c>.One</c> form) and <c>.Back</c>.
/// </summary>
public static class TooManyRequests
{
    /// <param name="backToForm">The page's link goes back to the refused page (true) or to the home page.</param>
    public static async ValueTask WriteAsync(OnRejectedContext context, string prefix, bool backToForm, CancellationToken ct)
    {
        var http = context.HttpContext;
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var seconds = 60;
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var minutes = Math.Max(1, (int)Math.Ceiling(seconds / 60.0));
        var title = text[$"{prefix}.TooMany.Title"];
        var message = text.Plural($"{prefix}.TooMany.Message", minutes);

        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: title, detail: message,
                type: "urn:city-spirit-awards:too-many-requests").ExecuteAsync(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.ContentType = "text/html; charset=utf-8";
        var e = HtmlEncoder.Create(UnicodeRanges.All);
        var back = backToForm ? http.Request.Path.ToString() : "/";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{StringCatalog.CurrentLanguage}">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{e.Encode(title)}</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body>
            <main id="main">
            <h1>{e.Encode(title)}</h1>
            <p class="notice notice-error" role="alert">{e.Encode(message)}</p>
            <p><a class="button" href="{e.Encode(back)}">{e.Encode(text[$"{prefix}.TooMany.Back"])}</a></p>
            </main>
            </body>
            </html>
            """, ct);
    }
}
