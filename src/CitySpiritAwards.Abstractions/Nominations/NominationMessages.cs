using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Abstractions.Nominations;

/// <summary>
/// A resident's nomination as submitted: the draft (validated by the grain), who submitted it, and the ids of its
/// photos, already checked and stored by the web layer (<see cref="NominationPhotos"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.NominationSubmission")]
public sealed record NominationSubmission(
    [property: Id(0)] string CampaignId,
    [property: Id(1)] string NominatorId,
    [property: Id(2)] NominationDraft Draft,
    [property: Id(3)] IReadOnlyList<string> PhotoIds);

/// <summary>Something that happened to a nomination: the nominator's history and the moderation audit log.</summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.NominationEvent")]
public sealed record NominationEvent(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string? Note);

/// <summary>
/// Everything the grain holds about a nomination. Private parts (nominator, nominee email) are here; the web layer
/// decides who sees what and never shows them publicly.
/// </summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.NominationView")]
public sealed record NominationView(
    [property: Id(0)] string Id,
    [property: Id(1)] string CampaignId,
    [property: Id(2)] string NominatorId,
    [property: Id(3)] NominationDraft Draft,
    [property: Id(4)] NominationStatus Status,
    [property: Id(5)] NomineeConsent Consent,
    [property: Id(6)] DateTimeOffset SubmittedAt,
    [property: Id(7)] string? ModeratorNote,
    [property: Id(8)] IReadOnlyList<NominationEvent> History,
    [property: Id(9)] IReadOnlyList<string> PhotoIds,
    [property: Id(10)] DateTimeOffset? PublicSince,
    [property: Id(11)] int ConsentRound = 0,
    [property: Id(12)] bool ConsentEmailHeld = false)
{
    public bool IsPublic => PublicVisibility.IsPublic(Status, Consent);

    /// <summary>
    /// The nominee has not been emailed a link for what the nomination says now (a daily email limit held it back), and
    /// could still answer: the nominator may send it from My nominations.
    /// </summary>
    public bool ConsentEmailOwed =>
        ConsentEmailHeld && Consent == NomineeConsent.Pending
        && Status is NominationStatus.Submitted or NominationStatus.ChangesRequested or NominationStatus.Approved;
}

/// <summary>
/// The answer to a command: the nomination as it now is, or why nothing changed. <paramref name="Created"/> is true
/// only for the call that created the nomination, never for a repeat of it (so the consent email goes out once);
/// <paramref name="ConsentAskedAgain"/> only for the edit that made the nominee's earlier answer or link stand for
/// nothing, never for a repeat of that edit (so its new consent email goes out once).
/// </summary>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.NominationOutcome")]
public sealed record NominationOutcome(
    [property: Id(0)] NominationView? Nomination,
    [property: Id(1)] IReadOnlyList<NominationProblem> Problems,
    [property: Id(2)] string? Refusal,
    [property: Id(3)] bool Created = false,
    [property: Id(4)] bool ConsentAskedAgain = false)
{
    public bool Succeeded => Nomination is not null && Problems.Count == 0 && Refusal is null;

    /// <summary>This call is the one that must email the nominee a consent link (for <see cref="NominationView.ConsentRound"/>).</summary>
    public bool AsksForConsent => Succeeded && (Created || ConsentAskedAgain);

    public static NominationOutcome Done(NominationView nomination) => new(nomination, [], null);

    public static NominationOutcome NewlyCreated(NominationView nomination) => new(nomination, [], null, Created: true);

    public static NominationOutcome Invalid(IReadOnlyList<NominationProblem> problems) => new(null, problems, null);

    public static NominationOutcome Refused(string refusal, NominationView? nomination = null) => new(nomination, [], refusal);
}

[GenerateSerializer, Alias("CitySpiritAwards.ModerationAction")]
public enum ModerationAction
{
    Approve,
    Reject,
    RequestChanges,
    Hide,
}

[GenerateSerializer, Alias("CitySpiritAwards.ConsentAction")]
public enum ConsentAction
{
    Give,
    Decline,
    Withdraw,
}
