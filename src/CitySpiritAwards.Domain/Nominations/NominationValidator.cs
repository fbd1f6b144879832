using System.Text;

namespace CitySpiritAwards.Domain.Nominations;

/// <summary>
/// Checks a <see cref="NominationDraft"/> and reports every problem at once, so a form can show them all inline.
/// Text is checked after <see cref="NominationText.Clean"/> (trimmed, line breaks unified, NFC); store
/// <see cref="Normalize"/>'s result once <see cref="Validate"/> found nothing.
/// <para>
/// Markup is not an error: a story may say "&lt;3" or "a&lt;b", or even hold "&lt;script&gt;". It is stored exactly as
/// typed and always rendered as text (encoded), never as HTML, so it cannot run; refusing it would only refuse honest stories.
/// </para>
/// </summary>
public static class NominationValidator
{
    public static IReadOnlyList<NominationProblem> Validate(
        NominationDraft draft, IEnumerable<string> knownCategoryIds, IEnumerable<string> knownDistrictIds)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentOutOfRangeException.ThrowIfNegative(draft.PhotoCount);
        var problems = new List<NominationProblem>();

        CheckId(NominationFields.CategoryId, draft.CategoryId, knownCategoryIds, problems);
        CheckId(NominationFields.DistrictId, draft.DistrictId, knownDistrictIds, problems);
        CheckText(NominationFields.NomineeName, draft.NomineeName, multiline: false,
            NominationLimits.NomineeNameMinLength, NominationLimits.NomineeNameMaxLength, problems);
        CheckId(NominationFields.Relationship, draft.Relationship, Relationships.All, problems);

        var zh = NominationText.Clean(draft.StoryZh, multiline: true);
        var en = NominationText.Clean(draft.StoryEn, multiline: true);
        if (zh.Length == 0 && en.Length == 0)
            problems.Add(new(NominationFields.Story, ProblemCodes.Required));
        if (zh.Length > 0)
            CheckText(NominationFields.StoryZh, draft.StoryZh, multiline: true, NominationLimits.StoryMinLength, NominationLimits.StoryMaxLength, problems);
        if (en.Length > 0)
            CheckText(NominationFields.StoryEn, draft.StoryEn, multiline: true, NominationLimits.StoryMinLength, NominationLimits.StoryMaxLength, problems);

        CheckEmail(draft.NomineeEmail, problems);

        if (draft.PhotoCount > NominationLimits.MaxPhotos)
            problems.Add(new(NominationFields.PhotoCount, ProblemCodes.TooManyPhotos, NominationLimits.MaxPhotos, draft.PhotoCount));
        return problems;
    }

    /// <summary>
    /// The problem when the nominee's email is the nominator's own account email (compared as cleaned, ignoring case):
    /// the consent link would go to the nominator, who could then agree for the nominee. Checked where the account's
    /// email is known (the web layer), beside <see cref="Validate"/>.
    /// </summary>
    public static NominationProblem? NomineeIsNominator(string? nomineeEmail, string? nominatorEmail)
    {
        var nominee = NominationText.Clean(nomineeEmail, multiline: false);
        var nominator = NominationText.Clean(nominatorEmail, multiline: false);
        return nominee.Length > 0 && string.Equals(nominee, nominator, StringComparison.OrdinalIgnoreCase)
            ? new NominationProblem(NominationFields.NomineeEmail, ProblemCodes.NominatorsOwnEmail)
            : null;
    }

    /// <summary>The draft as it is to be stored: every text cleaned (<see cref="NominationText.Clean"/>), an empty story made null. Ids are left as they are.</summary>
    public static NominationDraft Normalize(NominationDraft draft) => draft with
    {
        NomineeName = NominationText.Clean(draft.NomineeName, multiline: false),
        StoryZh = NullIfEmpty(NominationText.Clean(draft.StoryZh, multiline: true)),
        StoryEn = NullIfEmpty(NominationText.Clean(draft.StoryEn, multiline: true)),
        NomineeEmail = NominationText.Clean(draft.NomineeEmail, multiline: false),
    };

    private static void CheckId(string field, string? id, IEnumerable<string> known, List<NominationProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(id))
            problems.Add(new(field, ProblemCodes.Required));
        else if (!known.Contains(id, StringComparer.Ordinal))
            problems.Add(new(field, ProblemCodes.Unknown));
    }

    private static void CheckText(string field, string? raw, bool multiline, int min, int max, List<NominationProblem> problems)
    {
        var text = NominationText.Clean(raw, multiline);
        if (text.Length == 0)
        {
            problems.Add(new(field, ProblemCodes.Required));
            return;
        }
        if (!NominationText.IsValid(text, multiline))
        {
            problems.Add(new(field, ProblemCodes.InvalidCharacters));
            return;
        }
        var length = NominationText.Length(text);
        if (length < min)
            problems.Add(new(field, ProblemCodes.TooShort, min, length));
        else if (length > max)
            problems.Add(new(field, ProblemCodes.TooLong, max, length));
    }

    private static void CheckEmail(string? raw, List<NominationProblem> problems)
    {
        const string field = NominationFields.NomineeEmail;
        var email = NominationText.Clean(raw, multiline: false);
        if (email.Length == 0)
            problems.Add(new(field, ProblemCodes.Required));
        else if (!NominationText.IsValid(email, multiline: false))
            problems.Add(new(field, ProblemCodes.InvalidCharacters));
        else if (Encoding.UTF8.GetByteCount(email) is var bytes && bytes > NominationLimits.EmailMaxLength)
            problems.Add(new(field, ProblemCodes.TooLong, NominationLimits.EmailMaxLength, bytes));
        else if (!IsPlausibleEmail(email))
            problems.Add(new(field, ProblemCodes.InvalidEmail));
    }

    /// <summary>
    /// Plausible, not proven: one @ with something before it, a domain with a dot inside it, no whitespace and none of
    /// the characters that only quoted addresses may hold (&lt;&gt;()[]\,;:"), which no one types for a neighbour.
    /// Whether the address works is shown by the nominee following the consent link.
    /// </summary>
    private static bool IsPlausibleEmail(string email)
    {
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || email.Any(c => char.IsWhiteSpace(c) || "<>()[]\\,;:\"".Contains(c)))
            return false;
        var domain = email[(at + 1)..];
        return domain.Contains('.') && !domain.StartsWith('.') && !domain.EndsWith('.') && !domain.Contains("..");
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
