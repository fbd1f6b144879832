using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Identity;

public enum SignInVerdict
{
    /// <summary>Check the password.</summary>
    Open,
    /// <summary>429: too many failed sign-ins from this network, or for this address from networks that have failed for it.</summary>
    Throttled,
    /// <summary>This network has failed for this address too often: refused without checking the password.</summary>
    LockedOut,
}

public readonly record struct SignInCheck(SignInVerdict Verdict, TimeSpan RetryAfter = default);

/// <summary>
/// Guards sign-in against guessing without letting anyone lock the owner out. The design: no lockout is global. Identity's
/// lockout settings (5 failures, 15 minutes) apply to an (address typed, client network) pair, so failures from one network
/// never refuse a correct password from a network that has not been failing; a global lockout would let anyone keep the
/// administrator out for ever by typing wrong passwords. On top of that, two throttles answer 429:
/// <list type="bullet">
/// <item>per client network (IPv4 /24, IPv6 /64): <see cref="AccountOptions.SignInFailuresPerNetwork"/> failed sign-ins per
/// <see cref="AccountOptions.SignInWindow"/>, whatever the addresses, so one network cannot spray or hammer;</item>
/// <item>per address: <see cref="AccountOptions.SignInFailuresPerAccount"/> failures per window from all networks together,
/// applied only to networks that have themselves failed for the address, so a guesser with many networks gets about one try
/// per network, and the owner on a network that has not been failing still gets in.</item>
/// </list>
/// Only failures count (a successful sign-in costs nothing): many people behind one carrier-grade NAT signing in at the
/// voting peak are not held back. The same happens for an address with no account as for one with, so none of this tells
/// which addresses are registered. Counts are kept in memory per silo: behind a load balancer each silo counts on its own.
/// </summary>
public sealed class SignInGuard
{
    private readonly FailureCounts _networks;
    private readonly FailureCounts _accounts;
    private readonly FailureCounts _pairs;

    public SignInGuard(IOptions<AccountOptions> account, IOptions<IdentityOptions> identity, TimeProvider time)
    {
        var options = account.Value;
        _networks = new(options.SignInWindow, options.SignInFailuresPerNetwork, time);
        _accounts = new(options.SignInWindow, options.SignInFailuresPerAccount, time);
        _pairs = new(identity.Value.Lockout.DefaultLockoutTimeSpan, identity.Value.Lockout.MaxFailedAccessAttempts, time);
    }

    public SignInCheck Check(string email, string network)
    {
        var account = Normalize(email);
        var pair = Pair(account, network);
        if (_networks.RefusedFor(network) is { } networkWait)
            return new(SignInVerdict.Throttled, networkWait);
        if (_pairs.RefusedFor(pair) is { } lockedFor)
            return new(SignInVerdict.LockedOut, lockedFor);
        if (_pairs.HasFailed(pair) && _accounts.RefusedFor(account) is { } accountWait)
            return new(SignInVerdict.Throttled, accountWait);
        return new(SignInVerdict.Open);
    }

    /// <summary>A wrong password, or an address with no account. Returns how long the pair is now locked out, if it is.</summary>
    public TimeSpan? Failed(string email, string network)
    {
        var account = Normalize(email);
        var pair = Pair(account, network);
        _networks.Add(network);
        _accounts.Add(account);
        _pairs.Add(pair);
        return _pairs.RefusedFor(pair);
    }

    /// <summary>An attempt refused as locked out still counts against its network, so hammering one address ends in 429.</summary>
    public void Refused(string network) => _networks.Add(network);

    /// <summary>The right password: this network's failures for the address are forgiven.</summary>
    public void Succeeded(string email, string network) => _pairs.Clear(Pair(Normalize(email), network));

    private static string Normalize(string email) => email.Trim().ToUpperInvariant();

    private static string Pair(string account, string network) => account + "\n" + network;
}
