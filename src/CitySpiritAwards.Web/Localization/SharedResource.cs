namespace CitySpiritAwards.Web.Localization;

/// <summary>Marker type for the site's one set of strings: <c>@inject IStringLocalizer&lt;SharedResource&gt; L</c>.</summary>
public sealed class SharedResource;
