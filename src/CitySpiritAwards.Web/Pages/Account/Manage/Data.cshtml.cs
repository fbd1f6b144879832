using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Account.Manage;

/// <summary>
/// "Download my data": after the password is typed again (a session left open on a shared computer is not enough), one
/// JSON file with the account, its nominations with their history, its votes with their receipts and its notice choices.
/// </summary>
[Authorize]
[EnableRateLimiting(SignupRateLimiterPolicy.Name)] // each try checks the password
public sealed class DataModel(UserManager<AwardsUser> users, AccountData data, IStringLocalizer<SharedResource> text, ILogger<DataModel> logger)
    : AccountPageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable in the file
    };

    [BindProperty]
    public DataInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        if (!ModelState.IsValid)
            return Page();
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            ModelState.AddModelError("Input.Password", text["Account.Error.PasswordMismatch"]);
            return Page();
        }
        var export = await data.ExportAsync(user, ct);
        logger.LogInformation("Account {UserId} downloaded its data.", user.Id);
        Response.Headers.CacheControl = "no-store";
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json; charset=utf-8",
            $"city-spirit-awards-my-data-{export.ExportedAt:yyyyMMdd}.json");
    }
}

public sealed class DataInput
{
    [Display(Name = "Account.CurrentPassword")]
    [Required(ErrorMessage = "Account.PasswordRequired")]
    [StringLength(256, ErrorMessage = "Account.PasswordTooLong")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";
}
