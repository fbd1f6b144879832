using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Photos;
using CitySpiritAwards.Web.Photos.Processing;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>
/// The photos a nomination should have after a submit or edit: ids already stored under it (kept from the
/// nomination, or from an earlier try of the same form) and photos that passed the checks but are not stored yet.
/// </summary>
public sealed record PhotoSelection(IReadOnlyList<string> KeptIds, IReadOnlyList<PhotoResult.Accepted> NewPhotos)
{
    public static PhotoSelection None { get; } = new([], []);
}

/// <summary>The outcome, and the photo ids the nomination has (or, when the form must be corrected, the ones kept for the next try).</summary>
public sealed record NominationChange(NominationOutcome Outcome, IReadOnlyList<string> PhotoIds);

/// <summary>Dependencies every nomination endpoint and page uses, and the two commands that store photos.</summary>
public sealed record NominationServices(
    IGrainFactory Grains,
    IStringLocalizer<SharedResource> Text,
    AccountMailer Mailer,
    ConsentLinks ConsentLinks,
    AwardsClock Clock,
    NominationPhotoFiles PhotoFiles,
    ILogger<NominationServices> Logger)
{
    /// <summary>The photo store could not be written: nothing was created, the resident may simply try again.</summary>
    public const string PhotosUnavailable = "photos-unavailable";

    /// <summary>
    /// Stores the new photos, then submits through the resident's quota grain and, for the call that created the
    /// nomination only, emails the nominee their consent link. Photos are stored first so that a failing photo store
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

        var attached = await AttachAsync(nominationId, existing?.PhotoIds ?? [], photos, ct);
        if (attached.Failure is { } failure)
            return new(failure, []);

        var outcome = await Grains.GetGrain<IResidentNominationsGrain>(IResidentNominationsGrain.KeyFor(campaignId, residentId))
            .SubmitAsync(nominationId, draft, attached.Ids);
        if (outcome.Created)
            await Mailer.SendNomineeConsentAsync(outcome.Nomination!.Draft.NomineeEmail, ConsentLinks.PathFor(outcome.Nomination.Id, Clock.UtcNow), http, ct);
        if (outcome.Succeeded)
            return new(outcome, outcome.Nomination!.PhotoIds);

        var keep = keepPhotosForCorrection && outcome.Problems.Count > 0 ? attached.Ids : [];
        await RemoveUnusedAsync(nominationId, attached.Stored, existing?.PhotoIds ?? keep, ct);
        return new(outcome, keep);
    }

    /// <summary>The nominator's edit: the photos they kept, plus new ones; photos they took off are deleted once the edit is stored.</summary>
    public async Task<NominationChange> EditAsync(string nominationId, string residentId, NominationDraft draft, PhotoSelection photos, CancellationToken ct)
    {
        var existing = await Grains.GetGrain<INominationGrain>(nominationId).GetAsync();
        if (existing is null)
            return new(NominationOutcome.Refused(RefusalCodes.NotFound), []);
        if (existing.NominatorId != residentId)
            return new(NominationOutcome.Refused(RefusalCodes.NotYours), []);

        var attached = await AttachAsync(nominationId, existing.PhotoIds, photos, ct);
        if (attached.Failure is { } failure)
            return new(failure, existing.PhotoIds);

        var outcome = await Grains.GetGrain<INominationGrain>(nominationId).EditAsync(residentId, draft, attached.Ids);
        if (outcome.Succeeded)
        {
            await RemoveUnusedAsync(nominationId, existing.PhotoIds, outcome.Nomination!.PhotoIds, ct);
            return new(outcome, outcome.Nomination.PhotoIds);
        }
        var keep = outcome.Problems.Count > 0 ? attached.Ids : existing.PhotoIds;
        await RemoveUnusedAsync(nominationId, attached.Stored, existing.PhotoIds.Concat(keep), ct);
        return new(outcome, keep);
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
        return attached.Failure is null ? attached.Ids : await AttachedAlreadyAsync(nominationId, existing?.PhotoIds ?? [], photos.KeptIds, ct);
    }

    private sealed record Attached(IReadOnlyList<string> Ids, IReadOnlyList<string> Stored, NominationOutcome? Failure);

    /// <summary>Checks the count, confirms kept ids are really stored under this nomination, and stores the new photos.</summary>
    private async Task<Attached> AttachAsync(string nominationId, IReadOnlyList<string> alreadyAttached, PhotoSelection photos, CancellationToken ct)
    {
        var kept = await AttachedAlreadyAsync(nominationId, alreadyAttached, photos.KeptIds, ct);
        var count = kept.Count + photos.NewPhotos.Count;
        if (count > NominationLimits.MaxPhotos)
            return new([], [], NominationOutcome.Invalid([new(NominationFields.PhotoCount, ProblemCodes.TooManyPhotos, NominationLimits.MaxPhotos, count)]));

        var stored = new List<string>();
        try
        {
            foreach (var photo in photos.NewPhotos)
                stored.Add(await PhotoFiles.SaveAsync(nominationId, photo, ct));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Logger.LogError(e, "Could not store the photos of nomination {NominationId}", nominationId);
            await RemoveUnusedAsync(nominationId, stored, alreadyAttached, ct);
            return new([], [], NominationOutcome.Refused(PhotosUnavailable));
        }
        return new(NominationPhotos.Distinct(kept.Concat(stored)), stored, null);
    }

    /// <summary>The kept ids that really are stored under this nomination (a form's hidden fields can say anything).</summary>
    private async Task<IReadOnlyList<string>> AttachedAlreadyAsync(string nominationId, IReadOnlyList<string> alreadyAttached, IReadOnlyList<string> keptIds, CancellationToken ct)
    {
        var kept = new List<string>();
        foreach (var id in NominationPhotos.Distinct(keptIds))
        {
            if (alreadyAttached.Contains(id) || await PhotoFiles.ExistsAsync(nominationId, id, ct))
                kept.Add(id);
        }
        return kept;
    }

    /// <summary>Deletes the photos in <paramref name="candidates"/> that are not in <paramref name="inUse"/>; a failure only leaves a file behind.</summary>
    private async Task RemoveUnusedAsync(string nominationId, IEnumerable<string> candidates, IEnumerable<string> inUse, CancellationToken ct)
    {
        var unused = candidates.Except(inUse, StringComparer.Ordinal).ToList();
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
