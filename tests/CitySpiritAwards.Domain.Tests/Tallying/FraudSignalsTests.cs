using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Tallying;

namespace CitySpiritAwards.Domain.Tests.Tallying;

public sealed class FraudSignalsTests
{
    private static readonly DateTimeOffset Start = new(2027, 5, 1, 20, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset OldAccount = Start.AddDays(-90);

    private static VoteTrace Vote(int n, TimeSpan after, string network = "203.0.113.0/24", DateTimeOffset? created = null, string? voter = null) =>
        new($"vote-{n}", voter ?? $"voter-{n}", Start + after, created ?? OldAccount, network);

    [Fact]
    public void Ordinary_votes_are_not_flagged()
    {
        var votes = Enumerable.Range(0, 10).Select(i => Vote(i, TimeSpan.FromMinutes(i * 7), network: $"198.51.{i}.0/24"));

        Assert.Empty(FraudSignals.Flag(votes, new FraudThresholds()));
    }

    [Fact]
    public void Votes_beyond_the_burst_limit_from_one_network_are_flagged()
    {
        var thresholds = new FraudThresholds(BurstVotes: 3, BurstWindow: TimeSpan.FromMinutes(5));
        var votes = Enumerable.Range(0, 5).Select(i => Vote(i, TimeSpan.FromSeconds(i * 10)));

        var flags = FraudSignals.Flag(votes, thresholds);

        Assert.Equal(["vote-3", "vote-4"], flags.Where(f => f.Reason == FraudReason.Burst).Select(f => f.VoteId));
    }

    [Fact]
    public void The_same_number_of_votes_spread_over_time_is_not_a_burst()
    {
        var thresholds = new FraudThresholds(BurstVotes: 3, BurstWindow: TimeSpan.FromMinutes(5));
        var votes = Enumerable.Range(0, 5).Select(i => Vote(i, TimeSpan.FromMinutes(i * 3)));

        Assert.DoesNotContain(FraudSignals.Flag(votes, thresholds), f => f.Reason == FraudReason.Burst);
    }

    [Fact]
    public void A_vote_from_an_account_created_minutes_earlier_is_flagged()
    {
        var fresh = Vote(1, TimeSpan.Zero, created: Start.AddMinutes(-10));
        var settled = Vote(2, TimeSpan.Zero, network: "192.0.2.0/24", created: Start.AddHours(-2));

        var flags = FraudSignals.Flag([fresh, settled], new FraudThresholds());

        Assert.Equal([new FraudFlag("vote-1", FraudReason.FreshAccount)], flags);
    }

    [Fact]
    public void Accounts_beyond_the_limit_on_one_network_are_flagged_with_all_their_votes()
    {
        var thresholds = new FraudThresholds(AccountsPerNetwork: 2);
        var votes = new[]
        {
            Vote(1, TimeSpan.FromHours(1), voter: "a"),
            Vote(2, TimeSpan.FromHours(2), voter: "b"),
            Vote(3, TimeSpan.FromHours(3), voter: "c"),
            Vote(4, TimeSpan.FromHours(4), voter: "c"),
            Vote(5, TimeSpan.FromHours(5), voter: "a"),
        };

        var flags = FraudSignals.Flag(votes, thresholds);

        Assert.Equal(["vote-3", "vote-4"], flags.Where(f => f.Reason == FraudReason.ManyAccountsOneNetwork).Select(f => f.VoteId));
    }

    [Fact]
    public void Flagging_the_same_votes_twice_gives_the_same_flags()
    {
        var votes = Enumerable.Range(0, 40).Select(i => Vote(i, TimeSpan.FromSeconds(i), voter: $"v{i % 25}")).ToList();

        Assert.Equal(FraudSignals.Flag(votes, new FraudThresholds()), FraudSignals.Flag(votes.AsEnumerable().Reverse(), new FraudThresholds()));
    }

    [Fact]
    public void Each_flag_says_what_was_measured_for_the_reviewer()
    {
        var thresholds = new FraudThresholds(BurstVotes: 3, BurstWindow: TimeSpan.FromMinutes(5), AccountsPerNetwork: 2);
        // Six accounts, one vote each, 30 s apart: votes 3.. are a burst; with a 5-minute window all of them still count.
        var votes = Enumerable.Range(0, 6).Select(i => Vote(i, TimeSpan.FromSeconds(i * 30))).ToList();

        var flags = FraudSignals.Flag(votes, thresholds);

        Assert.Equal([4, 5, 6], flags.Where(f => f.Reason == FraudReason.Burst).Select(f => f.Count));
        Assert.Equal([3, 4, 5, 6], flags.Where(f => f.Reason == FraudReason.ManyAccountsOneNetwork).Select(f => f.Count));
    }

    [Fact]
    public void The_burst_count_is_of_the_window_that_ends_with_the_vote()
    {
        var thresholds = new FraudThresholds(BurstVotes: 2, BurstWindow: TimeSpan.FromMinutes(1));
        // 0 s, 10 s, 20 s (a burst of 3), then 90 s and 95 s: the first three have left the window, so no burst.
        var votes = new[] { 0, 10, 20, 90, 95 }.Select((s, i) => Vote(i, TimeSpan.FromSeconds(s))).ToList();

        var burst = FraudSignals.Flag(votes, thresholds).Where(f => f.Reason == FraudReason.Burst).ToList();

        Assert.Equal([new FraudFlag("vote-2", FraudReason.Burst, 3)], burst);
    }

    [Fact]
    public void Later_votes_never_take_a_flag_away_from_an_earlier_one()
    {
        var thresholds = new FraudThresholds(BurstVotes: 3, AccountsPerNetwork: 3);
        var votes = Enumerable.Range(0, 12).Select(i => Vote(i, TimeSpan.FromSeconds(i * 20), voter: $"v{i % 5}")).ToList();

        var early = FraudSignals.Flag(votes.Take(7), thresholds);
        var all = FraudSignals.Flag(votes, thresholds);

        Assert.All(early, flag => Assert.Contains(flag, all));
    }

    [Fact]
    public void Thresholds_that_would_flag_everything_or_nothing_by_mistake_are_refused()
    {
        Assert.Empty(new FraudThresholds().Problems());
        Assert.Equal(4, new FraudThresholds(BurstVotes: 0, BurstWindow: TimeSpan.Zero, FreshAccountAge: TimeSpan.FromMinutes(-1), AccountsPerNetwork: 0).Problems().Count);
        Assert.Single((CampaignSettings.Default with { Fraud = new FraudThresholds(AccountsPerNetwork: 0) }).Problems());
    }

    [Fact]
    public void A_campaign_stored_without_thresholds_reads_with_the_defaults_and_its_own_thresholds_round_trip()
    {
        const string stored = """{"NominationsPerResident":5,"VotesPerCategory":1,"CommitteeWeightPercent":70,"PublicWeightPercent":30,"ShortlistSize":5,"JudgesPerEntry":3,"LiveTallies":true}""";
        var own = CampaignSettings.Default with { Fraud = new FraudThresholds(BurstVotes: 5, BurstWindow: TimeSpan.FromMinutes(2), FreshAccountAge: TimeSpan.FromHours(1)) };

        Assert.Null(JsonSerializer.Deserialize<CampaignSettings>(stored)!.Fraud);
        Assert.Equal(own, JsonSerializer.Deserialize<CampaignSettings>(JsonSerializer.Serialize(own)));
    }

    [Fact]
    public void Votes_from_an_unknown_network_are_not_lumped_together_as_one_network()
    {
        var thresholds = new FraudThresholds(BurstVotes: 2, AccountsPerNetwork: 2);
        var votes = Enumerable.Range(0, 6).Select(i => Vote(i, TimeSpan.FromSeconds(i), network: "")).ToList();

        Assert.Empty(FraudSignals.Flag(votes, thresholds));
    }

    /// <summary>
    /// What a scan reads of the earlier votes (FraudJob): from each network it scans, the votes within the window
    /// before the earliest scanned one, and every account's first vote.
    /// </summary>
    private static IReadOnlyList<VoteTrace> Context(IReadOnlyList<VoteTrace> before, IReadOnlyList<VoteTrace> scanned, FraudThresholds thresholds)
    {
        var networks = scanned.Select(v => v.Network).Where(n => n.Length > 0).ToHashSet();
        var windowStart = scanned.Min(v => v.VotedAt) - thresholds.Window;
        var inWindow = before.Where(v => networks.Contains(v.Network) && v.VotedAt >= windowStart);
        var firstVotes = before.Where(v => networks.Contains(v.Network))
            .GroupBy(v => (v.Network, v.VoterId)).Select(g => g.OrderBy(v => v.VotedAt).ThenBy(v => v.VoteId, StringComparer.Ordinal).First());
        return inWindow.Concat(firstVotes).ToList();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void Flagging_the_new_votes_from_their_context_gives_what_flagging_every_vote_gives_them(int seed)
    {
        var random = new Random(seed);
        var thresholds = new FraudThresholds(BurstVotes: 4, BurstWindow: TimeSpan.FromMinutes(3), AccountsPerNetwork: 5);
        var votes = Enumerable.Range(0, 600).Select(i => new VoteTrace(
                $"vote-{i:D4}", $"voter-{random.Next(120)}", Start.AddSeconds(i * 7 + random.Next(7)),
                random.Next(10) == 0 ? Start.AddSeconds(i * 7 - 60) : OldAccount, // now and then an account made a minute before
                random.Next(8) == 0 ? "" : $"198.51.{random.Next(6)}.0/24"))
            .ToList();
        var expected = FraudSignals.Flag(votes, thresholds);

        // Scanned in four rounds, each reading only the votes cast since the last round and their context.
        var flags = new List<FraudFlag>();
        foreach (var round in votes.Chunk(150))
        {
            var before = votes.Where(v => v.VotedAt < round[0].VotedAt).ToList();
            flags.AddRange(FraudSignals.FlagAmong(round, Context(before, round, thresholds), thresholds));
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected.OrderBy(f => f.VoteId).ThenBy(f => f.Reason), flags.OrderBy(f => f.VoteId).ThenBy(f => f.Reason));
    }
}

public sealed class HoldReviewTests
{
    [Theory]
    [InlineData(4, 5, false)]
    [InlineData(5, 5, true)]
    [InlineData(1, 1, true)]
    [InlineData(0, 1, false)]
    [InlineData(1, 0, true)] // a minimum below one still needs a vote to decide
    public void A_group_is_decided_only_when_it_holds_enough_votes(int waiting, int minimum, bool decidable) =>
        Assert.Equal(decidable, HoldReview.CanDecide(waiting, minimum));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "<5")]
    [InlineData(4, "<5")]
    [InlineData(5, "5")]
    [InlineData(120, "120")]
    public void Exports_show_small_counts_only_as_fewer_than_the_minimum(long count, string shown) =>
        Assert.Equal(shown, HoldReview.Cell(count, HoldReview.DefaultMinimumGroup));
}
