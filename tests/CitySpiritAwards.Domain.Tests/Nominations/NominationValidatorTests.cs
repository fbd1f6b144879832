using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Tests.Nominations;

public sealed class NominationValidatorTests
{
    private static readonly string[] Districts = ["pudong", "xuhui"];

    private const string StoryZh =
        "她每个星期六下午都在社区服务中心教老人使用一网通办，三年来从未间断，已经帮助两百多位老人学会了在手机上预约挂号、缴纳水电费和办理社保业务。";
    private const string StoryEn =
        "Every Saturday afternoon for three years she has taught older residents at the community service centre to book doctors and pay bills on their phones.";

    private static readonly NominationDraft Valid = new(
        CategoryIds.Magnanimity, "pudong", "林晓梅", Relationships.Neighbour, StoryZh, null, "lin.xiaomei@example.cn", PhotoCount: 2);

    private static IReadOnlyList<NominationProblem> Validate(NominationDraft draft) =>
        NominationValidator.Validate(draft, CategoryIds.All, Districts);

    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    [Fact]
    public void A_complete_draft_in_Chinese_English_or_both_has_no_problems()
    {
        Assert.Empty(Validate(Valid));
        Assert.Empty(Validate(Valid with { StoryZh = null, StoryEn = StoryEn }));
        Assert.Empty(Validate(Valid with { StoryEn = StoryEn }));
    }

    [Fact]
    public void An_empty_draft_reports_every_missing_field_at_once()
    {
        var problems = Validate(new NominationDraft("", " ", "", "", null, "  \n ", "", 0));

        Assert.Equal(
        [
            new NominationProblem(NominationFields.CategoryId, ProblemCodes.Required),
            new NominationProblem(NominationFields.DistrictId, ProblemCodes.Required),
            new NominationProblem(NominationFields.NomineeName, ProblemCodes.Required),
            new NominationProblem(NominationFields.Relationship, ProblemCodes.Required),
            new NominationProblem(NominationFields.Story, ProblemCodes.Required),
            new NominationProblem(NominationFields.NomineeEmail, ProblemCodes.Required),
        ], problems);
    }

    [Fact]
    public void Ids_the_site_does_not_know_are_unknown()
    {
        var problems = Validate(Valid with { CategoryId = "bravery", DistrictId = "Pudong", Relationship = "boss" });

        Assert.Equal(
        [
            new NominationProblem(NominationFields.CategoryId, ProblemCodes.Unknown),
            new NominationProblem(NominationFields.DistrictId, ProblemCodes.Unknown),
            new NominationProblem(NominationFields.Relationship, ProblemCodes.Unknown),
        ], problems);
    }

    [Theory]
    [InlineData("林")]
    [InlineData("A")]
    [InlineData("  林 ")]
    [InlineData("😀")]
    [InlineData("e\u0301")] // e + combining acute: one character as a reader sees it
    public void A_name_of_one_character_is_too_short(string name)
    {
        Assert.Equal([new NominationProblem(NominationFields.NomineeName, ProblemCodes.TooShort, 2, 1)], Validate(Valid with { NomineeName = name }));
    }

    [Theory]
    [InlineData("王芳")]
    [InlineData("Al")]
    [InlineData("\u3000王芳\u3000")] // ideographic spaces are trimmed
    [InlineData("😀😀")]
    [InlineData("👨‍👩‍👧🇨🇳")] // a family emoji (five code points) and a flag (two) are one character each
    public void A_name_of_two_characters_is_enough(string name)
    {
        Assert.Empty(Validate(Valid with { NomineeName = name }));
    }

    public static TheoryData<string> CharacterKinds => ["林", "a", "🇨🇳", "👍🏽"];

    [Theory]
    [MemberData(nameof(CharacterKinds))]
    public void A_name_of_40_characters_is_accepted_and_41_refused_counting_CJK_and_emoji_as_one(string character)
    {
        Assert.Empty(Validate(Valid with { NomineeName = Repeat(character, 40) }));
        Assert.Equal([new NominationProblem(NominationFields.NomineeName, ProblemCodes.TooLong, 40, 41)],
            Validate(Valid with { NomineeName = Repeat(character, 41) }));
    }

    [Fact]
    public void Names_are_measured_after_trimming()
    {
        Assert.Empty(Validate(Valid with { NomineeName = "   " + new string('林', 40) + "  " }));
    }

    [Theory]
    [MemberData(nameof(CharacterKinds))]
    public void A_story_runs_from_50_to_2000_characters_in_each_language(string character)
    {
        Assert.Empty(Validate(Valid with { StoryZh = Repeat(character, 50) }));
        Assert.Empty(Validate(Valid with { StoryZh = Repeat(character, 2000) }));
        Assert.Equal([new NominationProblem(NominationFields.StoryZh, ProblemCodes.TooShort, 50, 49)],
            Validate(Valid with { StoryZh = Repeat(character, 49) }));
        Assert.Equal([new NominationProblem(NominationFields.StoryEn, ProblemCodes.TooLong, 2000, 2001)],
            Validate(Valid with { StoryEn = Repeat(character, 2001) }));
    }

