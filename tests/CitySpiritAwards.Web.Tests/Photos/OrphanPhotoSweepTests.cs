using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Photos;
using CitySpiritAwards.Web.Photos.Processing;
using CitySpiritAwards.Web.Tests.Photos.Processing;
using CitySpiritAwards.Web.Tests.Support;
using ImageMagick;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Photos;

/// <summary>The daily sweep deletes photo files no nomination uses, and nothing a nomination shows.</summary>
public sealed class OrphanPhotoSweepTests(NominationsSite site) : IClassFixture<NominationsSite>
{
    private static List<KeyValuePair<string, string>> Form(string nominationId, string name, params string[] keep)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("NominationId", nominationId), new("Form.CategoryId", "wisdom"), new("Form.NomineeName", name),
            new("Form.DistrictId", "putuo"), new("Form.Relationship", "neighbour"),
            new("Form.StoryZh", "退休工程师陆伯伯每月在小区广场办一次科学小课堂，带孩子们做净水实验和简易电路，器材都是他自己准备的。"),
            new("Form.StoryEn", ""), new("Form.NomineeEmail", "lu@example.org"),
        };
        fields.AddRange(keep.Select(id => new KeyValuePair<string, string>("KeepPhotoIds", id)));
        return fields;
    }

    [Fact]
    public async Task Photos_of_abandoned_forms_and_taken_off_photos_go_and_photos_in_use_stay()
    {
        var campaignId = await site.CampaignInAsync(CampaignPhase.Nominating);
        var resident = await site.ResidentAsync();
        var kept = Guid.NewGuid().ToString("N");
        var abandoned = Guid.NewGuid().ToString("N");
        var photo = ("Photos", "a.jpg", TestImages.Encode(800, 600, MagickFormat.Jpeg));
        var other = ("Photos", "b.jpg", TestImages.Encode(640, 480, MagickFormat.Png));
        await resident.SubmitMultipartAsync($"/campaigns/{campaignId}/nominate", Form(kept, "陆伯伯"), [photo, other]);
        // A file that is no photo: the good photo is kept for a retry that never comes.
        await resident.SubmitMultipartAsync($"/campaigns/{campaignId}/nominate", Form(abandoned, "陆伯伯"), [photo, ("Photos", "notes.jpg", "not a photo"u8.ToArray())]);
        var nomination = (await site.Grains.GetGrain<INominationGrain>(kept).GetAsync())!;
        // A photo taken off in an edit whose own deletion failed: stored, but no longer in the nomination's list.
        var files = site.App.Services.GetRequiredService<NominationPhotoFiles>();
        var stray = await files.SaveAsync(kept, new PhotoResult.Accepted(
            new(TestImages.Encode(500, 500, MagickFormat.Jpeg), "image/jpeg", 500, 500), new(TestImages.Encode(200, 200, MagickFormat.Jpeg), "image/jpeg", 200, 200), PhotoFormat.Jpeg),
            CancellationToken.None);
        var sweep = site.App.Services.GetRequiredService<OrphanPhotoSweep>();

        var notYet = await sweep.RunAsync(OrphanPhotoSweep.Grace, CancellationToken.None);
        var deleted = await sweep.RunAsync(TimeSpan.Zero, CancellationToken.None);
        var again = await sweep.RunAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(0, notYet); // everything is younger than a day
        Assert.Equal(4, deleted); // the abandoned form's photo and the stray one, two sizes each
        Assert.Equal(0, again);
        Assert.DoesNotContain(site.PhotoFilesOf(abandoned), f => f.EndsWith(".jpg", StringComparison.Ordinal));
        Assert.Equal(nomination.PhotoIds.SelectMany(id => new[] { $"{id}-display.jpg", $"{id}-thumb.jpg" }).Order(),
            site.PhotoFilesOf(kept).Where(f => f.EndsWith(".jpg", StringComparison.Ordinal)));
        Assert.DoesNotContain(site.PhotoFilesOf(kept), f => f.StartsWith(stray, StringComparison.Ordinal));
    }
}
