using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Domain.Campaigns;
using CitySpiritAwards.Domain.Localization;
using CitySpiritAwards.Grains.Time;
using CitySpiritAwards.Web.Campaigns;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Localization;
using CitySpiritAwards.Web.Pages.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitySpiritAwards.Web.Pages.Admin;

/// <summary>
/// The administrators' "new campaign" form: id, names and descriptions in both languages, when each phase starts
/// (Shanghai time), and the rules. The form arrives pre-filled with a workable schedule and the default rules, and
/// every field gets its own message in the reader's language. Fields are read as text so that nothing typed is
/// refused by model binding in English only.
/// </summary>
[Authorize(Policy = Roles.Administrator)]
public sealed class NewCampaignModel(CampaignCreator creator, AwardsClock clock, IStringLocalizer<SharedResource> text) : AccountPageModel
{
    private const string LocalFormat = "yyyy-MM-ddTHH:mm"; // what <input type="datetime-local"> sends

    [BindProperty]
    public NewCampaignInput Input { get; set; } = new();

    public IReadOnlyList<CampaignPhase> Phases => CampaignSchedule.ScheduledPhases;

    public void OnGet()
    {
        // Nominations from tomorrow 09:00 for three weeks, then a week of screening, two of scoring, two of voting,
        // four days of counting: a schedule to adjust rather than to type from nothing.
        var tomorrow = ShanghaiTime.Of(clock.UtcNow).Date.AddDays(1).AddHours(9);
        var days = new Dictionary<CampaignPhase, int>
        {
            [CampaignPhase.Nominating] = 0, [CampaignPhase.Screening] = 21, [CampaignPhase.CommitteeScoring] = 28,
            [CampaignPhase.PublicVoting] = 42, [CampaignPhase.Tallying] = 56, [CampaignPhase.Published] = 60,
        };
        Input.Starts = days.ToDictionary(d => d.Key.ToString(), d => (string?)tomorrow.AddDays(d.Value).ToString(LocalFormat, CultureInfo.InvariantCulture));
        var defaults = CampaignSettings.Default;
        Input.NominationsPerResident = defaults.NominationsPerResident.ToString(CultureInfo.InvariantCulture);
        Input.VotesPerCategory = defaults.VotesPerCategory.ToString(CultureInfo.InvariantCulture);
        Input.CommitteeWeightPercent = defaults.CommitteeWeightPercent.ToString(CultureInfo.InvariantCulture);
        Input.ShortlistSize = defaults.ShortlistSize.ToString(CultureInfo.InvariantCulture);
        Input.JudgesPerEntry = defaults.JudgesPerEntry.ToString(CultureInfo.InvariantCulture);
        Input.LiveTallies = defaults.LiveTallies;
        Input.AllowVoteChanges = defaults.AllowVoteChanges;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear(); // every field is checked below, with messages in the reader's language
        var id = Input.Id?.Trim() ?? "";
        if (!CampaignCreator.IsValidId(id))
            Refuse(nameof(NewCampaignInput.Id), "Admin.New.Invalid.Id");
        var name = new LocalizedText(Input.NameZh?.Trim() ?? "", Input.NameEn?.Trim() ?? "");
        var description = new LocalizedText(Input.DescriptionZh?.Trim() ?? "", Input.DescriptionEn?.Trim() ?? "");
        foreach (var (field, value, max) in new[]
                 {
                     (nameof(Input.NameZh), name.ZhCn, 60), (nameof(Input.NameEn), name.En, 120),
                     (nameof(Input.DescriptionZh), description.ZhCn, 500), (nameof(Input.DescriptionEn), description.En, 1000),
                 })
        {
            if (value.Length == 0)
                Refuse(field, "Admin.New.Invalid.Required");
            else if (value.Length > max)
                Refuse(field, "Admin.New.Invalid.TooLong", max);
        }
        var schedule = ReadSchedule();
        var settings = ReadSettings();
        if (!ModelState.IsValid)
            return Page();

        var created = await creator.CreateAsync(id, new NewCampaign(name, description, schedule, settings!), $"admin:{User.Identity?.Name}");
        if (created is null)
        {
            Refuse(nameof(NewCampaignInput.Id), "Admin.New.Invalid.Taken", id);
            return Page();
        }
        TempData[CampaignModel.MessageKey] = text["Admin.Campaign.Created"].Value; // said once on the campaign's page (post/redirect/get)
        return Redirect($"/admin/campaigns/{Uri.EscapeDataString(created.Id)}");
    }

