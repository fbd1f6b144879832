using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Districts;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Seeds;

/// <summary>
/// Reads and checks seeds/: categories.json, districts.json, demo-campaign.json. Every problem found is
/// reported at once, each with its file, so a broken seed stops the site with a message that says what to fix.
/// The files are written by hand, so a misspelt or repeated property is an error rather than silently ignored.
/// </summary>
public static partial class SeedReader
{
    public const string CategoriesFile = "categories.json";
    public const string DistrictsFile = "districts.json";
    public const string DemoCampaignFile = "demo-campaign.json";

    private const int DistrictCount = 16;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
    };

    private static readonly IReadOnlyList<string> PhaseNames = CampaignSchedule.ScheduledPhases.Select(p => p.ToString()).ToList();

    public static SeedData Read(string seedsDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(seedsDirectory);
        var problems = new List<string>();
        var categoriesJson = Load<List<Category?>>(seedsDirectory, CategoriesFile, problems);
        var districtsJson = Load<List<District?>>(seedsDirectory, DistrictsFile, problems);
        var demo = Load<DemoCampaignJson>(seedsDirectory, DemoCampaignFile, problems);

        // A file that could not be read is reported once, not again by every check that needs it.
        var categories = Entries(categoriesJson, CategoriesFile, "category", problems);
        var districts = Entries(districtsJson, DistrictsFile, "district", problems);
        if (categoriesJson is not null)
            CheckCategories(categories, problems);
        if (districtsJson is not null)
            CheckDistricts(districts, problems);
        var known = new KnownIds(
            categoriesJson is null ? null : categories.Select(c => c.Id).ToList(),
            districtsJson is null ? null : districts.Select(d => d.Id).ToList());
        var campaign = demo is null ? null : ToDemoCampaign(demo, known, problems);

        if (problems.Count > 0 || campaign is null)
            throw new SeedException($"The seed files in '{seedsDirectory}' have problems:{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", problems)}");
        return new SeedData(categories, districts, campaign);
    }

    private static T? Load<T>(string directory, string file, List<string> problems) where T : class
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            problems.Add($"{file}: file not found at {path}.");
            return null;
        }
        try
        {
            var value = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
            if (value is null)
                problems.Add($"{file}: the file holds no data (null).");
            return value;
        }
        catch (JsonException e)
        {
            // The serializer counts lines from 0 and names them only for some errors; an editor counts from 1.
            var message = e.Message.Split(" Path: ")[0];
            var where = e.LineNumber is { } line ? $" at line {line + 1} ({e.Path})" : "";
            problems.Add($"{file}: not valid JSON for a seed file{where}: {message}");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{file}: cannot be read ({e.Message}).");
            return null;
        }
    }

    /// <summary>The entries of a list, with a problem for each empty (null) entry, such as a stray "null," in the file.</summary>
    private static List<T> Entries<T>(List<T?>? list, string file, string what, List<string> problems) where T : class
    {
        if (list is null)
            return [];
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is null)
                problems.Add($"{file}: {what} number {i + 1} is empty (null).");
        }
        return list.OfType<T>().ToList();
    }

    private static void CheckCategories(List<Category> categories, List<string> problems)
    {
        var ids = categories.Select(c => c.Id).ToList();
        if (!ids.SequenceEqual(CategoryIds.All))
            problems.Add($"{CategoriesFile}: expected the categories {string.Join(", ", CategoryIds.All)} in that order, found {(ids.Count == 0 ? "none" : string.Join(", ", ids))}.");
        foreach (var category in categories)
        {
            var where = $"{CategoriesFile}: category '{category.Id}'";
            if (!IsComplete(category.Name) || !IsComplete(category.Description))
                problems.Add($"{where} needs a name and a description in both Chinese and English.");
            if (category.Cues is null || category.Cues.Count == 0 || category.Cues.Any(c => !IsComplete(c)))
                problems.Add($"{where} needs at least one example (cue), each in both Chinese and English.");
            if (category.Rubric?.Criteria is not { } criteria)
            {
                problems.Add($"{where} has no rubric.");
                continue;
            }
            if (criteria.Any(c => c is null))
            {
                problems.Add($"{where}: the rubric has an empty (null) criterion.");
                continue;
            }
            foreach (var criterion in criteria.Where(c => !IsId(c.Id)))
                problems.Add($"{where}: criterion id '{criterion.Id}' should be lower-case words joined by hyphens, e.g. \"embodiment\".");
            if (criteria.Any(c => !IsComplete(c.Name) || !IsComplete(c.Guidance)))
                problems.Add($"{where}: every criterion needs a name and guidance in both Chinese and English.");
            // Rubric.Problems() reads every criterion's name, so it runs once the names are known to be there.
            else
                problems.AddRange(category.Rubric.Problems().Select(p => $"{where}: {p}"));
        }
    }

    private static void CheckDistricts(List<District> districts, List<string> problems)
    {
        if (districts.Count != DistrictCount)
            problems.Add($"{DistrictsFile}: Shanghai has {DistrictCount} districts, found {districts.Count}.");
        foreach (var id in districts.GroupBy(d => d.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"{DistrictsFile}: district id '{id}' is used more than once.");
        foreach (var district in districts)
        {
            if (district.Id is null || !DistrictIdPattern().IsMatch(district.Id))
                problems.Add($"{DistrictsFile}: district id '{district.Id}' should be lower-case letters a-z only, e.g. \"jingan\".");
            if (!IsComplete(district.Name))
                problems.Add($"{DistrictsFile}: district '{district.Id}' needs a name in both Chinese and English.");
        }
    }

    private static DemoCampaign ToDemoCampaign(DemoCampaignJson json, KnownIds known, List<string> problems)
    {
        const string where = DemoCampaignFile;
        if (!IsId(json.Id))
            problems.Add($"{where}: the campaign id '{json.Id}' should be lower-case words joined by hyphens, e.g. \"demo\".");
        if (!IsComplete(json.Name) || !IsComplete(json.Description))
            problems.Add($"{where}: the campaign needs a name and a description in both Chinese and English.");

        var offsets = new Dictionary<CampaignPhase, int>();
        foreach (var (phaseName, days) in json.PhaseStartOffsetDays ?? [])
        {
            // Exact names only: Enum.TryParse would also take "3", "99" or "Nominating, Screening" and make a phase of them.
            if (PhaseNames.Contains(phaseName, StringComparer.Ordinal))
                offsets[Enum.Parse<CampaignPhase>(phaseName)] = days;
            else
                problems.Add($"{where}: phaseStartOffsetDays has '{phaseName}', which is not a phase that can be scheduled; use {string.Join(", ", PhaseNames)}.");
        }
        problems.AddRange(DemoCampaign.Schedule(offsets, DateTimeOffset.UnixEpoch).Problems().Select(p => $"{where}: {p}"));

        if (json.Settings is null)
            problems.Add($"{where}: settings are missing.");
        else
            problems.AddRange(json.Settings.Problems().Select(p => $"{where}: {p}"));

        var nominations = Entries(json.Nominations, where, "nomination", problems);
        CheckNominations(nominations, known, problems);

        return new DemoCampaign(json.Id ?? "", json.Name!, json.Description!, offsets, json.Settings!, nominations);
    }

    private static void CheckNominations(List<DemoNomination> nominations, KnownIds known, List<string> problems)
    {
        foreach (var id in nominations.GroupBy(n => n.Id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"{DemoCampaignFile}: nomination id '{id}' is used more than once.");

        var knownIds = new Dictionary<string, IReadOnlyList<string>?>
        {
            [NominationFields.CategoryId] = known.CategoryIds ?? CategoryIds.All,
            [NominationFields.DistrictId] = known.DistrictIds,
            [NominationFields.Relationship] = Relationships.All,
        };
        foreach (var n in nominations)
        {
            var where = $"{DemoCampaignFile}: nomination '{n.Id}'";
            var idIsValid = IsId(n.Id);
            if (!idIsValid)
                problems.Add($"{where}: the id should be lower-case words joined by hyphens, e.g. \"demo-bus-driver\".");
            // The demo shows both languages, so every reader sees the story in theirs.
            if (string.IsNullOrWhiteSpace(n.StoryZh) || string.IsNullOrWhiteSpace(n.StoryEn))
                problems.Add($"{where} needs a story in both Chinese (storyZh) and English (storyEn).");

            // Demo nominations meet the same rules as a resident's, so the demo never shows what a resident could not submit.
            var draft = n.ToDraft();
            foreach (var problem in NominationValidator.Validate(draft, known.CategoryIds ?? CategoryIds.All, known.DistrictIds ?? [draft.DistrictId]))
            {
                if (problem.Field == NominationFields.Story || (problem.Field == NominationFields.NomineeEmail && !idIsValid))
                    continue; // already reported above: the demo address is made from the id
                problems.Add($"{where}: {Describe(problem, n, knownIds)}");
            }
        }
    }

    /// <summary>A validator problem in words, naming the property as it is spelt in the file.</summary>
    private static string Describe(NominationProblem problem, DemoNomination n, Dictionary<string, IReadOnlyList<string>?> known)
    {
        var property = JsonNamingPolicy.CamelCase.ConvertName(problem.Field);
        return (problem.Code, problem.Arguments) switch
        {
            (ProblemCodes.Required, _) => $"{property} is missing.",
            (ProblemCodes.Unknown, _) =>
                $"{property} '{ValueOf(problem.Field, n)}' is unknown; use one of {string.Join(", ", known.GetValueOrDefault(problem.Field) ?? [])}.",
            (ProblemCodes.TooShort, [var min, var actual]) => $"{property} is too short: {Characters(actual)}, at least {min}.",
            (ProblemCodes.TooLong, [var max, var actual]) => $"{property} is too long: {Characters(actual)}, at most {max}.",
            (ProblemCodes.InvalidCharacters, _) => $"{property} holds characters that are not allowed (control characters or invalid Unicode).",
            _ => $"{property}: {problem.Code}.",
        };
    }

    private static string Characters(object count) => count is 1 ? "1 character" : $"{count} characters";

    private static string? ValueOf(string field, DemoNomination n) => field switch
    {
        NominationFields.CategoryId => n.CategoryId,
        NominationFields.DistrictId => n.DistrictId,
        NominationFields.Relationship => n.Relationship,
        _ => null,
    };

    private static bool IsComplete(LocalizedText? text) => text?.IsComplete == true;

    private static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    /// <summary>Kebab-case: lower-case ASCII words of letters and digits joined by single hyphens, e.g. "demo-bus-driver".</summary>
    [GeneratedRegex(@"^[a-z0-9]+(-[a-z0-9]+)*\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[a-z]+\z")]
    private static partial Regex DistrictIdPattern();

    /// <summary>The category and district ids nominations may use; null when their file could not be read.</summary>
    private sealed record KnownIds(IReadOnlyList<string>? CategoryIds, IReadOnlyList<string>? DistrictIds);

    /// <param name="Notice">The file's note that everyone in it is fictional: for people reading the file, not used here.</param>
    private sealed record DemoCampaignJson(
        string? Notice,
        string? Id,
        LocalizedText? Name,
        LocalizedText? Description,
        Dictionary<string, int>? PhaseStartOffsetDays,
        CampaignSettings? Settings,
        List<DemoNomination?>? Nominations);
}
