using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Categories;

public sealed class IndexModel(IGrainFactory grains) : PageModel
{
    public IReadOnlyList<Category> Categories { get; private set; } = [];

    public async Task OnGetAsync() => Categories = await grains.LoadCategoriesAsync();
}
