using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Grains.Judging;

/// <summary>
/// Judging's read tables (CitySpiritAwards.Storage): who judges which entry, and where each member's sheets stand.
/// Members' queues, the chairs' overview and the reminders read them; the assignment and scores grains write them,
/// marking their key pending first (as <see cref="Nominations.INominationIndex"/> does), so a crash between a grain's
/// write and its rows' leaves a mark the catch-up job repairs.
/// </summary>
public interface IJudgingIndex
{
    /// <summary>The outbox kind of an award's assignment (key "{campaign}/{category}").</summary>
    const string AssignmentKind = "assignment";

    /// <summary>The outbox kind of a member's score sheets (key "{campaign}/{member}").</summary>
    const string ScoresKind = "scores";

    Task MarkPendingAsync(string kind, string key, CancellationToken cancellationToken = default);

    Task ForgetPendingAsync(string kind, string key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the judges of the entries given (all of the award's entries when <see cref="AssignmentRows.Complete"/>)
    /// unless a newer version is stored, and clears the assignment's pending mark, in one transaction.
    /// </summary>
    Task WriteAssignmentAsync(AssignmentRows rows, CancellationToken cancellationToken = default);

    /// <summary>Stores the member's sheets given (all of them when <see cref="SheetRows.Complete"/>), each unless newer, and clears the pending mark.</summary>
    Task WriteSheetsAsync(SheetRows rows, CancellationToken cancellationToken = default);
}

/// <summary>The judges of some (or all) of an award's entries, at one version of its assignment grain.</summary>
public sealed record AssignmentRows(
    string CampaignId,
    string CategoryId,
    DateTimeOffset AssignedAt,
    int JudgesPerEntry,
    long Version,
    IReadOnlyList<EntryJudges> Entries,
    bool Complete);

public sealed record EntryJudges(string EntryId, IReadOnlyList<string> Judges);

/// <summary>Some (or all) of a member's sheets, at one version of their scores grain.</summary>
public sealed record SheetRows(string CampaignId, string MemberId, long Version, IReadOnlyList<SheetRow> Sheets, bool Complete);

/// <param name="WeightedScore">The rubric's weighted score of a submitted sheet; null for drafts.</param>
public sealed record SheetRow(string EntryId, string CategoryId, SheetStatus Status, decimal? WeightedScore, string? Comment, DateTimeOffset SavedAt);
