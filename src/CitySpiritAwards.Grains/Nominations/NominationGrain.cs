using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Storage;
using CitySpiritAwards.Grains.Time;
using Microsoft.Extensions.Logging;

namespace CitySpiritAwards.Grains.Nominations;

public sealed class NominationGrain(
    [PersistentState("nomination", StorageNames.Awards)] IPersistentState<NominationState> state,
    KnownDistricts districts,
    INominationIndex index,
    AwardsClock clock,
    ILogger<NominationGrain> logger) : Grain, INominationGrain
{
    private NominationState S => state.State;

    /// <summary>How the history names what the site did by itself (asking the nominee again, holding an email back).</summary>
    public const string SiteActor = "site";

    private string Id => this.GetPrimaryKeyString();

    public Task<NominationView?> GetAsync() => Task.FromResult(state.RecordExists ? View() : null);

    public Task<bool> IsTakenDownAsync() => Task.FromResult(state.RecordExists && !PublicVisibility.IsPublic(S.Status, S.Consent));

    public async Task<NominationOutcome> CreateAsync(NominationSubmission submission)
    {
        var photoIds = NominationPhotos.EnsureValid(submission.PhotoIds);
        var draft = NominationValidator.Normalize(submission.Draft) with { PhotoCount = photoIds.Count };
        if (state.RecordExists)
        {
            // The same request twice (a double click, a retried call) yields the first result.
            return S.CampaignId == submission.CampaignId && S.NominatorId == submission.NominatorId && S.Draft == draft && S.PhotoIds.SequenceEqual(photoIds)
                ? NominationOutcome.Done(View())
                : NominationOutcome.Refused(RefusalCodes.IdInUse);
        }

        var problems = NominationValidator.Validate(draft, CategoryIds.All, districts.Ids);
        if (problems.Count > 0)
            return NominationOutcome.Invalid(problems);
        var campaign = await GrainFactory.GetGrain<ICampaignGrain>(submission.CampaignId).GetAsync();
        if (campaign is null)
            return NominationOutcome.Refused(RefusalCodes.NotFound);
        var decision = NominationLifecycle.Submit(campaign.Phase);
        if (!decision.IsAllowed)
            return NominationOutcome.Refused(decision.RefusalCode!);

        Start(submission with { Draft = draft, PhotoIds = photoIds }, decision.Next!.Value, NomineeConsent.Pending, submission.NominatorId, "submitted");
        await PersistAsync();
        return NominationOutcome.NewlyCreated(View());
    }

    public async Task<NominationView> ImportApprovedAsync(NominationSubmission submission, string actor)
    {
        if (!state.RecordExists)
        {
            var photoIds = NominationPhotos.EnsureValid(submission.PhotoIds);
            var draft = NominationValidator.Normalize(submission.Draft) with { PhotoCount = photoIds.Count };
            Start(submission with { Draft = draft, PhotoIds = photoIds }, NominationStatus.Approved, NomineeConsent.Given, actor, "imported as approved, with consent");
            TrackVisibility();
            await PersistAsync();
            return View();
        }
        await RefreshIndexAsync();
        return View();
    }

    public async Task RefreshIndexAsync()
    {
        if (!state.RecordExists)
        {
            await index.ForgetPendingAsync(Id);
            return;
        }
        if (TrackVisibility())
            await PersistAsync(); // stored before this site knew when nominations became public
        else
            await index.WriteAsync(Row()); // a failure here is the caller's to retry (the catch-up job)
    }

    public async Task<NominationOutcome> EditAsync(string nominatorId, NominationDraft draft, IReadOnlyList<string> keptPhotoIds, IReadOnlyList<string> addedPhotoIds)
    {
        if (Refusal(nominatorId) is { } refused)
            return refused;
        NominationPhotos.EnsureValid(addedPhotoIds);
        var photos = NominationPhotos.ValidDistinct(keptPhotoIds.Where(S.PhotoIds.Contains).Concat(addedPhotoIds));
        var normalized = NominationValidator.Normalize(draft) with { PhotoCount = photos.Count };
        var problems = NominationValidator.Validate(normalized, CategoryIds.All, districts.Ids);
        if (problems.Count > 0)
            return NominationOutcome.Invalid(problems);
        var decision = S.Status == NominationStatus.ChangesRequested
            ? NominationLifecycle.Resubmit(S.Status, await PhaseAsync())
            : NominationLifecycle.Edit(S.Status, await PhaseAsync());
        if (!decision.IsAllowed)
            return await RefusedAsync(decision.RefusalCode!);

        var consent = ConsentLifecycle.AfterEdit(S.Consent, S.Draft!, S.PhotoIds, normalized, photos);
        S.Draft = normalized;
        S.PhotoIds = photos.ToList();
        S.Status = decision.Next!.Value;
        Record(nominatorId, "edited", null);
        if (consent.AskAgain)
        {
            // What the nominee answered (or was sent a link for) is no longer what the nomination says: ask again.
            S.Consent = consent.Consent;
            S.ConsentRound++;
            S.ConsentEmailHeld = false;
            Record(SiteActor, "consent: AskedAgain", null);
        }
        var saved = await SaveAsync();
        return saved with { ConsentAskedAgain = consent.AskAgain };
    }

    public async Task<NominationOutcome> WithdrawAsync(string nominatorId) =>
        Refusal(nominatorId) ?? await ApplyAsync(NominationLifecycle.Withdraw(S.Status, await PhaseAsync()), nominatorId, "withdrawn", null);

    public async Task<NominationOutcome> ConsentAsync(ConsentAction action, int round)
    {
        if (!state.RecordExists)
            return NominationOutcome.Refused(RefusalCodes.NotFound);
        if (round != S.ConsentRound)
            return NominationOutcome.Refused(RefusalCodes.ConsentLinkReplaced);
        var decision = action switch
        {
            ConsentAction.Give => ConsentLifecycle.Give(S.Consent),
            ConsentAction.Decline => ConsentLifecycle.Decline(S.Consent),
            _ => ConsentLifecycle.Withdraw(S.Consent),
        };
        if (!decision.IsAllowed)
            return await RefusedAsync(decision.RefusalCode!);
        S.Consent = decision.Next!.Value;
        Record("nominee", $"consent: {action}", null);
        return await SaveAsync();
    }

    public async Task<bool> RecordConsentEmailAsync(int round, bool sent)
    {
        if (!state.RecordExists || round != S.ConsentRound || S.ConsentEmailHeld == !sent)
            return false; // no such nomination, another round's email, or already recorded
        S.ConsentEmailHeld = !sent;
        Record(SiteActor, sent ? "consent: EmailSent" : "consent: EmailHeld", null);
        await SaveAsync();
        return true;
    }

    public async Task<NominationOutcome> ModerateAsync(ModerationAction action, string moderatorId, string? reason)
    {
        if (!state.RecordExists)
            return NominationOutcome.Refused(RefusalCodes.NotFound);
        var phase = await PhaseAsync();
        var decision = action switch
        {
            ModerationAction.Approve => NominationLifecycle.Approve(S.Status, phase),
            ModerationAction.Reject => NominationLifecycle.Reject(S.Status, phase, reason),
            ModerationAction.RequestChanges => NominationLifecycle.RequestChanges(S.Status, phase, reason),
            _ => NominationLifecycle.Hide(S.Status, reason),
        };
        return await ApplyAsync(decision, moderatorId, $"moderation: {action}", reason, () => S.ModeratorNote = reason);
    }

    public async Task<NominationOutcome> MergeIntoAsync(string targetId, NominationStatus targetStatus, string moderatorId)
    {
        if (!state.RecordExists)
            return NominationOutcome.Refused(RefusalCodes.NotFound);
        var decision = NominationLifecycle.Merge(Id, S.Status, targetId, targetStatus, await PhaseAsync());
        return await ApplyAsync(decision, moderatorId, "moderation: Merge", targetId, () => S.MergedInto = targetId);
    }

    private NominationOutcome? Refusal(string nominatorId) =>
        !state.RecordExists ? NominationOutcome.Refused(RefusalCodes.NotFound)
        : S.NominatorId != nominatorId ? NominationOutcome.Refused(RefusalCodes.NotYours)
        : null;

    private async Task<NominationOutcome> ApplyAsync(Decision<NominationStatus> decision, string actor, string action, string? note, Action? change = null)
    {
        if (!decision.IsAllowed)
            return await RefusedAsync(decision.RefusalCode!);
        change?.Invoke();
        S.Status = decision.Next!.Value;
        Record(actor, action, note);
        return await SaveAsync();
    }

    private async Task<NominationOutcome> SaveAsync()
    {
        TrackVisibility();
        await PersistAsync();
        return NominationOutcome.Done(View());
    }

    /// <summary>
    /// A refusal. "Already done" may be a retry after the first attempt's row was lost, so the row is written again
    /// (it is idempotent), e.g. a nominee withdrawing again until the gallery no longer shows them.
    /// </summary>
    private async Task<NominationOutcome> RefusedAsync(string refusalCode)
    {
        if (refusalCode == RefusalCodes.AlreadyDone)
            await WriteRowAsync();
        return NominationOutcome.Refused(refusalCode, View());
    }

    /// <summary>
    /// Stores the state and then its row in the read table. The pending mark comes first, so a crash between the two
    /// writes leaves the mark for the catch-up job; a state write that fails drops the activation, so the next call
    /// starts again from what is stored rather than from a change storage never took.
    /// </summary>
    private async Task PersistAsync()
    {
        await index.MarkPendingAsync(Id);
        S.Version++;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
        await WriteRowAsync();
    }

    /// <summary>The change is stored; a row that cannot be written now is written by the catch-up job from the pending mark.</summary>
    private async Task WriteRowAsync()
    {
        try
        {
            await index.WriteAsync(Row());
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Nomination {NominationId} is stored but its read-table row is not yet; the catch-up job will write it", Id);
        }
    }

    /// <summary>
    /// Remembers when the nomination became public (the gallery shows the newest first), and forgets it when it stops
    /// being. Returns whether that changed.
    /// </summary>
    private bool TrackVisibility()
    {
        var before = S.PublicSince;
        if (!PublicVisibility.IsPublic(S.Status, S.Consent))
            S.PublicSince = null;
        else
            S.PublicSince ??= clock.UtcNow;
        return before != S.PublicSince;
    }

    private async Task<CampaignPhase> PhaseAsync() =>
        (await GrainFactory.GetGrain<ICampaignGrain>(S.CampaignId).GetAsync())?.Phase ?? CampaignPhase.Draft;

    private void Start(NominationSubmission submission, NominationStatus status, NomineeConsent consent, string actor, string action)
    {
        state.State = new NominationState
        {
            CampaignId = submission.CampaignId,
            NominatorId = submission.NominatorId,
            Draft = submission.Draft,
            PhotoIds = submission.PhotoIds.ToList(),
            Status = status,
            Consent = consent,
            SubmittedAt = clock.UtcNow,
        };
        Record(actor, action, null);
    }

    private void Record(string actor, string action, string? note) =>
        S.History.Add(new NominationEvent(clock.UtcNow, actor, action, note));

    private NominationRow Row() => new(
        Id, S.CampaignId, S.NominatorId, S.Draft!, S.Status, S.Consent, S.SubmittedAt, S.PublicSince, S.PhotoIds.ToList(),
        S.ModeratorNote, S.MergedInto, S.History.ToList(), S.Version);

    private NominationView View() => new(
        Id, S.CampaignId, S.NominatorId, S.Draft!, S.Status, S.Consent, S.SubmittedAt, S.ModeratorNote,
        S.History.ToList(), S.PhotoIds.ToList(), S.PublicSince, S.ConsentRound, S.ConsentEmailHeld);
}

