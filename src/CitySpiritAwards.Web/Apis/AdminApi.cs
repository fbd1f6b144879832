using System.Security.Claims;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Apis;

public sealed record ClusterMember(string Address, string Status);
public sealed record AdvancePhaseRequest(CampaignPhase Phase);

/// <summary>A new campaign: a slug id (e.g. "2027-spring"), bilingual texts, when each phase starts, and its rules.</summary>
public sealed record CreateCampaignRequest(
    string Id,
    LocalizedText Name,
    LocalizedText Description,
    Dictionary<CampaignPhase, DateTimeOffset> PhaseStarts,
    CampaignSettings Settings);

/// <summary>Administrator-only operations (the group requires the Administrator role).</summary>
public static class AdminApi
{
    public static RouteGroupBuilder MapAdminApi(this RouteGroupBuilder api)
    {
        api.MapGet("cluster", ListSilosAsync).WithSummary("The silos of the Orleans cluster and their status.");
        api.MapPost("campaigns", CreateCampaignAsync)
            .WithSummary("Creates a campaign in Draft with its schedule and rules; phases then change by themselves at their times.");
        api.MapPost("campaigns/{id}/phase", AdvancePhaseAsync)
            .WithSummary("Moves a campaign into the next phase early. Asking for a phase already reached changes nothing.");
        api.MapGet("campaigns/{id}/audit", AuditLogAsync).WithSummary("Who or what changed the campaign, and when.");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ClusterMember>>> ListSilosAsync(IGrainFactory grains)
    {
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: false);
        return TypedResults.Ok<IReadOnlyList<ClusterMember>>(
            hosts.Select(h => new ClusterMember(h.Key.ToParsableString(), h.Value.ToString())).OrderBy(m => m.Address).ToList());
    }

    private static async Task<Results<Created<CampaignSnapshot>, ValidationProblem, ProblemHttpResult>> CreateCampaignAsync(
        CreateCampaignRequest request, CampaignCreator creator, ClaimsPrincipal user)
    {
        var schedule = new CampaignSchedule((request.PhaseStarts ?? []).Select(p => new PhaseWindow(p.Key, p.Value)).ToList());
        var problems = new Dictionary<string, string[]>();
        if (!CampaignCreator.IsValidId(request.Id))
            problems["id"] = ["Use 3-40 lower-case letters, digits and hyphens, e.g. 2027-spring (not \"new\"). / 编号请用 3 至 40 个小写字母、数字或连字符（不能是 new）。"];
        if (request.Name is not { IsComplete: true } || request.Description is not { IsComplete: true })
            problems["name"] = ["Name and description are needed in both Chinese and English. / 名称和说明需要中英文两种。"];
        // The rules speak English; each field's list ends with what it asks for in Chinese.
        AddProblems(problems, "phaseStarts", schedule.Problems(), "请为推荐至公布的每个阶段填写开始时间，并按阶段顺序依次推后。");
        AddProblems(problems, "settings", request.Settings?.Problems() ?? ["Settings are missing."],
            "活动规则有误：每人至少可推荐一次、每个奖项至少可投一票，评委与公众权重各在 0-100% 之间且合计 100%，入围名额和每条推荐的评委人数至少为 1。");
        if (problems.Count > 0)
            return TypedResults.ValidationProblem(problems, title: "The campaign cannot be created as it is / 活动信息有误");

        var created = await creator.CreateAsync(request.Id!, new NewCampaign(request.Name!, request.Description!, schedule, request.Settings!), $"admin:{user.Identity?.Name}");
        return created is null
            ? CampaignExists(request.Id!)
            : TypedResults.Created($"/api/campaigns/{created.Id}", created);
    }

    private static void AddProblems(Dictionary<string, string[]> problems, string field, IReadOnlyList<string> found, string inChinese)
    {
        if (found.Count > 0)
            problems[field] = [.. found, inChinese];
    }

    private static ProblemHttpResult CampaignExists(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "A campaign with this id exists / 该编号的活动已存在",
        detail: $"Choose another id than '{id}'.");

    private static async Task<Results<Ok<PhaseChangeResult>, ProblemHttpResult>> AdvancePhaseAsync(
        string id, AdvancePhaseRequest request, IGrainFactory grains, CampaignPhaseJob phases, ClaimsPrincipal user, IStringLocalizer<SharedResource> text)
    {
        if (await grains.GetGrain<ICampaignGrain>(id).GetAsync() is null)
            return Problems.CampaignNotFound(text, id);
        var result = await phases.AdvanceEarlyAsync(id, request.Phase, $"admin:{user.Identity?.Name}");
        return result.Outcome == PhaseTransition.SkipNotAllowed
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
                title: "Phases cannot be skipped / 不能跳过阶段",
                detail: $"The campaign is in {result.Phase}; the next phase is {PhaseRules.Next(result.Phase)}.")
            : TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> AuditLogAsync(string id, IGrainFactory grains, IStringLocalizer<SharedResource> text)
    {
        var campaign = grains.GetGrain<ICampaignGrain>(id);
        return await campaign.GetAsync() is null
            ? Problems.CampaignNotFound(text, id)
            : TypedResults.Ok(await campaign.GetAuditLogAsync());
    }
}
