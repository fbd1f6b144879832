using Microsoft.AspNetCore.Localization;

namespace CitySpiritAwards.Web.Localization;

/// <summary>
/// The language and text-size switches in every page's header. They are plain links so they work without
/// JavaScript and with one tap; each sets a long-lived cookie and returns to the page the reader was on.
/// </summary>
public static class Preferences
{
    public const string TextSizeCookie = "csa-text-size";

    public static void MapPreferences(this WebApplication app)
    {
        var preferences = app.MapGroup("preferences").ExcludeFromDescription();

        preferences.MapGet("culture", (string culture, string? returnUrl, HttpContext context) =>
        {
            if (!StringCatalog.Cultures.Contains(culture, StringComparer.OrdinalIgnoreCase))
                return Results.Problem(statusCode: 400, title: "Unsupported language / 不支持的语言");
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                LongLived());
            return Results.LocalRedirect(SafeReturn(returnUrl));
        });

        preferences.MapGet("text-size", (string size, string? returnUrl, HttpContext context) =>
        {
            if (size is not ("large" or "normal"))
                return Results.Problem(statusCode: 400, title: "Unsupported text size / 不支持的字号");
            context.Response.Cookies.Append(TextSizeCookie, size, LongLived());
            return Results.LocalRedirect(SafeReturn(returnUrl));
        });
    }

    public static bool WantsLargeText(HttpRequest request) => request.Cookies[TextSizeCookie] == "large";

    /// <summary>
    /// Only a path on this site, as the pages' own links give it (percent-encoded, so printable ASCII); anything else is the
    /// home page. "//evil.example" or "https://…" would make this an open redirect; so would "/\t/x", since browsers drop
    /// tabs and line breaks ("//x"); and control or non-ASCII characters cannot go in a Location header (they were a 500).
    /// </summary>
    private static string SafeReturn(string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl[0] == '/'
        && (returnUrl.Length == 1 || (returnUrl[1] != '/' && returnUrl[1] != '\\'))
        && returnUrl.All(c => c is > ' ' and < '\x7f')
            ? returnUrl
            : "/";

    private static CookieOptions LongLived() => new()
    {
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        IsEssential = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
    };
}
