using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace ClinicHip.Api.Infrastructure.OpenApi;

/// <summary>
/// Lists the tags in the order a newcomer works through the API (sign in, patients, availability and booking, intake,
/// clinical records, integration, administration) rather than alphabetically; Swagger UI shows them in this order.
/// Each tag's description names its workflow group. A tag this filter does not know comes just before Admin.
/// </summary>
internal sealed class WorkflowTagOrderDocumentFilter : IDocumentFilter
{
    public static readonly IReadOnlyList<(string Group, string[] Tags)> Workflow =
    [
        ("Authentication", ["Authentication"]),
        ("Patients", ["Patients", "Progress"]),
        ("Availability & booking", ["Clinicians", "Appointment types", "Availability", "Appointments", "Waitlist", "Clinic"]),
        ("Intake", ["Intake"]),
        ("Clinical", ["Clinical"]),
        ("Integration", ["Integration clients", "Webhooks"]),
        ("Admin", ["Staff", "Audit"]),
    ];

    public void Apply(OpenApiDocument swaggerDoc, DocumentFilterContext context)
    {
        var used = swaggerDoc.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);
        var ordered = used.Select(name => (Name: name, Rank: Rank(name))).OrderBy(t => t.Rank.Position).ThenBy(t => t.Name, StringComparer.Ordinal);

        // Insertion order is the order written out.
        swaggerDoc.Tags = new HashSet<OpenApiTag>(ordered.Select(t => new OpenApiTag { Name = t.Name, Description = $"Workflow: {t.Rank.Group}." }));
    }

    private static (int Position, string Group) Rank(string tag)
    {
        for (var group = 0; group < Workflow.Count; group++)
        {
            var index = Array.IndexOf(Workflow[group].Tags, tag);
            if (index >= 0)
            {
                return ((group * 100) + index, Workflow[group].Group);
            }
        }

        return (((Workflow.Count - 1) * 100) - 1, "Integration");
    }
}
