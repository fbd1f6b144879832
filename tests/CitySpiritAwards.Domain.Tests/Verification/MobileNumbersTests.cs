using CitySpiritAwards.Domain.Verification;

namespace CitySpiritAwards.Domain.Tests.Verification;

public sealed class MobileNumbersTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+86-13812345678")]
    [InlineData("8613812345678")]
    [InlineData("008613812345678")]
    [InlineData("(+86) 138.1234.5678")]
    [InlineData("１３８１２３４５６７８")] // full-width digits, as a Chinese input method types them
    [InlineData("＋８６ 13812345678")]
    [InlineData(" 138\u30001234\u30005678 ")]
    public void Numbers_written_as_people_write_them_become_one_form(string typed) =>
        Assert.Equal("+8613812345678", MobileNumbers.Normalize(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("1381234567")]      // 10 digits
    [InlineData("138123456789")]    // 12 digits
    [InlineData("12812345678")]     // 12x is no mobile prefix
    [InlineData("10812345678")]
    [InlineData("23812345678")]
    [InlineData("021 6123 4567")]   // a Shanghai landline
    [InlineData("+1 415 555 0100")] // another country
    [InlineData("+852 9123 4567")]  // Hong Kong: not a mainland number
    [InlineData("+44 13812345678")]
    [InlineData("138x1234x5678")]
    [InlineData("138 1234 5678 ext 2")]
    [InlineData("+86+13812345678")]
    public void Anything_else_is_refused(string? typed) => Assert.Null(MobileNumbers.Normalize(typed));

    [Fact]
    public void Every_prefix_from_13_to_19_is_a_mobile()
    {
        foreach (var second in "3456789")
            Assert.Equal($"+861{second}012345678", MobileNumbers.Normalize($"1{second}012345678"));
    }

    [Fact]
    public void Masked_for_its_owner_shows_the_first_three_and_last_four_digits() =>
        Assert.Equal("138****5678", MobileNumbers.Mask("+8613812345678"));
}
