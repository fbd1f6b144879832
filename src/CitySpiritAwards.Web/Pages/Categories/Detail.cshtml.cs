using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Domain.Categories;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Categories;

public sealed class DetailModel(IGrainFactory grains) : PageModel
{
    public Category? Category { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        Category = CategoryIds.IsKnown(id) ? await grains.GetGrain<ICategoryGrain>(id).GetAsync() : null;
        return Category is null ? NotFound() : Page();
    }
}
