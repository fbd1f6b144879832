using System.Globalization;
using CitySpiritAwards.Abstractions.Judging;
using CitySpiritAwards.Domain.Judging;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Judging;
using CitySpiritAwards.Web.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitySpiritAwards.Web.Pages.Committee;

/// <summary>
/// Scoring one entry: the nominee, district and story (never the nominator), each rubric criterion marked 1-10 with
/// radio buttons, a comment, save draft or submit (then on to the next entry), and declaring a conflict of interest.
/// Only for entries assigned to the signed-in member; any other entry is "not found".
/// </summary>
[Authorize(Policy = Roles.CommitteeMember)]
public sealed class EntryModel(JudgingServices services) : PageModel
{
    public const string MarkField = "marks.";

    public JudgeEntry? Entry { get; private set; }
    public Dictionary<string, string> Marks { get; private set; } = [];
    public string? Comment { get; private set; }
    public string? RecusalReason { get; private set; }
    public Dictionary<string, string> Errors { get; } = [];
    public string? Refusal { get; private set; }
    public string? Message { get; private set; }

    public bool IsOpen => Entry?.Item.ClosedBecause is null;

    public async Task<IActionResult> OnGetAsync(string campaignId, string entryId, string? saved)
    {
        if (!await LoadAsync(campaignId, entryId))
            return NotFound();
        Marks = Entry!.Sheet?.Marks.ToDictionary(m => m.Key, m => m.Value.ToString(CultureInfo.InvariantCulture)) ?? [];
        Comment = Entry.Sheet?.Comment;
        Message = saved switch
        {
            "draft" => services.Text["Judging.Message.DraftSaved"].Value,
            "submitted" => services.Text["Judging.Message.Submitted"].Value,
            "next" => services.Text["Judging.Message.SubmittedNext"].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string campaignId, string entryId, string? submit, string? comment)
    {
        if (!await LoadAsync(campaignId, entryId))
            return NotFound();
        Comment = comment;
        Marks = Entry!.Rubric.Criteria
            .Where(c => !string.IsNullOrEmpty(Request.Form[MarkField + c.Id]))
            .ToDictionary(c => c.Id, c => Request.Form[MarkField + c.Id].ToString());
        var marks = new Dictionary<string, int>();
        foreach (var (criterion, text) in Marks)
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var mark))
                marks[criterion] = mark;
            else
                Errors[criterion] = services.Problem(new ScoringProblem(criterion, ScoringRules.MarkOutOfRange));
        }
        if (Errors.Count > 0)
            return Page();

        var action = submit is null ? SheetAction.SaveDraft : SheetAction.Submit;
        var outcome = await services.Grains.GetGrain<IMemberScoresGrain>(JudgingKeys.For(campaignId, User.UserId()))
            .SaveAsync(entryId, marks, comment, action);
        foreach (var problem in outcome.Problems)
            Errors[problem.Field] = services.Problem(problem);
        Refusal = outcome.Refusal is { } refusal ? services.Refusal(refusal) : null;
        if (!outcome.Succeeded)
            return Page();

        if (action == SheetAction.SaveDraft)
            return Redirect($"{EntryPath(campaignId, entryId)}?saved=draft");
        return await services.NextToScoreAsync(campaignId, User.UserId(), entryId) is { } next
            ? Redirect($"{EntryPath(campaignId, next.EntryId)}?saved=next")
            : Redirect($"{EntryPath(campaignId, entryId)}?saved=submitted");
    }

    public async Task<IActionResult> OnPostRecuseAsync(string campaignId, string entryId, string? reason)
    {
        if (!await LoadAsync(campaignId, entryId))
            return NotFound();
        var outcome = await services.Grains.GetGrain<IJudgeAssignmentGrain>(JudgingKeys.For(campaignId, Entry!.Item.CategoryId))
            .RecuseAsync(entryId, User.UserId(), reason ?? "");
        if (outcome.Refusal is { } refusal)
        {
            RecusalReason = reason;
            Refusal = services.Refusal(refusal);
            Marks = Entry.Sheet?.Marks.ToDictionary(m => m.Key, m => m.Value.ToString(CultureInfo.InvariantCulture)) ?? [];
            Comment = Entry.Sheet?.Comment;
            return Page();
        }
        return Redirect($"/committee/{Uri.EscapeDataString(campaignId)}?recused={(outcome.MemberId is null ? "alone" : "replaced")}");
    }

    private static string EntryPath(string campaignId, string entryId) =>
        $"/committee/{Uri.EscapeDataString(campaignId)}/entries/{Uri.EscapeDataString(entryId)}";

    private async Task<bool> LoadAsync(string campaignId, string entryId)
    {
        Entry = await services.EntryAsync(campaignId, User.UserId(), entryId);
        return Entry is not null;
    }
}
