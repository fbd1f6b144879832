using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Domain.Tests.Rules;

public sealed class LocalizedTextRules
{
    private static readonly LocalizedText Name = new("海纳百川", "Embracing All Rivers");

    [Theory]
    [InlineData("zh-CN", "海纳百川")]
    [InlineData("zh-Hans", "海纳百川")]
    [InlineData("en", "Embracing All Rivers")]
    [InlineData("en-GB", "Embracing All Rivers")]
    [InlineData("fr", "Embracing All Rivers")]
    public void Chinese_readers_get_Chinese_and_everyone_else_English(string culture, string expected)
    {
        Assert.Equal(expected, Name.For(culture));
    }

    [Fact]
    public void A_text_missing_a_language_is_incomplete()
    {
        Assert.True(Name.IsComplete);
        Assert.False((Name with { En = " " }).IsComplete);
    }
}
