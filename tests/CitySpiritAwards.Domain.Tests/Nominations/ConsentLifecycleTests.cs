using CitySpiritAwards.Domain.Nominations;
using static CitySpiritAwards.Domain.Nominations.NomineeConsent;

namespace CitySpiritAwards.Domain.Tests.Nominations;

public sealed class ConsentLifecycleTests
{
    private static string Outcome(NomineeConsent current, string action)
    {
        var decision = action switch
        {
            "give" => ConsentLifecycle.Give(current),
            "decline" => ConsentLifecycle.Decline(current),
            "withdraw" => ConsentLifecycle.Withdraw(current),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        return decision.IsAllowed ? decision.Next.ToString()! : decision.RefusalCode!;
    }

    [Theory]
    [InlineData(Pending, "give", "Given")]
    [InlineData(Pending, "decline", "Declined")]
    [InlineData(Pending, "withdraw", "wrong-status")]
    [InlineData(Given, "withdraw", "Withdrawn")]
    [InlineData(Given, "give", "already-done")]
    [InlineData(Given, "decline", "wrong-status")]
    [InlineData(Declined, "give", "wrong-status")]
    [InlineData(Declined, "withdraw", "wrong-status")]
    [InlineData(Declined, "decline", "already-done")]
    [InlineData(Withdrawn, "give", "wrong-status")]
    [InlineData(Withdrawn, "decline", "wrong-status")]
    [InlineData(Withdrawn, "withdraw", "already-done")]
    public void Consent_moves_from_pending_to_given_or_declined_and_from_given_to_withdrawn(NomineeConsent current, string action, string outcome)
    {
        Assert.Equal(outcome, Outcome(current, action));
    }

    [Theory]
    [InlineData(Declined)]
    [InlineData(Withdrawn)]
    public void Declined_and_withdrawn_are_final_nothing_leads_anywhere_else(NomineeConsent current)
    {
        Assert.True(ConsentLifecycle.IsFinal(current));
        Assert.All(new[] { "give", "decline", "withdraw" }, action =>
            Assert.Contains(Outcome(current, action), new[] { "wrong-status", "already-done" }));
    }

    [Fact]
    public void Pending_and_given_are_not_final()
    {
        Assert.False(ConsentLifecycle.IsFinal(Pending));
        Assert.False(ConsentLifecycle.IsFinal(Given));
    }

    private static readonly NominationDraft Seen = new(
        "magnanimity", "pudong", "林晓梅", Relationships.Neighbour, "她每个星期六下午都在社区服务中心教老人使用手机。", null, "lin@example.cn", PhotoCount: 1);

    private static readonly string[] SeenPhotos = ["0123456789abcdef"];

    public static TheoryData<string, NominationDraft> Changes => new()
    {
        { "name", Seen with { NomineeName = "林晓红" } },
        { "email", Seen with { NomineeEmail = "someone.else@example.cn" } },
        { "Chinese story", Seen with { StoryZh = Seen.StoryZh + "还帮邻居修好了水管。" } },
        { "English story added", Seen with { StoryEn = "She teaches older neighbours to use their phones every Saturday." } },
        { "district", Seen with { DistrictId = "xuhui" } },
        { "award", Seen with { CategoryId = "excellence" } },
        { "relationship", Seen with { Relationship = Relationships.Friend } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void A_change_after_consent_was_given_asks_the_nominee_again(string what, NominationDraft changed)
    {
        var after = ConsentLifecycle.AfterEdit(Given, Seen, SeenPhotos, changed, SeenPhotos);

        Assert.True(after.AskAgain, what);
        Assert.Equal(Pending, after.Consent);
        Assert.False(PublicVisibility.IsPublic(NominationStatus.Approved, after.Consent));
    }

    [Theory]
    [InlineData("a photo added", new[] { "0123456789abcdef", "fedcba9876543210" })]
    [InlineData("the photo swapped", new[] { "fedcba9876543210" })]
    [InlineData("the photo removed", new string[0])]
    public void Changing_the_photos_after_consent_asks_again(string what, string[] photos)
    {
        var after = ConsentLifecycle.AfterEdit(Given, Seen, SeenPhotos, Seen with { PhotoCount = photos.Length }, photos);

        Assert.True(after.AskAgain, what);
        Assert.Equal(Pending, after.Consent);
    }

    [Fact]
    public void A_change_before_any_answer_asks_again_so_the_nominee_gets_a_link_for_what_is_there_now()
    {
        var after = ConsentLifecycle.AfterEdit(Pending, Seen, SeenPhotos, Seen with { NomineeEmail = "right.address@example.cn" }, SeenPhotos);

        Assert.Equal(new ConsentAfterEdit(Pending, AskAgain: true), after);
    }

    [Fact]
    public void Saving_the_same_nomination_again_asks_nobody()
    {
        var photosInAnotherOrder = ConsentLifecycle.AfterEdit(Given, Seen, ["0123456789abcdef", "fedcba9876543210"], Seen, ["fedcba9876543210", "0123456789abcdef"]);

        Assert.Equal(new ConsentAfterEdit(Given, AskAgain: false), ConsentLifecycle.AfterEdit(Given, Seen, SeenPhotos, Seen, SeenPhotos));
        Assert.Equal(new ConsentAfterEdit(Given, AskAgain: false), photosInAnotherOrder);
    }

    [Theory]
    [InlineData(Declined)]
    [InlineData(Withdrawn)]
    public void A_decline_or_withdrawal_stays_final_whatever_the_nominator_changes(NomineeConsent final)
    {
        var after = ConsentLifecycle.AfterEdit(final, Seen, SeenPhotos, Seen with { NomineeName = "林晓红", NomineeEmail = "new@example.cn" }, []);

        Assert.Equal(new ConsentAfterEdit(final, AskAgain: false), after);
    }
}
