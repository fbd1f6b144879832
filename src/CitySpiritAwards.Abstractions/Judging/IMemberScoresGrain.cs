using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Abstractions.Judging;

/// <summary>
/// One committee member's score sheets in one campaign, keyed <see cref="JudgingKeys.For"/>(campaign, member id).
/// Only the member's own pages and the chairs' pages read it: a member never sees another member's scores.
/// </summary>
[Alias("CitySpiritAwards.IMemberScoresGrain")]
public interface IMemberScoresGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<IReadOnlyList<ScoreSheetView>> GetAsync();

    /// <summary>The member's sheet for one entry, or null before they saved one.</summary>
    [Alias("GetSheet")]
    Task<ScoreSheetView?> GetSheetAsync(string entryId);

    /// <summary>Writes all the member's sheets to the read table again and clears their pending mark (catch-up, rebuild). Idempotent.</summary>
    [Alias("RefreshIndex")]
    Task RefreshIndexAsync();

    /// <summary>Saves a draft or submits the sheet for an entry this member judges, checked by <see cref="ScoringRules"/>.</summary>
    [Alias("Save")]
    Task<ScoreOutcome> SaveAsync(string entryId, IReadOnlyDictionary<string, int> marks, string? comment, SheetAction action);
}
