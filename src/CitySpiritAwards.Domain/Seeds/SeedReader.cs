using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Districts;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Domain.Seeds;

/// <summary>
/// Reads and checks seeds/: categories.json, districts.json, demo-campaign.json. Every problem found is
/// reported at once, each with its file, so a broken seed stops the site with a message that says what to fix.
/// </summary>
public static class SeedReader
{
    public const string CategoriesFile = "categories.json";
    public const string DistrictsFile = "districts.json";
    public const string DemoCampaignFile = "demo-campaign.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static SeedData Read(string seedsDirectory)
    {
        var problems = new List<string>();
        var categories = Load<List<Category>>(seedsDirectory, CategoriesFile, problems) ?? [];
        var districts = Load<List<District>>(seedsDirectory, DistrictsFile, problems) ?? [];
        var demo = Load<DemoCampaignJson>(seedsDirectory, DemoCampaignFile, problems);

        CheckCategories(categories, problems);
        CheckDistricts(districts, problems);
        var campaign = demo is null ? null : ToDemoCampaign(demo, categories, districts, problems);

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
                problems.Add($"{file}: the file is empty.");
            return value;
        }
        catch (JsonException e)
        {
            problems.Add($"{file}: not valid JSON ({e.Message}).");
            return null;
        }
    }

    private static void CheckCategories(List<Category> categories, List<string> problems)
    {
        var ids = categories.Select(c => c.Id).ToList();
        if (!ids.SequenceEqual(CategoryIds.All))
            problems.Add($"{CategoriesFile}: expected the categories {string.Join(", ", CategoryIds.All)} in that order, found {string.Join(", ", ids)}.");
        foreach (var category in categories)
        {
            var where = $"{CategoriesFile}: category '{category.Id}'";
            if (!IsComplete(category.Name) || !IsComplete(category.Description))
                problems.Add($"{where} needs a name and a description in both Chinese and English.");
            if (category.Cues is null || category.Cues.Count == 0 || category.Cues.Any(c => !IsComplete(c)))
                problems.Add($"{where} needs at least one example (cue), each in both languages.");
            if (category.Rubric?.Criteria is null)
            {
                problems.Add($"{where} has no rubric.");
                continue;
            }
            if (category.Rubric.Criteria.Any(c => c.Name is null || c.Guidance is null || !c.Guidance.IsComplete))
                problems.Add($"{where}: every criterion needs a name and guidance in both languages.");
            else
                problems.AddRange(category.Rubric.Problems().Select(p => $"{where}: {p}"));
        }
    }

    private static void CheckDistricts(List<District> districts, List<string> problems)
    {
        if (districts.Count != 16)
            problems.Add($"{DistrictsFile}: Shanghai has 16 districts, found {districts.Count}.");
        if (districts.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() != districts.Count)
            problems.Add($"{DistrictsFile}: district ids must be unique.");
        foreach (var district in districts.Where(d => !IsComplete(d.Name)))
            problems.Add($"{DistrictsFile}: district '{district.Id}' needs a name in both languages.");
    }

    private static DemoCampaign? ToDemoCampaign(DemoCampaignJson json, List<Category> categories, List<District> districts, List<string> problems)
    {
        var where = DemoCampaignFile;
        if (string.IsNullOrWhiteSpace(json.Id))
            problems.Add($"{where}: the campaign needs an id.");
        if (!IsComplete(json.Name) || !IsComplete(json.Description))
            problems.Add($"{where}: the campaign needs a name and a description in both languages.");

        var offsets = new Dictionary<CampaignPhase, int>();
        foreach (var (phaseName, days) in json.PhaseStartOffsetDays ?? [])
        {
            if (Enum.TryParse<CampaignPhase>(phaseName, ignoreCase: false, out var phase) && phase != CampaignPhase.Draft)
                offsets[phase] = days;
            else
                problems.Add($"{where}: '{phaseName}' is not a phase that can be scheduled.");
        }
        problems.AddRange(new DemoCampaign("", null!, null!, offsets, null!, []).ScheduleFrom(DateTimeOffset.UnixEpoch)
            .Problems().Select(p => $"{where}: {p}"));

        if (json.Settings is null)
            problems.Add($"{where}: settings are missing.");
        else
            problems.AddRange(json.Settings.Problems().Select(p => $"{where}: {p}"));

        var categoryIds = categories.Select(c => c.Id).ToHashSet();
        var districtIds = districts.Select(d => d.Id).ToHashSet();
        var nominations = json.Nominations ?? [];
        foreach (var n in nominations)
        {
            // Demo nominations meet the same rules as a resident's, so the demo never shows what a resident could not submit.
            var nomination = $"{where}: nomination '{n.Id}'";
            foreach (var problem in NominationValidator.Validate(n.ToDraft(), categoryIds, districtIds))
            {
                var value = problem.Field switch
                {
                    nameof(NominationDraft.CategoryId) => $" '{n.CategoryId}'",
                    nameof(NominationDraft.DistrictId) => $" '{n.DistrictId}'",
                    _ => "",
                };
                problems.Add($"{nomination}: {problem.Field} is {problem.Code}{value}{(problem.Arguments.Length > 0 ? $" ({string.Join(", ", problem.Arguments)})" : "")}.");
            }
        }
        if (nominations.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count() != nominations.Count)
            problems.Add($"{where}: nomination ids must be unique.");

        return new DemoCampaign(json.Id ?? "", json.Name!, json.Description!, offsets, json.Settings!, nominations);
    }

    private static bool IsComplete(LocalizedText? text) => text?.IsComplete == true;

    private sealed record DemoCampaignJson(
        string? Id,
        LocalizedText? Name,
        LocalizedText? Description,
        Dictionary<string, int>? PhaseStartOffsetDays,
        CampaignSettings? Settings,
        List<DemoNomination>? Nominations);
}
