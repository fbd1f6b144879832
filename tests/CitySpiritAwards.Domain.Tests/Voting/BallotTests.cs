using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Voting;

namespace CitySpiritAwards.Domain.Tests.Voting;

public sealed class BallotTests
{
    private static readonly DateTimeOffset Now = new(2027, 4, 1, 12, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Close = Now.AddDays(7);

    private static readonly Dictionary<string, string> Shortlist = new()
    {
        ["bus-driver"] = "excellence",
        ["tailor"] = "excellence",
        ["chef"] = "excellence",
        ["science-lab"] = "wisdom",
    };

    private static VotingContext Open(int votesPerCategory = 1, bool changes = true) => new(
        CampaignPhase.PublicVoting,
        CampaignSettings.Default with { VotesPerCategory = votesPerCategory, AllowVoteChanges = changes },
        Close,
        Shortlist);

    private static Ballot With(params CastVote[] votes) => new(votes);

    [Fact]
    public void A_vote_for_a_shortlisted_entry_is_recorded_in_its_category()
    {
        var decision = Ballot.Empty.DecideCast("bus-driver", Open(), Now);

        Assert.True(decision.IsNew);
        Assert.Equal("excellence", decision.CategoryId);
    }

    [Fact]
    public void The_same_vote_again_is_the_same_vote_with_the_same_receipt_even_at_the_limit()
    {
        var existing = new CastVote("r1", "excellence", "bus-driver");

        var decision = With(existing).DecideCast("bus-driver", Open(), Now);

        Assert.False(decision.Refused);
        Assert.False(decision.IsNew);
        Assert.Same(existing, decision.Existing);
    }

    [Theory]
    [InlineData(1, 1, VoteRefusals.LimitReached)]
    [InlineData(2, 1, null)]
    [InlineData(2, 2, VoteRefusals.LimitReached)]
    public void Votes_per_category_are_limited(int limit, int alreadyInCategory, string? refusal)
    {
        var ballot = With(new[] { "tailor", "chef" }.Take(alreadyInCategory).Select((e, i) => new CastVote($"r{i}", "excellence", e)).ToArray());

        Assert.Equal(refusal, ballot.DecideCast("bus-driver", Open(limit), Now).Refusal);
    }

    [Fact]
    public void The_limit_is_per_category()
    {
        var ballot = With(new CastVote("r1", "excellence", "bus-driver"));

        Assert.True(ballot.DecideCast("science-lab", Open(), Now).IsNew);
    }

    [Fact]
    public void Only_shortlisted_entries_get_votes()
    {
        Assert.Equal(VoteRefusals.NotShortlisted, Ballot.Empty.DecideCast("someone-else", Open(), Now).Refusal);
    }

    [Theory]
    [InlineData(CampaignPhase.CommitteeScoring)]
    [InlineData(CampaignPhase.Tallying)]
    [InlineData(CampaignPhase.Published)]
    public void Votes_are_taken_only_during_public_voting(CampaignPhase phase)
    {
        Assert.Equal(VoteRefusals.VotingClosed, Ballot.Empty.DecideCast("bus-driver", Open() with { Phase = phase }, Now).Refusal);
    }

    [Fact]
    public void Voting_closes_at_the_scheduled_time_even_before_the_phase_job_has_run()
    {
        Assert.True(Ballot.Empty.DecideCast("bus-driver", Open(), Close.AddTicks(-1)).IsNew);
        Assert.Equal(VoteRefusals.VotingClosed, Ballot.Empty.DecideCast("bus-driver", Open(), Close).Refusal);
    }

    [Fact]
    public void A_vote_moves_to_another_entry_of_its_category_while_voting_is_open()
    {
        var ballot = With(new CastVote("r1", "excellence", "bus-driver"));

        var decision = ballot.DecideChange("r1", "tailor", Open(), Now);

        Assert.False(decision.Refused);
        Assert.Equal("bus-driver", decision.Vote!.EntryId);
        Assert.False(decision.SameEntry);
    }

    [Theory]
    [InlineData("r1", "science-lab", VoteRefusals.OtherCategory)]
    [InlineData("r1", "nobody", VoteRefusals.NotShortlisted)]
    [InlineData("r9", "tailor", VoteRefusals.NoSuchVote)]
    [InlineData("r1", "chef", VoteRefusals.LimitReached)]
    public void A_vote_cannot_move_across_categories_off_the_shortlist_onto_another_vote_or_when_it_is_not_the_voters(string receipt, string to, string refusal)
    {
        var ballot = With(new CastVote("r1", "excellence", "bus-driver"), new CastVote("r2", "excellence", "chef"));

        Assert.Equal(refusal, ballot.DecideChange(receipt, to, Open(votesPerCategory: 2), Now).Refusal);
    }

    [Fact]
    public void Moving_a_vote_to_its_own_entry_changes_nothing()
    {
        var ballot = With(new CastVote("r1", "excellence", "bus-driver"));

        Assert.True(ballot.DecideChange("r1", "bus-driver", Open(), Now).SameEntry);
    }

    [Fact]
    public void Votes_can_neither_move_nor_be_withdrawn_when_the_campaign_does_not_allow_it_or_after_voting_closed()
    {
        var ballot = With(new CastVote("r1", "excellence", "bus-driver"));

        Assert.Equal(VoteRefusals.ChangesNotAllowed, ballot.DecideChange("r1", "tailor", Open(changes: false), Now).Refusal);
        Assert.Equal(VoteRefusals.ChangesNotAllowed, ballot.DecideWithdrawal("r1", Open(changes: false), Now).Refusal);
        Assert.Equal(VoteRefusals.VotingClosed, ballot.DecideWithdrawal("r1", Open(), Close).Refusal);
        Assert.Equal(VoteRefusals.VotingClosed, ballot.DecideWithdrawal("r1", Open() with { Phase = CampaignPhase.Tallying }, Now).Refusal);
    }

    [Fact]
    public void A_withdrawn_vote_gives_its_place_back()
    {
        var ballot = With(new CastVote("r1", "excellence", "bus-driver"));
        Assert.False(ballot.DecideWithdrawal("r1", Open(), Now).Refused);

        var after = ballot.Without("r1");

        Assert.True(after.DecideCast("tailor", Open(), Now).IsNew);
        Assert.Equal(VoteRefusals.NoSuchVote, after.DecideWithdrawal("r1", Open(), Now).Refusal);
    }

    [Fact]
    public void Receipts_are_26_base32_characters_and_never_repeat()
    {
        var receipts = Enumerable.Range(0, 10_000).Select(_ => VoteReceipts.New()).ToList();

        Assert.All(receipts, r => Assert.Equal(r, VoteReceipts.Normalize(r)));
        Assert.Equal(receipts.Count, receipts.Distinct().Count());
        Assert.Equal(receipts[0], VoteReceipts.Normalize(" " + receipts[0].ToUpperInvariant().Insert(13, "-") + " "));
        Assert.Null(VoteReceipts.Normalize("not-a-receipt"));
        Assert.Null(VoteReceipts.Normalize(receipts[0][..25] + "1"));
    }

    [Fact]
    public void Settings_stored_before_vote_changes_were_a_setting_read_as_allowing_them()
    {
        const string stored = """{"NominationsPerResident":5,"VotesPerCategory":1,"CommitteeWeightPercent":70,"PublicWeightPercent":30,"ShortlistSize":5,"JudgesPerEntry":3,"LiveTallies":false}""";

        var settings = JsonSerializer.Deserialize<CampaignSettings>(stored)!;

        Assert.True(settings.AllowVoteChanges);
        Assert.False(settings.LiveTallies);
        Assert.False(JsonSerializer.Deserialize<CampaignSettings>(JsonSerializer.Serialize(settings with { AllowVoteChanges = false }))!.AllowVoteChanges);
    }

    private static VotingContext TailorTakenDown(int votesPerCategory = 1, bool changes = true) =>
        Open(votesPerCategory, changes) with { TakenDownEntries = new HashSet<string> { "tailor" } };

    [Fact]
    public void An_entry_taken_down_during_voting_can_no_longer_be_voted_for_nor_a_vote_moved_to_it()
    {
        var mine = new CastVote("r1", "excellence", "bus-driver");

        Assert.Equal(VoteRefusals.TakenDown, Ballot.Empty.DecideCast("tailor", TailorTakenDown(), Now).Refusal);
        Assert.Equal(VoteRefusals.TakenDown, With(mine).DecideChange("r1", "tailor", TailorTakenDown(), Now).Refusal);
        Assert.True(Ballot.Empty.DecideCast("chef", TailorTakenDown(), Now).IsNew);
    }

    [Fact]
    public void A_vote_already_cast_for_a_taken_down_entry_is_not_given_back_as_counted()
    {
        var forTailor = new CastVote("r1", "excellence", "tailor");

        Assert.Equal(VoteRefusals.TakenDown, With(forTailor).DecideCast("tailor", TailorTakenDown(), Now).Refusal);
    }

    [Fact]
    public void A_vote_for_a_taken_down_entry_no_longer_uses_up_the_voters_vote_in_the_award()
    {
        var forTailor = new CastVote("r1", "excellence", "tailor");

        Assert.Equal(VoteRefusals.LimitReached, With(forTailor).DecideCast("chef", Open(), Now).Refusal);
        Assert.True(With(forTailor).DecideCast("chef", TailorTakenDown(), Now).IsNew);
        Assert.Equal(0, With(forTailor).CountIn("excellence", TailorTakenDown()));
    }

    [Fact]
    public void A_vote_for_a_taken_down_entry_may_still_be_moved_or_withdrawn_while_changes_are_allowed()
    {
        var forTailor = new CastVote("r1", "excellence", "tailor");

        Assert.False(With(forTailor).DecideChange("r1", "chef", TailorTakenDown(), Now).Refused);
        Assert.False(With(forTailor).DecideWithdrawal("r1", TailorTakenDown(), Now).Refused);
    }
}
