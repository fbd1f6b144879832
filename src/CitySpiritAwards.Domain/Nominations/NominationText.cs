using System.Globalization;
using System.Text;

namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// How nomination text is cleaned, checked and measured. The validator and the code that stores a nomination use the
/// same three steps, so what was checked is exactly what is stored.
/// </summary>
public static class NominationText
{
    /// <summary>
    /// Trims whitespace (including the ideographic space U+3000); in a multi-line text turns every line break
    /// (CR LF from a browser's textarea, CR, NEL, U+2028, U+2029) into "\n"; then normalises to NFC when the text is
    /// valid (<see cref="IsValid"/>). Invalid text is returned trimmed but otherwise as it came, to be refused.
    /// </summary>
    public static string Clean(string? text, bool multiline)
    {
        var cleaned = (text ?? "").Trim();
        if (multiline)
            cleaned = cleaned.ReplaceLineEndings("\n");
        return IsValid(cleaned, multiline) ? cleaned.Normalize(NormalizationForm.FormC) : cleaned;
    }

    /// <summary>
    /// False when the text holds an unpaired surrogate (invalid UTF-16), a Unicode noncharacter (U+FDD0-U+FDEF and
    /// U+xxFFFE/U+xxFFFF), or a control character. A multi-line text may hold "\n" and "\t"; a single-line one
    /// (a name, an address) may hold no control character and no line or paragraph separator.
    /// Format characters such as the zero-width joiner inside emoji are allowed.
    /// </summary>
    public static bool IsValid(string text, bool multiline)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
                return false;
            rest = rest[consumed..];
            if (IsNoncharacter(rune.Value))
                return false;
            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Control when !(multiline && rune.Value is '\n' or '\t'):
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator when !multiline:
                    return false;
            }
        }
        return true;
    }

    /// <summary>The length as a reader counts it: extended grapheme clusters (UAX #29), not UTF-16 units.</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>
    /// The first <paramref name="maxLength"/> characters as a reader counts them, cut at a grapheme boundary (never
    /// inside an emoji or an accented letter), with "…" when something was left out; line breaks become spaces.
    /// </summary>
    public static string Excerpt(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var flat = text.ReplaceLineEndings(" ");
        var info = new StringInfo(flat);
        return info.LengthInTextElements <= maxLength ? flat : info.SubstringByTextElements(0, maxLength).TrimEnd() + "…";
    }

    private static bool IsNoncharacter(int codePoint) =>
        codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
