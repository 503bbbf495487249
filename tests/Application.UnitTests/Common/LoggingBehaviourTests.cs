using ClinicHip.Application.Auth;
using ClinicHip.Application.Common.Behaviours;
using ClinicHip.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Application.UnitTests.Common;

public class LoggingBehaviourTests
{
    private const string Password = "correct-horse-battery";
    private static readonly Guid UserId = Guid.NewGuid();

    [Fact]
    public async Task Handle_LogsRequestNameUserAndDuration_ButNeverTheRequest()
    {
        var logger = new RecordingLogger<LoggingBehaviour<IssueTokenCommand, string>>();
        var behaviour = new LoggingBehaviour<IssueTokenCommand, string>(logger, new FixedUser(UserId));

        await behaviour.Handle(new IssueTokenCommand("jordan@example.com", Password), CancellationToken.None, () => Task.FromResult("ok"));

        var entry = logger.Entries.ShouldHaveSingleItem();
        entry.ShouldContain(nameof(IssueTokenCommand));
        entry.ShouldContain(UserId.ToString());
        entry.ShouldContain("succeeded True");
        entry.ShouldNotContain(Password);
        entry.ShouldNotContain("jordan@example.com");
    }

    [Fact]
    public async Task Handle_WhenHandlerThrows_LogsFailureAndRethrows()
    {
        var logger = new RecordingLogger<LoggingBehaviour<IssueTokenCommand, string>>();
        var behaviour = new LoggingBehaviour<IssueTokenCommand, string>(logger, new FixedUser(null));

        await Should.ThrowAsync<InvalidOperationException>(() =>
            behaviour.Handle(new IssueTokenCommand("a@b.c", Password), CancellationToken.None, () => throw new InvalidOperationException()));

        logger.Entries.ShouldHaveSingleItem().ShouldContain("succeeded False");
    }

    private sealed class FixedUser(Guid? userId) : ICurrentUser
    {
        public Guid? UserId => userId;

        public Guid? PatientId => null;

        public Guid? ClinicianId => null;

        public Guid? ClientId => null;

        public IReadOnlyList<string> Scopes => [];

        public bool IsInRole(string role) => false;
    }
}

internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<string> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add(formatter(state, exception));
}