[GenerateSerializer, Alias("CitySpiritAwards.NominationState")]
public sealed class NominationState
{
    [Id(0)] public string CampaignId { get; set; } = "";
    [Id(1)] public string NominatorId { get; set; } = "";
    [Id(2)] public NominationDraft? Draft { get; set; }
    [Id(3)] public NominationStatus Status { get; set; }
    [Id(4)] public NomineeConsent Consent { get; set; }
    [Id(5)] public DateTimeOffset SubmittedAt { get; set; }
    [Id(6)] public string? ModeratorNote { get; set; }
    [Id(7)] public List<NominationEvent> History { get; set; } = [];
    [Id(8)] public List<string> PhotoIds { get; set; } = [];
    [Id(9)] public DateTimeOffset? PublicSince { get; set; }
    [Id(10)] public string? MergedInto { get; set; }

    /// <summary>Counts stored changes; the read table keeps the newest row it was given (a late write never undoes a newer one).</summary>
    [Id(11)] public long Version { get; set; }

    /// <summary>Counts the times the nominee was asked: a consent link names its round, and only the current one counts.</summary>
    [Id(12)] public int ConsentRound { get; set; }

    /// <summary>The current round's consent email was held back by a daily limit and has not been sent since.</summary>
    [Id(13)] public bool ConsentEmailHeld { get; set; }
}
