using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Grains.Voting;

/// <summary>
/// The silo's group-committing vote writer. Voter grains hand it their writes; it collects whatever has arrived
/// while its transactions were busy and commits it as one batch (one multi-row statement), then completes each
/// caller's task. A vote is acknowledged — and gets its receipt — only after its batch has committed.
/// Under light load each vote is committed on its own straight away; under a peak, batches grow by themselves,
/// so the database sees a few large transactions instead of thousands of small ones.
/// </summary>
public sealed class VoteWriter : IAsyncDisposable
{
    private readonly IVoteLedger _ledger;
    private readonly ILogger<VoteWriter> _logger;
    private readonly int _maxBatch;
    private readonly int _attempts;
    private readonly int _concurrency;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    // The free writer slots. A slot's number is also the tally shard its batches add to.
    private readonly Channel<int> _slots;
    private readonly Task _loop;
    private long _batches;
    private long _writes;

    public VoteWriter(IVoteLedger ledger, IOptions<VotingOptions> options, ILogger<VoteWriter> logger)
        : this(ledger, options.Value, options.Value.MaxConcurrentBatches, logger)
    {
    }

    public VoteWriter(IVoteLedger ledger, VotingOptions options, int concurrency, ILogger<VoteWriter> logger)
    {
        _ledger = ledger;
        _logger = logger;
        _maxBatch = Math.Max(1, options.MaxBatchSize);
        _attempts = Math.Max(1, options.CommitAttempts);
        _concurrency = Math.Max(1, concurrency);
        _slots = Channel.CreateBounded<int>(_concurrency);
        for (var slot = 0; slot < _concurrency; slot++)
            _slots.Writer.TryWrite(slot);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Batches committed and writes in them since the start, for logs and the benchmark.</summary>
    public (long Batches, long Writes) Totals => (Interlocked.Read(ref _batches), Interlocked.Read(ref _writes));

    /// <summary>Completes once the write is committed, with the receipt of the vote it counted (see <see cref="IVoteLedger.CommitAsync"/>).</summary>
    public Task<string?> WriteAsync(VoteWrite write)
    {
        var pending = new Pending(write);
        if (!_queue.Writer.TryWrite(pending))
            throw new InvalidOperationException("The vote writer has stopped: this silo is shutting down.");
        return pending.Done.Task;
    }

    private async Task RunAsync()
    {
        var queue = _queue.Reader;
        while (await queue.WaitToReadAsync())
        {
            var slot = await _slots.Reader.ReadAsync();
            var batch = new List<Pending>();
            while (batch.Count < _maxBatch && queue.TryRead(out var pending))
                batch.Add(pending);
            if (batch.Count == 0)
            {
                _slots.Writer.TryWrite(slot);
                continue;
            }
            _ = Task.Run(() => CommitAsync(batch, slot));
        }
        // Stopping: wait until every batch in flight has committed (or failed) and handed its slot back.
        for (var i = 0; i < _concurrency; i++)
            await _slots.Reader.ReadAsync();
    }

    private async Task CommitAsync(List<Pending> batch, int slot)
    {
        try
        {
            var writes = batch.Select(p => p.Write).ToList();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    var receipts = await _ledger.CommitAsync(writes, slot, CancellationToken.None);
                    Interlocked.Increment(ref _batches);
                    Interlocked.Add(ref _writes, batch.Count);
                    for (var i = 0; i < batch.Count; i++)
                        batch[i].Done.TrySetResult(receipts[i]);
                    return;
                }
                catch (Exception exception) when (attempt < _attempts)
                {
                    _logger.LogWarning(exception, "A batch of {Count} votes did not commit (attempt {Attempt} of {Attempts}); trying again", batch.Count, attempt, _attempts);
                    await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt));
                }
            }
        }
        catch (Exception exception)
        {
            _logger.LogError(exception, "A batch of {Count} votes could not be stored; none of them was acknowledged", batch.Count);
            foreach (var pending in batch)
                pending.Done.TrySetException(exception);
        }
        finally
        {
            _slots.Writer.TryWrite(slot);
        }
    }

    /// <summary>Stops taking writes and returns once everything already handed over is committed.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed class Pending(VoteWrite write)
    {
        public VoteWrite Write { get; } = write;
        public TaskCompletionSource<string?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