    /// <summary>Each phase's start, as typed in Shanghai time: present, not in the past, each after the one before (the schedule's own rule).</summary>
    private CampaignSchedule ReadSchedule()
    {
        var windows = new List<PhaseWindow>();
        var now = clock.UtcNow;
        foreach (var phase in Phases)
        {
            var field = $"Starts[{phase}]";
            var typed = Input.Starts.GetValueOrDefault(phase.ToString())?.Trim();
            if (string.IsNullOrEmpty(typed))
            {
                Refuse(field, "Admin.New.Invalid.StartMissing", text[$"Phase.{phase}"]);
                continue;
            }
            if (!DateTime.TryParseExact(typed, [LocalFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                Refuse(field, "Admin.New.Invalid.StartFormat", text[$"Phase.{phase}"]);
                continue;
            }
            var starts = new DateTimeOffset(local, ShanghaiTime.Offset);
            if (starts < now)
                Refuse(field, "Admin.New.Invalid.StartPast", text[$"Phase.{phase}"]);
            windows.Add(new PhaseWindow(phase, starts));
        }
        var schedule = new CampaignSchedule(windows);
        foreach (var (phase, previous) in schedule.OutOfOrder())
            Refuse($"Starts[{phase}]", "Admin.New.Invalid.StartOrder", text[$"Phase.{phase}"], text[$"Phase.{previous}"]);
        return schedule;
    }

    private CampaignSettings? ReadSettings()
    {
        int? Whole(string field, string? typed, SettingRange range)
        {
            if (int.TryParse(typed?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && range.Allows(value))
                return value;
            Refuse(field, "Admin.New.Invalid.Number", range.Min, range.Max);
            return null;
        }
        var limits = CampaignSettings.Limits;
        var nominations = Whole(nameof(Input.NominationsPerResident), Input.NominationsPerResident, limits.NominationsPerResident);
        var votes = Whole(nameof(Input.VotesPerCategory), Input.VotesPerCategory, limits.VotesPerCategory);
        var committee = Whole(nameof(Input.CommitteeWeightPercent), Input.CommitteeWeightPercent, limits.WeightPercent);
        var shortlist = Whole(nameof(Input.ShortlistSize), Input.ShortlistSize, limits.ShortlistSize);
        var judges = Whole(nameof(Input.JudgesPerEntry), Input.JudgesPerEntry, limits.JudgesPerEntry);
        if (nominations is null || votes is null || committee is null || shortlist is null || judges is null)
            return null;
        // The public has the rest of the weight, so the form asks for the committee's share only.
        return new CampaignSettings(nominations.Value, votes.Value, committee.Value, SettingLimits.TotalWeightPercent - committee.Value,
            shortlist.Value, judges.Value, Input.LiveTallies, Input.AllowVoteChanges);
    }

    private void Refuse(string field, string key, params object[] arguments) =>
        ModelState.AddModelError($"{nameof(Input)}.{field}", text[key, arguments]);
}

/// <summary>
/// The form as typed: all text, read and checked by <see cref="NewCampaignModel"/>. Each field has the label it shows,
/// which the error summary names it by (the phases' starts are labelled, and their messages worded, by phase).
/// </summary>
public sealed class NewCampaignInput
{
    [Display(Name = "Admin.New.Id")]
    public string? Id { get; set; }
    [Display(Name = "Admin.New.NameZh")]
    public string? NameZh { get; set; }
    [Display(Name = "Admin.New.NameEn")]
    public string? NameEn { get; set; }
    [Display(Name = "Admin.New.DescriptionZh")]
    public string? DescriptionZh { get; set; }
    [Display(Name = "Admin.New.DescriptionEn")]
    public string? DescriptionEn { get; set; }

    /// <summary>Phase name → start as typed in Shanghai time ("2027-03-01T09:00").</summary>
    public Dictionary<string, string?> Starts { get; set; } = [];

    [Display(Name = "Admin.Campaign.NominationsPerResident")]
    public string? NominationsPerResident { get; set; }
    [Display(Name = "Admin.Campaign.VotesPerCategory")]
    public string? VotesPerCategory { get; set; }
    [Display(Name = "Admin.New.CommitteeWeight")]
    public string? CommitteeWeightPercent { get; set; }
    [Display(Name = "Admin.Campaign.ShortlistSize")]
    public string? ShortlistSize { get; set; }
    [Display(Name = "Admin.Campaign.JudgesPerEntry")]
    public string? JudgesPerEntry { get; set; }
    [Display(Name = "Admin.Campaign.LiveTallies")]
    public bool LiveTallies { get; set; }
    [Display(Name = "Admin.Campaign.VoteChanges")]
    public bool AllowVoteChanges { get; set; }
}
