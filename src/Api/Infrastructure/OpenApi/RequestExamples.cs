using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicHip.Api.Infrastructure.Security;
using ClinicHip.Application.Assessments;
using ClinicHip.Application.Auth;
using ClinicHip.Application.Intake;
using ClinicHip.Application.IntegrationClients;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Outcomes;
using ClinicHip.Application.Patients;
using ClinicHip.Application.RunningLoad;
using ClinicHip.Application.Scheduling.AppointmentTypes;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Application.Scheduling.Clinicians;
using ClinicHip.Application.Scheduling.Settings;
using ClinicHip.Application.Staff;
using ClinicHip.Application.Treatment;
using ClinicHip.Application.Waitlist;
using ClinicHip.Application.Webhooks;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Integration;
using ClinicHip.Domain.Outcomes;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Staff;
using ClinicHip.Domain.Treatment;
using ClinicHip.Domain.Waitlist;
using ClinicHip.Infrastructure.Persistence.Seeding;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// Example bodies of every request, written as the commands themselves so they cannot drift from the contract
/// (they do not compile when a field changes), and serialized with the API's own JSON options.
/// </summary>
internal static class RequestExamples
{
    private static readonly Guid ExamplePatientId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c10");
    private static readonly Guid ExampleClinicianId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c11");
    private static readonly Guid ExampleTypeId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c12");
    private static readonly Guid ExampleAppointmentId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c13");
    private static readonly Guid ExampleAssessmentId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c14");

    private static readonly AssessmentContent ExampleAssessment = new()
    {
        SubjectiveSummary = "Lateral right hip pain for six weeks after a mileage increase; worse lying on the right side and on stairs.",
        RangeOfMotion = [new RangeOfMotion(HipMovement.Flexion, BodySide.Right, 115), new RangeOfMotion(HipMovement.InternalRotation, BodySide.Right, 30)],
        TendernessSites = [TendernessSite.GreaterTrochanter],
        SpecialTests =
        [
            new SpecialTestFinding(SpecialTest.SingleLegStance30Seconds, BodySide.Right, SpecialTestResult.Positive),
            new SpecialTestFinding(SpecialTest.Fadir, BodySide.Right, SpecialTestResult.Negative),
            new SpecialTestFinding(SpecialTest.HopTest, BodySide.Right, SpecialTestResult.Negative),
        ],
        Diagnoses = [new Diagnosis(HipCondition.GlutealTendinopathy, Side.Right, DiagnosisCertainty.Provisional, IsPrimary: true)],
    };

