using System.Text.RegularExpressions;
using CitySpiritAwards.Abstractions.Campaigns;

namespace CitySpiritAwards.Web.Campaigns;

/// <summary>
/// Creates a campaign for the administrators' API and page alike: the grain stores it in Draft, and its first phase
/// change is scheduled. Checking the texts, schedule and rules is the caller's part (each answers in its own form).
/// </summary>
public sealed partial class CampaignCreator(IGrainFactory grains, CampaignPhaseJob phases)
{
    /// <summary>
    /// 3-40 lower-case letters, digits and hyphens, e.g. "2027-spring"; it becomes part of addresses. "new" is taken by
    /// the administrators' "new campaign" page.
    /// </summary>
    public static bool IsValidId(string? id) => id is not null && id != "new" && IdPattern().IsMatch(id);

    /// <summary>The campaign as created, or null when one with this id exists (created before, or a moment ago by another request).</summary>
    public async Task<CampaignSnapshot?> CreateAsync(string id, NewCampaign campaign, string actor)
    {
        var grain = grains.GetGrain<ICampaignGrain>(id);
        if (await grain.GetAsync() is not null)
            return null;
        try
        {
            var created = await grain.CreateAsync(campaign, actor);
            await phases.ScheduleNextAsync(created.Id);
            return created;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$")]
    private static partial Regex IdPattern();
}
