using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Web.Gallery;
using CitySpiritAwards.Web.Voting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Gallery;

/// <summary>One public nomination: the whole story, as text, and its photos. Anything not public is "not found".</summary>
public sealed class NominationModel(IGrainFactory grains, VotingCatalog voting) : PageModel
{
    public PublicNomination? Nomination { get; private set; }

    /// <summary>Where "vote for this person" leads, while a vote for it would be accepted; null otherwise.</summary>
    public string? VoteLink { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Nomination = await GalleryApi.LoadPublicAsync(grains, id);
        if (Nomination is null)
            return NotFound();
        VoteLink = VoteLinks.For(await voting.GetAsync(Nomination.CampaignId), id, DateTimeOffset.UtcNow);
        return Page();
    }
}
