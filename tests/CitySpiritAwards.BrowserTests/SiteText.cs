using System.Globalization;
using System.Text.Json;
using CitySpiritAwards.Testing;

namespace CitySpiritAwards.BrowserTests;

/// <summary>
/// The site's own words in one language, read from its string files (src/CitySpiritAwards.Web/Localization/Strings),
/// so a journey asserts what a reader of that language sees on the page without copying every sentence twice.
/// </summary>
public sealed class SiteText(string culture)
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Catalog = new(Load);

    private readonly string _language = culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? "zh-CN" : "en";

    public string this[string key] =>
        Catalog.Value.TryGetValue(key, out var translations) ? translations[_language] : throw new KeyNotFoundException($"The site has no string '{key}'.");

    public string this[string key, params object[] arguments] => string.Format(CultureInfo.InvariantCulture, this[key], arguments);

    private static Dictionary<string, Dictionary<string, string>> Load()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web", "Localization", "Strings");
        var all = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json"))
        {
            foreach (var (key, translations) in JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(file))!)
                all[key] = translations;
        }
        return all;
    }
}
