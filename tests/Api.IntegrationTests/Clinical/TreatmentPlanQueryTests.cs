using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Clinical;

/// <summary>Keeps the SQL text of every command EF Core runs (held in memory by the test only).</summary>
public sealed class CommandLog : ILoggerProvider
{
    public ConcurrentQueue<string> Commands { get; } = new();

    public ILogger CreateLogger(string categoryName) =>
        categoryName == "Microsoft.EntityFrameworkCore.Database.Command" ? new CommandLogger(Commands) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class CommandLogger(ConcurrentQueue<string> commands) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Name == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted")
            {
                commands.Enqueue(formatter(state, exception));
            }
        }
    }
}

/// <summary>The API with EF Core's executed commands captured, and no background dispatcher querying meanwhile.</summary>
public sealed class CommandLogApiFactory : ClinicApiFactory
{
    public CommandLog Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Settings["Outbox:DispatcherEnabled"] = "false";
        Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }
}

public class TreatmentPlanQueryTests(CommandLogApiFactory factory) : IClassFixture<CommandLogApiFactory>
{
    [Fact]
    public async Task ListPatientTreatmentPlans_WithThreePlans_ReadsTheirDiagnosesInOneQuery()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();
        var booked = await OkAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 9))), HttpStatusCode.Created);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var content = new JsonObject
        {
            ["subjectiveSummary"] = "Lateral hip pain in a trail runner.",
            ["diagnoses"] = new JsonArray(new JsonObject { ["condition"] = "GlutealTendinopathy", ["side"] = "Left", ["certainty"] = "Provisional", ["isPrimary"] = true }),
        };
        var assessment = await OkAsync(await clinician.PostAsJsonAsync("/api/assessments", new { patientId = profile.Id, appointmentId = booked["id"], content }), HttpStatusCode.Created);
        await OkAsync(await clinician.PostAsync($"/api/assessments/{assessment["id"]}/sign", null));
        foreach (var goals in new[] { "Walk without pain", "Run 5 km", "Run the trail race" })
        {
            await OkAsync(await clinician.PostAsJsonAsync("/api/treatment-plans", new
            {
                patientId = profile.Id, assessmentId = assessment["id"], goals, reviewDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(42),
            }), HttpStatusCode.Created);
        }

        factory.Log.Commands.Clear();
        var plans = (await clinician.GetFromJsonAsync<JsonArray>($"/api/patients/{profile.Id}/treatment-plans"))!;

        plans.Count.ShouldBe(3);
        var commands = factory.Log.Commands.ToList();
        commands.ShouldContain(c => c.Contains("\"TreatmentPlans\"", StringComparison.Ordinal));
        commands.Count(c => c.Contains("FROM \"Assessments\"", StringComparison.Ordinal)).ShouldBe(1, string.Join("\n\n", commands));
    }
}
