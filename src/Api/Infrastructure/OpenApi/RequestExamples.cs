using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicHip.Application.Assessments;
using ClinicHip.Application.Auth;
using ClinicHip.Application.Intake;
using ClinicHip.Application.Locations;
using ClinicHip.Application.Patients;
using ClinicHip.Application.Scheduling.Appointments;
using ClinicHip.Application.Treatment;
using ClinicHip.Application.Waitlist;
using ClinicHip.Domain.Assessments;
using ClinicHip.Domain.Conditions;
using ClinicHip.Domain.Intake;
using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Scheduling;
using ClinicHip.Domain.Waitlist;
using ClinicHip.Infrastructure.Persistence.Seeding;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// Example bodies of the main requests, written as the commands themselves so they cannot drift from the contract
/// (they do not compile when a field changes), and serialized with the API's own JSON options.
/// </summary>
internal static class RequestExamples
{
    private static readonly Guid ExamplePatientId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c10");
    private static readonly Guid ExampleClinicianId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c11");
    private static readonly Guid ExampleTypeId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c12");
    private static readonly Guid ExampleAppointmentId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c13");
    private static readonly Guid ExampleAssessmentId = Guid.Parse("0193a5f0-6c1e-7c4a-9d2b-1f6e8a4b2c14");

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
        [typeof(StartAssessmentCommand)] = new StartAssessmentCommand(ExamplePatientId, ExampleAppointmentId, new AssessmentContent
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
        }),
        [typeof(DraftTreatmentPlanCommand)] = new DraftTreatmentPlanCommand(
            ExamplePatientId, ExampleAssessmentId, "Run 50 km a week without lateral hip pain by the end of January.", new DateOnly(2027, 1, 15)),
    };

    /// <summary>Puts the example on the JSON request body of each operation whose body type has one.</summary>
    internal sealed class OperationFilter(IOptions<JsonOptions> json, DemoBookingExample demo) : IOperationFilter
    {
        // The API's options, leaving out members the example does not set (optional ones are null).
        private readonly JsonSerializerOptions serializerOptions = new(json.Value.SerializerOptions) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

        public void Apply(OpenApiOperation operation, OperationFilterContext context)
        {
            var bodyType = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type;
            if (bodyType is null || !ByRequestType.TryGetValue(bodyType, out var example)
                || operation.RequestBody?.Content?.TryGetValue("application/json", out var media) != true || media is not OpenApiMediaType jsonBody)
            {
                return;
            }

            if (bodyType == typeof(BookAppointmentCommand) && demo.Find() is { } demoBooking)
            {
                example = demoBooking;
            }

            jsonBody.Example = JsonSerializer.SerializeToNode(example, bodyType, serializerOptions);
        }
    }
}
