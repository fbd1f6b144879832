using Hangfire.Logging;

namespace CitySpiritAwards.Web.Hosting;

/// <summary>
/// Hangfire's log provider is process-wide, so with two app instances in one process (the cluster
/// tests) one may log through the other's logger factory after that one was disposed. This provider
/// sends Hangfire's logs to the app's logging and drops them once the factory is gone, instead of throwing.
/// </summary>
internal sealed class HangfireLogging(ILoggerFactory loggers) : ILogProvider
{
    public ILog GetLogger(string name) => new ForwardingLog(loggers, name);

    private sealed class ForwardingLog(ILoggerFactory loggers, string name) : ILog
    {
        private ILogger? _logger;

        public bool Log(Hangfire.Logging.LogLevel level, Func<string>? message, Exception? exception = null)
        {
            try
            {
                _logger ??= loggers.CreateLogger(name);
                var mapped = (Microsoft.Extensions.Logging.LogLevel)(int)level;
                if (message is null)
                    return _logger.IsEnabled(mapped);
                _logger.Log(mapped, exception, "{Message}", message());
                return true;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
