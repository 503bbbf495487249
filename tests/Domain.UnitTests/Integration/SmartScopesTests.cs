using ClinicHip.Domain.Integration;

namespace ClinicHip.Domain.UnitTests.Integration;

public class SmartScopesTests
{
    private static readonly string[] ReadBoth = [IntegrationScopes.PatientsRead, IntegrationScopes.AppointmentsRead];

    [Theory]
    [InlineData("system/Patient.rs", IntegrationScopes.PatientsRead)]
    [InlineData("system/Patient.read", IntegrationScopes.PatientsRead)]
    [InlineData("system/Appointment.rs", IntegrationScopes.AppointmentsRead)]
    [InlineData("system/Slot.read", IntegrationScopes.AppointmentsRead)]
    public void Grant_AResourceScopeTheClientHoldsTheScopeFor_StandsForThatScope(string smart, string expected) =>
        SmartScopes.Grant(smart, ReadBoth).ShouldBe([expected]);

    [Fact]
    public void Grant_TheWildcard_StandsForEveryReadScopeTheClientHolds() =>
        SmartScopes.Grant("system/*.rs", [IntegrationScopes.AppointmentsRead, IntegrationScopes.WebhooksManage]).ShouldBe([IntegrationScopes.AppointmentsRead]);

    [Fact]
    public void Grant_TheWildcardToAClientWithNoReadScope_IsRefused() =>
        SmartScopes.Grant("system/*.rs", [IntegrationScopes.WebhooksManage]).ShouldBeNull();

    [Fact]
    public void Grant_AResourceScopeWhoseClinicHipScopeTheClientLacks_IsRefused() =>
        SmartScopes.Grant("system/Patient.rs", [IntegrationScopes.AppointmentsRead]).ShouldBeNull();

    [Theory]
    [InlineData("system/Condition.rs")]
    [InlineData("system/Observation.read")]
    [InlineData("system/Patient.cruds")]
    [InlineData("system/Patient.write")]
    [InlineData("patient/*.rs")]
    [InlineData("system/Patient")]
    public void Grant_ClinicalResourcesWritesAndUnknownForms_AreRefused(string smart) =>
        SmartScopes.Grant(smart, ReadBoth).ShouldBeNull();

    [Fact]
    public void IsSmart_OnlySystemScopes_AreReadAsSmart()
    {
        SmartScopes.IsSmart("system/Patient.rs").ShouldBeTrue();
        SmartScopes.IsSmart(IntegrationScopes.PatientsRead).ShouldBeFalse();
    }

    private static readonly string[] ExportTypes = ["Patient", "Practitioner", "Schedule", "Appointment"];

    [Fact]
    public void Exportable_ATypeScope_CoversThatTypeOnly() =>
        SmartScopes.Exportable(ExportTypes, ["system/Patient.rs", .. ReadBoth]).ShouldBe(["Patient"]);

    [Fact]
    public void Exportable_TheWildcard_CoversEveryTypeWhoseClinicHipScopeTheTokenCarries() =>
        SmartScopes.Exportable(ExportTypes, ["system/*.read", IntegrationScopes.AppointmentsRead]).ShouldBe(["Practitioner", "Schedule", "Appointment"]);

    [Fact]
    public void Exportable_ClinicHipScopesWithoutASmartSystemScope_CoverNothing() =>
        SmartScopes.Exportable(ExportTypes, ReadBoth).ShouldBeEmpty();

    [Fact]
    public void Exportable_ASmartScopeWithoutItsClinicHipScope_CoversNothing() =>
        SmartScopes.Exportable(ExportTypes, ["system/Patient.rs", IntegrationScopes.AppointmentsRead]).ShouldBeEmpty();
}
