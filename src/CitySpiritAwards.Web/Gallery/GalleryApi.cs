using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Storage.Nominations;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Photos;
using CitySpiritAwards.Web.Shared;
using CitySpiritAwards.Web.Voting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Gallery;

public sealed record PublicPhoto(string Thumbnail, string Display)
{
    public static IReadOnlyList<PublicPhoto> For(string nominationId, IEnumerable<string> photoIds) =>
        photoIds.Select(id => new PublicPhoto(
            PhotoEndpoints.UrlFor(nominationId, id, PhotoSize.Thumbnail), PhotoEndpoints.UrlFor(nominationId, id, PhotoSize.Display))).ToList();
}

/// <summary>A nomination as the public sees it in a list: never the nominator, never the nominee's contact.</summary>
public sealed record GalleryCard(
    string Id, string CategoryId, string DistrictId, string NomineeName, string Relationship,
    string? StoryZhExcerpt, string? StoryEnExcerpt, IReadOnlyList<PublicPhoto> Photos, DateTimeOffset PublicSince)
{
    /// <summary>How much of a story a card shows, in characters as a reader counts them.</summary>
    public const int ExcerptLength = 120;

    public static GalleryCard From(NominationListing n) => new(
        n.Id, n.CategoryId, n.DistrictId, n.NomineeName, n.Relationship, Excerpt(n.StoryZh), Excerpt(n.StoryEn),
        PublicPhoto.For(n.Id, n.PhotoIds), n.PublicSince ?? throw new ArgumentException("Only public nominations make gallery cards.", nameof(n)));

    private static string? Excerpt(string? story) => story is null ? null : NominationText.Excerpt(story, ExcerptLength);
}

/// <summary>Cards to show, with the campaign's voting while each may offer "vote for this person" (null: never).</summary>
public sealed record CardList(IReadOnlyList<GalleryCard> Items, CampaignVoting? Voting = null)
{
    public string? VoteLink(GalleryCard card) => VoteLinks.For(Voting, card.Id, DateTimeOffset.UtcNow);
}

public sealed record GalleryResult(IReadOnlyList<GalleryCard> Items, int Page, int PageSize, int Total, int PageCount);

/// <summary>One public nomination in full: its whole story and its photos, and still nothing private.</summary>
public sealed record PublicNomination(
    string Id, string CampaignId, string CategoryId, string DistrictId, string NomineeName, string Relationship,
    string? StoryZh, string? StoryEn, IReadOnlyList<PublicPhoto> Photos)
{
    public static PublicNomination From(NominationView n) => new(
        n.Id, n.CampaignId, n.Draft.CategoryId, n.Draft.DistrictId, n.Draft.NomineeName, n.Draft.Relationship,
        n.Draft.StoryZh, n.Draft.StoryEn, PublicPhoto.For(n.Id, n.PhotoIds));
}

/// <summary>The public gallery: approved nominations whose nominee agreed, by award and district, a page at a time.</summary>
public static class GalleryApi
{
    public static void MapGalleryApi(this WebApplication app)
    {
        var api = app.MapGroup("api").WithTags("Gallery").AllowAnonymous();
        api.MapGet("campaigns/{id}/nominations", ListAsync)
            .WithSummary("The campaign's public nominations, newest first; filter by category and district, search by part of the nominee's name (q), a page at a time (page size at most 48).");
        api.MapGet("nominations/{id}", GetAsync).WithSummary("One public nomination with its whole story and photos.");
    }

    public static async Task<GalleryResult> QueryAsync(NominationQueries nominations, string campaignId, GalleryFilter filter, int? page, int? pageSize)
    {
        var result = await nominations.GalleryAsync(campaignId, filter, page, pageSize);
        var paging = result.Paging;
        return new GalleryResult(result.Items.Select(GalleryCard.From).ToList(), paging.Page, paging.PageSize, paging.Total, paging.PageCount);
    }

    /// <summary>The nomination if the public may see it; null otherwise, whether it exists or not.</summary>
    public static async Task<PublicNomination?> LoadPublicAsync(IGrainFactory grains, string nominationId) =>
        await grains.GetGrain<INominationGrain>(nominationId).GetAsync() is { IsPublic: true } nomination ? PublicNomination.From(nomination) : null;

    private static async Task<Results<Ok<GalleryResult>, ProblemHttpResult>> ListAsync(
        string id, string? category, string? district, string? q, int? page, int? pageSize, IGrainFactory grains, NominationQueries nominations, IStringLocalizer<SharedResource> text)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetAsync() is null)
            return Problems.CampaignNotFound(text, id);
        return TypedResults.Ok(await QueryAsync(nominations, id, new GalleryFilter(category, district, q), page, pageSize));
    }

    private static async Task<Results<Ok<PublicNomination>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains, IStringLocalizer<SharedResource> text) =>
        await LoadPublicAsync(grains, id) is { } nomination
            ? TypedResults.Ok(nomination)
            : TypedResults.Problem(statusCode: 404, title: text["Gallery.NoSuchNomination"]);
}
