using System.Text;
using CitySpiritAwards.Domain.Tallying;

namespace CitySpiritAwards.Domain.Tests.Tallying;

public sealed class CsvTests
{
    [Theory]
    [InlineData("王小虎", "王小虎")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData(null, "")]
    [InlineData("Li, Wei", "\"Li, Wei\"")]
    [InlineData("the \"steady\" driver", "\"the \"\"steady\"\" driver\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded ", "\" padded \"")]
    public void Text_is_quoted_only_when_it_must_be(string? value, string cell) =>
        Assert.Equal(cell, Csv.Text(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1:A9)", "'@SUM(A1:A9)")]
    [InlineData("\t=1+1", "'\t=1+1")]
    [InlineData("=1,2", "\"'=1,2\"")]
    [InlineData("a=b", "a=b")]
    public void Text_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(string value, string cell) =>
        Assert.Equal(cell, Csv.Text(value));

    [Fact]
    public void Numbers_are_formatted_invariantly_and_a_negative_number_stays_a_number()
    {
        Assert.Equal("-0.5200", Csv.Number(-0.52, 4));
        Assert.Equal("66.39", Csv.Number(66.394, 2));
        Assert.Equal("0.13", Csv.Number(0.125, 2)); // half away from zero, as people round
        Assert.Equal("7.50", Csv.Number(7.5m, 2));
        Assert.Equal("12000", Csv.Number(12000L));
        Assert.Equal("2027-03-10", Csv.Date(new DateOnly(2027, 3, 10)));
    }

    [Fact]
    public void A_file_starts_with_the_UTF8_byte_order_mark_and_ends_each_row_with_CRLF()
    {
        var bytes = Csv.File([["名次", "姓名"], [Csv.Number(1), Csv.Text("=王")]]);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal("名次,姓名\r\n1,'=王\r\n", Encoding.UTF8.GetString(bytes[3..]));
    }
}
