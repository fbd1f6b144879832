using System.Globalization;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Localization;

namespace CitySpiritAwards.Web.Tests.Localization;

/// <summary>English says "1 vote" and "2 votes"; Chinese says 票 either way.</summary>
public sealed class PluralTests
{
    private static readonly JsonStringLocalizer Text = new(
        StringCatalog.FromFolder(Path.Combine(RepositoryPaths.Root, "src", "CitySpiritAwards.Web", "Localization", "Strings")));

    private static string In(string culture, Func<string> read)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try { return read(); }
        finally { (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format); }
    }

    [Theory]
    [InlineData(1, "1 vote", "1 票")]
    [InlineData(2, "2 votes", "2 票")]
    [InlineData(0, "0 votes", "0 票")]
    public void A_count_of_one_is_singular_in_English_and_Chinese_is_the_same_for_every_count(long votes, string english, string chinese)
    {
        Assert.Equal(english, In("en", () => Text.Plural("VotePage.Votes", votes)));
        Assert.Equal(chinese, In("zh-CN", () => Text.Plural("VotePage.Votes", votes)));
    }

    [Fact]
    public void Other_arguments_are_given_after_the_count()
    {
        Assert.Equal("You have used 0 of your 1 vote in this award.", In("en", () => Text.Plural("VotePage.Used", 1, 0, 1)));
        Assert.Equal("You have used 1 of your 3 votes in this award.", In("en", () => Text.Plural("VotePage.Used", 3, 1, 3)));
        Assert.Equal("Please try again in 1 minute.", In("en", () => Text.Plural("Nomination.TooMany.Message", 1)).Split(". ")[^1]);
    }
}
