using System.Globalization;
using System.Text.Json;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Seeds;

namespace CitySpiritAwards.Domain.Tests.Seeds;

/// <summary>The seeds/ a newcomer's site starts from: what they see first must be complete, bilingual and live.</summary>
public sealed class ShippedSeeds
{
    internal static readonly string SeedsDirectory = Path.Combine(AppContext.BaseDirectory, "seeds");

    // Read per test, so a broken seed fails each test with the reader's message rather than a type initialiser error.
    private readonly SeedData _seeds = SeedReader.Read(SeedsDirectory);

    [Fact]
    public void The_four_awards_come_in_city_spirit_order_with_their_stable_ids()
    {
        Assert.Equal(["inclusiveness", "excellence", "wisdom", "magnanimity"], _seeds.Categories.Select(c => c.Id));
        Assert.Equal(["海纳百川", "追求卓越", "开明睿智", "大气谦和"], _seeds.Categories.Select(c => c.Name.ZhCn));
        Assert.Equal(["Embracing All Rivers", "Pursuing Excellence", "Open-minded Wisdom", "Magnanimity and Modesty"],
            _seeds.Categories.Select(c => c.Name.En));
    }

    [Fact]
    public void Every_award_explains_itself_in_both_languages_with_three_to_five_examples()
    {
        Assert.All(_seeds.Categories, c =>
        {
            Assert.True(c.Description.IsComplete, c.Id);
            Assert.InRange(c.Cues.Count, 3, 5);
            Assert.All(c.Cues, cue => Assert.True(cue.IsComplete, $"{c.Id}: {cue}"));
        });
    }

    [Fact]
    public void Every_rubric_is_valid_bilingual_and_weighs_embodiment_impact_duration_and_evidence_40_30_20_10()
    {
        Assert.All(_seeds.Categories, c =>
        {
            Assert.Empty(c.Rubric.Problems());
            Assert.Equal(["embodiment", "impact", "sustained", "evidence"], c.Rubric.Criteria.Select(r => r.Id));
            Assert.Equal([40, 30, 20, 10], c.Rubric.Criteria.Select(r => r.WeightPercent));
            Assert.All(c.Rubric.Criteria, r => Assert.True(r.Name.IsComplete && r.Guidance.IsComplete, $"{c.Id}/{r.Id}"));
        });
    }

    [Fact]
    public void Judges_get_guidance_on_embodiment_written_for_each_award_saying_what_earns_9_10_and_1_3()
    {
        var guidance = _seeds.Categories.Select(c => c.Rubric.Criteria.Single(r => r.Id == "embodiment").Guidance).ToList();

        Assert.Equal(4, guidance.Select(g => g.ZhCn).Distinct().Count());
        Assert.Equal(4, guidance.Select(g => g.En).Distinct().Count());
        Assert.All(_seeds.Categories.SelectMany(c => c.Rubric.Criteria), r =>
        {
            Assert.Contains("9–10", r.Guidance.ZhCn);
            Assert.Contains("1–3", r.Guidance.ZhCn);
            Assert.StartsWith("9–10:", r.Guidance.En);
            Assert.Contains("1–3:", r.Guidance.En);
        });
    }

    [Fact]
    public void Shanghai_has_sixteen_districts_in_the_usual_order()
    {
        Assert.Equal(
            ["huangpu", "xuhui", "changning", "jingan", "putuo", "hongkou", "yangpu", "pudong",
             "minhang", "baoshan", "jiading", "jinshan", "songjiang", "qingpu", "fengxian", "chongming"],
            _seeds.Districts.Select(d => d.Id));
        Assert.All(_seeds.Districts, d => Assert.True(d.Name.IsComplete, d.Id));
        Assert.Equal(new("浦东新区", "Pudong New Area"), _seeds.Districts.Single(d => d.Id == "pudong").Name);
        Assert.Equal(new("静安区", "Jing'an"), _seeds.Districts.Single(d => d.Id == "jingan").Name);
        Assert.All(_seeds.Districts.Where(d => d.Id != "pudong"), d => Assert.EndsWith("区", d.Name.ZhCn));
    }

