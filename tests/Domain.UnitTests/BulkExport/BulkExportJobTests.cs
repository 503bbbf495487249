using ClinicHip.Domain.BulkExport;

namespace ClinicHip.Domain.UnitTests.BulkExport;

public class BulkExportJobTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Types = ["Patient", "Appointment"];

    [Fact]
    public void Request_ByAUser_BelongsToThatUserOnly()
    {
        var user = Guid.NewGuid();
        var job = BulkExportJob.Request(user, null, Types, null, "https://clinic.example/fhir/$export", Now);

        job.Status.ShouldBe(BulkExportStatus.Pending);
        job.TypeList.ShouldBe(Types);
        job.IsRequestedBy(user, null).ShouldBeTrue();
        job.IsRequestedBy(Guid.NewGuid(), null).ShouldBeFalse();
        job.IsRequestedBy(null, user).ShouldBeFalse();
    }

    [Fact]
    public void Request_ByNeitherOrBothAUserAndAClient_IsRefused()
    {
        Should.Throw<ArgumentException>(() => BulkExportJob.Request(null, null, Types, null, "u", Now));
        Should.Throw<ArgumentException>(() => BulkExportJob.Request(Guid.NewGuid(), Guid.NewGuid(), Types, null, "u", Now));
    }

    [Fact]
    public void Cancel_AnAcceptedJob_HidesItAtOnce()
    {
        var job = BulkExportJob.Request(null, Guid.NewGuid(), Types, null, "u", Now);
        job.IsVisibleAt(Now).ShouldBeTrue();

        job.Cancel(Now);

        job.Status.ShouldBe(BulkExportStatus.Cancelled);
        job.IsVisibleAt(Now).ShouldBeFalse();
    }

    [Fact]
    public void Complete_AJobNoInstanceIsRunning_ChangesNothing()
    {
        var job = BulkExportJob.Request(null, Guid.NewGuid(), Types, null, "u", Now);

        job.Complete("[]", Now, TimeSpan.FromHours(24));

        job.Status.ShouldBe(BulkExportStatus.Pending);
        job.ExpiresAtUtc.ShouldBeNull();
    }
}
