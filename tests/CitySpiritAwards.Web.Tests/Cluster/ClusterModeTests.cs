using CitySpiritAwards.Domain.Seeds;
using CitySpiritAwards.Storage.Nominations;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Abstractions.Campaigns;
using CitySpiritAwards.Testing;
using CitySpiritAwards.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Cluster;

/// <summary>Cluster mode against real PostgreSQL and Azurite: two instances form one cluster.</summary>
[Collection(ServersCollection.Name)]
public sealed class ClusterModeTests(ServersFixture servers) : IAsyncLifetime
{
    private readonly ClusterSite _site = new(servers);

    public Task InitializeAsync() => _site.InitializeAsync();

    public Task DisposeAsync() => _site.DisposeAsync();

    [Fact]
    public async Task Both_instances_see_a_cluster_of_two_active_silos()
    {
        foreach (var instance in new[] { _site.First, _site.Second })
        {
            var admin = await AdminClient.SignInAsync(instance, ClusterSite.AdminEmail, ClusterSite.AdminPassword);
            var members = await Eventually.GetAsync(
                async () => await admin.GetFromJsonAsync<JsonElement>("/api/admin/cluster"),
                silos => silos.EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active") == 2);
            Assert.Equal(2, members.EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Active"));
        }
    }

    [Fact]
    public async Task A_grain_activated_through_one_instance_is_the_same_activation_through_the_other()
    {
        var viaFirst = _site.First.Services.GetRequiredService<IGrainFactory>();
        var viaSecond = _site.Second.Services.GetRequiredService<IGrainFactory>();
        var campaign = viaFirst.GetGrain<ICampaignGrain>("demo");
        await campaign.GetAsync();

        var whereFirstSees = await viaFirst.GetGrain<IManagementGrain>(0).GetActivationAddress(campaign);
        var whereSecondSees = await viaSecond.GetGrain<IManagementGrain>(0).GetActivationAddress(viaSecond.GetGrain<ICampaignGrain>("demo"));

        Assert.NotNull(whereFirstSees);
        Assert.Equal(whereFirstSees, whereSecondSees);
    }

    [Fact]
    public async Task A_phase_change_made_through_one_instance_is_seen_through_the_other()
    {
        var admin = await AdminClient.SignInAsync(_site.First, ClusterSite.AdminEmail, ClusterSite.AdminPassword);

        var advanced = await admin.PostAsJsonAsync("/api/admin/campaigns/demo/phase", new { phase = "Screening" });
        advanced.EnsureSuccessStatusCode();

        var seen = await _site.Second.CreateClient().GetFromJsonAsync<JsonElement>("/api/campaigns/demo");
        Assert.Equal("Screening", seen.GetProperty("phase").GetString());
    }

    [Fact]
    public async Task Both_instances_are_ready_with_postgres_blobs_and_the_cluster_and_only_administrators_read_which()
    {
        foreach (var instance in new[] { _site.First, _site.Second })
        {
            var anonymous = await instance.CreateClient().GetFromJsonAsync<JsonElement>("/health/ready");
            var admin = await AdminClient.SignInAsync(instance, ClusterSite.AdminEmail, ClusterSite.AdminPassword);
            var ready = await admin.GetFromJsonAsync<JsonElement>("/health/ready");

            Assert.Equal("Healthy", anonymous.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("checks").GetProperty("database").GetProperty("description").ValueKind);
            Assert.DoesNotContain("Npgsql", anonymous.GetRawText());
            Assert.Equal("Healthy", ready.GetProperty("status").GetString());
            Assert.Contains("Npgsql", ready.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
            Assert.Equal("BlobPhotoStore", ready.GetProperty("checks").GetProperty("photos").GetProperty("description").GetString());
        }
    }

    [Fact]
    public async Task The_demo_campaign_is_seeded_once_even_though_two_instances_started()
    {
        var campaigns = await _site.Second.CreateClient().GetFromJsonAsync<JsonElement>("/api/campaigns");
        var listed = await _site.First.Services.GetRequiredService<NominationQueries>().ModerationAsync("demo", new ModerationFilter(Status: null), 1, 200);
        var seeded = _site.First.Services.GetRequiredService<SeedData>().DemoCampaign.Nominations;
        var gallery = await _site.Second.CreateClient().GetFromJsonAsync<JsonElement>("/api/campaigns/demo/nominations?pageSize=48");

        Assert.Single(campaigns.EnumerateArray(), c => c.GetProperty("id").GetString() == "demo");
        Assert.Equal(seeded.Select(n => n.Id).Order(), listed.Items.Select(n => n.Id).Order());
        Assert.Equal(listed.Items.Select(n => n.Id).Order(), gallery.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).Order());
    }

    [Fact]
    public async Task One_residents_racing_nominations_through_both_silos_stop_at_the_campaigns_limit()
    {
        // Signed in on the first instance; the shared key ring makes the same cookie valid on the second.
        var email = AccountBrowser.NewEmail("racer");
        var onFirst = new AccountBrowser(_site.First);
        await onFirst.RegisterAndConfirmAsync(email, "Racing-pass-1");
        var signedIn = await onFirst.SignInAsync(email, "Racing-pass-1");
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".CitySpiritAwards.Account=")).Split(';')[0];
        var onSecond = _site.Second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        onSecond.DefaultRequestHeaders.Add("Cookie", cookie);

        var attempts = Enumerable.Range(0, 16).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns/demo/nominations")
            {
                Content = JsonContent.Create(new
                {
                    categoryId = "wisdom", districtId = "yangpu", nomineeName = $"邻居{i:00}号", relationship = "neighbour",
                    storyEn = "Runs a weekly repair cafe in the lane and teaches the children how to fix what they break, every Sunday.",
                    nomineeEmail = $"nominee{i}@example.org", photoCount = 0,
                }),
            };
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return (i % 2 == 0 ? onFirst.Client : onSecond).SendAsync(request);
        });
        var responses = await Task.WhenAll(attempts);

        // The demo campaign allows 5 nominations per resident.
        Assert.Equal(5, responses.Count(r => r.StatusCode == System.Net.HttpStatusCode.Created));
        Assert.Equal(11, responses.Count(r => r.StatusCode == System.Net.HttpStatusCode.Conflict));
        Assert.Equal(5, (await onSecond.GetFromJsonAsync<JsonElement>("/api/campaigns/demo/nominations/mine")).GetArrayLength());
    }

    [Fact]
    public async Task A_photo_nominated_through_one_instance_is_in_blob_storage_and_private_through_the_other()
    {
        var email = AccountBrowser.NewEmail("photographer");
        var onFirst = new AccountBrowser(_site.First);
        await onFirst.RegisterAndConfirmAsync(email, "Photo-pass-1");
        var signedIn = await onFirst.SignInAsync(email, "Photo-pass-1");
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".CitySpiritAwards.Account=")).Split(';')[0];
        var form = new MultipartFormDataContent
        {
            { new StringContent("excellence"), "categoryId" }, { new StringContent("minhang"), "districtId" },
            { new StringContent("司机老周"), "nomineeName" }, { new StringContent("customer"), "relationship" },
            { new StringContent("Drove the 2 bus for twenty years without an accident and still waits for every running passenger at each stop."), "storyEn" },
            { new StringContent("zhou@example.org"), "nomineeEmail" },
            { new ByteArrayContent(Photos.Processing.TestImages.Encode(1000, 750, ImageMagick.MagickFormat.Jpeg)), "photos", "bus.jpg" },
        };
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/campaigns/demo/nominations") { Content = form };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        var created = await (await onFirst.Client.SendAsync(request)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();

        var id = created.GetProperty("id").GetString()!;
        var photoId = created.GetProperty("photoIds")[0].GetString()!;
        var blobs = new Azure.Storage.Blobs.BlobContainerClient(servers.Azurite.ConnectionString, CitySpiritAwards.Web.Photos.PhotoStoreExtensions.ContainerName);
        Assert.True((await blobs.GetBlobClient($"nominations/{id}/{photoId}-thumb.jpg").ExistsAsync()).Value);
        Assert.True((await blobs.GetBlobClient($"nominations/{id}/{photoId}-display.jpg").ExistsAsync()).Value);
        var onSecond = _site.Second.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        onSecond.DefaultRequestHeaders.Add("Cookie", cookie);
        var own = await onSecond.GetAsync($"/photos/{id}/{photoId}/display");
        Assert.Equal(System.Net.HttpStatusCode.OK, own.StatusCode);
        Assert.Equal("image/jpeg", own.Content.Headers.ContentType!.MediaType);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await _site.Second.CreateClient().GetAsync($"/photos/{id}/{photoId}/display")).StatusCode);
    }
}
