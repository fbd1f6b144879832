using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Abstractions.Tallying;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Domain.Tallying;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;

namespace CitySpiritAwards.Grains.Tallying;

/// <summary>
/// Computes a campaign's results from its published shortlists and the counted votes (<see cref="CategoryResults"/>) and
/// keeps them. An entry taken down since its shortlist was published (consent withdrawn, hidden) is not ranked: it may
/// not be shown, and its votes, kept in the votes table, count for no one. Calls are handled one at a time, so racing jobs compute once: the first stores, the rest read the stored
/// results. The campaign grain says which phase it is; the rules say what each phase allows (<see cref="ResultsRules"/>).
/// </summary>
public sealed class ResultsGrain(
    [PersistentState("results", StorageNames.Awards)] IPersistentState<ResultsState> state,
    ICountedVotes votes,
    AwardsClock clock) : Grain, IResultsGrain
{
    private string CampaignId => this.GetPrimaryKeyString();

    public Task<CampaignResults?> GetAsync() => Task.FromResult(state.State.Results);

    public async Task<ResultsOutcome> ComputeAsync(string actor)
    {
        if (state.State.Results is { } computed)
            return ResultsOutcome.Done(computed);
        if (await CampaignAsync() is not { } campaign)
            return ResultsOutcome.Refused(ResultsRefusals.NotFound);
        if (ResultsRules.ComputeRefusal(campaign.Phase) is { } refusal)
            return ResultsOutcome.Refused(refusal);
        return await ComputeAndStoreAsync(campaign, actor, AuditActions.ResultsComputed, publish: false);
    }

    public async Task<ResultsOutcome> RecomputeAsync(string actor)
    {
        if (await CampaignAsync() is not { } campaign)
            return ResultsOutcome.Refused(ResultsRefusals.NotFound);
        if (ResultsRules.RecomputeRefusal(campaign.Phase, state.State.Results?.IsPublished == true) is { } refusal)
            return ResultsOutcome.Refused(refusal);
        return await ComputeAndStoreAsync(campaign, actor, AuditActions.ResultsRecomputed, publish: false);
    }

    public async Task<ResultsOutcome> PublishAsync(string actor)
    {
        if (state.State.Results is { IsPublished: true } published)
            return ResultsOutcome.Done(published);
        if (await CampaignAsync() is not { } campaign)
            return ResultsOutcome.Refused(ResultsRefusals.NotFound);
        if (ResultsRules.PublishRefusal(campaign.Phase) is { } refusal)
            return ResultsOutcome.Refused(refusal);
        if (state.State.Results is not { } computed)
            return await ComputeAndStoreAsync(campaign, actor, AuditActions.ResultsComputed, publish: true);
        // Votes may have changed since the results were computed: one in flight as voting closed (receipted a moment
        // after), a held vote cleared since. What is published counts every counted vote, so it is computed again then.
        var counted = await votes.LoadAsync(CampaignId, CancellationToken.None);
        if (!CountsAsComputed(computed, counted))
            return await ComputeAndStoreAsync(campaign, actor, AuditActions.RecomputedVotesChanged, publish: true, counted);
        if ((await TakenDownAsync(computed.Categories.SelectMany(c => c.Standings).Select(s => s.EntryId))).Count > 0)
            return await ComputeAndStoreAsync(campaign, actor, AuditActions.RecomputedTakenDown, publish: true, counted);
        return await StoreAsync(computed with
        {
            PublishedAt = clock.UtcNow,
            PublishedBy = actor,
            History = [.. computed.History, new AuditEntry(clock.UtcNow, actor, AuditActions.ResultsPublished)],
        });
    }

    /// <summary>Those of the entries whose nominations may no longer be shown.</summary>
    private async Task<HashSet<string>> TakenDownAsync(IEnumerable<string> entryIds)
    {
        var answers = await Task.WhenAll(entryIds.Distinct().Select(async id => (Id: id, TakenDown: await GrainFactory.GetGrain<INominationGrain>(id).IsTakenDownAsync())));
        return answers.Where(a => a.TakenDown).Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
    }

    private Task<CampaignSnapshot?> CampaignAsync() => GrainFactory.GetGrain<ICampaignGrain>(CampaignId).GetAsync();

    /// <summary>Whether every ranked entry's votes in <paramref name="results"/> are its counted votes now.</summary>
    private static bool CountsAsComputed(CampaignResults results, IReadOnlyDictionary<string, long> counted) =>
        results.Categories.SelectMany(c => c.Standings).All(s => counted.GetValueOrDefault(s.EntryId) == s.Votes);

    private async Task<ResultsOutcome> ComputeAndStoreAsync(
        CampaignSnapshot campaign, string actor, string action, bool publish, IReadOnlyDictionary<string, long>? counted = null)
    {
        var shortlists = await Task.WhenAll(CategoryIds.All.Select(category =>
            GrainFactory.GetGrain<IShortlistGrain>(IShortlistGrain.KeyFor(CampaignId, category)).GetAsync()));
        if (shortlists.Any(s => s is null))
            return ResultsOutcome.Refused(ResultsRefusals.ShortlistsPending);
        counted ??= await votes.LoadAsync(CampaignId, CancellationToken.None);
        var takenDown = await TakenDownAsync(shortlists.SelectMany(s => s!.Entries.Select(e => e.NominationId)));

        var categories = shortlists.Select(shortlist => new CategoryResult(
            shortlist!.CategoryId,
            CategoryResults.Rank(
                    shortlist.Entries.Where(e => !takenDown.Contains(e.NominationId))
                        .Select(e => new EntryResult(e.NominationId, e.NormalizedScore, e.RawScore, e.ScoreCount)).ToList(),
                    counted, campaign.Settings)
                .Select(r => new ResultStanding(r.EntryId, r.Rank, r.NormalizedScore, r.RawScore, r.ScoreCount,
                    r.Votes, r.CommitteePart, r.PublicPart, r.CommitteePoints, r.PublicPoints))
                .ToList()))
            .ToList();
        var now = clock.UtcNow;
        var history = (state.State.Results?.History ?? []).Append(new AuditEntry(now, actor, action));
        if (publish)
            history = history.Append(new AuditEntry(now, actor, AuditActions.ResultsPublished));
        return await StoreAsync(new CampaignResults(
            CampaignId, campaign.Settings.CommitteeWeightPercent, campaign.Settings.PublicWeightPercent, categories,
            now, actor, publish ? now : null, publish ? actor : null, history.ToList()));
    }

    private async Task<ResultsOutcome> StoreAsync(CampaignResults results)
    {
        var before = state.State.Results;
        state.State.Results = results;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State.Results = before; // not stored: the next call starts from what storage holds
            throw;
        }
        return ResultsOutcome.Done(results);
    }
}

[GenerateSerializer, Alias("CitySpiritAwards.ResultsState")]
public sealed class ResultsState
{
    [Id(0)] public CampaignResults? Results { get; set; }
}
