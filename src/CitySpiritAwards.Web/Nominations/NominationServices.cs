using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Notifications;
using CitySpiritAwards.Web.Photos;
using CitySpiritAwards.Web.Photos.Processing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using CitySpiritAwards.Domain.Localization;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>
/// The photos a nomination should have after a submit or edit: ids already stored under it (kept from the
/// nomination, or from an earlier try of the same form) and photos that passed the checks but are not stored yet.
/// </summary>
public sealed record PhotoSelection(IReadOnlyList<string> KeptIds, IReadOnlyList<PhotoResult.Accepted> NewPhotos)
{
    public static PhotoSelection None { get; } = new([], []);
}

/// <summary>
/// The outcome, the photo ids the nomination has (or, when the form must be corrected, the ones kept for the next try),
/// and, when the change asked the nominee for consent, whether their email went out.
/// </summary>
public sealed record NominationChange(NominationOutcome Outcome, IReadOnlyList<string> PhotoIds, ConsentEmailResult? ConsentEmail = null);

/// <summary>Dependencies every nomination endpoint and page uses, and the two commands that store photos.</summary>
public sealed record NominationServices(
    IGrainFactory Grains,
    IStringLocalizer<SharedResource> Text,
    ConsentLinks ConsentLinks,
    ConsentEmails ConsentEmails,
    AwardsClock Clock,
    NominationPhotoFiles PhotoFiles,
    UserManager<AwardsUser> Users,
    KnownDistricts KnownDistricts,
    NoticeQueue Notices,
    ILogger<NominationServices> Logger)
{
    /// <summary>The photo store could not be written: nothing was created, the resident may simply try again.</summary>
    public const string PhotosUnavailable = "photos-unavailable";

    /// <summary>"Send the consent email" when there is none to send: it went out, the nominee answered, or the nomination changed since.</summary>
    public const string ConsentEmailNotOwed = "consent-email-not-owed";

    /// <summary>The nominator's "send it now" for a consent email a daily limit held back.</summary>
    public async Task<(NominationOutcome Outcome, ConsentEmailResult? Email)> SendHeldConsentEmailAsync(
        string nominationId, string residentId, HttpContext http, CancellationToken ct)
    {
        var grain = Grains.GetGrain<INominationGrain>(nominationId);
        var nomination = await grain.GetAsync();
        if (nomination is null)
            return (NominationOutcome.Refused(RefusalCodes.NotFound), null);
        if (nomination.NominatorId != residentId)
            return (NominationOutcome.Refused(RefusalCodes.NotYours), null);
        if (await ConsentEmails.SendHeldAsync(nomination, http, ct) is not { } email)
            return (NominationOutcome.Refused(ConsentEmailNotOwed, nomination), null);
        return (NominationOutcome.Done((await grain.GetAsync())!), email);
    }

    /// <summary>
    /// What the nominator is told when the nominee was not emailed (a daily limit): the nomination is kept, and from when
    /// they can send the email from My nominations. Null when nothing was held back.
    /// </summary>
    public string? ConsentEmailNotice(NominationView nomination, ConsentEmailResult? email) =>
        email is { Sent: false } held ? HeldNotice(nomination, held.AllowedFrom) : null;

    /// <summary>The words for a held-back consent email that may be sent from <paramref name="allowedFrom"/> (null: now).</summary>
    public string HeldNotice(NominationView nomination, DateTimeOffset? allowedFrom)
    {
        var limits = ConsentEmails.Limits;
        return allowedFrom is { } from && from > Clock.UtcNow
            ? Text["ConsentEmail.Held", nomination.Draft.NomineeName, limits.ConsentEmailsPerAddress, limits.ConsentEmailsPerAccount,
                ShanghaiTime.Minute(from)]
            : Text["ConsentEmail.OwedNow", nomination.Draft.NomineeName];
    }

    /// <summary>
    /// Stores the new photos, then submits through the resident's quota grain and, for the call that created the
    /// nomination only, emails the nominee their consent link. The nominator's own account email is refused as the
    /// nominee's before anything is stored. Photos are stored first so that a failing photo store
    /// leaves no nomination behind; photos of a refused submission are removed again.
    /// </summary>
    /// <param name="keepPhotosForCorrection">
    /// The page keeps the stored photos when the text needs correcting, so the resident need not choose them again.
    /// </param>
    public async Task<NominationChange> SubmitAsync(
        string campaignId, string residentId, string nominationId, NominationDraft draft, PhotoSelection photos,
        bool keepPhotosForCorrection, HttpContext http, CancellationToken ct)
    {
        var existing = await Grains.GetGrain<INominationGrain>(nominationId).GetAsync();
        if (existing is not null && existing.NominatorId != residentId)
            return new(NominationOutcome.Refused(RefusalCodes.IdInUse), []);
        if (await OwnEmailAsync(draft, http) is { } ownEmail)
            return new(ownEmail, keepPhotosForCorrection ? await KeepForCorrectionAsync(nominationId, residentId, photos, ct) : []);

        var attached = await AttachAsync(nominationId, existing?.PhotoIds ?? [], photos, ct);
        if (attached.Failure is { } failure)
            return new(failure, []);

        var outcome = await Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, residentId))
            .SubmitAsync(nominationId, draft, attached.Ids);
        var email = outcome.AsksForConsent ? await ConsentEmails.SendAsync(outcome.Nomination!, http, ct) : null;
        if (outcome.Succeeded)
            return new(await LatestAsync(outcome, email), outcome.Nomination!.PhotoIds, email);

        var keep = keepPhotosForCorrection && outcome.Problems.Count > 0 ? attached.Ids : [];
        await RemoveUnusedAsync(nominationId, attached.Stored, keep, ct);
        return new(outcome, keep);
    }

    /// <summary>
    /// The nominator's edit: the photos they kept, plus new ones. The grain keeps only photos still attached when the edit
    /// is applied (another tab may have removed one), and the photos its list no longer names are deleted afterwards.
    /// When the edit changed what the nominee answered for (or was sent a link for), they are emailed a new link, once
    /// per such edit however often it is sent.
    /// </summary>
    public async Task<NominationChange> EditAsync(
        string nominationId, string residentId, NominationDraft draft, PhotoSelection photos, HttpContext http, CancellationToken ct)
    {
        var grain = Grains.GetGrain<INominationGrain>(nominationId);
        var existing = await grain.GetAsync();
        if (existing is null)
            return new(NominationOutcome.Refused(RefusalCodes.NotFound), []);
        if (existing.NominatorId != residentId)
            return new(NominationOutcome.Refused(RefusalCodes.NotYours), []);
        if (await OwnEmailAsync(draft, http) is { } ownEmail)
            return new(ownEmail, existing.PhotoIds);

        var attached = await AttachAsync(nominationId, existing.PhotoIds, photos, ct);
        if (attached.Failure is { } failure)
            return new(failure, existing.PhotoIds);

        var kept = attached.Ids.Where(existing.PhotoIds.Contains).ToList();
        var outcome = await grain.EditAsync(residentId, draft, kept, attached.Ids.Except(kept).ToList());
        if (outcome.Succeeded)
        {
            var email = outcome.AsksForConsent ? await ConsentEmails.SendAsync(outcome.Nomination!, http, ct) : null;
            await RemoveUnusedAsync(nominationId, existing.PhotoIds.Concat(attached.Stored), [], ct);
            return new(await LatestAsync(outcome, email), outcome.Nomination!.PhotoIds, email);
        }
        var keep = outcome.Problems.Count > 0 ? attached.Ids : existing.PhotoIds;
        await RemoveUnusedAsync(nominationId, attached.Stored, keep, ct);
        return new(outcome, keep);
    }

    /// <summary>The outcome with the nomination as it is once a held-back consent email was recorded on it.</summary>
    private async Task<NominationOutcome> LatestAsync(NominationOutcome outcome, ConsentEmailResult? email) =>
        email is { Sent: false } && await Grains.GetGrain<INominationGrain>(outcome.Nomination!.Id).GetAsync() is { } latest
            ? outcome with { Nomination = latest }
            : outcome;

    /// <summary>The cheap checks of a new nomination's form (<see cref="NominationPrecheck"/>); the form's id is read from its fields.</summary>
    public NominationPrecheck PrecheckSubmit(string campaignId, string residentId, Func<IFormCollection, string?> nominationIdOf, HttpContext http, string prefix) =>
        new(async fields =>
        {
            if (nominationIdOf(fields) is { } id && await Grains.GetGrain<INominationGrain>(id).GetAsync() is { } existing)
                return existing.NominatorId == residentId ? null : NominationOutcome.Refused(RefusalCodes.IdInUse); // a repeat is answered as the first
            var campaign = await Grains.GetGrain<ICampaignGrain>(campaignId).GetAsync();
            if (campaign is null)
                return NominationOutcome.Refused(RefusalCodes.NotFound);
            if (NominationLifecycle.Submit(campaign.Phase).RefusalCode is { } refused)
                return NominationOutcome.Refused(refused);
            var remaining = await Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, residentId)).RemainingAsync();
            return remaining > 0 ? null : NominationOutcome.Refused(RefusalCodes.QuotaReached);
        }, () => AccountEmailAsync(http), KnownDistricts, prefix);

    /// <summary>The cheap checks of an edit's form: only one's own nomination, while its state and the phase allow editing.</summary>
    public NominationPrecheck PrecheckEdit(string nominationId, string residentId, HttpContext http, string prefix) =>
        new(async _ =>
        {
            var existing = await Grains.GetGrain<INominationGrain>(nominationId).GetAsync();
            if (existing is null)
                return NominationOutcome.Refused(RefusalCodes.NotFound);
            if (existing.NominatorId != residentId)
                return NominationOutcome.Refused(RefusalCodes.NotYours);
            var phase = (await Grains.GetGrain<ICampaignGrain>(existing.CampaignId).GetAsync())?.Phase ?? CampaignPhase.Draft;
            var decision = existing.Status == NominationStatus.ChangesRequested
                ? NominationLifecycle.Resubmit(existing.Status, phase)
                : NominationLifecycle.Edit(existing.Status, phase);
            return decision.RefusalCode is { } refused ? NominationOutcome.Refused(refused) : null;
        }, () => AccountEmailAsync(http), KnownDistricts, prefix);

    private async Task<string?> AccountEmailAsync(HttpContext http) => (await Users.GetUserAsync(http.User))?.Email;

    /// <summary>The refusal of a nominee email that is the signed-in nominator's own, with the draft's other problems (all at once).</summary>
    public async Task<NominationOutcome?> OwnEmailAsync(NominationDraft draft, HttpContext http)
    {
        if (NominationValidator.NomineeIsNominator(draft.NomineeEmail, await AccountEmailAsync(http)) is not { } problem)
            return null;
        var others = NominationValidator.Validate(draft with { PhotoCount = 0 }, CategoryIds.All, KnownDistricts.Ids)
            .Where(p => p.Field != NominationFields.NomineeEmail);
        return NominationOutcome.Invalid([.. others, problem]);
    }

    /// <summary>
    /// When a form must be corrected for other reasons, stores the photos that passed so the resident need not choose
    /// them again; returns the ids the form now keeps (only the ones already kept, if these cannot be added).
    /// </summary>
    public async Task<IReadOnlyList<string>> KeepForCorrectionAsync(string nominationId, string residentId, PhotoSelection photos, CancellationToken ct)
    {
        var existing = await Grains.GetGrain<INominationGrain>(nominationId).GetAsync();
        if (existing is not null && existing.NominatorId != residentId)
            return [];
        var attached = await AttachAsync(nominationId, existing?.PhotoIds ?? [], photos, ct);
        return attached.Failure is null ? attached.Ids : attached.Kept;
    }

    /// <param name="Ids">Kept and newly stored, in order.</param>
    /// <param name="Kept">The kept ids that really are stored under this nomination (a form's hidden fields can say anything).</param>
    /// <param name="Stored">What this call stored.</param>
    private sealed record Attached(IReadOnlyList<string> Ids, IReadOnlyList<string> Kept, IReadOnlyList<string> Stored, NominationOutcome? Failure);

    /// <summary>Confirms kept ids are really stored under this nomination, checks the count, and stores the new photos.</summary>
    private async Task<Attached> AttachAsync(string nominationId, IReadOnlyList<string> alreadyAttached, PhotoSelection photos, CancellationToken ct)
    {
        var kept = new List<string>();
        foreach (var id in NominationPhotos.ValidDistinct(photos.KeptIds))
        {
            if (alreadyAttached.Contains(id) || await PhotoFiles.ExistsAsync(nominationId, id, ct))
                kept.Add(id);
        }
        var count = kept.Count + photos.NewPhotos.Count;
        if (count > NominationLimits.MaxPhotos)
            return new([], kept, [], NominationOutcome.Invalid([new(NominationFields.PhotoCount, ProblemCodes.TooManyPhotos, NominationLimits.MaxPhotos, count)]));

        var stored = new List<string>();
        try
        {
            foreach (var photo in photos.NewPhotos)
                stored.Add(await PhotoFiles.SaveAsync(nominationId, photo, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Could not store the photos of nomination {NominationId}", nominationId);
            await RemoveUnusedAsync(nominationId, stored, kept, ct);
            return new([], kept, [], NominationOutcome.Refused(PhotosUnavailable));
        }
        return new(NominationPhotos.ValidDistinct(kept.Concat(stored)), kept, stored, null);
    }

    /// <summary>
    /// Deletes the photos among <paramref name="candidates"/> that neither the nomination (read now, after the change, so a
    /// repeat of the same form that created it meanwhile is respected) nor <paramref name="keep"/> uses. A failure only
    /// leaves a file behind.
    /// </summary>
    private async Task RemoveUnusedAsync(string nominationId, IEnumerable<string> candidates, IEnumerable<string> keep, CancellationToken ct)
    {
        var inUse = (await Grains.GetGrain<INominationGrain>(nominationId).GetAsync())?.PhotoIds ?? [];
        var unused = candidates.Except(inUse.Concat(keep), StringComparer.Ordinal).ToList();
        if (unused.Count == 0)
            return;
        try
        {
            await PhotoFiles.DeleteAsync(nominationId, unused, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogWarning(e, "Could not delete unused photos of nomination {NominationId}", nominationId);
        }
    }
}
