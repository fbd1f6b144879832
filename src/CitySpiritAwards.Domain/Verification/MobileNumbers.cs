namespace CitySpiritAwards.Domain.Verification;

/// <summary>
/// Mainland China mobile numbers, the only kind a code is sent to: 11 digits starting 13-19, written as people write
/// them (spaces, dashes, dots, brackets, full-width digits, with or without +86, 0086 or 86 in front). The one form
/// stored and compared is <c>+86</c> and the 11 digits; shown to its owner masked, never in full on a page.
/// </summary>
public static class MobileNumbers
{
    public const string CountryCode = "+86";

    /// <summary>"+8613812345678", or null when what was typed is not a mainland mobile number.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var digits = new System.Text.StringBuilder(16);
        var plus = false;
        foreach (var raw in typed.Trim())
        {
            // Full-width digits and plus (as a Chinese input method types them) count as their ASCII forms.
            var c = raw is >= '\uFF10' and <= '\uFF19' ? (char)('0' + (raw - '\uFF10')) : raw == '\uFF0B' ? '+' : raw;
            if (char.IsAsciiDigit(c))
                digits.Append(c);
            else if (c == '+' && digits.Length == 0 && !plus)
                plus = true;
            else if (c is not (' ' or '-' or '.' or '(' or ')' or '\u00A0' or '\u3000'))
                return null;
        }
        var number = digits.ToString();
        if (number.StartsWith("0086", StringComparison.Ordinal) && !plus)
            number = number[4..];
        else if (number.StartsWith("86", StringComparison.Ordinal) && number.Length == 13)
            number = number[2..];
        else if (plus)
            return null; // another country's code
        return IsMobile(number) ? CountryCode + number : null;
    }

    /// <summary>"138****5678": the first three and last four digits, for the owner's own pages.</summary>
    public static string Mask(string normalized)
    {
        var national = normalized.StartsWith(CountryCode, StringComparison.Ordinal) ? normalized[CountryCode.Length..] : normalized;
        return national.Length == 11 ? $"{national[..3]}****{national[7..]}" : "****";
    }

    private static bool IsMobile(string national) =>
        national.Length == 11 && national[0] == '1' && national[1] is >= '3' and <= '9' && national.All(char.IsAsciiDigit);
}
