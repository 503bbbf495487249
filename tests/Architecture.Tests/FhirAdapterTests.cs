using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authorization;

namespace ClinicHip.Architecture.Tests;

/// <summary>
/// The FHIR endpoints are an adapter (docs/decisions/0046): each interaction sends one request to a use case, which
/// decides access and reads what it needs; the adapter maps the answer. Read from the compiled Api assembly, async state
/// machines and the helpers they call included.
/// </summary>
public class FhirAdapterTests
{
    private static readonly Assembly Api = typeof(Program).Assembly;

    private static IEnumerable<Type> AdapterTypes() =>
        Api.GetTypes().Where(t => t.Namespace?.StartsWith("ClinicHip.Api.Fhir", StringComparison.Ordinal) == true);

    private static IEnumerable<MethodInfo> Interactions() =>
        AdapterTypes().Where(t => t.Namespace == "ClinicHip.Api.Fhir.Endpoints" && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => !m.Name.StartsWith("Map", StringComparison.Ordinal));

    [Fact]
    public void FhirAdapter_MakesNoAccessDecision()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        var deciding = AdapterTypes().SelectMany(t =>
                t.GetFields(all).Where(f => f.FieldType == typeof(IAuthorizationService)).Select(f => $"{t.FullName}.{f.Name}")
                    .Concat(t.GetMethods(all).Cast<MethodBase>().Concat(t.GetConstructors(all))
                        .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(IAuthorizationService))).Select(m => $"{t.FullName}.{m.Name}")))
            .ToList();

        deciding.ShouldBeEmpty("who may read what is decided in Application, by the use case the interaction sends");
    }

    [Fact]
    public void FhirInteraction_SendsOneRequest()
    {
        var interactions = Interactions().ToList();
        var fanOut = interactions.Where(m => Sends(m, []) > 1).Select(m => $"{m.DeclaringType!.Name}.{m.Name}").ToList();

        interactions.Count.ShouldBeGreaterThan(20);
        interactions.ShouldContain(m => m.Name == "Everything");
        fanOut.ShouldBeEmpty("an interaction sends one use case; a second read belongs in that use case");
    }

    /// <summary>How many mediator Send calls <paramref name="method"/> makes, with those of the adapter's helpers it calls.</summary>
    private static int Sends(MethodBase method, HashSet<MethodBase> seen)
    {
        if (!seen.Add(method))
        {
            return 0;
        }

        var body = (method.GetCustomAttribute<AsyncStateMachineAttribute>()?.StateMachineType.GetMethod("MoveNext", BindingFlags.NonPublic | BindingFlags.Instance) ?? method)
            .GetMethodBody()?.GetILAsByteArray() ?? [];
        var sends = 0;
        for (var i = 0; i + 4 < body.Length; i++)
        {
            // call and callvirt take a method token; reading every byte may meet an operand that looks like one, which
            // resolves to nothing or to a method that is not Send.
            if (body[i] is not (0x28 or 0x6F) || Resolve(method.Module, BitConverter.ToInt32(body, i + 1)) is not { } called)
            {
                continue;
            }

            if (called.Name == "Send" && called.DeclaringType?.Namespace == "MediatR")
            {
                sends++;
            }
            else if (called.DeclaringType?.Namespace?.StartsWith("ClinicHip.Api.Fhir", StringComparison.Ordinal) == true && called.Module == method.Module)
            {
                sends += Sends(called, seen);
            }
        }

        return sends;
    }

    private static MethodBase? Resolve(Module module, int token)
    {
        try
        {
            return module.ResolveMethod(token);
        }
        catch (Exception exception) when (exception is ArgumentException or BadImageFormatException)
        {
            return null;
        }
    }
}
