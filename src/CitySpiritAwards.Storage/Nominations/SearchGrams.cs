using System.Text;

namespace CitySpiritAwards.Storage.Nominations;

/// <summary>
/// What a search by one or two characters looks for: each character of a folded name and each pair of neighbouring
/// ones, space-separated. A trigram index needs three characters, but Chinese names are often searched by two ("晓梅").
/// </summary>
public static class SearchGrams
{
    /// <summary>The longest search answered from the grams; longer ones use the name's trigram index.</summary>
    public const int MaxLength = 2;

    public static string Of(string foldedName)
    {
        var runes = foldedName.EnumerateRunes().Select(r => r.ToString()).ToList();
        var grams = new SortedSet<string>(runes, StringComparer.Ordinal);
        for (var i = 0; i + 1 < runes.Count; i++)
            grams.Add(runes[i] + runes[i + 1]);
        return string.Join(' ', grams);
    }

    /// <summary>The number of characters of a folded search, as a reader counts them (runes: one per Chinese character).</summary>
    public static int Length(string folded) => folded.EnumerateRunes().Count();
}
