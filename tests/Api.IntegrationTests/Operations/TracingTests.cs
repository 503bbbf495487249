using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Api.IntegrationTests.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;
using static ClinicHip.Api.IntegrationTests.Intake.IntakeJson;

namespace ClinicHip.Api.IntegrationTests.Operations;

/// <summary>
/// The API with OpenTelemetry on, as when an OTLP endpoint is configured (nothing listens there: the spans are taken
/// in-process), and webhook retries a second apart.
/// </summary>
public sealed class TracingApiFactory : ClinicApiFactory
{
    public TracingApiFactory()
    {
        Settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9";
        Settings["Outbox:RetryJitter"] = "0";
    }
}

/// <summary>
/// Traces and the clinic's meters, proven in-process: every span the process finishes is taken by an
/// <see cref="ActivityListener"/> and every measurement of the API's own meter by a <see cref="MeterListener"/>.
/// Other test classes run in the same process, so spans are picked by a trace id this test chose and measurements by
/// the meter factory of this test's API.
/// </summary>
public sealed class TracingTests : IClassFixture<TracingApiFactory>, IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private readonly TracingApiFactory factory;
    private readonly ActivityListener listener;
    private readonly ConcurrentQueue<Activity> finished = new();

    public TracingTests(TracingApiFactory factory)
    {
        this.factory = factory;
        listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = finished.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
    }

    public void Dispose() => listener.Dispose();

    /// <summary>A request carrying a W3C traceparent of a new trace, as a traced caller sends it.</summary>
    private static (HttpRequestMessage Request, ActivityTraceId TraceId) Traced(HttpMethod method, string uri, object? body = null)
    {
        var traceId = ActivityTraceId.CreateRandom();
        var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        return (request, traceId);
    }

    private async Task<Activity> FinishedAsync(Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow + Wait;
        while (DateTime.UtcNow < deadline)
        {
            if (finished.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException($"No matching span within {Wait.TotalSeconds} s.");
    }

    private Task<Activity> RequestSpanAsync(ActivityTraceId traceId) =>
        FinishedAsync(a => a.TraceId == traceId && a.Kind == ActivityKind.Server && a.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn");

    [Fact]
    public async Task Request_IsTracedWithItsRouteTemplate_AndItsEfCoreCommandsAsChildren()
    {
        var frontDesk = await (await CreateAsync(factory)).FrontDeskAsync(factory);
        var patient = await ApiClientExtensions.CreatedAsync(await frontDesk.PostAsJsonAsync("/api/patients", new
        {
            givenName = "Tracy", familyName = "Span" + Guid.NewGuid().ToString("N")[..8], dateOfBirth = "1984-02-03", sex = "Female",
            phone = $"04{Random.Shared.Next(10_000_000, 99_999_999)}",
        }));
        var (request, traceId) = Traced(HttpMethod.Get, $"/api/patients/{patient["id"]}");

        (await frontDesk.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var span = await RequestSpanAsync(traceId);
        span.GetTagItem("http.route").ShouldBe("/api/patients/{id:guid}");
        span.DisplayName.ShouldBe("GET /api/patients/{id:guid}");
        var commands = finished.Where(a => a.TraceId == traceId && a.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore").ToList();
        commands.ShouldNotBeEmpty("the read runs SQL inside the request's trace");
        commands.ShouldAllBe(c => c.Kind == ActivityKind.Client && c.ParentSpanId == span.SpanId);
        commands.ShouldNotContain(c => c.Tags.Any(t => t.Value != null && t.Value.Contains(patient["familyName"]!.GetValue<string>(), StringComparison.Ordinal)),
            "spans carry no patient data");
    }

    [Fact]
    public async Task Problem_TraceId_IsTheRequestSpansTraceId()
    {
        var frontDesk = await (await CreateAsync(factory)).FrontDeskAsync(factory);
        var (request, traceId) = Traced(HttpMethod.Get, $"/api/patients/{Guid.CreateVersion7()}");

        var problem = await (await frontDesk.SendAsync(request, TestContext.Current.CancellationToken)).ShouldBeProblemAsync(HttpStatusCode.NotFound);

        var span = await RequestSpanAsync(traceId);
        problem["traceId"]!.GetValue<string>().ShouldBe(span.Id);
        span.GetTagItem("http.response.status_code").ShouldBe(404);
    }

    [Fact]
    public async Task WebhookDelivery_IsASpanLinkedToTheRequestThatRaisedTheEvent_WithTheHttpCallAsItsChild()
    {
        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked");
        var (patient, _) = await factory.NewPatientClientAsync();
        var (request, traceId) = Traced(HttpMethod.Post, "/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(3, 9)));

        var booked = await ApiClientExtensions.CreatedAsync(await patient.SendAsync(request, TestContext.Current.CancellationToken));
        await receiver.WaitForAsync(r => r.Body.Contains(booked["id"]!.GetValue<string>(), StringComparison.Ordinal), Wait);

        var raisedBy = await RequestSpanAsync(traceId);

        // This test's receiver's delivery: other tests of this API may have left subscriptions that get the event too.
        bool IsDelivery(Activity a) => a.Source.Name == "ClinicHip" && a.OperationName == "webhook delivery" && a.Links.Any(l => l.Context.TraceId == traceId);
        var call = await FinishedAsync(a => a.Kind == ActivityKind.Client && a.OperationName == "System.Net.Http.HttpRequestOut"
            && Equals(a.GetTagItem("server.port"), receiver.Url.Port) && finished.Any(d => d.SpanId == a.ParentSpanId && IsDelivery(d)));
        var delivery = finished.First(d => d.SpanId == call.ParentSpanId && IsDelivery(d));
        delivery.Links.ShouldHaveSingleItem().Context.SpanId.ShouldBe(raisedBy.SpanId, "linked to the request that wrote the event");
        delivery.TraceId.ShouldNotBe(traceId, "the delivery runs later, in a trace of its own");
        call.TraceId.ShouldBe(delivery.TraceId, "the HTTP call is the delivery's child");
        delivery.GetTagItem("clinichip.webhook.event_type").ShouldBe("appointment.booked");
        delivery.Status.ShouldBe(ActivityStatusCode.Ok);
        call.GetTagItem("http.response.status_code").ShouldBe(204);
    }

    [Fact]
    public async Task ClinicMeter_EmitsBookingsConflictsTriageOutboxLagDeliveriesFailuresAndAuditQueueDepth()
    {
        var meterFactory = factory.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, listening) =>
            {
                // This test's API only: the meter factory scopes the meters of one host.
                if (instrument.Meter.Name == "ClinicHip" && ReferenceEquals(instrument.Meter.Scope, meterFactory))
                {
                    listening.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured.Enqueue((instrument.Name, value, Tags(tags))));
        meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured.Enqueue((instrument.Name, value, Tags(tags))));
        meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => measured.Enqueue((instrument.Name, value, Tags(tags))));
        meters.Start();

        var scenario = await CreateAsync(factory);
        await using var receiver = await WebhookReceiver.StartAsync();
        await scenario.Admin.SubscribeAsync(receiver.Url, "appointment.booked");
        var refusing = WebhookReceiver.OnFreePort();
        await scenario.Admin.SubscribeAsync(refusing.Url, "appointment.booked");
        var (patient, _) = await factory.NewPatientClientAsync();
        var (other, _) = await factory.NewPatientClientAsync();
        await ApiClientExtensions.CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(4, 10))));
        (await other.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(4, 10)))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await patient.PostAsJsonAsync("/api/intake-forms", Form(Routine()))).StatusCode.ShouldBe(HttpStatusCode.Created);

        var deadline = DateTime.UtcNow + Wait;
        bool Seen(string instrument, Func<Dictionary<string, object?>, bool>? tags = null) => measured.Any(m => m.Instrument == instrument && (tags is null || tags(m.Tags)));
        while (DateTime.UtcNow < deadline && !(Seen("webhooks.deliveries", t => Equals(t["outcome"], "delivered")) && Seen("webhooks.deliveries", t => Equals(t["outcome"], "failed"))))
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        meters.RecordObservableInstruments();

        Seen("appointments.booked").ShouldBeTrue();
        Seen("appointments.conflicts").ShouldBeTrue();
        Seen("intake.triaged", t => Equals(t["level"], "Routine")).ShouldBeTrue();
        Seen("outbox.lag").ShouldBeTrue();
        Seen("webhooks.deliveries", t => Equals(t["outcome"], "delivered")).ShouldBeTrue();
        Seen("webhooks.deliveries", t => Equals(t["outcome"], "failed")).ShouldBeTrue();
        Seen("audit.queue_depth").ShouldBeTrue();
        measured.Where(m => m.Instrument == "appointments.booked").Sum(m => m.Value).ShouldBe(1);
        measured.Where(m => m.Instrument == "appointments.conflicts").Sum(m => m.Value).ShouldBe(1);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var (key, value) in tags)
        {
            copy[key] = value;
        }

        return copy;
    }
}
