using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Grains.Nominations;

/// <summary>
/// The nominations read table (CitySpiritAwards.Storage: PostgreSQL in a cluster, a SQLite file when embedded), which
/// answers every list: the moderators' queue, the gallery, judging's entries. Grains write it; nothing else does.
/// A nomination grain marks itself pending before it stores a change and writes its row after, so a crash in between
/// leaves a mark the catch-up job finds and repairs (<see cref="INominationGrain.RefreshIndexAsync"/>).
/// </summary>
public interface INominationIndex
{
    /// <summary>Records that the nomination is about to change (the outbox). Idempotent.</summary>
    Task MarkPendingAsync(string nominationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the row unless a newer version is stored already, and clears the nomination's pending mark, in one
    /// transaction. Writing the same version again rewrites it (how a rebuild repairs a row).
    /// </summary>
    Task WriteAsync(NominationRow row, CancellationToken cancellationToken = default);

    /// <summary>Clears a pending mark left by a change that never got stored (there is no nomination).</summary>
    Task ForgetPendingAsync(string nominationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// A category's entries in judging: approved nominations whose nominee consented, by id, read a page at a time
    /// (one that may never be shown could never go to public voting).
    /// </summary>
    Task<IReadOnlyList<EntryInJudging>> EntriesInJudgingAsync(string campaignId, string categoryId, CancellationToken cancellationToken = default);

    /// <summary>
    /// How many entries a category has in judging and when the latest became one: it changes whenever an entry joins
    /// (its public_since is then the newest) or leaves (the count falls), so judge assignment reads the entries only then.
    /// </summary>
    Task<EntriesInJudgingMark> EntriesInJudgingMarkAsync(string campaignId, string categoryId, CancellationToken cancellationToken = default);
}

/// <summary>A category's entries in judging, counted, with the time (Unix ms) the latest of them became public.</summary>
public sealed record EntriesInJudgingMark(long Count, long? LatestPublicSince);

/// <summary>An entry in judging, with its nominator (who may never judge it; never shown to judges).</summary>
public sealed record EntryInJudging(string Id, string NominatorId);

/// <summary>
/// Everything the read table keeps of one nomination, at one version of the grain's state. The nominee's email is not
/// in it: lists never need it.
/// </summary>
public sealed record NominationRow(
    string Id,
    string CampaignId,
    string NominatorId,
    NominationDraft Draft,
    NominationStatus Status,
    NomineeConsent Consent,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? PublicSince,
    IReadOnlyList<string> PhotoIds,
    string? ModeratorNote,
    string? MergedInto,
    IReadOnlyList<NominationEvent> History,
    long Version);
