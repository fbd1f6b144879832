namespace CitySpiritAwards.Web.Pages.Shared;

/// <summary>
/// What <c>_ConfirmTick</c> shows: the box a final step needs ticked (sent as <c>confirm</c>), its label saying what cannot
/// be undone, and what it is about for a screen reader when a page has several (an award, a nominee). A page that is sent
/// the step without the tick adds a model error under <see cref="Id"/>, shown beside the box and in the error summary.
/// </summary>
public sealed record ConfirmTick(string Id, string Label, string? Context = null);
