using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Web.Tests.Support;

namespace CitySpiritAwards.Web.Tests.Site;

/// <summary>Embedded mode keeps everything in local files: stop the site, start it again, nothing is lost.</summary>
public sealed class RestartTests
{
    private const string AdminEmail = "admin@example.org";
    private const string AdminPassword = "Restart-test-1";

    private static Dictionary<string, string?> AdminSettings() => new()
    {
        ["Bootstrap:AdminEmail"] = AdminEmail,
        ["Bootstrap:AdminPassword"] = AdminPassword,
    };

    [Fact]
    public async Task A_phase_change_and_the_demo_campaign_survive_a_restart()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "csa-restart", Guid.NewGuid().ToString("N"));
        try
        {
            string firstSchedule;
            await using (var first = new AwardsAppFactory(AdminSettings(), dataPath))
            {
                var admin = await AdminClient.SignInAsync(first, AdminEmail, AdminPassword);
                var advanced = await admin.PostAsJsonAsync("/api/admin/campaigns/demo/phase", new { phase = "Screening" });
                advanced.EnsureSuccessStatusCode();
                firstSchedule = (await first.CreateClient().GetFromJsonAsync<JsonElement>("/api/campaigns/demo")).GetProperty("schedule").GetRawText();
            }

            await using var second = new AwardsAppFactory(AdminSettings(), dataPath);
            var campaign = await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/campaigns/demo");

            Assert.Equal("Screening", campaign.GetProperty("phase").GetString());
            // Seeding did not run again: the schedule is the one made on the first start.
            Assert.Equal(firstSchedule, campaign.GetProperty("schedule").GetRawText());
            // The account made on the first start still signs in.
            var admin2 = await AdminClient.SignInAsync(second, AdminEmail, AdminPassword);
            var audit = await admin2.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/demo/audit");
            Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("actor").GetString() == $"admin:{AdminEmail}");
        }
        finally
        {
            if (Directory.Exists(dataPath))
                Directory.Delete(dataPath, recursive: true);
        }
    }
}
