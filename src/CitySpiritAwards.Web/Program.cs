using CitySpiritAwards.Web;
using CitySpiritAwards.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();

// `dotnet run -- migrate` creates or updates the database schema, then exits (cluster mode).
if (args.Contains("migrate"))
{
    await app.Services.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
    return;
}

await app.Services.PrepareStorageAsync(app.Lifetime.ApplicationStopping);

// `dotnet run -- rebuild-read-tables` writes every read-table row again from the grains, then exits.
if (args.Contains("rebuild-read-tables"))
{
    await app.RebuildReadTablesAsync();
    return;
}

app.UseApplicationPipeline();
app.MapApplicationEndpoints();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
