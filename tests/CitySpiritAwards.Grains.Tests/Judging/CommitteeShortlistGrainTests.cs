using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Grains.Tests.Support;

namespace CitySpiritAwards.Grains.Tests.Judging;

[Collection(EmbeddedClusterCollection.Name)]
public sealed class CommitteeShortlistGrainTests(EmbeddedClusterFixture fixture)
{
    [Fact]
    public async Task The_shortlist_ranks_by_normalised_submitted_scores_of_current_judges_and_stands_once_published()
    {
        var round = await JudgingScenario.StartAsync(fixture.Grains, judgesPerEntry: 2, shortlistSize: 2);
        var entries = (await round.EntriesAsync(3)).ToList();
        await round.PanelAsync("m1", "m2", "m3");
        await round.AdvanceToAsync(CampaignPhase.CommitteeScoring);
        var assignment = (await round.Assignment.EnsureAssignedAsync("job:phase"))!;

        // Every judge prefers entries in id order except for the last entry, which one member loves and then recuses from.
        foreach (var entry in assignment.Entries)
        foreach (var judge in entry.Judges)
            Assert.True((await round.SubmitAsync(judge, entry.EntryId, 9 - 2 * entries.IndexOf(entry.EntryId))).Succeeded);
        var lastJudge = assignment.JudgesOf(entries[2])[0];
        await round.SubmitAsync(lastJudge, entries[2], 10);
        var replacement = (await round.Assignment.RecuseAsync(entries[2], lastJudge, "利益冲突")).MemberId!;
        await round.Scores(replacement).SaveAsync(entries[2], JudgingScenario.Marks(2), null, Domain.Judging.SheetAction.SaveDraft);

        var shortlist = await round.Shortlist.PublishAsync("job:phase");
        var again = await round.Shortlist.PublishAsync("chair:late");

        Assert.Equal([entries[0], entries[1]], shortlist.Entries.Select(e => e.NominationId));
        Assert.Equal([1, 2], shortlist.Entries.Select(e => e.Rank));
        Assert.Equal(9m, shortlist.Entries[0].RawScore);
        Assert.Equal(2, shortlist.Entries[0].ScoreCount);
        Assert.Equal(shortlist.Entries, again.Entries);
        Assert.Equal("job:phase", again.PublishedBy);
    }
}
