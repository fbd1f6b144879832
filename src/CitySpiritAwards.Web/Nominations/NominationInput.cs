using System.Globalization;
using System.Text.Json;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Nominations;
using CitySpiritAwards.Web.Photos.Processing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Nominations;

/// <summary>
/// A nomination as it arrived (JSON, or a multipart form with photos), with every problem already visible before
/// anything is stored: photos refused by the photo rules and, alongside them, the draft's own problems, so a person
/// sees all there is to correct at once. <see cref="Problems"/> are keyed by draft field name (e.g. "StoryZh"),
/// or "Photos" for the photos.
/// </summary>
/// <param name="Refusal">The form cannot be taken whatever it holds (phase, quota, someone else's nomination); its photos were not read.</param>
/// <param name="Busy">The silo had no photo decode slot free in time: nothing was stored, the resident may send it again in a moment.</param>
public sealed record NominationInput(
    NominationDraft Draft,
    PhotoSelection Photos,
    IReadOnlyDictionary<string, string[]> Problems,
    bool TooLarge,
    NominationOutcome? Refusal = null,
    bool Busy = false)
{
    public const string PhotosField = "Photos";

    public bool IsAcceptable => Problems.Count == 0 && !TooLarge && Refusal is null && !Busy;

    /// <summary>The draft from a form's text fields; <paramref name="prefix"/> is "Form." for the page, "" for the API.</summary>
    public static NominationDraft DraftFrom(IFormCollection fields, string prefix) => new(
        fields[prefix + nameof(NominationDraft.CategoryId)].ToString(),
        fields[prefix + nameof(NominationDraft.DistrictId)].ToString(),
        fields[prefix + nameof(NominationDraft.NomineeName)].ToString(),
        fields[prefix + nameof(NominationDraft.Relationship)].ToString(),
        fields[prefix + nameof(NominationDraft.StoryZh)].ToString(),
        fields[prefix + nameof(NominationDraft.StoryEn)].ToString(),
        fields[prefix + nameof(NominationDraft.NomineeEmail)].ToString(),
        PhotoCount: 0);

    /// <summary>
    /// Reads a multipart nomination form: its text, the photos it keeps ("KeepPhotoIds" fields, already stored) and its
    /// new files, which may fill the rest of the three places. Before the first file, <paramref name="antiforgery"/> (if
    /// any) and then <paramref name="precheck"/> run on the text so far: photos are decoded only for a form that can be
    /// taken and whose fields are right (the page and the API send the text first). Null when it is no readable
    /// multipart form.
    /// </summary>
    public static async Task<NominationInput?> ReadFormAsync(
        HttpRequest request, NominationFormReader reader, string prefix, IStringLocalizer text, NominationPrecheck precheck,
        Func<Task>? antiforgery, CancellationToken ct)
    {
        var form = await reader.ReadAsync(request, KeptBeforeFiles, async fields =>
        {
            if (antiforgery is not null)
                await antiforgery();
            return await precheck.BeforePhotosAsync(fields);
        }, ct);
        if (form.Malformed)
            return null;
        var kept = NominationPhotos.ValidDistinct(form.Fields[KeepPhotoIdsField]);
        var draft = DraftFrom(form.Fields, prefix);
        var empty = new Dictionary<string, string[]>();
        if (precheck.Refusal is { } refusal)
            return new NominationInput(draft, PhotoSelection.None, empty, form.TooLarge, Refusal: refusal);
        if (form.Busy)
            return new NominationInput(draft, PhotoSelection.None, empty, TooLarge: false, Busy: true);
        var problems = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

        if (form.TooLarge)
            Add(problems, PhotosField, Format(text, "Photos.RequestTooLarge", NominationLimits.MaxPhotos, reader.MaxRequestBytes / (1024 * 1024)));
        foreach (var refused in form.Refused)
            Add(problems, PhotosField, PhotoMessage(refused, text));
        if (kept.Count + form.FileCount > NominationLimits.MaxPhotos)
            Add(problems, PhotosField, Format(text, "Nomination.Problem.too-many-photos", NominationLimits.MaxPhotos, kept.Count + form.FileCount));
        foreach (var field in form.BadlyEncodedFields.Where(f => f.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            Add(problems, DraftFieldName(field[prefix.Length..]), text["Nomination.Problem.invalid-characters"]);

        // The draft's own problems are shown with the photos' rather than one round at a time.
        var draftProblems = await precheck.ProblemsAsync(draft);
        foreach (var problem in draftProblems)
            Add(problems, problem.Field, NominationsApi.Message(problem, text));
        if (form.UncheckedPhotos > 0)
            Add(problems, PhotosField, text[draftProblems.Count > 0 ? "Photos.CheckedOnceFormIsRight" : "Photos.TextBeforeFiles"]);
        return new NominationInput(
            draft,
            new PhotoSelection(kept, form.Photos),
            problems.ToDictionary(p => p.Key, p => p.Value.Distinct().ToArray()),
            form.TooLarge);
    }

    /// <summary>
    /// 1 MiB: far above any nomination (two stories of 2000 characters are under 200 KB even written as \u escapes),
    /// far below the server's own 30 MB limit, whose refusal would otherwise surface as a server error.
    /// </summary>
    public const int MaxJsonBytes = 1024 * 1024;

    /// <summary>Reads a JSON nomination (no photos); <see cref="TooLarge"/> past <see cref="MaxJsonBytes"/>, null when it is no JSON nomination.</summary>
    public static async Task<NominationInput?> ReadJsonAsync(HttpRequest request, CancellationToken ct)
    {
        var tooLarge = new NominationInput(DraftFrom(new FormCollection([]), ""), PhotoSelection.None, new Dictionary<string, string[]>(), TooLarge: true);
        if (request.ContentLength > MaxJsonBytes)
            return tooLarge;
        try
        {
            if (await CappedUpload.ReadAsync(request.Body, MaxJsonBytes, ct) is not { } body)
                return tooLarge;
            var json = request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var draft = JsonSerializer.Deserialize<NominationDraft>(body.Span, json);
            return draft is null ? null : new NominationInput(draft, PhotoSelection.None, new Dictionary<string, string[]>(), false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return tooLarge;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public const string KeepPhotoIdsField = "KeepPhotoIds";

    /// <summary>The places the kept photos leave for new ones (the form puts its keep checkboxes before the file input).</summary>
    private static int KeptBeforeFiles(IFormCollection fields) =>
        Math.Max(0, NominationLimits.MaxPhotos - NominationPhotos.ValidDistinct(fields[KeepPhotoIdsField]).Count);

    public static string PhotoMessage(RefusedPhoto refused, IStringLocalizer text)
    {
        var reason = Format(text, PhotoProblems.MessageKey(refused.Refusal.Problem), [.. refused.Refusal.MessageArguments]);
        return refused.FileName.Length > 0
            ? Format(text, "Photos.NumberedWithName", refused.Number, refused.FileName, reason)
            : Format(text, "Photos.Numbered", refused.Number, reason);
    }

    /// <summary>The draft's own spelling of a field a form sent as "nomineeName" or "NOMINEENAME".</summary>
    private static string DraftFieldName(string field) =>
        typeof(NominationDraft).GetProperties().FirstOrDefault(p => p.Name.Equals(field, StringComparison.OrdinalIgnoreCase))?.Name ?? field;

    private static string Format(IStringLocalizer text, string key, params object[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, text[key], arguments);

    private static void Add(Dictionary<string, List<string>> problems, string field, string message)
    {
        if (!problems.TryGetValue(field, out var messages))
            problems[field] = messages = [];
        messages.Add(message);
    }
}
