using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Abstractions.Nominations;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Categories;
using CitySpiritAwards.Domain.Localization;

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

    public static NewNomination Nomination(string campaignId, string story = "二十年如一日。") => new(
        campaignId, CategoryIds.Excellence, "pudong",
        Text("王小虎", "Wang Xiaohu"), Text("邻居", "Neighbour"), Text(story, "Twenty years, every day."),
        NominatorId: "resident-1", NominationStatus.Submitted);
}
