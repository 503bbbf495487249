namespace ClinicHip.Application.Common.Models;

/// <summary>
/// A replacing request (a PUT) whose body may be the document its GET answered: every member of
/// <see cref="ReadType"/> the request does not declare is accepted and ignored (documented <c>readOnly</c>), so a
/// client can read, change and send back, while a member neither declares is still refused by name
/// (docs/decisions/0022).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AcceptsReadOnlyMembersOfAttribute(Type readType) : Attribute
{
    public Type ReadType { get; } = readType;
}