    [Fact]
    public void A_story_of_100k_characters_is_too_long()
    {
        Assert.Equal([new NominationProblem(NominationFields.StoryZh, ProblemCodes.TooLong, 2000, 100_000)],
            Validate(Valid with { StoryZh = new string('好', 100_000) }));
        Assert.Equal([new NominationProblem(NominationFields.StoryEn, ProblemCodes.TooLong, 2000, 100_000)],
            Validate(Valid with { StoryEn = new string('a', 100_000) }));
    }

    [Fact]
    public void Each_story_present_is_checked_on_its_own_and_a_blank_one_counts_as_absent()
    {
        Assert.Equal([new NominationProblem(NominationFields.StoryEn, ProblemCodes.TooShort, 50, 9)],
            Validate(Valid with { StoryEn = "Too short" }));
        Assert.Empty(Validate(Valid with { StoryZh = " \n\t ", StoryEn = StoryEn }));
    }

    [Fact]
    public void A_lone_surrogate_is_invalid_unicode_and_refused_in_every_text_field()
    {
        string[] broken = ["\uD800", "\uDC00", "\uDC00\uD800", "林\uD800晓"];
        foreach (var text in broken)
        {
            Assert.Equal([new NominationProblem(NominationFields.NomineeName, ProblemCodes.InvalidCharacters)],
                Validate(Valid with { NomineeName = text }));
            Assert.Equal([new NominationProblem(NominationFields.StoryZh, ProblemCodes.InvalidCharacters)],
                Validate(Valid with { StoryZh = StoryZh + text }));
            Assert.Equal([new NominationProblem(NominationFields.NomineeEmail, ProblemCodes.InvalidCharacters)],
                Validate(Valid with { NomineeEmail = "lin" + text + "@example.cn" }));
        }
    }

    [Fact]
    public void Unicode_noncharacters_are_refused()
    {
        string[] noncharacters = ["\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF", "\uD83F\uDFFF" /* U+1FFFF */];
        foreach (var text in noncharacters)
        {
            Assert.Equal([new NominationProblem(NominationFields.StoryEn, ProblemCodes.InvalidCharacters)],
                Validate(Valid with { StoryEn = StoryEn + text }));
        }
    }

    [Fact]
    public void Control_characters_are_refused_but_a_story_may_hold_newlines_and_tabs()
    {
        string[] controls = ["\0", "\u0007", "\u001B[31m", "\u007F", "\u009B"];
        foreach (var control in controls)
        {
            Assert.Equal([new NominationProblem(NominationFields.StoryZh, ProblemCodes.InvalidCharacters)],
                Validate(Valid with { StoryZh = StoryZh + control + "。" }));
            Assert.Equal([new NominationProblem(NominationFields.NomineeName, ProblemCodes.InvalidCharacters)],
                Validate(Valid with { NomineeName = "林" + control + "晓梅" }));
        }

        Assert.Empty(Validate(Valid with { StoryZh = "第一段：" + StoryZh + "\n\n\t第二段。\r\n第三段。" }));
    }

    [Theory]
    [InlineData("林\n晓梅")]
    [InlineData("林\t晓梅")]
    [InlineData("林\u2028晓梅")]
    public void A_name_is_one_line(string name)
    {
        Assert.Equal([new NominationProblem(NominationFields.NomineeName, ProblemCodes.InvalidCharacters)], Validate(Valid with { NomineeName = name }));
    }

    [Theory]
    [InlineData("<script>alert('pwned')</script>")]
    [InlineData("I <3 her: a<b && b>c, \"quotes\" & <b>bold</b>")]
    [InlineData("<img src=x onerror=alert(1)>")]
    public void Markup_in_a_story_is_accepted_and_kept_exactly_as_typed(string markup)
    {
        var draft = Valid with { StoryEn = StoryEn + " " + markup, NomineeName = "<b>Lin</b>" };

        Assert.Empty(Validate(draft));
        Assert.Equal(StoryEn + " " + markup, NominationValidator.Normalize(draft).StoryEn);
        Assert.Equal("<b>Lin</b>", NominationValidator.Normalize(draft).NomineeName);
    }

    [Theory]
    [InlineData("lin@example.cn")]
    [InlineData("lin.xiaomei+award@mail.example.com.cn")]
    [InlineData("  lin@example.cn \t")]
    [InlineData("林晓梅@例子.中国")]
    public void A_plausible_email_is_accepted(string email)
    {
        Assert.Empty(Validate(Valid with { NomineeEmail = email }));
    }

