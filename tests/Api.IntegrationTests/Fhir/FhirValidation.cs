using System.Text.Json;
using ClinicHip.Fhir;
using Firely.Fhir.Validation;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;

namespace ClinicHip.Api.IntegrationTests.Fhir;

/// <summary>
/// Reads FHIR JSON strictly with the Firely SDK and validates it with the Firely validator against the base R4
/// specification (the specification package, not the API's own code), collecting the issues of every resource read.
/// </summary>
public static class FhirValidation
{
    private static readonly Lazy<Validator> Validator = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver.AsAsync(), new LocalTerminologyService(resolver.AsAsync()));
    });

    // One validator for the test run: building the R4 snapshots is the slow part.
    private static readonly Lock Gate = new();

    /// <summary>Parses the body as a FHIR resource (unknown elements are errors) and validates it and everything it contains.</summary>
    public static T Parse<T>(string json)
        where T : Resource
    {
        var resource = JsonSerializer.Deserialize<Resource>(json, FhirJson.Options).ShouldBeOfType<T>();
        Report(resource).Errors.ShouldBeEmpty($"{typeof(T).Name} is not valid R4:\n{json}");
        return resource;
    }

    /// <summary>The errors and warnings of one resource (a Bundle is validated with its entries).</summary>
    public static (IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Report(Resource resource)
    {
        OperationOutcome outcome;
        lock (Gate)
        {
            outcome = Validator.Value.Validate(resource);
        }

        static IReadOnlyList<string> Of(OperationOutcome o, params OperationOutcome.IssueSeverity[] severities) =>
            [.. o.Issue.Where(i => i.Severity is { } s && severities.Contains(s)).Select(i => $"{i.Details?.Text ?? i.Diagnostics} @ {string.Join(',', i.Expression)}")];

        var report = (Of(outcome, OperationOutcome.IssueSeverity.Error, OperationOutcome.IssueSeverity.Fatal), Of(outcome, OperationOutcome.IssueSeverity.Warning));
        Warnings.AddRange(report.Item2.Select(w => $"{resource.TypeName}: {w}"));
        return report;
    }

    /// <summary>Every warning seen in this run, for the test output.</summary>
    public static List<string> Warnings { get; } = [];
}
