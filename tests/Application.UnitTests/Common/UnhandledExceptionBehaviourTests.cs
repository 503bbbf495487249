using ClinicHip.Application.Common.Behaviours;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Domain.Common;
using Microsoft.Extensions.Logging;

namespace ClinicHip.Application.UnitTests.Common;

public class UnhandledExceptionBehaviourTests
{
    private static readonly Exception[] ExpectedOutcomes =
    [
        ValidationException.For("email", "Enter an email address."),
        new AuthenticationFailedException("The email or password is wrong."),
        new ForbiddenAccessException("Only staff may do this."),
        new NotFoundException("Appointment", Guid.Empty),
        new ConflictException("appointment.slot-conflict", "The slot is taken."),
        new StateConflictException("appointment.invalid-transition", "The appointment is cancelled."),
        new PreconditionFailedException("clinic settings"),
        new UnprocessableRequestException("idempotency.key-reused", "The key was used for another request."),
        new OAuthErrorException(OAuthErrorException.UnsupportedGrantType, "Only client_credentials."),
        new UniqueConstraintViolationException(new InvalidOperationException("UNIQUE constraint failed")),
    ];

    [Fact]
    public async Task Handle_WhenTheHandlerRefusesAsExpected_LogsNothingAndRethrows()
    {
        var logger = new LevelRecordingLogger<UnhandledExceptionBehaviour<string, string>>();
        var behaviour = new UnhandledExceptionBehaviour<string, string>(logger);

        foreach (var refusal in ExpectedOutcomes)
        {
            (await Should.ThrowAsync<Exception>(() => behaviour.Handle("request", CancellationToken.None, () => throw refusal))).ShouldBeSameAs(refusal);
            refusal.ShouldBeAssignableTo<ExpectedOutcomeException>();
            LoggedFault.IsLogged(refusal).ShouldBeFalse();
        }

        logger.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Handle_WhenTheHandlerFaults_LogsItOnceAtErrorWithTheException_AndMarksItLogged()
    {
        var logger = new LevelRecordingLogger<UnhandledExceptionBehaviour<string, string>>();
        var outer = new UnhandledExceptionBehaviour<string, string>(logger);
        var inner = new UnhandledExceptionBehaviour<string, string>(logger);
        var fault = new InvalidOperationException("The database file is damaged.");

        await Should.ThrowAsync<InvalidOperationException>(() =>
            outer.Handle("request", CancellationToken.None, () => inner.Handle("request", CancellationToken.None, () => throw fault)));

        var entry = logger.Entries.ShouldHaveSingleItem();
        entry.Level.ShouldBe(LogLevel.Error);
        entry.Exception.ShouldBeSameAs(fault);
        entry.Message.ShouldContain("String");
        LoggedFault.IsLogged(fault).ShouldBeTrue();
    }

    private sealed class LevelRecordingLogger<T> : ILogger<T>
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
