using System.Reflection;
using System.Text.RegularExpressions;

namespace ClinicHip.Architecture.Tests;

/// <summary>Dependencies point inward: Domain ← Application ← Fhir ← Infrastructure ← Api.</summary>
public partial class LayerDependencyTests
{
    private static readonly Assembly Domain = typeof(Domain.Common.AuditableEntity).Assembly;
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;
    private static readonly Assembly Fhir = typeof(Fhir.FhirResources).Assembly;
    private static readonly Assembly Infrastructure = typeof(Infrastructure.DependencyInjection).Assembly;
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static string[] References(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Fact]
    public void Domain_DependsOnNoOtherLayerNorFramework()
    {
        var references = References(Domain);

        references.ShouldNotContain(r => r.StartsWith("ClinicHip", StringComparison.Ordinal));
        references.ShouldNotContain(r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
        references.ShouldNotContain(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        references.ShouldNotContain("MediatR");
    }

    [Fact]
    public void Application_DependsOnDomainOnly()
    {
        var layers = References(Application).Where(r => r.StartsWith("ClinicHip", StringComparison.Ordinal));

        layers.ShouldBe(["ClinicHip.Domain"]);
        References(Application).ShouldNotContain(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Fhir_DependsOnApplicationAndDomainOnly_WithoutHttpOrDatabase()
    {
        var references = References(Fhir);

        references.Where(r => r.StartsWith("ClinicHip", StringComparison.Ordinal)).ShouldBe(["ClinicHip.Application", "ClinicHip.Domain"], ignoreOrder: true);
        references.ShouldNotContain(r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        references.ShouldNotContain(r => r.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnApi() =>
        References(Infrastructure).ShouldNotContain(Api.GetName().Name!);

    [Fact]
    public void DatabaseContexts_DoNotReachIntoApplicationFeatures()
    {
        var persistence = Path.Combine("src", "Infrastructure", "Persistence");
        var reaching = RepositorySource.Files(persistence).Where(f => f.EndsWith("ApplicationDbContext.cs", StringComparison.Ordinal))
            .Select(f => (File: f, Text: File.ReadAllText(Path.Combine(RepositorySource.Root, persistence, f))))
            .Where(f => ApplicationFeature().IsMatch(f.Text)).Select(f => f.File);

        reaching.ShouldBeEmpty("a feature that keeps something in step with saves registers an interceptor (as availability's cache does), not a call from the context");
    }

    [Fact]
    public void DomainTypes_DoNotExposePublicSetters()
    {
        var settable = Domain.GetTypes()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(p => p.SetMethod is { IsPublic: true } && !p.SetMethod.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.Name == "IsExternalInit"))
                .Select(p => $"{t.Name}.{p.Name}"));

        settable.ShouldBeEmpty("domain state changes through intent methods, not setters");
    }

    /// <summary>Anything of Application but its common ports and exceptions.</summary>
    [GeneratedRegex(@"\bApplication\.(?!Common\.)[A-Z]\w*\.")]
    private static partial Regex ApplicationFeature();
}
