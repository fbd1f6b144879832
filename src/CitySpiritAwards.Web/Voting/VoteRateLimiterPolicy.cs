using System.Security.Claims;
using System.Threading.RateLimiting;
using CitySpiritAwards.Grains.Voting;
using CitySpiritAwards.Web.Identity;
using CitySpiritAwards.Web.Shared;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Voting;

/// <summary>
/// Rate limiter policy "vote" for the requests that cast, move or withdraw a vote (API and page): a fixed window of
/// <see cref="VotingOptions.PermitsPerNetwork"/> per client network (IPv4 address, IPv6 /64) and of
/// <see cref="VotingOptions.PermitsPerVoter"/> per account. GETs are never limited. Refusals are 429 with a
/// Retry-After header: problem+json for the API, a page for forms, in the reader's language.
/// </summary>
public sealed class VoteRateLimiterPolicy : IRateLimiterPolicy<string>, IDisposable
{
    public const string Name = "vote";

    private readonly VotingOptions _options;
    private readonly PartitionedRateLimiter<string> _networks;
    private readonly RateLimiter _refuse;

    public VoteRateLimiterPolicy(IOptions<VotingOptions> options)
    {
        _options = options.Value;
        _networks = PartitionedRateLimiter.Create<string, string>(network => RateLimitPartition.GetFixedWindowLimiter(network, _ => Window(_options.PermitsPerNetwork)));
        _refuse = new RefusingLimiter(_options.RateWindow);
    }

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        if (!HttpMethods.IsPost(httpContext.Request.Method))
            return RateLimitPartition.GetNoLimiter("");

        // The network's window is checked here, once per request; the account's is the partition the middleware keeps.
        using (var network = _networks.AttemptAcquire(SignupRateLimiterPolicy.ClientKey(httpContext.Connection.RemoteIpAddress)))
        {
            if (!network.IsAcquired)
                return RateLimitPartition.Get("network-refused", _ => _refuse);
        }
        var voter = httpContext.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        return RateLimitPartition.GetFixedWindowLimiter("voter:" + voter, _ => Window(_options.PermitsPerVoter));
    }

    private FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = _options.RateWindow,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, ct) =>
        TooManyRequests.WriteAsync(context, "Vote", backToForm: true, ct);

    public void Dispose()
    {
        _networks.Dispose();
        _refuse.Dispose();
    }

    /// <summary>The limiter of requests whose network has used up its window: refuses, saying when to come back.</summary>
    private sealed class RefusingLimiter(TimeSpan retryAfter) : RateLimiter
    {
        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => new Refused(retryAfter);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult<RateLimitLease>(new Refused(retryAfter));

        private sealed class Refused(TimeSpan retryAfter) : RateLimitLease
        {
            public override bool IsAcquired => false;

            public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
                return metadata is not null;
            }
        }
    }
}
