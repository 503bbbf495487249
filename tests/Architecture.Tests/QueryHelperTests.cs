using System.Reflection;
using System.Runtime.CompilerServices;
using ClinicHip.Application.Common.Interfaces;

namespace ClinicHip.Architecture.Tests;

/// <summary>
/// Where shared query helpers live (README, Layout): reads and writes several use cases share are extension methods on
/// <see cref="IApplicationDbContext"/> in a static class <c>&lt;Subject&gt;Queries</c>, alone in its own file of that name
/// beside the use cases; a use case's file declares no helper class another file could call.
/// </summary>
public class QueryHelperTests
{
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;

    private static readonly Assembly[] SourceAssemblies =
        [Application, typeof(Fhir.FhirResources).Assembly, typeof(Infrastructure.DependencyInjection).Assembly, typeof(Program).Assembly];

    [Fact]
    public void UseCaseFile_DeclaresNoSharedHelperClass()
    {
        var useCaseFiles = UseCaseShapeTests.HandlerFiles().Select(h => h.File).ToHashSet();
        var declaredIn = UseCaseShapeTests.Declarations();

        // File-local classes (file static class) are the use case's own; their compiled names are not in the declarations.
        var helpers = Application.GetTypes().Where(t => t is { IsAbstract: true, IsSealed: true, IsNested: false })
            .Where(t => declaredIn.TryGetValue(t.FullName!, out var file) && useCaseFiles.Contains(file))
            .Select(t => $"{declaredIn[t.FullName!]} declares {t.Name}");

        helpers.ShouldBeEmpty("a helper other use cases call lives beside them, in <Subject>Queries.cs (or <Feature>Access.cs), not hidden in a use case's file");
    }

    [Fact]
    public void DbContextExtensionClass_IsNamedQueriesAndAloneInItsFile()
    {
        var declaredIn = UseCaseShapeTests.Declarations();
        var typesPerFile = declaredIn.GroupBy(d => d.Value).ToDictionary(g => g.Key, g => g.Count());

        var misplaced = SourceAssemblies.SelectMany(a => a.GetTypes()).Where(ExtendsTheDbContext).SelectMany(t => Breaches(t, declaredIn, typesPerFile));

        misplaced.ShouldBeEmpty("extension methods on IApplicationDbContext live in a static class <Subject>Queries, alone in <Subject>Queries.cs");
    }

    private static IEnumerable<string> Breaches(Type helper, Dictionary<string, string> declaredIn, Dictionary<string, int> typesPerFile)
    {
        if (!helper.Name.EndsWith("Queries", StringComparison.Ordinal))
        {
            yield return $"{helper.FullName} is not named <Subject>Queries";
        }

        if (helper.Assembly != Application)
        {
            yield break;
        }

        var file = declaredIn.GetValueOrDefault(helper.FullName!);
        if (file is null || Path.GetFileNameWithoutExtension(file) != helper.Name)
        {
            yield return $"{helper.FullName} is declared in {file ?? "no file found"}, not {helper.Name}.cs";
        }
        else if (typesPerFile[file] > 1)
        {
            yield return $"{file} declares other types beside {helper.Name}";
        }
    }

    private static bool ExtendsTheDbContext(Type type) =>
        type is { IsAbstract: true, IsSealed: true, IsNested: false }
        && type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Any(m => m.IsDefined(typeof(ExtensionAttribute)) && m.GetParameters()[0].ParameterType == typeof(IApplicationDbContext));
}
