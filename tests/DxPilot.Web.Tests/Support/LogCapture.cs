using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DxPilot.Web.Tests.Support;

/// <summary>Keeps every log entry of a host with the values of the scopes it was written in.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Scope);

    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string category) => new Logger(this, category);

    public void SetScopeProvider(IExternalScopeProvider scopes) => _scopes = scopes;

    public void Dispose() { }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel level) => true;

        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            capture._scopes.ForEachScope((s, values) =>
            {
                if (s is IEnumerable<KeyValuePair<string, object?>> pairs)
                    foreach (var (k, v) in pairs) values[k] = v;
            }, scope);
            capture.Entries.Enqueue(new Entry(category, level, formatter(state, exception), exception, scope));
        }
    }
}
