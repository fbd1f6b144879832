using System.Text.RegularExpressions;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Localization;

namespace CitySpiritAwards.Web.Tests.Localization;

/// <summary>Every page and message exists in both 简体中文 and English.</summary>
public sealed partial class StringCatalogTests
{
    private static readonly string WebProject = Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web");
    private static readonly StringCatalog Catalog = StringCatalog.FromFolder(Path.Combine(WebProject, "Localization", "Strings"));

    [Fact]
    public void Every_string_has_a_Chinese_and_an_English_text()
    {
        var incomplete = Catalog.Keys
            .Where(key => StringCatalog.Cultures.Any(culture =>
                string.IsNullOrWhiteSpace(Catalog.TranslationsOf(key).GetValueOrDefault(culture))))
            .ToList();

        Assert.Empty(incomplete);
    }

    [Fact]
    public void Chinese_texts_are_in_Chinese()
    {
        var untranslated = Catalog.Keys
            .Where(key => !HanCharacter().IsMatch(Catalog.TranslationsOf(key)[StringCatalog.Chinese]))
            .ToList();

        Assert.Empty(untranslated);
    }

    [Fact]
    public void Every_key_the_pages_use_is_in_the_catalog()
    {
        var sources = Directory.EnumerateFiles(WebProject, "*.cs*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        var used = sources
            .Select(path => (Text: File.ReadAllText(path), File: Path.GetFileName(path)))
            .SelectMany(source => LiteralKey().Matches(source.Text).Concat(DisplayKey().Matches(source.Text))
                .Select(m => (Key: m.Groups[1].Value, source.File)))
            .ToList();
        var known = Catalog.Keys.ToHashSet();

        var missing = used.Where(u => !known.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_plural_string_has_a_singular_form()
    {
        var sources = Directory.EnumerateFiles(WebProject, "*.cs*", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"));
        var keys = sources.SelectMany(path => PluralKey().Matches(File.ReadAllText(path)).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var known = Catalog.Keys.ToHashSet();

        var missing = keys.SelectMany(key => new[] { key, key + ".One" }).Where(key => !known.Contains(key)).ToList();

        Assert.NotEmpty(keys);
        Assert.Empty(missing);
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex HanCharacter();

    // L["Some.Key"] in pages and code; keys are dotted names, which sets them apart from other indexers.
    [GeneratedRegex(@"\bL\[""([A-Z][A-Za-z]+\.[A-Za-z.]+)""")]
    private static partial Regex LiteralKey();

    // [Display(Name = "Some.Key")] on a form's fields: their labels, and how the error summary names them.
    [GeneratedRegex(@"\[Display\(Name = ""([A-Z][A-Za-z]+\.[A-Za-z.]+)""")]
    private static partial Regex DisplayKey();

    // text.Plural("Some.Key", count) reads Some.Key and Some.Key.One.
    [GeneratedRegex(@"\.Plural\(""([A-Z][A-Za-z]+\.[A-Za-z.]+)""")]
    private static partial Regex PluralKey();
}
