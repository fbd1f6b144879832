namespace CitySpiritAwards.Grains.Tests.Cluster;

/// <summary>Waits for something Orleans does in the background (membership gossip), with a deadline.</summary>
public static class Poll
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow >= deadline)
                return value;
            await Task.Delay(100);
        }
    }
}