    [Fact]
    public void The_demo_campaign_is_open_for_nominations_the_moment_the_site_first_starts()
    {
        var firstStart = DateTimeOffset.UtcNow;
        var schedule = _seeds.DemoCampaign.ScheduleFrom(firstStart);

        Assert.Empty(schedule.Problems());
        Assert.Equal(CampaignPhase.Nominating, schedule.PhaseAt(firstStart));
        var screening = schedule.NextChangeAfter(firstStart);
        Assert.Equal(CampaignPhase.Screening, screening?.Phase);
        Assert.True(screening!.StartsAt - firstStart >= TimeSpan.FromDays(14), "a newcomer has at least two weeks to try nominating");
    }

    [Fact]
    public void Each_demo_phase_starts_its_offset_in_days_after_the_first_start()
    {
        var firstStart = new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));
        var demo = _seeds.DemoCampaign;

        var schedule = demo.ScheduleFrom(firstStart);

        Assert.Equal(CampaignSchedule.ScheduledPhases, schedule.Phases.Select(p => p.Phase));
        Assert.All(schedule.Phases, p => Assert.Equal(firstStart.AddDays(demo.PhaseStartOffsetDays[p.Phase]), p.StartsAt));
    }

    [Fact]
    public void The_demo_campaign_uses_the_usual_rules()
    {
        var demo = _seeds.DemoCampaign;

        Assert.Equal("demo", demo.Id);
        Assert.True(demo.Name.IsComplete && demo.Description.IsComplete);
        Assert.Equal(new CampaignSettings(5, 1, 70, 30, 5, 3, LiveTallies: true), demo.Settings);
    }

    [Fact]
    public void Demo_nominations_cover_every_award_twice_and_point_at_known_awards_and_districts()
    {
        var nominations = _seeds.DemoCampaign.Nominations;
        var districts = _seeds.Districts.Select(d => d.Id).ToHashSet();

        Assert.InRange(nominations.Count, 8, 10);
        Assert.All(nominations, n => Assert.Contains(n.CategoryId, CategoryIds.All));
        Assert.All(nominations, n => Assert.Contains(n.DistrictId, districts));
        Assert.All(CategoryIds.All, id => Assert.True(nominations.Count(n => n.CategoryId == id) >= 2, $"{id} has fewer than two demo nominations"));
        Assert.True(nominations.Select(n => n.DistrictId).Distinct().Count() >= 8, "the demo nominations are spread over the city");
        Assert.Equal(nominations.Count, nominations.Select(n => n.Id).Distinct().Count());
    }

    [Fact]
    public void Every_demo_story_reads_in_both_languages_at_a_card_friendly_length()
    {
        Assert.All(_seeds.DemoCampaign.Nominations, n =>
        {
            Assert.InRange(new StringInfo(n.StoryZh!).LengthInTextElements, 80, 200);
            Assert.InRange(n.StoryEn!.Split(' ').Length, 30, 120);
        });
    }

    [Fact]
    public void Demo_nominees_carry_a_pinyin_name_and_the_file_says_they_are_fictional()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(SeedsDirectory, SeedReader.DemoCampaignFile)));

        Assert.Contains("fictional", file.RootElement.GetProperty("notice").GetString());
        Assert.Contains("虚构", file.RootElement.GetProperty("notice").GetString());
        Assert.All(_seeds.DemoCampaign.Nominations, n => Assert.Matches(@"^\p{IsCJKUnifiedIdeographs}{2,4}（[A-Z][a-z]+ [A-Z][a-z]+）$", n.NomineeName));
    }

    [Fact]
    public void Demo_texts_contain_no_contact_details()
    {
        var text = File.ReadAllText(Path.Combine(SeedsDirectory, SeedReader.DemoCampaignFile));

        Assert.DoesNotContain("@", text);
        Assert.DoesNotMatch(@"\d{7,}", text); // no phone numbers
        Assert.DoesNotMatch(@"[路街弄巷]\d+号", text); // no street addresses
    }
}
