using CitySpiritAwards.Abstractions.Categories;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Consent;

/// <summary>The nominee's page, reached by the emailed link (no account needed): see the nomination, agree, decline or withdraw.</summary>
[AllowAnonymous]
public sealed class IndexModel(IGrainFactory grains, ConsentLinks links, IStringLocalizer<SharedResource> text) : PageModel
{
    public NominationView? Nomination { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The link's token, passed on to the photos so the nominee sees them before deciding.</summary>
    public string? Token { get; private set; }

    private string? _categoryZh;
    private string? _categoryEn;

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await LoadAsync(token);
        return Nomination is null ? NotFoundPage() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, ConsentAction action)
    {
        if (links.ReadToken(token) is not { } id)
            return NotFoundPage();
        var outcome = await grains.GetGrain<INominationGrain>(id).ConsentAsync(action);
        Message = outcome.Refusal is { } refusal ? text[$"Nomination.Refusal.{refusal}"] : text["Consent.Saved"];
        await LoadAsync(token);
        return Page();
    }

    public string CategoryName(string culture) => (culture.StartsWith("zh") ? _categoryZh : _categoryEn) ?? Nomination?.Draft.CategoryId ?? "";

    private async Task LoadAsync(string token)
    {
        Nomination = links.ReadToken(token) is { } id ? await grains.GetGrain<INominationGrain>(id).GetAsync() : null;
        Token = Nomination is null ? null : token;
        if (Nomination is not null && await grains.GetGrain<ICategoryGrain>(Nomination.Draft.CategoryId).GetAsync() is { } category)
            (_categoryZh, _categoryEn) = (category.Name.ZhCn, category.Name.En);
    }

    private PageResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
