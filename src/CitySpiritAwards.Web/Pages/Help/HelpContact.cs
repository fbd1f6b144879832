namespace CitySpiritAwards.Web.Pages.Help;

/// <summary>Where residents write with questions and to use their rights: "Site:ContactEmail", set by the organiser.</summary>
public static class HelpContact
{
    public const string Setting = "Site:ContactEmail";
    public const string Default = "awards@example.org";

    public static string Email(IConfiguration configuration) =>
        configuration[Setting] is { Length: > 0 } email ? email : Default;
}
