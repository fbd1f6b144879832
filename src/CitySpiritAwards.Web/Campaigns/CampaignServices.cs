using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Web.Localization;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Campaigns;

/// <summary>What creating a campaign came to: created, refused with what each field must change, or its id taken.</summary>
/// <param name="Problems">Field (id, name, phaseStarts, settings) → what is wrong with it; empty unless refused.</param>
public sealed record CampaignCreation(CampaignSnapshot? Created, IDictionary<string, string[]> Problems)
{
    public static CampaignCreation IdTaken => new(null, new Dictionary<string, string[]>());

    public bool IsIdTaken => Created is null && Problems.Count == 0;
}

/// <summary>What the administrators' campaign endpoints do: create a campaign, start its next phase early, read its changes.</summary>
public sealed class CampaignServices(IGrainFactory grains, CampaignCreator creator, CampaignPhaseJob phases, IStringLocalizer<SharedResource> text)
{
    /// <summary>
    /// Every campaign, in the directory's order (newest last). Static: the pages and account data that list campaigns
    /// need only the grains, not what creating and advancing depend on.
    /// </summary>
    public static async Task<IReadOnlyList<CampaignSummary>> LoadCampaignsAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<ICampaignDirectoryGrain>(ICampaignDirectoryGrain.Key).ListAsync();
        var campaigns = await Task.WhenAll(ids.Select(id => grains.GetGrain<ICampaignGrain>(id).GetAsync()));
        return campaigns.OfType<CampaignSnapshot>().Select(CampaignSummary.Of).ToList();
    }

    /// <summary>
    /// Checks the request and creates the campaign in Draft, its first phase change scheduled. The Domain's reasons are
    /// in English; each field's list ends with what it asks for in the reader's language.
    /// </summary>
    public async Task<CampaignCreation> CreateAsync(CreateCampaignRequest request, string actor)
    {
        var schedule = new CampaignSchedule((request.PhaseStarts ?? []).Select(p => new PhaseWindow(p.Key, p.Value)).ToList());
        var problems = new Dictionary<string, string[]>();
        if (!CampaignCreator.IsValidId(request.Id))
            problems["id"] = [text["Admin.New.Invalid.Id"].Value];
        if (request.Name is not { IsComplete: true } || request.Description is not { IsComplete: true })
            problems["name"] = [text["Admin.Api.Invalid.Name"].Value];
        AddProblems(problems, "phaseStarts", schedule.Problems(), text["Admin.Api.Invalid.Schedule"].Value);
        AddProblems(problems, "settings", request.Settings?.Problems() ?? [text["Admin.Api.Invalid.SettingsMissing"].Value], SettingsRule());
        if (problems.Count > 0)
            return new CampaignCreation(null, problems);

        var created = await creator.CreateAsync(request.Id!, new NewCampaign(request.Name!, request.Description!, schedule, request.Settings!), actor);
        return created is null ? CampaignCreation.IdTaken : new CampaignCreation(created, problems);
    }

    /// <summary>The administrator's "start the next phase now"; null when there is no such campaign.</summary>
    public async Task<PhaseChangeResult?> AdvanceAsync(string id, CampaignPhase target, string actor) =>
        await grains.GetGrain<ICampaignGrain>(id).GetAsync() is null ? null : await phases.AdvanceEarlyAsync(id, target, actor);

    /// <summary>Who or what changed the campaign, and when; null when there is no such campaign.</summary>
    public async Task<IReadOnlyList<AuditEntry>?> AuditLogAsync(string id)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        return await campaign.GetAsync() is null ? null : await campaign.GetAuditLogAsync();
    }

    /// <summary>Every setting's bounds in one sentence, from <see cref="CampaignSettings.Limits"/>.</summary>
    private string SettingsRule()
    {
        var (nominations, votes, weight, shortlist, judges) = CampaignSettings.Limits;
        return text["Admin.Api.Invalid.Settings", nominations.Min, nominations.Max, votes.Min, votes.Max, weight.Min, weight.Max,
            SettingLimits.TotalWeightPercent, shortlist.Min, shortlist.Max, judges.Min, judges.Max].Value;
    }

    private static void AddProblems(Dictionary<string, string[]> problems, string field, IReadOnlyList<string> found, string asked)
    {
        if (found.Count > 0)
            problems[field] = [.. found, asked];
    }
}
