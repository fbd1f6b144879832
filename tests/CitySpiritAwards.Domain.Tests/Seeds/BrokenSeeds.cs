using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CitySpiritAwards.Domain.Seeds;

namespace CitySpiritAwards.Domain.Tests.Seeds;

/// <summary>Someone edits a seed file by hand and gets it wrong: the site must refuse to start with a message saying what to fix.</summary>
public sealed class BrokenSeeds : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly string _seeds = Path.Combine(Path.GetTempPath(), "csa-seeds", Guid.NewGuid().ToString("N"));

    public BrokenSeeds()
    {
        Directory.CreateDirectory(_seeds);
        foreach (var file in Directory.EnumerateFiles(ShippedSeeds.SeedsDirectory, "*.json"))
            File.Copy(file, Path.Combine(_seeds, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_seeds, recursive: true);

    [Fact]
    public void The_untouched_copy_reads_without_problems()
    {
        Assert.Equal(4, SeedReader.Read(_seeds).Categories.Count);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        File.Delete(Path.Combine(_seeds, SeedReader.DistrictsFile));

        Assert.Contains("districts.json: file not found", Problems());
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        File.WriteAllText(Path.Combine(_seeds, SeedReader.DistrictsFile), "[ { \"id\": ");

        Assert.Contains("districts.json: not valid JSON", Problems());
    }

    [Fact]
    public void A_misspelt_property_is_reported_with_the_line_an_editor_shows_rather_than_ignored()
    {
        var line = 0;
        Rewrite(SeedReader.CategoriesFile, json =>
        {
            var at = json.IndexOf("\"weightPercent\": 10", StringComparison.Ordinal);
            line = json[..at].Count(c => c == '\n') + 1;
            return json[..at] + "\"weigthPercent\"" + json[(at + "\"weightPercent\"".Length)..];
        });

        Assert.Contains($"categories.json: not valid JSON for a seed file at line {line} ($[0].rubric.criteria[3].weigthPercent)", Problems());
    }

    [Fact]
    public void A_property_written_twice_is_reported_rather_than_the_last_one_winning()
    {
        Rewrite(SeedReader.DistrictsFile, json => json.Replace("\"en\": \"Xuhui\"", "\"en\": \"Xuhui\", \"en\": \"\""));

        Assert.Contains("districts.json: not valid JSON", Problems());
    }

    [Fact]
    public void A_rubric_weighing_90_percent_is_reported_with_its_award()
    {
        Edit(SeedReader.CategoriesFile, json => json[1]!["rubric"]!["criteria"]![3]!["weightPercent"] = 0);

        var problems = Problems();

        Assert.Contains("category 'excellence': Criterion weights add up to 90%, not 100%.", problems);
        Assert.Contains("category 'excellence': Every criterion needs a weight above 0%.", problems);
    }

    [Fact]
    public void A_missing_award_is_reported()
    {
        Edit(SeedReader.CategoriesFile, json => json.AsArray().RemoveAt(2));

        Assert.Contains("expected the categories inclusiveness, excellence, wisdom, magnanimity in that order, found inclusiveness, excellence, magnanimity", Problems());
    }

    [Fact]
    public void A_missing_English_award_name_is_reported()
    {
        Edit(SeedReader.CategoriesFile, json => json[1]!["name"]!["en"] = "");

        Assert.Contains("category 'excellence' needs a name and a description in both Chinese and English", Problems());
    }

    [Fact]
    public void Missing_English_guidance_for_judges_is_reported()
    {
        Edit(SeedReader.CategoriesFile, json => json[2]!["rubric"]!["criteria"]![0]!["guidance"]!.AsObject().Remove("en"));

        Assert.Contains("category 'wisdom': every criterion needs a name and guidance in both Chinese and English", Problems());
    }

    [Fact]
    public void Fifteen_districts_or_a_repeated_one_are_reported()
    {
        Edit(SeedReader.DistrictsFile, json =>
        {
            json.AsArray().RemoveAt(15);
            json[1]!["id"] = "huangpu";
        });

        var problems = Problems();

        Assert.Contains("districts.json: Shanghai has 16 districts, found 15.", problems);
        Assert.Contains("districts.json: district id 'huangpu' is used more than once.", problems);
    }

    [Fact]
    public void A_demo_nomination_in_an_unknown_award_is_reported()
    {
        Rewrite(SeedReader.DemoCampaignFile, json => json.Replace("\"categoryId\": \"wisdom\"", "\"categoryId\": \"bravery\""));

        Assert.Contains("nomination 'demo-science-lab': categoryId 'bravery' is unknown; use one of inclusiveness, excellence, wisdom, magnanimity.", Problems());
    }

    [Fact]
    public void A_demo_nomination_in_an_unknown_district_is_reported()
    {
        Rewrite(SeedReader.DemoCampaignFile, json => json.Replace("\"districtId\": \"jingan\"", "\"districtId\": \"zhabei\""));

        Assert.Contains("nomination 'demo-lane-mediator': districtId 'zhabei' is unknown", Problems());
    }

    [Fact]
    public void A_demo_story_missing_its_English_is_reported()
    {
        Edit(SeedReader.DemoCampaignFile, json => json["nominations"]![0]!.AsObject().Remove("storyEn"));

        Assert.Contains("nomination 'demo-conversation-corner' needs a story in both Chinese (storyZh) and English (storyEn).", Problems());
    }

    [Fact]
    public void A_demo_story_too_short_for_a_resident_is_reported()
    {
        Edit(SeedReader.DemoCampaignFile, json => json["nominations"]![0]!["storyEn"] = "Short.");

        Assert.Contains("nomination 'demo-conversation-corner': storyEn is too short: 6 characters, at least 50.", Problems());
    }

    [Fact]
    public void Committee_and_public_weights_not_adding_up_to_100_are_reported()
    {
        Edit(SeedReader.DemoCampaignFile, json => json["settings"]!["committeeWeightPercent"] = 80);

        Assert.Contains("demo-campaign.json: Committee and public weights must be 0-100% and add up to 100%.", Problems());
    }

    [Fact]
    public void Screening_starting_before_nominations_open_is_reported()
    {
        Edit(SeedReader.DemoCampaignFile, json => json["phaseStartOffsetDays"]!["Screening"] = -5);

        Assert.Contains("demo-campaign.json: Screening must start after Nominating.", Problems());
    }

    [Fact]
    public void A_phase_left_out_of_the_schedule_is_reported()
    {
        Edit(SeedReader.DemoCampaignFile, json => json["phaseStartOffsetDays"]!.AsObject().Remove("Tallying"));

        Assert.Contains("demo-campaign.json: No start time for: Tallying.", Problems());
    }

    [Theory]
    [InlineData("Draft")]
    [InlineData("nominating")]
    [InlineData("99")]
    [InlineData("Nominating, Screening")]
    public void A_phase_name_that_is_not_exactly_a_scheduled_phase_is_reported(string name)
    {
        Edit(SeedReader.DemoCampaignFile, json => json["phaseStartOffsetDays"]![name] = 100);

        Assert.Contains($"phaseStartOffsetDays has '{name}', which is not a phase that can be scheduled; use Nominating, Screening, CommitteeScoring, PublicVoting, Tallying, Published.", Problems());
    }

    [Fact]
    public void Every_problem_in_every_file_is_reported_at_once()
    {
        Edit(SeedReader.CategoriesFile, json => json[0]!["cues"] = new JsonArray());
        Edit(SeedReader.DistrictsFile, json => json[3]!["id"] = "Jing'an");
        Edit(SeedReader.DemoCampaignFile, json => json["nominations"]![2]!["relationship"] = "passenger");

        var problems = Problems();

        Assert.Contains("categories.json: category 'inclusiveness' needs at least one example (cue)", problems);
        Assert.Contains("districts.json: district id 'Jing'an' should be lower-case letters a-z only", problems);
        Assert.Contains("nomination 'demo-bus-driver': relationship 'passenger' is unknown", problems);
    }

    [Fact]
    public void A_stray_null_entry_is_reported_not_a_crash()
    {
        var position = 0;
        Edit(SeedReader.DemoCampaignFile, json =>
        {
            var nominations = json["nominations"]!.AsArray();
            nominations.Add(null);
            position = nominations.Count;
        });

        Assert.Contains($"demo-campaign.json: nomination number {position} is empty (null).", Problems());
    }

    private string Problems() => Assert.Throws<SeedException>(() => SeedReader.Read(_seeds)).Message;

    private void Edit(string file, Action<JsonNode> change) =>
        Rewrite(file, json =>
        {
            var node = JsonNode.Parse(json)!;
            change(node);
            return node.ToJsonString(Indented);
        });

    private void Rewrite(string file, Func<string, string> change)
    {
        var path = Path.Combine(_seeds, file);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after); // the test really changed the file
        File.WriteAllText(path, after);
    }
}
