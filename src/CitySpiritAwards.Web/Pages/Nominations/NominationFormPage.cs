using System.ComponentModel.DataAnnotations;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Districts;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Grains.Nominations;
using CitySpiritAwards.Web.Nominations;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Nominations;

/// <summary>Services the nominate and edit pages share.</summary>
public sealed record NominationFormServices(
    NominationServices Nominations, SeedData Seeds, NominationFormReader Reader, KnownDistricts Districts, IAntiforgery Antiforgery);

/// <summary>
/// The nomination form, shared by the nominate and edit pages. Its POST is read as a stream (never bound by MVC, which
/// would buffer the photos): the antiforgery token, placed first in the form, is checked before any photo is decoded.
/// </summary>
[IgnoreAntiforgeryToken(Order = 1001)] // checked by hand in ReadPostedFormAsync, before the photos
[DisableFormValueModelBinding]
public abstract class NominationFormPage(NominationFormServices services) : PageModel
{
    protected NominationServices Nominations => services.Nominations;

    public NominationForm Form { get; protected set; } = new();

    /// <summary>The nomination's id: made when the form is first shown, so a double submit is one nomination.</summary>
    public string NominationId { get; protected set; } = "";

    /// <summary>Photos already stored for this nomination (or for this form, after a try that needed corrections).</summary>
    public IReadOnlyList<string> PhotoIds { get; protected set; } = [];

    /// <summary>
    /// The photos that can be shown as pictures: those the nomination already has (the photo endpoint serves no others);
    /// the rest are listed by number.
    /// </summary>
    public IReadOnlySet<string> ViewablePhotoIds { get; protected set; } = new HashSet<string>();

    public IReadOnlyList<Category> Categories { get; private set; } = [];
    public IReadOnlyList<District> Districts => services.Seeds.Districts;
    public string? Refusal { get; protected set; }

    /// <summary>
    /// The photos field, by its model-state key (<see cref="NominationInput.PhotosField"/>). Never bound (the form is
    /// streamed, see above): it is here so that its legend and the error summary's line for it share one label.
    /// </summary>
    [Display(Name = "Nominate.Photos")]
    public object? Photos => null;

    public int PhotosLeft => Math.Max(0, NominationLimits.MaxPhotos - PhotoIds.Count);

    protected async Task LoadChoicesAsync() => Categories = await Nominations.Grains.LoadCategoriesAsync();

    public const string FieldPrefix = "Form.";

    /// <summary>
    /// Reads the posted form; null when it is no readable multipart form or its antiforgery token is not valid. The token
    /// and then <paramref name="precheck"/> are checked on the text fields, before any photo is decoded.
    /// </summary>
    protected async Task<NominationInput?> ReadPostedFormAsync(NominationPrecheck precheck, CancellationToken ct)
    {
        if (!NominationFormReader.IsMultipart(Request))
            return null;
        try
        {
            var input = await NominationInput.ReadFormAsync(Request, services.Reader, FieldPrefix, Nominations.Text, precheck,
                () => services.Antiforgery.ValidateRequestAsync(HttpContext), ct);
            if (input is not null)
                Form = NominationForm.From(input.Draft);
            return input;
        }
        catch (AntiforgeryValidationException)
        {
            return null;
        }
    }

    /// <summary>Puts every problem next to its field; "Story" (neither language written) goes under the Chinese story.</summary>
    protected void ShowProblems(IReadOnlyDictionary<string, string[]> problems)
    {
        foreach (var (field, messages) in problems)
            foreach (var message in messages)
                ModelState.AddModelError(FieldKey(field), message);
    }

    /// <summary>
    /// A form that cannot be taken (phase, quota), or that came while the silo was too busy to decode photos: the form
    /// is shown again with the reason, nothing stored. Null when neither.
    /// </summary>
    protected IActionResult? Unaccepted(NominationInput input)
    {
        if (input.Refusal is { } refusal)
        {
            ShowOutcome(refusal);
            return Page();
        }
        if (!input.Busy)
            return null;
        Refusal = Nominations.Text["Photos.Busy"];
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "5";
        return Page();
    }

    protected void ShowOutcome(NominationOutcome outcome)
    {
        foreach (var problem in outcome.Problems)
            ModelState.AddModelError(FieldKey(problem.Field), NominationsApi.Message(problem, Nominations.Text));
        if (outcome.Refusal is { } refusal)
            Refusal = Nominations.Text[$"Nomination.Refusal.{refusal}"];
    }

    private static string FieldKey(string field) => field switch
    {
        NominationFields.Story => $"{nameof(Form)}.{nameof(NominationForm.StoryZh)}",
        NominationFields.PhotoCount or NominationInput.PhotosField => NominationInput.PhotosField,
        _ => $"{nameof(Form)}.{field}",
    };
}

/// <summary>
/// The form's text fields, with the same names as <see cref="NominationDraft"/> so the rules' problems land next to them;
/// each with the label its field shows, which the error summary names it by, in the order the form shows them (the
/// summary's order).
/// </summary>
public sealed class NominationForm
{
    [Display(Name = "Nominate.Category")]
    public string? CategoryId { get; set; }

    [Display(Name = "Nominate.NomineeName")]
    public string? NomineeName { get; set; }

    [Display(Name = "Nominate.District")]
    public string? DistrictId { get; set; }

    [Display(Name = "Nominate.Relationship")]
    public string? Relationship { get; set; }

    [Display(Name = "Nominate.StoryZh")]
    public string? StoryZh { get; set; }

    [Display(Name = "Nominate.StoryEn")]
    public string? StoryEn { get; set; }

    [Display(Name = "Nominate.NomineeEmail")]
    public string? NomineeEmail { get; set; }

    public static NominationForm From(NominationDraft draft) => new()
    {
        CategoryId = draft.CategoryId,
        DistrictId = draft.DistrictId,
        NomineeName = draft.NomineeName,
        Relationship = draft.Relationship,
        StoryZh = draft.StoryZh,
        StoryEn = draft.StoryEn,
        NomineeEmail = draft.NomineeEmail,
    };
}

/// <summary>
/// Keeps MVC's model binding from reading the request's form (its form value providers read the whole body as soon as
/// any argument is bound), so the page can stream it instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DisableFormValueModelBindingAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        var factories = context.ValueProviderFactories;
        factories.RemoveType<FormValueProviderFactory>();
        factories.RemoveType<FormFileValueProviderFactory>();
        factories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
