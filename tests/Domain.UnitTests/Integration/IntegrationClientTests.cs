using ClinicHip.Domain.Integration;

namespace ClinicHip.Domain.UnitTests.Integration;

public class IntegrationClientTests
{
    [Fact]
    public void Register_KeepsKnownScopesOnce_InTheirCanonicalOrder()
    {
        var client = IntegrationClient.Register(" Widget ", ["patients:read", "appointments:read", "patients:read"], new string('A', 64));

        client.Name.ShouldBe("Widget");
        client.Scopes.ShouldBe(["appointments:read", "patients:read"]);
        client.IsActive.ShouldBeTrue();
    }

    [Theory]
    [InlineData("clinical:read")]
    [InlineData("Appointments:Read")]
    public void Register_WithAnUnknownScope_IsNotPossible(string scope) =>
        Should.Throw<ArgumentException>(() => IntegrationClient.Register("Widget", ["appointments:read", scope], new string('A', 64)));

    [Fact]
    public void Register_WithNoScope_IsNotPossible() =>
        Should.Throw<ArgumentException>(() => IntegrationClient.Register("Widget", [], new string('A', 64)));

    [Fact]
    public void ChangeScopes_Narrowing_HoldsOnlyTheNewScopes()
    {
        var client = IntegrationClient.Register("Widget", ["appointments:read", "appointments:write"], new string('A', 64));

        client.ChangeScopes(["appointments:read"]);

        client.Scopes.ShouldBe(["appointments:read"]);
        client.Holds(["appointments:write"]).ShouldBeFalse();
    }

    [Fact]
    public void ChangeScopes_ToNoneOrAnUnknownScope_IsNotPossible()
    {
        var client = IntegrationClient.Register("Widget", ["appointments:read"], new string('A', 64));

        Should.Throw<ArgumentException>(() => client.ChangeScopes([]));
        Should.Throw<ArgumentException>(() => client.ChangeScopes(["clinical:read"]));
        client.Scopes.ShouldBe(["appointments:read"]);
    }

    [Fact]
    public void Holds_OnlyGrantedScopes()
    {
        var client = IntegrationClient.Register("Widget", ["appointments:read"], new string('A', 64));

        client.Holds(["appointments:read"]).ShouldBeTrue();
        client.Holds(["appointments:read", "appointments:write"]).ShouldBeFalse();
    }

    [Fact]
    public void Revoke_IsFinal_AndKeepsTheFirstTime()
    {
        var client = IntegrationClient.Register("Widget", ["appointments:read"], new string('A', 64));
        var first = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

        client.Revoke(first);
        client.Revoke(first.AddDays(1));

        client.IsActive.ShouldBeFalse();
        client.RevokedAtUtc.ShouldBe(first);
    }
}
