using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Help;

/// <summary>The privacy notice: what is collected, why, how long, who sees it, and the rights PIPL gives (public).</summary>
public sealed class PrivacyModel(IConfiguration configuration) : PageModel
{
    public string ContactEmail { get; } = HelpContact.Email(configuration);

    public void OnGet()
    {
    }
}
