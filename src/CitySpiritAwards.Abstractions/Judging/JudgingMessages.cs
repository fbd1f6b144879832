using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Judging;

namespace CitySpiritAwards.Abstractions.Judging;

/// <summary>Keys of the judging grains that exist once per campaign and category (or member), e.g. "2027-spring/wisdom".</summary>
public static class JudgingKeys
{
    public static string For(string campaignId, string categoryOrMemberId) => $"{campaignId}/{categoryOrMemberId}";

    /// <summary>The campaign id and the category or member id of a key made by <see cref="For"/>.</summary>
    public static (string CampaignId, string Id) Split(string key)
    {
        var slash = key.IndexOf('/');
        return (key[..slash], key[(slash + 1)..]);
    }
}

/// <summary>A committee member on a panel, with the name chairs see.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.PanelSeat")]
public sealed record PanelSeat(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string DisplayName);

/// <summary>The answer to a judging command: done (with the member it concerns, e.g. the replacement judge), or why not.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.JudgingOutcome")]
public sealed record JudgingOutcome(
    [property: Id(0)] string? Refusal,
    [property: Id(1)] string? MemberId)
{
    public bool Succeeded => Refusal is null;

    public static JudgingOutcome Done(string? memberId = null) => new(null, memberId);

    public static JudgingOutcome Refused(string refusal) => new(refusal, null);
}

/// <summary>One entry in judging: who nominated it (never shown to judges) and its current judges.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.AssignedEntry")]
public sealed record AssignedEntry(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string NominatorId,
    [property: Id(2)] IReadOnlyList<string> Judges);

/// <summary>A member's declared conflict of interest with an entry, with the reason the chair reads.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.RecusalRecord")]
public sealed record RecusalRecord(
    [property: Id(0)] string MemberId,
    [property: Id(1)] string EntryId,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At);

/// <summary>Who judges which entry of one category, the declared conflicts, and the entries short of judges.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.AssignmentSnapshot")]
public sealed record AssignmentSnapshot(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string CategoryId,
    [property: Id(2)] IReadOnlyList<AssignedEntry> Entries,
    [property: Id(3)] IReadOnlyList<RecusalRecord> Recusals,
    [property: Id(4)] IReadOnlyList<string> ShortOfJudges,
    [property: Id(5)] DateTimeOffset AssignedAt,
    [property: Id(6)] string AssignedBy,
    [property: Id(7)] IReadOnlyList<AuditEntry> History)
{
    public IReadOnlyList<string> JudgesOf(string entryId) => Entries.FirstOrDefault(e => e.EntryId == entryId)?.Judges ?? [];

    public IReadOnlyList<AssignedEntry> EntriesOf(string memberId) => Entries.Where(e => e.Judges.Contains(memberId)).ToList();

    public IReadOnlyDictionary<string, IReadOnlyList<string>> JudgesByEntry() => Entries.ToDictionary(e => e.EntryId, e => e.Judges);
}

/// <summary>An assignment without its entries: what the chairs' page shows beside the entries it reads from the tables.</summary>
/// <param name="ShortOfJudges">The first of the entries with fewer judges than they should have (at most 50); <paramref name="ShortOfJudgesCount"/> counts them all.</param>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.AssignmentSummary")]
public sealed record AssignmentSummary(
    [property: Id(0)] DateTimeOffset AssignedAt,
    [property: Id(1)] int JudgesPerEntry,
    [property: Id(2)] IReadOnlyList<RecusalRecord> Recusals,
    [property: Id(3)] int ShortOfJudgesCount,
    [property: Id(4)] IReadOnlyList<string> ShortOfJudges);

/// <summary>One member's score sheet for one entry: marks per criterion id (1-10), a comment, and where it stands.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.ScoreSheetView")]
public sealed record ScoreSheetView(
    [property: Id(0)] string EntryId,
    [property: Id(1)] string CategoryId,
    [property: Id(2)] IReadOnlyDictionary<string, int> Marks,
    [property: Id(3)] string? Comment,
    [property: Id(4)] SheetStatus Status,
    [property: Id(5)] DateTimeOffset SavedAt,
    [property: Id(6)] DateTimeOffset? SubmittedAt);

/// <summary>The answer to saving a score sheet: the sheet as stored, or the problems with it, or why it was refused.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.ScoreOutcome")]
public sealed record ScoreOutcome(
    [property: Id(0)] ScoreSheetView? Sheet,
    [property: Id(1)] IReadOnlyList<ScoringProblem> Problems,
    [property: Id(2)] string? Refusal)
{
    public bool Succeeded => Sheet is not null && Problems.Count == 0 && Refusal is null;
}
