using Microsoft.Extensions.Options;

namespace CitySpiritAwards.Web.Photos.Processing;

/// <summary>The "Photos" configuration section: how many photos one silo decodes at once, and how long a photo waits for its turn.</summary>
public sealed class PhotoDecodeOptions
{
    public const string Section = "Photos";

    /// <summary>
    /// Half the cores (at least one): a decode keeps a core busy for up to a second or two and holds up to 160 MB, so
    /// the other half stays free for every other request, however many nominations arrive at once.
    /// </summary>
    public int MaxConcurrentDecodes { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>How long a photo waits for a decode slot before the nomination is refused as "busy, try again in a moment".</summary>
    public TimeSpan DecodeWait { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Bounds the photo decodes in flight on this silo (<see cref="PhotoDecodeOptions"/>). A photo that cannot get a slot
/// within the short wait is not decoded at all: its form is answered "busy" and nothing is stored.
/// </summary>
public sealed class PhotoDecodeGate(IOptions<PhotoDecodeOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentDecodes, options.Value.MaxConcurrentDecodes);

    /// <summary>A slot to decode one photo in, released by disposing it; null when none came free within the wait.</summary>
    public async Task<IDisposable?> TryEnterAsync(CancellationToken cancellationToken) =>
        await _slots.WaitAsync(options.Value.DecodeWait, cancellationToken) ? new Slot(_slots) : null;

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                slots.Release();
        }
    }
}
