using ClinicHip.Domain.Common;
using ClinicHip.Domain.Staff;

namespace ClinicHip.Domain.UnitTests.Staff;

public class StaffMemberTests
{
    private static readonly PersonName Name = new("Maya", "Chen");

    [Fact]
    public void Hire_Clinician_GetsABookableClinicianProfile()
    {
        var member = StaffMember.Hire(Guid.NewGuid(), Name, "maya@example.com", StaffRole.Clinician, Profession.Physiotherapist);

        member.Clinician.ShouldNotBeNull();
        member.Clinician.StaffMemberId.ShouldBe(member.Id);
        member.Clinician.DisplayName.ShouldBe("Maya Chen");
        member.Clinician.Profession.ShouldBe(Profession.Physiotherapist);
        member.Clinician.IsBookable.ShouldBeTrue();
    }

    [Theory]
    [InlineData(StaffRole.FrontDesk)]
    [InlineData(StaffRole.Admin)]
    public void Hire_NonClinician_HasNoClinicianProfile(StaffRole role) =>
        StaffMember.Hire(Guid.NewGuid(), Name, "riley@example.com", role, null).Clinician.ShouldBeNull();

    [Fact]
    public void Hire_ClinicianWithoutProfession_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => StaffMember.Hire(Guid.NewGuid(), Name, "m@example.com", StaffRole.Clinician, null))
            .Code.ShouldBe("staff.profession-clinicians-only");

    [Fact]
    public void Hire_FrontDeskWithProfession_IsNotPossible() =>
        Should.Throw<BusinessRuleViolationException>(() => StaffMember.Hire(Guid.NewGuid(), Name, "m@example.com", StaffRole.FrontDesk, Profession.Podiatrist));
}
