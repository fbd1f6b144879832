using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Domain.Nominations;

namespace CitySpiritAwards.Grains.Tests.Support;

internal static class TestData
{
    public static string UniqueId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static LocalizedText Text(string zh, string en) => new(zh, en);

    public static Rubric StandardRubric() => new(
    [
        new RubricCriterion("embodiment", Text("体现奖项精神", "Embodies the award"), Text("说明", "Guidance"), 40),
        new RubricCriterion("impact", Text("对他人的影响", "Impact on others"), Text("说明", "Guidance"), 30),
        new RubricCriterion("sustained", Text("长期坚持", "Sustained over time"), Text("说明", "Guidance"), 20),
        new RubricCriterion("evidence", Text("事迹可信", "Credible story"), Text("说明", "Guidance"), 10),
    ]);

    public static Category Category(string id) =>
        new(id, Text("海纳百川", "Embracing All Rivers"), Text("描述", "Description"), [Text("例子", "Example")], StandardRubric());

    public static NewCampaign Campaign(DateTimeOffset start) => new(
        Text("测试评选", "Test campaign"),
        Text("描述", "Description"),
        new CampaignSchedule(CampaignSchedule.ScheduledPhases
            .Select((phase, i) => new PhaseWindow(phase, start.AddDays(7 * i)))
            .ToList()),
        CampaignSettings.Default);

    public const string Story = "王师傅开了二十年公交车，安全行车零事故。他记得沿线每个站台的坡度和老人常坐的座位，起步刹车都格外平稳，乘客都叫他“稳师傅”。";

    /// <summary>Photo ids as the web layer makes them (16 hex digits), all different.</summary>
    public static IReadOnlyList<string> PhotoIds(int count) =>
        Enumerable.Range(0, count).Select(_ => Guid.NewGuid().ToString("N")[..NominationPhotos.IdLength]).ToList();

    public static NominationDraft Draft(string name = "王小虎") => new(
        CategoryIds.Excellence, "pudong", name, Relationships.Neighbour, Story, StoryEn: null, "nominee@example.org", PhotoCount: 0);
}
