namespace CitySpiritAwards.Web.Hosting;

public static class Logging
{
    /// <summary>Structured JSON logs when "Logging:Json" is true (servers, containers); readable text otherwise.</summary>
    public static ILoggingBuilder AddJsonConsoleWhenConfigured(this ILoggingBuilder logging, IConfiguration configuration)
    {
        if (configuration.GetValue("Logging:Json", false))
        {
            logging.ClearProviders();
            logging.AddJsonConsole(options => options.IncludeScopes = true);
        }
        return logging;
    }
}
