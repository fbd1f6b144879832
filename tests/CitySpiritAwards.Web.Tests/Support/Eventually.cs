namespace CitySpiritAwards.Web.Tests.Support;

/// <summary>
/// For what converges on its own schedule outside the test's control (cluster membership gossip):
/// re-reads until the condition holds or a deadline passes, then returns the last value for the assert.
/// </summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T>> read, Func<T, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var value = await read();
        while (!condition(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            value = await read();
        }
        return value;
    }
}
