using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Help;

/// <summary>Help for residents and nominees: how nominating, consent, voting and results work (public).</summary>
public sealed class IndexModel(IConfiguration configuration) : PageModel
{
    public string ContactEmail { get; } = HelpContact.Email(configuration);

    public void OnGet()
    {
    }
}
