using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Tests.Nominations;

public sealed class DuplicateKeyTests
{
    [Theory]
    [InlineData("林 晓梅", "林晓梅")]
    [InlineData("林\u3000晓梅", "林晓梅")] // ideographic space
    [InlineData("Lin Xiaomei", "lin-xiaomei")]
    [InlineData("LIN XIAOMEI", "lin xiaomei")]
    [InlineData("Ｌｉｎ　Ｘｉａｏｍｅｉ", "Lin Xiaomei")] // full-width letters and space
    [InlineData("Lin\u2010Xiaomei", "Lin Xiaomei")] // Unicode hyphen
    [InlineData("Lin\u200BXiaomei", "Lin Xiaomei")] // zero-width space
    [InlineData("约翰·史密斯", "约翰史密斯")]
    [InlineData("约翰・史密斯", "约翰·史密斯")] // katakana middle dot
    [InlineData("  Lin Xiaomei ", "Lin Xiaomei")]
    public void Spellings_of_the_same_name_in_the_same_district_share_a_key(string one, string other)
    {
        Assert.Equal(DuplicateKey.For(one, "pudong"), DuplicateKey.For(other, "pudong"));
    }

    [Theory]
    [InlineData("林晓梅", "林晓玫")]
    [InlineData("Lin Xiaomei", "Lin Xiaomin")]
    [InlineData("Lin Xiaomei", "Xiaomei Lin")]
    [InlineData("林晓梅", "Lin Xiaomei")]
    public void Different_names_have_different_keys(string one, string other)
    {
        Assert.NotEqual(DuplicateKey.For(one, "pudong"), DuplicateKey.For(other, "pudong"));
    }

    [Fact]
    public void The_same_name_in_another_district_is_another_person()
    {
        Assert.NotEqual(DuplicateKey.For("林晓梅", "pudong"), DuplicateKey.For("林晓梅", "xuhui"));
    }

    [Fact]
    public void The_key_is_the_district_and_the_folded_name()
    {
        Assert.Equal("pudong:linxiaomei", DuplicateKey.For("Lin Xiao-Mei", "pudong"));
        Assert.Equal("xuhui:林晓梅", DuplicateKey.For(" 林·晓梅 ", "xuhui"));
    }

    [Fact]
    public void A_name_that_is_not_valid_unicode_has_no_key()
    {
        Assert.Throws<ArgumentException>(() => DuplicateKey.For("林\uD800", "pudong"));
    }
}
