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
}
