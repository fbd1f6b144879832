using Microsoft.AspNetCore.Authorization;

namespace CitySpiritAwards.Web.Pages.Account;

/// <summary>Where the sign-in cookie sends someone who is signed in but lacks the role a page needs.</summary>
[AllowAnonymous]
public sealed class AccessDeniedModel : AccountPageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
