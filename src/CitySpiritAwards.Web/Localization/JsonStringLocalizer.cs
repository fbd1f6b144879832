using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Web.Localization;

/// <summary>
/// The site's strings, kept as JSON beside the code (Localization/Strings/*.json, one file per feature):
/// <c>{ "Key": { "zh-CN": "…", "en": "…" } }</c>. Both languages sit side by side, so a missing translation
/// shows in review, and a unit test checks every key has both.
/// </summary>
public sealed class StringCatalog
{
    public const string Chinese = "zh-CN";
    public const string English = "en";
    public static readonly string[] Cultures = [Chinese, English];

    /// <summary>The site's language for a culture name: Chinese for any "zh…", English for every other.</summary>
    public static string LanguageOf(string cultureName) => LocalizedText.IsChinese(cultureName) ? Chinese : English;

    /// <summary>The language this request (or job section) is being read in.</summary>
    public static string CurrentLanguage => LanguageOf(CultureInfo.CurrentUICulture.Name);

    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _strings;

    public StringCatalog(IEnumerable<string> jsonFiles)
    {
        var strings = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var file in jsonFiles.Order(StringComparer.Ordinal))
        {
            var entries = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(file))
                ?? throw new InvalidDataException($"{file} is empty.");
            foreach (var (key, translations) in entries)
            {
                if (!strings.TryAdd(key, translations.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase)))
                    throw new InvalidDataException($"String '{key}' is defined twice (again in {Path.GetFileName(file)}).");
            }
        }
        _strings = strings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static StringCatalog FromFolder(string folder) =>
        new(Directory.EnumerateFiles(folder, "*.json"));

    public IEnumerable<string> Keys => _strings.Keys;

    public string? Find(string key, CultureInfo culture)
    {
        if (!_strings.TryGetValue(key, out var translations))
            return null;
        var language = LanguageOf(culture.Name);
        return translations.GetValueOrDefault(language);
    }

    public IReadOnlyDictionary<string, string> TranslationsOf(string key) => _strings[key];
}

public sealed class JsonStringLocalizer(StringCatalog catalog) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = catalog.Find(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, resourceNotFound: value is null);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, arguments), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        catalog.Keys.Select(key => this[key]);
}

public sealed class JsonStringLocalizerFactory(StringCatalog catalog) : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer _localizer = new(catalog);

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}
