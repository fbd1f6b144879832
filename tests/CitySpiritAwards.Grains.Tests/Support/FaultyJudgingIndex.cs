using System.Collections.Concurrent;
using CitySpiritAwards.Grains.Judging;

namespace CitySpiritAwards.Grains.Tests.Support;

/// <summary>
/// The real judging tables' writer, with a switch: while a campaign's row writes are made to fail, its judging grains'
/// state is stored and their rows are not, exactly what a crash between the two writes leaves behind.
/// </summary>
public sealed class FaultyJudgingIndex(IJudgingIndex inner) : IJudgingIndex
{
    private readonly ConcurrentDictionary<string, bool> _failing = new();

    public void FailRowWritesOf(string campaignId) => _failing[campaignId] = true;

    public void Heal(string campaignId) => _failing.TryRemove(campaignId, out _);

    public Task MarkPendingAsync(string kind, string key, CancellationToken cancellationToken = default) => inner.MarkPendingAsync(kind, key, cancellationToken);

    public Task ForgetPendingAsync(string kind, string key, CancellationToken cancellationToken = default) => inner.ForgetPendingAsync(kind, key, cancellationToken);

    public Task WriteAssignmentAsync(AssignmentRows rows, CancellationToken cancellationToken = default) =>
        Failing(rows.CampaignId) ?? inner.WriteAssignmentAsync(rows, cancellationToken);

    public Task WriteSheetsAsync(SheetRows rows, CancellationToken cancellationToken = default) =>
        Failing(rows.CampaignId) ?? inner.WriteSheetsAsync(rows, cancellationToken);

    private Task? Failing(string campaignId) =>
        _failing.ContainsKey(campaignId) ? Task.FromException(new IOException($"The judging tables are unreachable for {campaignId} (as the test asked).")) : null;
}