    public static readonly IReadOnlyDictionary<Type, object> ByRequestType = new Dictionary<Type, object>
    {
        [typeof(RegisterPatientCommand)] = new RegisterPatientCommand(
            "alex.morgan@example.com", "Trail-Runner-2026", "Alex", "Morgan", new DateOnly(1990, 4, 21), "+61 7 5555 0100"),

        [typeof(CreatePatientCommand)] = new CreatePatientCommand(
            "Ana", "Núñez", new DateOnly(1986, 9, 2), Sex.Female, "0412 345 678", "ana.nunez@example.com",
            new AddressDto("12 Riverside Drive", null, "West End", "QLD", "4101", null), new EmergencyContactDto("Luis Núñez", "partner", "0413 222 333"),
            ContactMethod.Sms, RemindByEmail: true, RemindBySms: true, TelehealthConsentGivenOn: new DateOnly(2026, 11, 20),
            new MedicalAlertsDto(Allergy: true, MobilityAid: false, InterpreterNeeded: true, "Latex allergy; Spanish interpreter")),

        // An administrator names the record that stays; the route names the one that goes.
        [typeof(MergePatientCommand)] = new MergePatientCommand(ExamplePatientId),

        // The token is the code from the invitation email (43 characters).
        [typeof(ClaimPatientRecordCommand)] = new ClaimPatientRecordCommand("q8W0mZk3X1vYb7Tn5Rj2Lp9Hs4Df6Ga0Ce8Ku1Iw3Ox", "Trail-Runner-2026"),

        // The demo clinic's patient (README, "Demo logins"): Execute signs in as it stands wherever Seed:Demo is on.
        [typeof(IssueTokenCommand)] = new IssueTokenCommand(DemoClinicSeeder.PatientEmail, DemoClinicSeeder.Password),

        // Staff must name the patient; a patient may name themself. DemoBookingExample puts the demo clinic's ids here.
        [typeof(BookAppointmentCommand)] = new BookAppointmentCommand(
            ExamplePatientId, ExampleClinicianId, ExampleTypeId, new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(10)), AppointmentMode.InPerson),
        [typeof(CreateLocationCommand)] = new CreateLocationCommand(
            "Perth Northbridge", "3/88 James Street\nNorthbridge WA 6003", "(08) 9200 1234", "Australia/Perth"),
        [typeof(UpdateLocationCommand)] = new UpdateLocationCommand(
            "Perth Northbridge", "Suite 4, 90 James Street\nNorthbridge WA 6003", "+61892001234", "Australia/Perth"),
        [typeof(BookAppointmentSeriesCommand)] = new BookAppointmentSeriesCommand(
            ExamplePatientId, ExampleClinicianId, ExampleTypeId, new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(10)), AppointmentMode.InPerson,
            Occurrences: 6, new SeriesRepeat(EveryDays: 7, Weekdays: null), ToleranceMinutes: 30),
        // Any clinician at the clinic's first location, mornings or after 17:30, for the first fortnight of December (days and times on its clock).
        [typeof(JoinWaitlistCommand)] = new JoinWaitlistCommand(
            ExamplePatientId, ExampleTypeId, AppointmentMode.InPerson, ClinicianId: null, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 14),
            [PartOfDay.Morning], [new TimeOfDayRangeDto(new TimeOnly(17, 30), new TimeOnly(19, 0))], Domain.Locations.Location.DefaultId.Value),
        [typeof(ChangeWaitlistEntryCommand)] = new ChangeWaitlistEntryCommand(
            ExampleTypeId, AppointmentMode.InPerson, ExampleClinicianId, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 21), [PartOfDay.Morning, PartOfDay.Afternoon]),
        [typeof(SubmitIntakeFormCommand)] = new SubmitIntakeFormCommand(PatientId: null, AppointmentId: null, SupersedesId: null, new HipIntakeAnswers
        {
            Side = Side.Right,
            PainLocations = [PainLocation.OutsideOfHip],
            Onset = Onset.Gradual,
            StartedOn = new DateOnly(2026, 10, 5),
            PrecedingChanges = [PrecedingChange.MileageIncrease, PrecedingChange.CamberedRoads],
            Pain = new PainScores(AtRest: 1, DuringRun: 5, AfterRun: 4, AtNight: 3),
            AggravatingFactors = [AggravatingFactor.LyingOnThatSide, AggravatingFactor.Stairs],
            MechanicalSymptoms = [],
            AbleToBearWeight = true,
            Swelling = false,
            PainSpreading = false,
            SystemicSymptoms = [],
            History = [],
            TreatmentsTried = [TreatmentTried.Rest, TreatmentTried.Ice],
            Running = new RunningProfile(CurrentWeeklyKm: 55, WeeklyKmFourWeeksAgo: 40, RunsPerWeek: 5, YearsRunning: 6, "Gold Coast Marathon", new DateOnly(2027, 7, 4)),
            FreeText = "Worse on the downhill parts of my long run.",
            Sex = Sex.Female,
            MenstrualStatus = MenstrualStatus.Regular,
            NeurologicalSymptoms = [],
            Limp = false,
            NightSweats = false,
            MorningStiffnessMinutes = 10,
            NothingEasesPain = false,
            Trend = PainTrend.NoChange,
        }),
        [typeof(StartAssessmentCommand)] = new StartAssessmentCommand(ExamplePatientId, ExampleAppointmentId, ExampleAssessment),
        [typeof(DraftTreatmentPlanCommand)] = new DraftTreatmentPlanCommand(
            ExamplePatientId, ExampleAssessmentId, "Run 50 km a week without lateral hip pain by the end of January.", new DateOnly(2027, 1, 15)),

        [typeof(SaveAppointmentTypeCommand)] = new SaveAppointmentTypeCommand(
            "Running gait assessment", DurationMinutes: 60, BufferAfterMinutes: 15, AllowedModes.InPerson, BookableOnline: true),
        [typeof(CancelAppointmentCommand)] = new CancelAppointmentCommand(CancellationReason.Work, "Called away for work; will rebook next week."),
        // Another free start with the same clinician; name a clinician or location only to change them.
        [typeof(RescheduleAppointmentCommand)] = new RescheduleAppointmentCommand(new DateTimeOffset(2026, 12, 2, 14, 0, 0, TimeSpan.FromHours(10)), ClinicianId: null),
        // The refresh token from the last token answer; it is spent (rotated) by this call.
        [typeof(RefreshTokenCommand)] = new RefreshTokenCommand("rt_8bK2nQ4vX7mZ1cR5tY9wL3pH6dF0sJ2a"),
        [typeof(LogoutCommand)] = new LogoutCommand("rt_8bK2nQ4vX7mZ1cR5tY9wL3pH6dF0sJ2a"),
        // The member of staff the CreateStaffMember example adds, choosing their own password.
        [typeof(ChangePasswordCommand)] = new ChangePasswordCommand("Staff-Passw0rd-2026", "Hill-Repeats-2027"),
        [typeof(ClientTokenForm)] = new ClientTokenForm("client_credentials", "ci_5f1c2a7e9b3d4c60", "cs_example-secret-from-registration", "appointments:read appointments:write"),
        [typeof(UpdateClinicSettingsCommand)] = new UpdateClinicSettingsCommand(
            "Australia/Brisbane", MinimumNoticeForPatientsMinutes: 120, BookingHorizonMinutes: 86_400, LateCancellationWindowMinutes: 1_440,
            TelehealthOpensBeforeStartMinutes: 15, TelehealthClosesAfterEndMinutes: 30, SlotIntervalMinutes: 15, DefaultPhoneRegion: "AU", OnlineBookingNoShowLimit: 2),
        [typeof(ReviseAssessmentCommand)] = new ReviseAssessmentCommand(ExampleAssessment),
        [typeof(AddAddendumCommand)] = new AddAddendumCommand("MRI report received 2026-12-03: low-grade gluteus medius tendinopathy, no tear. Diagnosis confirmed."),
        // Set Kind and the member of that kind, nothing else.
        [typeof(AddInterventionCommand)] = new AddInterventionCommand(InterventionKind.Physiotherapy, Physiotherapy: new PhysiotherapyDetails(
            SessionsPerWeek: 1, Weeks: 8, [new ExercisePrescription(Exercise.SidePlank, Sets: 3, Reps: 5, HoldSeconds: 30), new ExercisePrescription(Exercise.GluteBridge, 3, 12, null)],
            GaitRetraining: true, TargetCadence: 176, FootwearAdvice: null)),
        [typeof(Endpoints.TreatmentPlanEndpoints.DiscontinueRequest)] = new Endpoints.TreatmentPlanEndpoints.DiscontinueRequest("Patient moved interstate; care handed over to their new physiotherapist."),
        // Monday to Friday, 08:00–16:00, at the clinic's first location; Saturday mornings too.
        [typeof(SetWorkingHoursCommand)] = new SetWorkingHoursCommand(
            [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
                .Select(day => new WorkingIntervalDto(day, new TimeOnly(8, 0), new TimeOnly(16, 0), Domain.Locations.Location.DefaultId.Value)),
             new WorkingIntervalDto(DayOfWeek.Saturday, new TimeOnly(8, 0), new TimeOnly(12, 0), Domain.Locations.Location.DefaultId.Value)]),
        [typeof(AddTimeOffCommand)] = new AddTimeOffCommand(
            new DateTimeOffset(2027, 4, 12, 0, 0, 0, TimeSpan.FromHours(10)), new DateTimeOffset(2027, 4, 19, 0, 0, 0, TimeSpan.FromHours(10)), "Sports physiotherapy conference"),
        [typeof(RegisterIntegrationClientCommand)] = new RegisterIntegrationClientCommand(
            "Riverside GP practice system", [IntegrationScopes.AppointmentsRead, IntegrationScopes.AppointmentsWrite]),
        [typeof(ChangeIntegrationClientScopesCommand)] = new ChangeIntegrationClientScopesCommand([IntegrationScopes.AppointmentsRead]),
        [typeof(UpdatePatientCommand)] = new UpdatePatientCommand(
            "Ana", "Núñez", new DateOnly(1986, 9, 2), Sex.Female, "0412 345 678", "ana.nunez@example.com",
            new AddressDto("14 Riverside Drive", null, "West End", "QLD", "4101", null), new EmergencyContactDto("Luis Núñez", "partner", "0413 222 333"),
            ContactMethod.Email, RemindByEmail: true, RemindBySms: false, TelehealthConsentGivenOn: new DateOnly(2026, 11, 20),
            new MedicalAlertsDto(Allergy: true, MobilityAid: false, InterpreterNeeded: false, "Latex allergy")),
        [typeof(RecordDateOfDeathCommand)] = new RecordDateOfDeathCommand(new DateOnly(2026, 11, 28)),
        // The week starting Monday 30 November: four runs, 42.5 km, the longest 16 km.
        [typeof(RecordRunningLoadCommand)] = new RecordRunningLoadCommand(new DateOnly(2026, 11, 30), DistanceKm: 42.5m, Runs: 4, LongestRunKm: 16m),
        // NPRS takes a score (0–10); iHOT-12 and HOOS take their items instead.
        [typeof(RecordOutcomeCommand)] = new RecordOutcomeCommand(OutcomeInstrument.Nprs, Score: 3, Items: null),
        [typeof(CreateStaffMemberCommand)] = new CreateStaffMemberCommand(
            "sam.okafor@clinic.example", "Staff-Passw0rd-2026", "Sam", "Okafor", StaffRole.Clinician, Profession.Physiotherapist),
        // The six-session course of care at a course price of $85 a session (the follow-up's list price is $95); an expiry far enough ahead that the example stays valid.
        [typeof(Application.Billing.Accounts.SellPrepaidPackCommand)] = new Application.Billing.Accounts.SellPrepaidPackCommand(
            Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c15"), Sessions: 6, new DateOnly(2030, 6, 30), "Six-session course of care", SessionPriceMinor: 8500),
        [typeof(CreateWebhookSubscriptionCommand)] = new CreateWebhookSubscriptionCommand(
            "https://hooks.example.com/clinichip", [WebhookEventTypes.AppointmentBooked, WebhookEventTypes.AppointmentCancelled], "Practice calendar sync"),
    };

    /// <summary>Puts the example on the JSON request body of each operation whose body type has one.</summary>
    internal sealed class OperationFilter(IOptions<JsonOptions> json, DemoBookingExample demo) : IOperationFilter
    {
        // The API's options, leaving out members the example does not set (optional ones are null).
        private readonly JsonSerializerOptions serializerOptions = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            // A form body (the client-token request) is declared with Accepts rather than bound from the body.
            var bodyType = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type
                ?? context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IAcceptsMetadata>().FirstOrDefault()?.RequestType;
            if (bodyType is null || !(ByRequestType.TryGetValue(bodyType, out var example) || BillingRequestExamples.ByRequestType.TryGetValue(bodyType, out example))
                || operation.RequestBody?.Content?.Values.FirstOrDefault() is not OpenApiMediaType body)
            {
                return;
            }

            if (bodyType == typeof(BookAppointmentCommand) && demo.Find() is { } demoBooking)
            {
                example = demoBooking;
            }

            body.Example = JsonSerializer.SerializeToNode(example, bodyType, serializerOptions);
        }
    }
}
