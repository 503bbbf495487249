using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClinicHip.Api.IntegrationTests.Infrastructure;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ApiClientExtensions;
using static ClinicHip.Api.IntegrationTests.Infrastructure.ClinicScenario;

namespace ClinicHip.Api.IntegrationTests.Scheduling;

public class AppointmentBookingTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    private const string SlotConflict = ClinicApiFactory.PublicBaseUrl + "/problems/appointment.slot-conflict";

    [Fact]
    public async Task Book_ByPatientForThemself_Returns201WithLocation_AndTheyCanReadIt()
    {
        var scenario = await CreateAsync(factory);
        var (patient, profile) = await factory.NewPatientClientAsync();

        var response = await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 9)));

        var appointment = await CreatedAsync(response);
        response.Headers.Location!.ToString().ShouldBe($"/api/appointments/{appointment["id"]}");
        appointment["patientId"]!.GetValue<Guid>().ShouldBe(profile.Id);
        appointment["status"]!.GetValue<string>().ShouldBe("Booked");
        appointment["start"]!.GetValue<DateTimeOffset>().ShouldBe(Local(7, 9));
        appointment["end"]!.GetValue<DateTimeOffset>().ShouldBe(Local(7, 9, 45));
        (await patient.GetFromJsonAsync<JsonObject>(response.Headers.Location))!["id"]!.GetValue<Guid>().ShouldBe(appointment["id"]!.GetValue<Guid>());
    }

    [Fact]
    public async Task Book_ForAnotherPatient_AsPatient_Returns403()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var (_, other) = await factory.NewPatientClientAsync();

        await (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9), patientId: other.Id)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Book_ATakenSlot_Returns409SlotConflict_AndAnOverlappingOneToo()
    {
        var scenario = await CreateAsync(factory);
        var (first, _) = await factory.NewPatientClientAsync();
        var (second, _) = await factory.NewPatientClientAsync();
        await CreatedAsync(await first.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.InitialAssessmentId, Local(7, 9))));

        var same = await (await second.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);
        var inBuffer = await (await second.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9, 45))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        same["type"]!.GetValue<string>().ShouldBe(SlotConflict);
        inBuffer["type"]!.GetValue<string>().ShouldBe(SlotConflict);
        await CreatedAsync(await second.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 10))));
    }

    [Fact]
    public async Task Book_APatientAlreadyBookedWithAnotherClinicianAtThatTime_Returns409()
    {
        var scenario = await CreateAsync(factory);
        var (otherClinicianId, _) = await scenario.AddClinicianAsync();
        var (patient, _) = await factory.NewPatientClientAsync();
        await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9))));

        var problem = await (await patient.PostAsJsonAsync("/api/appointments", Booking(otherClinicianId, scenario.FollowUpId, Local(7, 9, 15))))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict);

        problem["type"]!.GetValue<string>().ShouldBe(SlotConflict);
    }

    [Theory]
    [InlineData(7, 0, "InitialAssessment", "InPerson", "appointment.outside-working-hours")]
    [InlineData(16, 30, "InitialAssessment", "InPerson", "appointment.outside-working-hours")]
    [InlineData(9, 3, "FollowUp", "InPerson", "appointment.off-grid")]
    [InlineData(9, 0, "InitialAssessment", "Telehealth", "appointment.mode-not-allowed")]
    [InlineData(9, 0, "Injection", "InPerson", "appointment.type-not-bookable-online")]
    public async Task Book_BreakingABookingRule_Returns422NamingTheRule(int hour, int minute, string type, string mode, string code)
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var typeId = type switch { "InitialAssessment" => scenario.InitialAssessmentId, "FollowUp" => scenario.FollowUpId, _ => scenario.InjectionId };

        var problem = await (await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, typeId, Local(7, hour, minute), mode)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity);

        problem["code"]!.GetValue<string>().ShouldBe(code);
        problem["type"]!.GetValue<string>().ShouldBe($"{ClinicApiFactory.PublicBaseUrl}/problems/{code}");
    }

    [Fact]
    public async Task Book_ByPatientWithTooLittleNoticeOrBeyondHorizon_Returns422()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var soon = DateTimeOffset.UtcNow.AddMinutes(65);
        soon = new DateTimeOffset(soon.Ticks - (soon.Ticks % TimeSpan.FromMinutes(5).Ticks), TimeSpan.Zero);

        var tooSoon = await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, soon));
        var tooFar = await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(95, 9)));

        // Soon may fall outside 08:00–17:00 Brisbane; either way it must be refused with a named rule, never booked.
        (await tooSoon.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>()
            .ShouldBeOneOf("appointment.too-little-notice", "appointment.outside-working-hours");
        (await tooFar.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("appointment.beyond-horizon");
    }

    [Fact]
    public async Task Book_ByFrontDesk_ForAnyPatient_IncludingFrontDeskOnlyTypes()
    {
        var scenario = await CreateAsync(factory);
        var frontDesk = await scenario.FrontDeskAsync(factory);
        var (_, patient) = await factory.NewPatientClientAsync();

        var appointment = await CreatedAsync(await frontDesk.PostAsJsonAsync("/api/appointments",
            Booking(scenario.ClinicianId, scenario.InjectionId, Local(7, 14), patientId: patient.Id)));

        appointment["patientId"]!.GetValue<Guid>().ShouldBe(patient.Id);
        (await (await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 15))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest))["errors"]!["patientId"].ShouldNotBeNull();
        await (await frontDesk.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 15), patientId: Guid.NewGuid())))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Book_AsClinician_Returns403()
    {
        var scenario = await CreateAsync(factory);
        var clinician = await scenario.ClinicianClientAsync(factory);
        var (_, patient) = await factory.NewPatientClientAsync();

        await (await clinician.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(7, 9), patientId: patient.Id)))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Book_RetriedWithTheSameIdempotencyKey_ReturnsTheFirstAnswerAndBooksOnce()
    {
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var key = Guid.NewGuid().ToString();
        HttpRequestMessage Request(DateTimeOffset start) => new(HttpMethod.Post, "/api/appointments")
        {
            Content = JsonContent.Create(Booking(scenario.ClinicianId, scenario.FollowUpId, start)),
            Headers = { { "Idempotency-Key", key } },
        };

        var first = await CreatedAsync(await patient.SendAsync(Request(Local(7, 9))));
        var retry = await CreatedAsync(await patient.SendAsync(Request(Local(7, 9))));
        var reused = await patient.SendAsync(Request(Local(7, 10)));

        retry["id"]!.GetValue<Guid>().ShouldBe(first["id"]!.GetValue<Guid>());
        (await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]!.GetValue<string>().ShouldBe("idempotency.key-reused");
        var mine = (await patient.GetFromJsonAsync<JsonObject>("/api/appointments"))!;
        mine["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task Book_WithIdempotencyKeysDifferingInCaseOnly_BooksTwice()
    {
        // Keys are compared exactly on every provider (binary collation on SQL Server): "abc" is not a retry of "ABC".
        var scenario = await CreateAsync(factory);
        var (patient, _) = await factory.NewPatientClientAsync();
        var key = "Key-" + Guid.NewGuid().ToString("N");
        HttpRequestMessage Request(DateTimeOffset start, string idempotencyKey) => new(HttpMethod.Post, "/api/appointments")
        {
            Content = JsonContent.Create(Booking(scenario.ClinicianId, scenario.FollowUpId, start)),
            Headers = { { "Idempotency-Key", idempotencyKey } },
        };

        var first = await CreatedAsync(await patient.SendAsync(Request(Local(7, 9), key)));
        var second = await CreatedAsync(await patient.SendAsync(Request(Local(7, 10), key.ToUpperInvariant())));

        second["id"]!.GetValue<Guid>().ShouldNotBe(first["id"]!.GetValue<Guid>());
        (await patient.GetFromJsonAsync<JsonObject>("/api/appointments"))!["totalCount"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task Get_AnotherPatientsAppointment_Returns404AndListShowsOnlyOwn()
    {
        var scenario = await CreateAsync(factory);
        var (owner, _) = await factory.NewPatientClientAsync();
        var (other, otherProfile) = await factory.NewPatientClientAsync();
        var appointment = await CreatedAsync(await owner.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(8, 9))));
        await CreatedAsync(await other.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(8, 10))));

        var problem = await (await other.GetAsync($"/api/appointments/{appointment["id"]}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.ToJsonString().ShouldNotContain(appointment["patientName"]!.GetValue<string>() + "\"");

        var list = (await other.GetFromJsonAsync<JsonObject>("/api/appointments"))!;
        list["items"]!.AsArray().ShouldAllBe(a => a!["patientId"]!.GetValue<Guid>() == otherProfile.Id);
        await (await other.GetAsync($"/api/appointments?patientId={appointment["patientId"]}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await (await other.GetAsync($"/api/appointments/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_ForStaff_IsPagedWithTheTotal_AndClinicianSeesTheirOwnDiary()
    {
        var scenario = await CreateAsync(factory);
        var (otherClinicianId, _) = await scenario.AddClinicianAsync();
        var frontDesk = await scenario.FrontDeskAsync(factory);
        for (var i = 0; i < 3; i++)
        {
            var (patient, _) = await factory.NewPatientClientAsync();
            await CreatedAsync(await patient.PostAsJsonAsync("/api/appointments", Booking(scenario.ClinicianId, scenario.FollowUpId, Local(12, 9 + i))));
        }

        var (another, anotherProfile) = await factory.NewPatientClientAsync();
        await CreatedAsync(await another.PostAsJsonAsync("/api/appointments", Booking(otherClinicianId, scenario.FollowUpId, Local(12, 9))));

        var page = (await frontDesk.GetFromJsonAsync<JsonObject>($"/api/appointments?clinicianId={scenario.ClinicianId}&pageSize=2&from={Uri.EscapeDataString(Local(12, 0).ToString("O"))}"))!;
        page["totalCount"]!.GetValue<int>().ShouldBe(3);
        page["items"]!.AsArray().Count.ShouldBe(2);
        page["items"]![0]!["start"]!.GetValue<DateTimeOffset>().ShouldBe(Local(12, 9));

        var clinician = await scenario.ClinicianClientAsync(factory);
        var diary = (await clinician.GetFromJsonAsync<JsonObject>("/api/appointments"))!;
        diary["items"]!.AsArray().ShouldAllBe(a => a!["clinicianId"]!.GetValue<Guid>() == scenario.ClinicianId);
        await (await clinician.GetAsync($"/api/appointments?clinicianId={otherClinicianId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        (await clinician.GetFromJsonAsync<JsonObject>($"/api/appointments?patientId={anotherProfile.Id}"))!["totalCount"]!.GetValue<int>().ShouldBe(1);
        await (await frontDesk.GetAsync("/api/appointments?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }
}
