namespace CitySpiritAwards.Web.Hosting;

/// <summary>
/// The site's icon is wwwroot/favicon.svg, linked from the layout. Browsers (and crawlers) that ask for /favicon.ico regardless
/// are sent there for good, rather than filling the logs with 404s.
/// </summary>
public static class Favicon
{
    public const string Path = "/favicon.svg";

    public static void MapFavicon(this WebApplication app) =>
        app.MapMethods("/favicon.ico", [HttpMethods.Get, HttpMethods.Head], () => Results.Redirect(Path, permanent: true))
            .ExcludeFromDescription();
}
