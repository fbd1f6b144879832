using CitySpiritAwards.Web.Gallery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Gallery;

/// <summary>One public nomination: the whole story, as text, and its photos. Anything not public is "not found".</summary>
public sealed class NominationModel(IGrainFactory grains) : PageModel
{
    public PublicNomination? Nomination { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Nomination = await GalleryApi.LoadPublicAsync(grains, id);
        return Nomination is null ? NotFound() : Page();
    }
}
