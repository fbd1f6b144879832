using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Tests.Nominations;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, null, 30, 1, 12, 3)]
    [InlineData(3, 12, 30, 3, 12, 3)]
    [InlineData(9, 12, 30, 3, 12, 3)]   // past the end: the last page
    [InlineData(-4, 12, 30, 1, 12, 3)]  // before the start: the first page
    [InlineData(1, 500, 30, 1, 48, 1)]  // sizes are capped
    [InlineData(1, 0, 30, 1, 1, 30)]
    [InlineData(5, 12, 0, 1, 12, 1)]    // nothing to show is still one (empty) page
    public void Any_page_asked_for_becomes_one_that_exists(int? page, int? size, int total, int expectedPage, int expectedSize, int expectedPages)
    {
        var paging = Paging.For(page, size, total, PageSizes.Gallery);

        Assert.Equal((expectedPage, expectedSize, expectedPages), (paging.Page, paging.PageSize, paging.PageCount));
    }

    [Fact]
    public void The_second_of_three_pages_skips_the_first_and_links_both_ways()
    {
        var paging = Paging.For(2, 10, 25, PageSizes.Gallery);

        Assert.Equal(10, paging.Skip);
        Assert.True(paging.HasPrevious);
        Assert.True(paging.HasNext);
        Assert.False(Paging.For(3, 10, 25, PageSizes.Gallery).HasNext);
    }
}

public sealed class NominationPhotosTests
{
    [Theory]
    [InlineData("0123456789abcdef", true)]
    [InlineData("0123456789ABCDEF", false)]
    [InlineData("0123456789abcde", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("0123456789abcdeg", false)]
    [InlineData(null, false)]
    public void Photo_ids_are_sixteen_lower_case_hex_digits(string? id, bool valid) =>
        Assert.Equal(valid, NominationPhotos.IsValidId(id));

    [Fact]
    public void Ids_from_a_form_keep_the_valid_ones_once_in_order()
    {
        Assert.Equal(["bbbbbbbbbbbbbbbb", "aaaaaaaaaaaaaaaa"],
            NominationPhotos.ValidDistinct(["bbbbbbbbbbbbbbbb", "nonsense", null, "aaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbb"]));
    }

    [Fact]
    public void Ids_made_elsewhere_than_the_site_are_a_programming_error()
    {
        Assert.Throws<ArgumentException>(() => NominationPhotos.EnsureValid(["not-an-id"]));
        Assert.Throws<ArgumentException>(() => NominationPhotos.EnsureValid(["aaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaa"]));
        Assert.Empty(NominationPhotos.EnsureValid(null));
    }
}

public sealed class ExcerptTests
{
    [Fact]
    public void A_short_story_is_shown_whole_with_line_breaks_as_spaces() =>
        Assert.Equal("第一行 第二行", NominationText.Excerpt("第一行\n第二行", 20));

    [Fact]
    public void A_long_story_is_cut_at_a_character_boundary_with_an_ellipsis()
    {
        // A family emoji is several code points but one character; it must not be cut in half.
        var story = "邻居" + "👨‍👩‍👧" + "每天帮忙";

        Assert.Equal("邻居👨‍👩‍👧…", NominationText.Excerpt(story, 3));
    }

    [Fact]
    public void Trailing_space_before_the_cut_is_dropped() =>
        Assert.Equal("She helps…", NominationText.Excerpt("She helps everyone", 10));
}
