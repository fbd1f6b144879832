using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages;

/// <summary>A readable error page; never a stack trace.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string TitleKey { get; private set; } = "Error.Title";
    public string MessageKey { get; private set; } = "Error.Message";

    public IActionResult OnGet(int? code) => Show(code);
    public IActionResult OnPost(int? code) => Show(code);

    private IActionResult Show(int? code)
    {
        (TitleKey, MessageKey) = code switch
        {
            404 => ("Error.NotFoundTitle", "Error.NotFoundMessage"),
            403 => ("Error.ForbiddenTitle", "Error.ForbiddenMessage"),
            429 => ("Error.TooManyTitle", "Error.TooManyMessage"),
            _ => ("Error.Title", "Error.Message"),
        };
        // Keep the original status for re-executed errors; a direct visit to /error is a 200.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is >= 400 and < 600)
            Response.StatusCode = code.Value;
        return Page();
    }
}