    [Theory]
    [InlineData("lin")]
    [InlineData("lin@")]
    [InlineData("@example.cn")]
    [InlineData("lin@@example.cn")]
    [InlineData("lin@home@example.cn")]
    [InlineData("lin xiaomei@example.cn")]
    [InlineData("lin\u00A0xiaomei@example.cn")]
    [InlineData("lin@localhost")]
    [InlineData("lin@.cn")]
    [InlineData("lin@example.")]
    [InlineData("lin@example..cn")]
    [InlineData("<script>alert(1)</script>@example.cn")]
    [InlineData("lin@example.cn>")]
    [InlineData("\"lin\"@example.cn")]
    [InlineData("lin,xiaomei@example.cn")]
    public void An_implausible_email_is_refused(string email)
    {
        Assert.Equal([new NominationProblem(NominationFields.NomineeEmail, ProblemCodes.InvalidEmail)], Validate(Valid with { NomineeEmail = email }));
    }

    [Fact]
    public void An_email_may_be_254_bytes_long_but_not_255()
    {
        var domain = "@" + new string('d', 60) + ".example.cn";
        var longest = new string('l', 254 - domain.Length) + domain;

        Assert.Empty(Validate(Valid with { NomineeEmail = longest }));
        Assert.Equal([new NominationProblem(NominationFields.NomineeEmail, ProblemCodes.TooLong, 254, 255)],
            Validate(Valid with { NomineeEmail = "l" + longest }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Up_to_three_photos_are_accepted(int photos)
    {
        Assert.Empty(Validate(Valid with { PhotoCount = photos }));
    }

    [Fact]
    public void Four_photos_are_too_many()
    {
        Assert.Equal([new NominationProblem(NominationFields.PhotoCount, ProblemCodes.TooManyPhotos, 3, 4)], Validate(Valid with { PhotoCount = 4 }));
    }

    [Fact]
    public void A_negative_photo_count_is_a_bug_in_the_caller()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Validate(Valid with { PhotoCount = -1 }));
    }

    [Fact]
    public void Normalising_trims_unifies_line_breaks_composes_to_NFC_and_drops_blank_stories()
    {
        var draft = Valid with
        {
            NomineeName = "  Jose\u0301 Garci\u0301a\u3000",
            StoryZh = "\r\n 第一段。\r\n第二段。\r第三段。 \n",
            StoryEn = "   ",
            NomineeEmail = " lin@example.cn ",
        };

        var stored = NominationValidator.Normalize(draft);

        Assert.Equal("Jos\u00E9 Garc\u00EDa", stored.NomineeName);
        Assert.Equal("第一段。\n第二段。\n第三段。", stored.StoryZh);
        Assert.Null(stored.StoryEn);
        Assert.Equal("lin@example.cn", stored.NomineeEmail);
        Assert.Equal(draft.CategoryId, stored.CategoryId);
    }

    [Fact]
    public void What_is_stored_validates_exactly_like_what_was_typed()
    {
        NominationDraft[] drafts =
        [
            Valid,
            Valid with { NomineeName = " e\u0301 " },
            Valid with { StoryZh = "\uD800" + StoryZh },
            Valid with { StoryZh = Repeat("\r\n", 30) + "好", StoryEn = StoryEn + "\r\n" },
            Valid with { NomineeEmail = " lin@example" },
        ];
        foreach (var draft in drafts)
            Assert.Equal(Validate(draft), Validate(NominationValidator.Normalize(draft)));
    }

    [Fact]
    public void Every_relationship_has_a_label_in_both_languages()
    {
        Assert.Equal(
            ["neighbour", "colleague", "friend", "family", "community-worker", "volunteer", "customer", "other"],
            Relationships.All);
        Assert.All(Relationships.All, id => Assert.True(Relationships.Label(id).IsComplete));
        Assert.Equal("邻居", Relationships.Label(Relationships.Neighbour).For("zh-CN"));
        Assert.False(Relationships.IsKnown("boss"));
        Assert.Throws<ArgumentException>(() => Relationships.Label("boss"));
    }

    [Theory]
    [InlineData("resident@example.org", "resident@example.org")]
    [InlineData(" Resident@Example.ORG ", "resident@example.org")]
    public void The_nominators_own_email_is_refused_as_the_nominees(string nomineeEmail, string accountEmail)
    {
        Assert.Equal(
            new NominationProblem(NominationFields.NomineeEmail, ProblemCodes.NominatorsOwnEmail),
            NominationValidator.NomineeIsNominator(nomineeEmail, accountEmail));
    }

    [Theory]
    [InlineData("neighbour@example.org", "resident@example.org")]
    [InlineData("", "")]
    [InlineData("neighbour@example.org", null)]
    public void Another_address_is_not_the_nominators(string nomineeEmail, string? accountEmail)
    {
        Assert.Null(NominationValidator.NomineeIsNominator(nomineeEmail, accountEmail));
    }
}
