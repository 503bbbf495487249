namespace ClinicHip.Domain.Integration;

/// <summary>
/// SMART App Launch v2 system scopes (<c>system/{Resource}.{permissions}</c>) an integration client may ask for at the
/// token endpoint, read onto the ClinicHip scopes it was granted (docs/decisions/0030). A SMART scope grants nothing of
/// its own: it names a ClinicHip scope, so who may read what stays decided in one place (docs/decisions/0009).
/// </summary>
public static class SmartScopes
{
    public const string Prefix = "system/";

    /// <summary>The resources a client may read through FHIR, each with the ClinicHip scope that reaches it.</summary>
    public static IReadOnlyDictionary<string, string> ReadableResources { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Patient"] = IntegrationScopes.PatientsRead,
        ["Appointment"] = IntegrationScopes.AppointmentsRead,
        ["Practitioner"] = IntegrationScopes.AppointmentsRead,
        ["Schedule"] = IntegrationScopes.AppointmentsRead,
        ["Slot"] = IntegrationScopes.AppointmentsRead,
        ["Location"] = IntegrationScopes.AppointmentsRead,
    };

    /// <summary>Read and search, in the v2 form (<c>.rs</c>) and the v1 form (<c>.read</c>); nothing is written through FHIR.</summary>
    private static readonly string[] ReadPermissions = ["rs", "read"];

    /// <summary>Every SMART scope served, for the CapabilityStatement and the smart-configuration document.</summary>
    public static IReadOnlyList<string> Supported { get; } =
        [.. ReadableResources.Keys.Prepend("*").SelectMany(r => ReadPermissions.Select(p => $"{Prefix}{r}.{p}"))];

    public static bool IsSmart(string scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.StartsWith(Prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// The ClinicHip scopes a SMART scope stands for, given the ones the client holds: one resource needs its scope;
    /// <c>system/*</c> stands for every read scope the client holds (at least one). Null when the scope is not served
    /// or the client lacks what it needs: clinical resources, writes and unknown names are refused, never narrowed.
    /// </summary>
    public static IReadOnlyList<string>? Grant(string scope, IReadOnlyCollection<string> held)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(held);
        if (!Supported.Contains(scope, StringComparer.Ordinal))
        {
            return null;
        }

        var resource = scope[Prefix.Length..scope.LastIndexOf('.')];
        IReadOnlyList<string> needed = resource == "*"
            ? [.. ReadableResources.Values.Distinct().Where(s => held.Contains(s, StringComparer.Ordinal))]
            : [ReadableResources[resource]];
        return needed.Count > 0 && needed.All(s => held.Contains(s, StringComparer.Ordinal)) ? needed : null;
    }

    /// <summary>
    /// Of <paramref name="types"/>, those a client's token lets it export (docs/decisions/0033): a system read scope for
    /// the type or for every type (<c>system/*</c>), and the ClinicHip scope that reaches the type. Bulk Data is a
    /// system-level operation, so only SMART system scopes count; a client asking for none exports nothing.
    /// </summary>
    public static IReadOnlyList<string> Exportable(IEnumerable<string> types, IReadOnlyCollection<string> tokenScopes)
    {
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(tokenScopes);
        bool Names(string resource) => ReadPermissions.Any(p => tokenScopes.Contains($"{Prefix}{resource}.{p}", StringComparer.Ordinal));
        return [.. types.Where(type => ReadableResources.TryGetValue(type, out var needed)
            && (Names(type) || Names("*")) && tokenScopes.Contains(needed, StringComparer.Ordinal))];
    }
}
