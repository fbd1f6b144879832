using CitySpiritAwards.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CitySpiritAwards.Web.Tests.Accounts;

/// <summary>
/// One site shared by the account tests; each test uses its own addresses. Its requests all come from one (unknown) client
/// network, so the sign-up and sign-in limits per network are raised so tests do not meet them; the lockout per address is not.
/// </summary>
public sealed class AccountsSite : IAsyncLifetime
{
    public const string Collection = "Accounts";

    public AwardsAppFactory App { get; } = new(new Dictionary<string, string?>
    {
        ["Account:SignupPermitLimit"] = "1000",
        ["Account:SignInFailuresPerNetwork"] = "1000",
        ["Account:SignInFailuresPerAccount"] = "1000",
    });

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    /// <summary>Runs <paramref name="test"/> against a site of its own, started with <paramref name="settings"/> and removed afterwards.</summary>
    public static async Task WithOwnSiteAsync(
        Dictionary<string, string?>? settings, Func<AwardsAppFactory, Task> test, string? dataPath = null, Action<IServiceCollection>? replaceServices = null)
    {
        var app = new AwardsAppFactory(settings, dataPath) { ReplaceServices = replaceServices };
        try
        {
            await app.InitializeAsync();
            await test(app);
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
        }
    }
}

[CollectionDefinition(AccountsSite.Collection)]
public sealed class AccountsCollection : ICollectionFixture<AccountsSite>;
