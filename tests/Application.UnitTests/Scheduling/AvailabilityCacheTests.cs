using ClinicHip.Application.Scheduling.Availability;

namespace ClinicHip.Application.UnitTests.Scheduling;

public class AvailabilityCacheTests
{
    [Fact]
    public async Task CallersMissingTogether_ShareOneComputation()
    {
        using var cache = new AvailabilityCache(TimeSpan.FromMinutes(1));
        var computations = 0;
        var release = new TaskCompletionSource<List<int>>(TaskCreationOptions.RunContinuationsAsynchronously);

        var callers = Enumerable.Range(0, 20).Select(_ => cache.GetOrComputeAsync("window", () =>
        {
            Interlocked.Increment(ref computations);
            return release.Task;
        }, slots => slots.Count)).ToList();
        release.SetResult([1, 2, 3]);
        var answers = await Task.WhenAll(callers);

        computations.ShouldBe(1);
        answers.ShouldAllBe(a => a.Count == 3);
        (await cache.GetOrComputeAsync("window", () => Task.FromResult(new List<int>()), s => s.Count)).Count.ShouldBe(3);
    }

    [Fact]
    public async Task AFailedComputation_IsNotKept()
    {
        using var cache = new AvailabilityCache(TimeSpan.FromMinutes(1));

        await Should.ThrowAsync<InvalidOperationException>(() =>
            cache.GetOrComputeAsync<List<int>>("window", () => throw new InvalidOperationException("database gone"), s => s.Count));

        (await cache.GetOrComputeAsync("window", () => Task.FromResult(new List<int> { 7 }), s => s.Count)).ShouldBe([7]);
    }

    [Fact]
    public async Task AZeroLifetime_ComputesEveryTime()
    {
        using var cache = new AvailabilityCache(TimeSpan.Zero);
        var computations = 0;

        for (var i = 0; i < 3; i++)
        {
            await cache.GetOrComputeAsync("window", () => Task.FromResult(new List<int> { Interlocked.Increment(ref computations) }), s => s.Count);
        }

        computations.ShouldBe(3);
    }
}
