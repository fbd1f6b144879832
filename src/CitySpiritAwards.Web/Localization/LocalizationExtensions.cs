using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Localization;

public static class LocalizationExtensions
{
    /// <summary>
    /// English needs "1 vote" but "2 votes", so a count of 1 uses the key's ".One" string (Chinese has the same text in both).
    /// The count is the string's only argument unless <paramref name="arguments"/> are given.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer text, string key, long count, params object[] arguments) =>
        text[count == 1 ? key + ".One" : key, arguments.Length == 0 ? [count] : arguments];

    public static void AddAwardsLocalization(this WebApplicationBuilder builder)
    {
        var catalog = StringCatalog.FromFolder(Path.Combine(AppContext.BaseDirectory, "Localization", "Strings"));
        builder.Services.AddSingleton(catalog);
        // Registered before AddLocalization so its resource-file factory is not used.
        builder.Services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<DisplayNames>();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = StringCatalog.Cultures.Select(name => new CultureInfo(name)).ToList();
            options.DefaultRequestCulture = new RequestCulture(StringCatalog.Chinese);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Query string (?culture=en) for shared links, then the remembered cookie, then the browser's languages.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }
}
