using System.Security.Claims;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Nominations;
using Microsoft.Net.Http.Headers;

namespace CitySpiritAwards.Web.Photos;

public enum PhotoAccess
{
    None,
    /// <summary>Anyone may see it, and shared caches may keep it for a short while.</summary>
    Public,
    /// <summary>Only this viewer may see it; nothing may cache it.</summary>
    Private,
}

/// <summary>Serves a nomination's photos: to everyone once the nomination is public, before that only to those who must see them.</summary>
public static class PhotoEndpoints
{
    /// <summary>Short, so a photo taken down (consent withdrawn, hidden) leaves shared caches within minutes.</summary>
    public static readonly TimeSpan PublicMaxAge = TimeSpan.FromMinutes(5);

    public static string UrlFor(string nominationId, string photoId, PhotoSize size, string? consentToken = null) =>
        $"/photos/{Uri.EscapeDataString(nominationId)}/{photoId}/{PhotoSizes.Name(size)}"
        + (consentToken is null ? "" : $"?consent={Uri.EscapeDataString(consentToken)}");

    /// <summary>
    /// GET and HEAD share one handler, so HEAD (link previews ask with it) gets the same status, headers and access rules;
    /// the result executor writes no body for HEAD.
    /// </summary>
    public static void MapPhotoEndpoints(this WebApplication app) =>
        app.MapMethods("/photos/{nominationId}/{photoId}/{size}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .WithTags("Photos")
            .WithSummary("A nomination's photo (size: thumb or display) as JPEG. Public nominations only, except for its nominator, moderators, " +
                         "administrators and the nominee (with the consent link's token).");

    /// <summary>
    /// Who may see the photos of <paramref name="nomination"/>: everyone once it is public; before that its nominator,
    /// moderators and administrators, and the nominee holding the consent link.
    /// </summary>
    public static PhotoAccess AccessFor(NominationView nomination, ClaimsPrincipal user, bool holdsConsentLink)
    {
        if (nomination.IsPublic)
            return PhotoAccess.Public;
        var isNominator = user.FindFirstValue(ClaimTypes.NameIdentifier) == nomination.NominatorId;
        return isNominator || holdsConsentLink || user.IsInRole(Roles.Moderator) || user.IsInRole(Roles.Administrator)
            ? PhotoAccess.Private
            : PhotoAccess.None;
    }

    private static async Task<IResult> ServeAsync(
        string nominationId, string photoId, string size, string? consent, HttpContext http,
        IGrainFactory grains, NominationPhotoFiles files, ConsentLinks consentLinks, CancellationToken ct)
    {
        if (PhotoSizes.Parse(size) is not { } photoSize)
            return Results.NotFound();
        var nomination = await grains.GetGrain<INominationGrain>(nominationId).GetAsync();
        if (nomination is null || !nomination.PhotoIds.Contains(photoId))
            return Results.NotFound();
        var holdsConsentLink = consent is not null && consentLinks.ReadToken(consent)?.IsCurrentFor(nomination) == true;
        var access = AccessFor(nomination, http.User, holdsConsentLink);
        if (access == PhotoAccess.None)
            return Results.NotFound(); // the same answer as for a photo that does not exist

        var headers = http.Response.GetTypedHeaders();
        headers.CacheControl = access == PhotoAccess.Public
            ? new CacheControlHeaderValue { Public = true, MaxAge = PublicMaxAge }
            : new CacheControlHeaderValue { Private = true, NoStore = true };
        // Photo ids are fingerprints of the picture, so the id and size are a strong validator. Answered here, before
        // the store is opened, so a revalidation costs no blob download (Results.Stream would also answer it, after).
        var etag = new EntityTagHeaderValue($"\"{photoId}-{size}\"");
        if (http.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Compare(etag, useStrongComparison: false)))
        {
            headers.ETag = etag;
            return Results.StatusCode(StatusCodes.Status304NotModified);
        }

        var photo = await files.OpenAsync(nominationId, photoId, photoSize, ct);
        if (photo is null)
            return Results.NotFound();
        return Results.Stream(photo.Content, photo.ContentType, entityTag: etag);
    }
}
