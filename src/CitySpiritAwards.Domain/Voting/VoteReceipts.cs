using System.Security.Cryptography;

namespace CitySpiritAwards.Domain.Voting;

/// <summary>
/// Receipt ids: 128 random bits (a cryptographic generator) written as 26 characters of lower-case base32
/// (a-z, 2-7). Nobody can guess another voter's receipt, and one can be read out or typed without ambiguity of case.
/// </summary>
public static class VoteReceipts
{
    public const int Length = 26;
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        Span<char> text = stackalloc char[Length];
        int buffer = 0, bits = 0, written = 0;
        foreach (var b in bytes)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                text[written++] = Alphabet[(buffer >> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        text[written++] = Alphabet[(buffer << (5 - bits)) & 31];
        return new string(text[..written]);
    }

    /// <summary>The receipt as stored (lower case, spaces and dashes a reader may have added removed), or null if it cannot be one.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed))
            return null;
        var cleaned = new string(typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToLowerInvariant).ToArray());
        return cleaned.Length == Length && cleaned.All(c => Alphabet.Contains(c)) ? cleaned : null;
    }
}
