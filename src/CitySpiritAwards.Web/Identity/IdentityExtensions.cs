using CitySpiritAwards.Web.Hosting;
using CitySpiritAwards.Web.Identity.Email;
using CitySpiritAwards.Web.Identity.Sms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Identity;

public static class IdentityExtensions
{
    public const string BootstrapAdminEmailKey = "Bootstrap:AdminEmail";
    public const string BootstrapAdminPasswordKey = "Bootstrap:AdminPassword";

    /// <summary>
    /// Accounts: the <see cref="AwardsDbContext"/> store, ASP.NET Core Identity with roles, the sign-in cookie,
    /// the email sender, one authorization policy per role, the "signup" rate limiter policy and the data protection key ring.
    /// </summary>
    public static IHostApplicationBuilder AddAwardsIdentity(this IHostApplicationBuilder builder, HostingOptions hosting)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddDbContext<AwardsDbContext>(options =>
        {
            if (hosting.IsEmbedded)
                options.UseSqlite($"Data Source={Path.Combine(hosting.DataFolder("accounts"), "accounts.db")}");
            else
                options.UseNpgsql(HostingOptions.PostgresConnectionString(configuration));
        });

        services.AddIdentity<AwardsUser, IdentityRole>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.User.AllowedUserNameCharacters = ""; // the user name is the email address, validated as such
                // Length and a list of common passwords over composition rules (NIST SP 800-63B): easier for the public, no weaker.
                options.Password.RequiredLength = 10;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                // Applied per (address, client network) by SignInGuard, never to the account as a whole.
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AwardsDbContext>()
            .AddClaimsPrincipalFactory<AwardsClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();
        services.AddSingleton<CommonPasswords>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.LogoutPath = "/account/logout";
            cookie.AccessDeniedPath = "/account/access-denied";
            cookie.Cookie.Name = ".CitySpiritAwards.Account";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromDays(14);
            cookie.SlidingExpiration = true;
            // The JSON API answers 401/403 instead of redirecting to an HTML page.
            cookie.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
            cookie.Events.OnValidatePrincipal = ValidatePrincipalAsync;
        });

        var authorization = services.AddAuthorizationBuilder();
        foreach (var role in Roles.All)
            authorization.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));

        services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.PublicOrigin) || Uri.TryCreate(o.PublicOrigin, UriKind.Absolute, out _),
                "Account:PublicOrigin must be an absolute URL such as https://awards.example.org.")
            .Validate(o => o.SignupPermitLimit > 0 && o.SignupWindow > TimeSpan.Zero,
                "Account:SignupPermitLimit and Account:SignupWindow must be positive.")
            .Validate(o => o.SignInFailuresPerNetwork > 0 && o.SignInFailuresPerAccount > 0 && o.SignInWindow > TimeSpan.Zero,
                "Account:SignInFailuresPerNetwork, Account:SignInFailuresPerAccount and Account:SignInWindow must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, SignupRateLimiterPolicy>(SignupRateLimiterPolicy.Name));
        services.AddSingleton<SignInGuard>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section)
            .Validate(o => !o.IsConfigured || !string.IsNullOrWhiteSpace(o.From), "Smtp:From is required when Smtp:Host is set.")
            .ValidateOnStart();
        var smtpConfigured = !string.IsNullOrWhiteSpace(configuration[$"{SmtpOptions.Section}:{nameof(SmtpOptions.Host)}"]);
        if (smtpConfigured)
            services.AddSingleton<IEmailSender, SmtpEmailSender>();
        else
            services.AddSingleton<IEmailSender>(sp => new OutboxEmailSender(
                hosting.DataFolder("outbox"),
                sp.GetRequiredService<IOptions<SmtpOptions>>(),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<OutboxEmailSender>>()));
        services.AddSms(configuration, hosting);
        services.AddSingleton<AccountEmails>();
        services.AddSingleton<LinkOrigin>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<AccountData>();
        services.AddScoped<StaffRoles>();
        services.AddSingleton<SignedOutSessions>();
        services.AddScoped<AccountSessions>();

        // Sign-in cookies and confirmation links are protected with this key ring; all silos must share it.
        var dataProtection = services.AddDataProtection().SetApplicationName("CitySpiritAwards");
        if (hosting.IsEmbedded)
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(hosting.DataFolder("keys")));
        else
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
                options => options.XmlRepository = new DataProtectionKeyStore(sp.GetRequiredService<IServiceScopeFactory>())));

        return builder;
    }

    /// <summary>
    /// Identity's security stamp check, which it makes at most once per <see cref="SecurityStampValidatorOptions.ValidationInterval"/>
    /// per cookie. Resolving the validator builds a UserManager, a SignInManager and a DbContext, so it is resolved only
    /// when a check is due (the same test the validator makes), not on every request: under a peak of votes that
    /// construction was a good part of each request's cost. A cookie that signing out ended (<see cref="SignedOutSessions"/>,
    /// a lookup in memory) is checked at once instead, and so refused: its account's stamp has changed.
    /// </summary>
    private static async Task ValidatePrincipalAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var signedOut = services.GetRequiredService<SignedOutSessions>();
        if (signedOut.MustCheckNow(context.Principal, context.Properties))
        {
            var signIn = services.GetRequiredService<SignInManager<AwardsUser>>();
            if (await signIn.ValidateSecurityStampAsync(context.Principal) is null)
            {
                context.RejectPrincipal();
                await signIn.SignOutAsync();
                return;
            }
            signedOut.Passed(context.Principal!);
        }
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        if (context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval)
            return;
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Creates the account tables if missing, the roles, and the first administrator from
    /// <c>Bootstrap:AdminEmail</c> / <c>Bootstrap:AdminPassword</c>. Idempotent; in cluster mode run it under a lock.
    /// </summary>
    public static async Task PrepareIdentityAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdentityExtensions).FullName!);
        var db = provider.GetRequiredService<AwardsDbContext>();

        await CreateSchemaAsync(db, logger, cancellationToken);

        var roles = provider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (await roles.RoleExistsAsync(role))
                continue;
            var created = await roles.CreateAsync(new IdentityRole(role));
            if (!created.Succeeded && !await roles.RoleExistsAsync(role))
                throw new InvalidOperationException($"Could not create role {role}: {Describe(created)}");
        }

        await BootstrapAdministratorAsync(provider, logger, cancellationToken);
        WarnWhenEmailLinksNeedAnOrigin(provider, logger);
    }

    /// <summary>
    /// Outside Development, a site reached by its public name needs Account:PublicOrigin (or AllowedHosts): without either, account
    /// emails are sent only for requests to a loopback host (see <see cref="LinkOrigin"/>). Said once at start, not first by a visitor.
    /// </summary>
    private static void WarnWhenEmailLinksNeedAnOrigin(IServiceProvider provider, ILogger logger)
    {
        var options = provider.GetRequiredService<IOptions<AccountOptions>>().Value;
        if (provider.GetRequiredService<IHostEnvironment>().IsDevelopment() || !string.IsNullOrWhiteSpace(options.PublicOrigin)
            || provider.GetRequiredService<LinkOrigin>().HostsAreFiltered)
            return;
        logger.LogWarning(
            "Account:PublicOrigin is not set (env Account__PublicOrigin), nor AllowedHosts: emails with links (confirmation, nominee consent) "
            + "are sent only for requests to localhost. Set it to the site's public address, e.g. https://awards.example.org.");
    }

    private static async Task CreateSchemaAsync(AwardsDbContext db, ILogger logger, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            if (await db.Database.EnsureCreatedAsync(ct))
                logger.LogInformation("Created the accounts database.");
            return;
        }

        // PostgreSQL: the database also holds Orleans and Hangfire tables, so EnsureCreated would do nothing.
        var exists = await db.Database
            .SqlQuery<bool>($"SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'AspNetUsers') AS \"Value\"")
            .SingleAsync(ct);
        if (exists)
            return;
        await db.GetService<IRelationalDatabaseCreator>().CreateTablesAsync(ct);
        logger.LogInformation("Created the account tables.");
    }

    private static async Task BootstrapAdministratorAsync(IServiceProvider provider, ILogger logger, CancellationToken ct)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        var users = provider.GetRequiredService<UserManager<AwardsUser>>();
        var email = configuration[BootstrapAdminEmailKey]?.Trim();
        var password = configuration[BootstrapAdminPasswordKey];

        if (string.IsNullOrEmpty(email))
        {
            var administrators = await users.GetUsersInRoleAsync(Roles.Administrator);
            if (administrators.Count == 0)
                logger.LogInformation(
                    "There is no administrator yet. To create one, set {EmailKey} and {PasswordKey} (environment variables Bootstrap__AdminEmail and Bootstrap__AdminPassword) and restart. "
                    + "The account is created once, with its email already confirmed; its password is never changed afterwards, so the settings can then be removed.",
                    BootstrapAdminEmailKey, BootstrapAdminPasswordKey);
            return;
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (await users.IsInRoleAsync(existing, Roles.Administrator))
                return;
            if (!existing.EmailConfirmed)
            {
                // Someone else may have registered this address and chosen its password: do not make that an administrator.
                logger.LogWarning(
                    "{EmailKey} names an account whose email is not confirmed, so it was not made an administrator. Confirm the email (or delete the account) and restart.",
                    BootstrapAdminEmailKey);
                return;
            }
            Check(await users.AddToRoleAsync(existing, Roles.Administrator), "give the Administrator role to the bootstrap account");
            logger.LogInformation("Gave the Administrator role to the existing account named by {EmailKey}.", BootstrapAdminEmailKey);
            return;
        }

        if (string.IsNullOrEmpty(password))
        {
            logger.LogWarning("{EmailKey} is set but {PasswordKey} is not: no administrator was created.", BootstrapAdminEmailKey, BootstrapAdminPasswordKey);
            return;
        }

        var time = provider.GetRequiredService<TimeProvider>();
        var user = new AwardsUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            CreatedAt = time.GetUtcNow(),
        };
        Check(await users.CreateAsync(user, password), $"create the administrator from {BootstrapAdminEmailKey}/{BootstrapAdminPasswordKey}");
        Check(await users.AddToRoleAsync(user, Roles.Administrator), "give the Administrator role to the bootstrap account");
        logger.LogInformation("Created the administrator account named by {EmailKey}. Its password will not be changed by later starts.", BootstrapAdminEmailKey);
    }

    private static void Check(IdentityResult result, string action)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not {action}: {Describe(result)}");
    }

    private static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => $"[{e.Code}] {e.Description}"));
}
