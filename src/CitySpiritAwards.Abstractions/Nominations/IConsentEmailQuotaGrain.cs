using System.Security.Cryptography;
using System.Text;

namespace CitySpiritAwards.Abstractions.Nominations;

/// <summary>
/// Counts the consent emails sent to one recipient address, or for one nominator's account, over a sliding window.
/// One activation in the cluster takes one call at a time, so racing submissions on several silos cannot send more
/// than the limit. Addresses are keyed by a hash, so no grain id or storage path spells one out.
/// </summary>
[Alias("CitySpiritAwards.IConsentEmailQuotaGrain")]
public interface IConsentEmailQuotaGrain : IGrainWithStringKey
{
    /// <summary>The grain of a recipient address: trimmed and lower-cased, so "Lin@Example.cn" and "lin@example.cn" are one inbox.</summary>
    static string ForAddress(string email) =>
        "address:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant())));

    static string ForAccount(string accountId) => "account:" + accountId;

    /// <summary>Takes one send if fewer than <paramref name="limit"/> were taken in the last <paramref name="window"/>.</summary>
    [Alias("TryTake")]
    Task<EmailAllowance> TryTakeAsync(int limit, TimeSpan window);

    /// <summary>Returns a send taken at <paramref name="takenAt"/> that did not happen (another limit refused it).</summary>
    [Alias("GiveBack")]
    Task GiveBackAsync(DateTimeOffset takenAt);

    /// <summary>When one more send is possible; null when it is now.</summary>
    [Alias("NextFree")]
    Task<DateTimeOffset?> NextFreeAsync(int limit, TimeSpan window);
}

/// <param name="TakenAt">When the granted send was counted (to give it back with).</param>
/// <param name="AllowedFrom">When refused: the first moment one more send is possible.</param>
[GenerateSerializer, Immutable, Alias("CitySpiritAwards.EmailAllowance")]
public sealed record EmailAllowance(
    [property: Id(0)] bool Granted,
    [property: Id(1)] DateTimeOffset TakenAt,
    [property: Id(2)] DateTimeOffset? AllowedFrom);
