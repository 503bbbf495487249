using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using Ical.Net;
using Ical.Net.DataTypes;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

/// <summary>
/// The clinician's calendar feed: an RFC 5545 document read by an independent parser (Ical.Net, which the feed's writer
/// does not use; docs/decisions/0015) and by a strict reading of the format here; only that clinician's appointments,
/// patients by initials; a wrong, rotated or withdrawn token answers 404.
/// </summary>
public partial class CalendarFeedTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{

    private static readonly string TypeName = "Évaluation de la hanche; suivi, course \\ 髋关节评估 – a long name to fold " + new string('x', 10);

    [Fact]
    public async Task Feed_ParsesWithARealCalendarParser_HoldsOnlyThisCliniciansAppointments_AndNoPatientNames()
    {
        var scenario = await CreateAsync(factory);
        var (otherClinicianId, _) = await scenario.AddClinicianAsync();
        var typeId = (await ApiClientExtensions.CreatedAsync(await scenario.Admin.PostAsJsonAsync("/api/appointment-types", new
        {
            name = TypeName, durationMinutes = 30, bufferAfterMinutes = 0, mode = "Either", bookableOnline = true,
        })))["id"]!.GetValue<Guid>();
        var patientId = await RegisterAsync("Émilie", "Ødegaard-Whitfield");
        var frontDesk = await scenario.FrontDeskAsync(factory);

        var kept = await BookAsync(frontDesk, scenario.ClinicianId, typeId, Local(3, 9), patientId, "Telehealth");
        var cancelled = await BookAsync(frontDesk, scenario.ClinicianId, scenario.FollowUpId, Local(4, 9), patientId, "InPerson");
        (await frontDesk.PostAsJsonAsync($"/api/appointments/{cancelled}/cancel", new { reason = "Work" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var elsewhere = await BookAsync(frontDesk, otherClinicianId, scenario.FollowUpId, Local(5, 9), patientId, "InPerson");
        var clinician = await scenario.ClinicianClientAsync(factory);

        var feed = await FeedAsync(await PublishAsync(clinician, scenario.ClinicianId));

        StrictlyRead(feed);
        feed.ShouldNotContain("Émilie");
        feed.ShouldNotContain("Ødegaard");
        feed.ShouldNotContain(elsewhere.ToString());

        var parsed = Parse(feed);
        parsed.Version.ShouldBe("2.0");
        parsed.ProductId.ShouldNotBeNullOrWhiteSpace();
        parsed.Events.Count.ShouldBe(2);
        var telehealth = parsed.Events.Single(e => e.Uid == $"{kept}@clinichip");
        telehealth.Summary.ShouldBe($"{TypeName} – É.Ø.");
        telehealth.Status.ShouldBe("CONFIRMED");
        telehealth.Description.ShouldBe("Patient: É.Ø.\nMode: Telehealth\nStatus: Booked");
        Instant(telehealth.Start).ShouldBe(Local(3, 9));
        Instant(telehealth.End).ShouldBe(Local(3, 9, 30));
        telehealth.Start!.IsUtc.ShouldBeTrue();
        var gone = parsed.Events.Single(e => e.Uid == $"{cancelled}@clinichip");
        gone.Status.ShouldBe("CANCELLED");
        gone.Summary.ShouldStartWith("Cancelled: ");

        // The UID stays when the appointment moves; the change shows in LAST-MODIFIED and DTSTAMP.
        (await frontDesk.PostAsJsonAsync($"/api/appointments/{kept}/reschedule", new { start = Local(3, 11) })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var moved = Parse(await FeedAsync(await PublishAsync(clinician, scenario.ClinicianId))).Events.Single(e => e.Uid == $"{kept}@clinichip");
        Instant(moved.Start).ShouldBe(Local(3, 11));
        Instant(moved.DtStamp).ShouldBeGreaterThanOrEqualTo(Instant(telehealth.DtStamp));
    }

    [Fact]
    public async Task PublishCalendarFeed_WithAForgedHostHeader_BuildsTheAddressFromTheConfiguredBaseUrl()
    {
        var scenario = await CreateAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/clinicians/{scenario.ClinicianId}/calendar-token");
        request.Headers.Host = "evil.example";

        var body = await ApiClientExtensions.OkAsync(await clinician.SendAsync(request));

        var url = body["url"]!.GetValue<string>();
        url.ShouldStartWith($"{ClinicApiFactory.PublicBaseUrl}/api/clinicians/{scenario.ClinicianId}/calendar.ics?token=");
        url.ShouldNotContain("evil.example");
    }

    [Fact]
    public async Task Feed_WithAWrongRotatedOrWithdrawnToken_Is404_LikeAMissingClinician()
    {
        var scenario = await CreateAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var anonymous = factory.CreateClient();
        var first = await PublishAsync(clinician, scenario.ClinicianId);
        (await anonymous.GetAsync(first)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var second = await PublishAsync(clinician, scenario.ClinicianId);
        await (await anonymous.GetAsync(first)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        (await anonymous.GetAsync(second)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await anonymous.GetAsync($"/api/clinicians/{scenario.ClinicianId}/calendar.ics?token=guess")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/clinicians/{scenario.ClinicianId}/calendar.ics")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync(second.Replace(scenario.ClinicianId.ToString(), Guid.NewGuid().ToString(), StringComparison.Ordinal)))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);

        (await clinician.DeleteAsync($"/api/clinicians/{scenario.ClinicianId}/calendar-token")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await anonymous.GetAsync(second)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PublishingAFeed_ForAnotherClinicianOrByTheFrontDesk_Is403_AndAnAdminMay()
    {
        var scenario = await CreateAsync(factory);
        var (otherClinicianId, _) = await scenario.AddClinicianAsync();
        var clinician = await scenario.ClinicianClientAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);

        (await clinician.PostAsync($"/api/clinicians/{otherClinicianId}/calendar-token", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clinician.DeleteAsync($"/api/clinicians/{otherClinicianId}/calendar-token")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await frontDesk.PostAsync($"/api/clinicians/{scenario.ClinicianId}/calendar-token", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await factory.CreateClient().GetAsync(await PublishAsync(scenario.Admin, otherClinicianId))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ReadingTheFeed_IsAudited_OncePerPatientShown()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var first = (await factory.CreateClient().RegisterPatientAsync()).Id;
        var second = (await factory.CreateClient().RegisterPatientAsync()).Id;
        await BookAsync(frontDesk, scenario.ClinicianId, scenario.FollowUpId, Local(2, 9), first, "InPerson");
        await BookAsync(frontDesk, scenario.ClinicianId, scenario.FollowUpId, Local(2, 10), second, "InPerson");

        await FeedAsync(await PublishAsync(scenario.Admin, scenario.ClinicianId));

        foreach (var patient in new[] { first, second })
        {
            var trail = (await scenario.Admin.GetFromJsonAsync<JsonObject>($"/api/audit?patientId={patient}"))!["items"]!.AsArray();
            var read = trail.Single(r => r!["action"]!.GetValue<string>() == "GetClinicianCalendarFeed")!;
            read["resourceType"]!.GetValue<string>().ShouldBe("ClinicianCalendar");
            read["resourceId"]!.GetValue<string>().ShouldBe(scenario.ClinicianId.ToString());
            read["outcome"]!.GetValue<string>().ShouldBe("Success");
        }
    }

    /// <summary>RFC 5545 read strictly: CRLF only, at most 75 octets a line, well-formed content lines, balanced components, required properties, UTC times.</summary>
    private static void StrictlyRead(string feed)
    {
        feed.ShouldEndWith("\r\n");
        var physical = feed[..^2].Split("\r\n");
        physical.ShouldAllBe(line => !line.Contains('\n') && !line.Contains('\r'), "CRLF line endings only");
        physical.ShouldAllBe(line => Encoding.UTF8.GetByteCount(line) <= 75, "lines folded at 75 octets");
        physical.ShouldContain(line => line.StartsWith(' '), "the long summary is folded");

        var lines = feed.Replace("\r\n ", "", StringComparison.Ordinal)[..^2].Split("\r\n");
        var stack = new Stack<string>();
        var properties = new List<(string Component, string Name, string Value)>();
        foreach (var line in lines)
        {
            var match = ContentLine().Match(line);
            match.Success.ShouldBeTrue($"not a content line: {line}");
            var (name, value) = (match.Groups["name"].Value, match.Groups["value"].Value);
            if (name == "BEGIN")
            {
                stack.Push(value);
            }
            else if (name == "END")
            {
                stack.Pop().ShouldBe(value);
            }
            else
            {
                stack.Count.ShouldBeGreaterThan(0);
                properties.Add((stack.Peek(), name, value));
            }
        }

        stack.ShouldBeEmpty();
        lines[0].ShouldBe("BEGIN:VCALENDAR");
        properties.Where(p => p.Component == "VCALENDAR").Select(p => p.Name).ShouldContain("VERSION");
        properties.Where(p => p.Component == "VCALENDAR").Select(p => p.Name).ShouldContain("PRODID");
        var events = lines.Count(l => l == "BEGIN:VEVENT");
        foreach (var required in new[] { "UID", "DTSTAMP", "DTSTART", "DTEND", "STATUS", "LAST-MODIFIED" })
        {
            properties.Count(p => p.Component == "VEVENT" && p.Name == required).ShouldBe(events, $"each event has one {required}");
        }

        properties.Where(p => p.Name is "DTSTAMP" or "DTSTART" or "DTEND" or "LAST-MODIFIED").ShouldAllBe(p => UtcDateTime().IsMatch(p.Value));
        properties.Where(p => p.Name is "SUMMARY" or "DESCRIPTION").ShouldAllBe(p => !UnescapedText().IsMatch(p.Value), "TEXT escapes , ; and backslash");
    }

    [GeneratedRegex(@"^(?<name>[A-Z0-9-]+)(;[A-Z0-9-]+=[^:;]*)*:(?<value>.*)$")]
    private static partial Regex ContentLine();

    [GeneratedRegex(@"^\d{8}T\d{6}Z$")]
    private static partial Regex UtcDateTime();

    // A comma or semicolon not preceded by an escaping backslash (itself not escaped).
    [GeneratedRegex(@"(?<!\\)(\\\\)*[,;]")]
    private static partial Regex UnescapedText();

    private static Calendar Parse(string feed) =>
        Calendar.Load(feed) ?? throw new ShouldAssertException("Ical.Net read no calendar from the feed");

    private static DateTimeOffset Instant(CalDateTime? value)
    {
        value.ShouldNotBeNull();
        return new DateTimeOffset(value.AsUtc, TimeSpan.Zero);
    }

    private async Task<Guid> RegisterAsync(string givenName, string familyName)
    {
        var email = $"patient-{Guid.NewGuid():N}@example.com";
        var response = await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new
        {
            email, password = ApiClientExtensions.PatientPassword, givenName, familyName, dateOfBirth = "1990-01-01", phone = "+61 400 000 999",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var patient = await factory.SignedInClientAsync(email, ApiClientExtensions.PatientPassword);
        return (await ApiClientExtensions.OkAsync(await patient.GetAsync("/api/auth/me")))["patientId"]!.GetValue<Guid>();
    }

    private static async Task<Guid> BookAsync(HttpClient staff, Guid clinicianId, Guid typeId, DateTimeOffset start, Guid patientId, string mode) =>
        (await ApiClientExtensions.CreatedAsync(await staff.PostAsJsonAsync("/api/appointments", Booking(clinicianId, typeId, start, mode, patientId))))["id"]!.GetValue<Guid>();

    /// <summary>Publishes the feed and returns its address (path and query) as this test host serves it.</summary>
    private static async Task<string> PublishAsync(HttpClient caller, Guid clinicianId)
    {
        var body = await ApiClientExtensions.OkAsync(await caller.PostAsync($"/api/clinicians/{clinicianId}/calendar-token", null));
        var url = new Uri(body["url"]!.GetValue<string>());
        url.AbsolutePath.ShouldBe($"/api/clinicians/{clinicianId}/calendar.ics");
        return url.PathAndQuery;
    }

    private async Task<string> FeedAsync(string address)
    {
        var response = await factory.CreateClient().GetAsync(address);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().ShouldBe("text/calendar; charset=utf-8");
        return await response.Content.ReadAsStringAsync();
    }
}
