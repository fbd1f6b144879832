namespace CitySpiritAwards.Web.Pages.Shared;

/// <summary>What <c>_PhotoStrip</c> shows; the consent token lets a nominee without an account see the photos.</summary>
public sealed record PhotoStrip(string NominationId, string NomineeName, IReadOnlyList<string> PhotoIds, string? ConsentToken = null);
