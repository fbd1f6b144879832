using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CitySpiritAwards.Web.Pages.Account;

/// <summary>Small helpers shared by the account pages.</summary>
public abstract class AccountPageModel : PageModel
{
    /// <summary>"true" when the field has an error, so the input can say <c>aria-invalid="@Model.Invalid(...)"</c>; otherwise null (attribute left out).</summary>
    public string? Invalid(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? "true" : null;

    /// <summary>The id an input named <paramref name="key"/> gets from the tag helpers ("Input.Email" → "Input_Email").</summary>
    public static string FieldId(string key) => TagBuilder.CreateSanitizedId(key, "_");

    /// <summary>Only a path on this site; anything else (other hosts, "//evil", "/\evil") becomes the home page.</summary>
    protected string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
