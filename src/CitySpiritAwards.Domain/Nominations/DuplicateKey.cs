using System.Globalization;
using System.Text;

namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// A key that is equal for two nominations that probably name the same person, so moderators can be offered to merge
/// them. It only flags: a moderator decides. The key is the district id, ":", and the name folded this way:
/// NFKC (full-width Ｌｉｎ → Lin, ideographic space → space), lower-cased (invariant), then stripped of whitespace,
/// dashes and hyphens, middle dots (· ・ ‧ •) and invisible format characters. So "林 晓梅" and "林晓梅",
/// "Lin Xiaomei" and "lin-xiaomei", "约翰·史密斯" and "约翰史密斯" match in the same district, and never across districts.
/// Word order and script are kept: "Xiaomei Lin" and "林晓梅" do not match.
/// </summary>
public static class DuplicateKey
{
    /// <summary>Middle dots used between name parts (· ‧ ・ • ∙ ⋅), and the minus sign, a hyphen look-alike that is not a dash.</summary>
    private static readonly HashSet<int> Separators = [0x00B7, 0x2027, 0x30FB, 0x2022, 0x2219, 0x22C5, 0x2212];

    /// <exception cref="ArgumentException">The name is not valid Unicode (validation refuses such names first).</exception>
    public static string For(string nomineeName, string districtId)
    {
        ArgumentNullException.ThrowIfNull(districtId);
        return $"{districtId}:{Fold(nomineeName)}";
    }

    /// <summary>
    /// The name folded as the key folds it, without the district: also what a search by name compares, so "lin xiaomei"
    /// finds "Lin-Xiaomei" and "林 晓梅" finds "林晓梅".
    /// </summary>
    /// <exception cref="ArgumentException">The name is not valid Unicode.</exception>
    public static string Fold(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var key = new StringBuilder(folded.Length);
        foreach (var rune in folded.EnumerateRunes())
        {
            if (!IsIgnored(rune))
                key.Append(rune.ToString());
        }
        return key.ToString();
    }

    private static bool IsIgnored(Rune rune) =>
        Rune.IsWhiteSpace(rune)
        || Separators.Contains(rune.Value)
        || Rune.GetUnicodeCategory(rune) is UnicodeCategory.DashPunctuation or UnicodeCategory.Format or UnicodeCategory.Control;
}
