using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Seeds;

namespace CitySpiritAwards.Domain.Tests.Rules;

/// <summary>The seeds a newcomer's site starts from, and the clear errors a broken seed file gives.</summary>
public sealed class SeedFiles : IDisposable
{
    private static readonly string Seeds = Path.Combine(AppContext.BaseDirectory, "seeds");
    private readonly string _broken = Path.Combine(Path.GetTempPath(), "csa-seeds", Guid.NewGuid().ToString("N"));

    public SeedFiles()
    {
        Directory.CreateDirectory(_broken);
        foreach (var file in Directory.EnumerateFiles(Seeds, "*.json"))
            File.Copy(file, Path.Combine(_broken, Path.GetFileName(file)));
    }

    public void Dispose() => Directory.Delete(_broken, recursive: true);

    [Fact]
    public void The_four_awards_come_in_city_spirit_order_with_valid_bilingual_rubrics()
    {
        var seeds = SeedReader.Read(Seeds);

        Assert.Equal(CategoryIds.All, seeds.Categories.Select(c => c.Id));
        Assert.Equal(["海纳百川", "追求卓越", "开明睿智", "大气谦和"], seeds.Categories.Select(c => c.Name.ZhCn));
        Assert.All(seeds.Categories, c => Assert.Empty(c.Rubric.Problems()));
    }

    [Fact]
    public void Shanghai_has_sixteen_districts()
    {
        var districts = SeedReader.Read(Seeds).Districts;

        Assert.Equal(16, districts.Count);
        Assert.Contains(districts, d => d.Name.ZhCn == "浦东新区" && d.Name.En == "Pudong New Area");
    }

    [Fact]
    public void The_demo_campaign_is_open_for_nominations_when_the_site_first_starts()
    {
        var demo = SeedReader.Read(Seeds).DemoCampaign;
        var firstStart = DateTimeOffset.UtcNow;

        Assert.Equal(CampaignPhase.Nominating, demo.ScheduleFrom(firstStart).PhaseAt(firstStart));
        Assert.Empty(demo.ScheduleFrom(firstStart).Problems());
    }

    [Fact]
    public void The_demo_nominations_cover_every_award()
    {
        var nominations = SeedReader.Read(Seeds).DemoCampaign.Nominations;

        Assert.All(CategoryIds.All, id => Assert.True(nominations.Count(n => n.CategoryId == id) >= 2, $"{id} has fewer than two demo nominations"));
    }

    [Fact]
    public void Invalid_json_names_the_file()
    {
        File.WriteAllText(Path.Combine(_broken, SeedReader.DistrictsFile), "[ { \"id\": ");

        var error = Assert.Throws<SeedException>(() => SeedReader.Read(_broken));

        Assert.Contains("districts.json: not valid JSON", error.Message);
    }

    [Fact]
    public void A_rubric_weighing_90_percent_is_reported()
    {
        Rewrite(SeedReader.CategoriesFile, json => json.Replace("\"weightPercent\": 10", "\"weightPercent\": 0"));

        var error = Assert.Throws<SeedException>(() => SeedReader.Read(_broken));

        Assert.Contains("add up to 90%", error.Message);
    }

    [Fact]
    public void A_nomination_in_an_unknown_category_is_reported()
    {
        Rewrite(SeedReader.DemoCampaignFile, json => json.Replace("\"categoryId\": \"wisdom\"", "\"categoryId\": \"bravery\""));

        var error = Assert.Throws<SeedException>(() => SeedReader.Read(_broken));

        Assert.Contains("CategoryId is unknown 'bravery'", error.Message);
    }

    [Fact]
    public void A_demo_story_too_short_for_a_resident_is_reported()
    {
        Rewrite(SeedReader.DemoCampaignFile, json => json.Replace("\"storyEn\": \"Every Saturday afternoon", "\"storyEn\": \"Short.\", \"x\": \""));

        var error = Assert.Throws<SeedException>(() => SeedReader.Read(_broken));

        Assert.Contains("nomination 'demo-conversation-corner': StoryEn is too-short", error.Message);
    }

    [Fact]
    public void A_missing_English_text_is_reported()
    {
        Rewrite(SeedReader.CategoriesFile, json => json.Replace("\"en\": \"Pursuing Excellence\"", "\"en\": \"\""));

        var error = Assert.Throws<SeedException>(() => SeedReader.Read(_broken));

        Assert.Contains("category 'excellence' needs a name and a description in both Chinese and English", error.Message);
    }

    private void Rewrite(string file, Func<string, string> change)
    {
        var path = Path.Combine(_broken, file);
        var before = File.ReadAllText(path);
        var after = change(before);
        Assert.NotEqual(before, after); // the test really changed the file
        File.WriteAllText(path, after);
    }
}
