using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Api.IntegrationTests.Infrastructure;

/// <summary>One log entry as the API wrote it, with the values of the scopes it was written in (TraceId, SpanId, RequestPath…).</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception, IReadOnlyDictionary<string, object?> Scope);

/// <summary>A logger provider that keeps every entry the API writes, for tests that check what reaches the logs.</summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLogEntry> entries = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLogEntry> Entries => [.. entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Clear() => entries.Clear();

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new Dictionary<string, object?>();
            owner.scopes.ForEachScope(
                (value, values) =>
                {
                    if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, item) in pairs)
                        {
                            values[key] = item;
                        }
                    }
                },
                scope);
            owner.entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId, formatter(state, exception), exception, scope));
        }
    }
}

/// <summary>The API at its production log level (Information), with every entry kept in <see cref="Logs"/>.</summary>
public sealed class LogCapturingApiFactory : ClinicApiFactory
{
    public LogCapturingApiFactory()
    {
        Settings["Logging:LogLevel:Default"] = "Information";
        Settings["Logging:LogLevel:ClinicHip.AccessLog"] = "Information";
    }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Changes a setting; call before the first client is created.</summary>
    public LogCapturingApiFactory WithSetting(string key, string value)
    {
        Settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Logs));
    }
}
