using ClinicHip.Domain.Common;

namespace ClinicHip.Architecture.Tests;

/// <summary>
/// Whether an exception is an expected refusal is asked of one type: every exception ClinicHip defines in the Domain and
/// Application layers derives from <see cref="ExpectedOutcomeException"/>, so none can be answered, logged or audited as a fault by omission.
/// </summary>
public class ExpectedOutcomeTests
{
    [Fact]
    public void EveryDomainAndApplicationException_DerivesFromExpectedOutcomeException()
    {
        var exceptions = new[] { typeof(ExpectedOutcomeException).Assembly, typeof(Application.DependencyInjection).Assembly }
            .SelectMany(assembly => assembly.GetTypes())
            .Where(type => typeof(Exception).IsAssignableFrom(type) && type != typeof(ExpectedOutcomeException))
            .ToList();

        exceptions.Count.ShouldBeGreaterThanOrEqualTo(11);
        exceptions.Where(type => !type.IsSubclassOf(typeof(ExpectedOutcomeException))).Select(type => type.FullName).ShouldBeEmpty();
    }
}
