using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Tests.Support;
using CitySpiritAwards.Web.Tests.Voting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Fraud;

/// <summary>
/// Requests reach the site as they do behind a reverse proxy on the same machine: the connection comes from loopback (a
/// trusted proxy by default), so the site's own forwarded-headers handling takes the client address from X-Forwarded-For.
/// </summary>
public sealed class LoopbackProxy : IStartupFilter
{
    public static void AddTo(IServiceCollection services) => services.AddSingleton<IStartupFilter, LoopbackProxy>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}

/// <summary>A confirmed resident, signed in (its cookie); every request of its clients comes from <see cref="Address"/>.</summary>
public sealed record Voter(string AccountId, string Address, string Cookie, HttpClient Client)
{
    /// <summary>A client for this voter through another instance of the site.</summary>
    public HttpClient Via(AwardsAppFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("Cookie", Cookie);
        client.DefaultRequestHeaders.Add("X-Forwarded-For", Address);
        return client;
    }

    /// <summary>Votes for an entry (through <paramref name="via"/>, else its own client) and returns the receipt.</summary>
    public async Task<string> VoteAsync(VotingCampaign campaign, string entryId, HttpClient? via = null)
    {
        var response = await campaign.VoteAsync(via ?? Client, entryId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("receipt").GetString()!;
    }
}

public static class FraudVoters
{
    /// <summary>A resident registered and confirmed through the real pages, whose account's creation time is then set to <paramref name="createdAt"/>.</summary>
    public static async Task<Voter> CreateAsync(AwardsAppFactory app, string address, DateTimeOffset createdAt)
    {
        var browser = new AccountBrowser(app);
        var email = AccountBrowser.NewEmail("fraud");
        await browser.RegisterAndConfirmAsync(email, VotingCampaign.ResidentPassword);
        var signedIn = await browser.SignInAsync(email, VotingCampaign.ResidentPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".CitySpiritAwards.Account=")).Split(';')[0];
        var accountId = await SetCreatedAtAsync(app, email, createdAt);
        var voter = new Voter(accountId, address, cookie, null!);
        return voter with { Client = voter.Via(app) };
    }

    public static async Task<string> SetCreatedAtAsync(AwardsAppFactory app, string email, DateTimeOffset createdAt)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AwardsUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.CreatedAt = createdAt;
        Assert.True((await users.UpdateAsync(user)).Succeeded);
        return user.Id;
    }

    public static async Task<string> ReceiptStatusAsync(HttpClient client, string receipt) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/votes/receipts/{receipt}")).GetProperty("status").GetString()!;
}
