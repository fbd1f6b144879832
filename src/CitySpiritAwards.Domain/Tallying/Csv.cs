using System.Globalization;
using System.Text;

namespace CitySpiritAwards.Domain.Tallying;

/// <summary>
/// CSV files people open in Excel or WPS (RFC 4180 with CRLF lines), encoded as UTF-8 with a byte order mark so
/// Chinese opens correctly. Text cells are neutralised against formula injection: a text that starts with
/// = + - @ (or a tab or carriage return, which some spreadsheets skip before reading a formula) gets a leading
/// apostrophe, so a nominee called "=HYPERLINK(…)" stays text. Numbers are cells of their own kind: they are
/// formatted here (invariant culture) and cannot carry a formula, so a negative number stays a number.
/// </summary>
public static class Csv
{
    public static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private const string FormulaStarts = "=+-@\t\r";

    /// <summary>A text cell: neutralised, then quoted if it holds a comma, quote, line break or edge space.</summary>
    public static string Text(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && FormulaStarts.Contains(text[0]))
            text = "'" + text;
        var needsQuotes = text.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (text.Length > 0 && (text[0] == ' ' || text[^1] == ' '));
        return needsQuotes ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A number with a fixed count of decimals, e.g. <c>Number(-0.52, 4)</c> is -0.5200.</summary>
    public static string Number(double value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string Number(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>A calendar date as yyyy-MM-dd, which spreadsheets read as a date in every locale.</summary>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The file: a byte order mark, then each row's cells (already made by <see cref="Text"/> or <see cref="Number(long)"/>) joined by commas, CRLF after each row.</summary>
    public static byte[] File(IEnumerable<IReadOnlyList<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
            text.AppendJoin(',', row).Append("\r\n");
        var bytes = new byte[Utf8Bom.Length + Encoding.UTF8.GetByteCount(text.ToString())];
        Utf8Bom.CopyTo(bytes);
        Encoding.UTF8.GetBytes(text.ToString(), bytes.AsSpan(Utf8Bom.Length));
        return bytes;
    }
}
