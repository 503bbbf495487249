using System.Reflection;
using System.Text.RegularExpressions;
using MediatR;

namespace ClinicHip.Architecture.Tests;

/// <summary>
/// One use case, one file: <c>src/Application/&lt;Feature&gt;/&lt;UseCase&gt;.cs</c> holds its request, validator and
/// handler, so a reader finds the file from the use case's name. The handlers come from the compiled assembly (none can be
/// missed); the files that declare them come from the source.
/// </summary>
public partial class UseCaseShapeTests
{
    private static readonly Assembly Application = typeof(Application.DependencyInjection).Assembly;

    private static readonly string ApplicationSource = Path.Combine(RepositorySource.Root, "src", "Application");

    [Fact]
    public void ApplicationSourceFile_DeclaresAtMostOneRequestHandler()
    {
        var grabBags = HandlerFiles().GroupBy(h => h.File).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(h => h.Handler.Name))}");

        grabBags.ShouldBeEmpty("one file per use case, named after it, holding its request, validator and handler");
    }

    [Fact]
    public void UseCaseFile_IsNamedAfterItsRequest()
    {
        var misnamed = HandlerFiles().Where(h => Path.GetFileNameWithoutExtension(h.File) != UseCaseName(h.Request))
            .Select(h => $"{h.File} holds {h.Request.Name}");

        misnamed.ShouldBeEmpty("a use case's file is its request's name without Command or Query");
    }

    [Fact]
    public void UseCaseFile_HoldsItsRequestAndValidators()
    {
        var validators = Application.GetTypes()
            .Select(t => (Type: t, Validated: t.BaseType is { IsGenericType: true } b && b.GetGenericTypeDefinition() == typeof(FluentValidation.AbstractValidator<>)
                ? b.GetGenericArguments()[0] : null))
            .Where(v => v.Validated is not null).ToLookup(v => v.Validated!, v => v.Type);
        var declaredIn = Declarations();

        var strays = HandlerFiles().SelectMany(h => validators[h.Request].Prepend(h.Request)
            .Where(t => declaredIn.GetValueOrDefault(t.FullName!) != h.File)
            .Select(t => $"{t.Name} is not in {h.File}"));

        strays.ShouldBeEmpty("the request and its validators live in the use case's file");
    }

    [Fact]
    public void RequestHandler_DoesNotDependOnTheMediator()
    {
        var callers = HandlerFiles().Where(h => h.Handler.GetConstructors().SelectMany(c => c.GetParameters()).Any(p => p.ParameterType == typeof(IMediator)))
            .Select(h => h.Handler.Name);

        callers.ShouldBeEmpty("a handler sending another request runs the pipeline and the access checks twice: share a helper instead");
    }

    [Fact]
    public void ApplicationSourceFile_NamespaceIsItsFolder()
    {
        var mismatched = SourceFiles()
            .Select(f => (File: f, Namespace: NamespaceDeclaration().Match(File.ReadAllText(Path.Combine(ApplicationSource, f))).Groups[1].Value,
                Expected: string.Join('.', ["ClinicHip.Application", .. Path.GetDirectoryName(f)!.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries)])))
            .Where(f => f.Namespace != f.Expected).Select(f => $"{f.File}: {f.Namespace}, expected {f.Expected}");

        mismatched.ShouldBeEmpty();
    }

    internal static IEnumerable<(Type Handler, Type Request, string File)> HandlerFiles()
    {
        var declaredIn = Declarations();
        foreach (var handler in Application.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false }))
        {
            var handled = handler.GetInterfaces().FirstOrDefault(i => i.IsGenericType
                && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(IRequestHandler<>)));
            if (handled is not null)
            {
                var file = declaredIn.GetValueOrDefault(handler.FullName!)
                    ?? throw new InvalidOperationException($"No file under src/Application declares {handler.FullName}.");
                yield return (handler, handled.GetGenericArguments()[0], file);
            }
        }
    }

    /// <summary>Each top-level type's full name, and the file (relative to src/Application) that declares it.</summary>
    internal static Dictionary<string, string> Declarations()
    {
        var declarations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(Path.Combine(ApplicationSource, file));
            var ns = NamespaceDeclaration().Match(text).Groups[1].Value;
            foreach (Match type in TypeDeclaration().Matches(text))
            {
                var arity = type.Groups[2].Success ? $"`{type.Groups[2].Value.Count(c => c == ',') + 1}" : string.Empty;
                declarations.TryAdd($"{ns}.{type.Groups[1].Value}{arity}", file);
            }
        }

        return declarations;
    }

    private static IEnumerable<string> SourceFiles() => RepositorySource.Files(Path.Combine("src", "Application"));

    private static string UseCaseName(Type request) => RequestSuffix().Replace(request.Name, string.Empty);

    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    // Top-level declarations start at the line's beginning in file-scoped namespaces; nested ones are indented.
    [GeneratedRegex(@"^(?:(?:public|internal|file|sealed|static|abstract|partial|readonly)\s+)*(?:class|record|struct|interface|enum)\s+(\w+)(<[^>]+>)?", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex("(Command|Query)$")]
    private static partial Regex RequestSuffix();
}
