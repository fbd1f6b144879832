using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Web.Apis;
using CitySpiritAwards.Web.Photos;
using Microsoft.AspNetCore.Http.HttpResults;

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
    public static GalleryCard From(GalleryEntry e) => new(
        e.NominationId, e.CategoryId, e.DistrictId, e.NomineeName, e.Relationship, e.StoryZhExcerpt, e.StoryEnExcerpt,
        PublicPhoto.For(e.NominationId, e.PhotoIds), e.PublicSince);
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
            .WithSummary("The campaign's public nominations, newest first; filter by category and district, a page at a time (page size at most 48).");
        api.MapGet("nominations/{id}", GetAsync).WithSummary("One public nomination with its whole story and photos.");
    }

    public static async Task<GalleryResult> QueryAsync(IGrainFactory grains, string campaignId, GalleryQuery query)
    {
        var page = await grains.GetGrain<IPublicGalleryGrain>(campaignId).QueryAsync(query);
        return new GalleryResult(page.Entries.Select(GalleryCard.From).ToList(), page.Page, page.PageSize, page.Total, page.PageCount);
    }

    /// <summary>The nomination if the public may see it; null otherwise, whether it exists or not.</summary>
    public static async Task<PublicNomination?> LoadPublicAsync(IGrainFactory grains, string nominationId) =>
        await grains.GetGrain<INominationGrain>(nominationId).GetAsync() is { IsPublic: true } nomination ? PublicNomination.From(nomination) : null;

    private static async Task<Results<Ok<GalleryResult>, ProblemHttpResult>> ListAsync(
        string id, string? category, string? district, int? page, int? pageSize, IGrainFactory grains)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetAsync() is null)
            return CampaignsApi.CampaignNotFound(id);
        return TypedResults.Ok(await QueryAsync(grains, id, new GalleryQuery(category, district, page, pageSize)));
    }

    private static async Task<Results<Ok<PublicNomination>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        await LoadPublicAsync(grains, id) is { } nomination
            ? TypedResults.Ok(nomination)
            : TypedResults.Problem(statusCode: 404, title: "No such public nomination / 没有这条公开的推荐");
}
