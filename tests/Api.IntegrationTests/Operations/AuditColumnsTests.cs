using ClinicHip.Api.IntegrationTests.Infrastructure;
using ClinicHip.Domain.Patients;
using ClinicHip.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicHip.Api.IntegrationTests.Operations;

public class AuditColumnsTests(ClinicApiFactory factory) : IClassFixture<ClinicApiFactory>
{
    [Fact]
    public async Task Register_StampsCreationTimeInUtc()
    {
        var before = DateTime.UtcNow.AddSeconds(-1);
        var profile = await factory.CreateClient().RegisterPatientAsync();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var patient = await db.Patients.AsNoTracking().SingleAsync(p => p.Id == new PatientId(profile.Id));

        patient.CreatedAtUtc.Kind.ShouldBe(DateTimeKind.Utc);
        patient.CreatedAtUtc.ShouldBeInRange(before, DateTime.UtcNow.AddSeconds(1));
        patient.ModifiedAtUtc.ShouldBeNull();
        patient.ChangedAtUtc.ShouldBe(patient.CreatedAtUtc, "a change feed's position is stamped on creation too");
    }

    [Fact]
    public async Task CreateStaff_StampsTheAdminAsCreator()
    {
        var admin = await factory.AdminClientAsync();
        var adminUserId = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(admin, "/api/auth/me"))!["userId"]!.GetValue<string>();
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(admin, "/api/staff", new
        {
            email = $"fd-{Guid.NewGuid():N}@clinic.example", password = "Staff-Passw0rd-123", givenName = "Riley", familyName = "Brooks", role = "FrontDesk",
        });
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>(response.Content))!["id"]!.GetValue<Guid>();

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var member = await db.StaffMembers.AsNoTracking().SingleAsync(s => s.Id == new ClinicHip.Domain.Staff.StaffMemberId(id));

        member.CreatedBy.ShouldBe(adminUserId);
    }
}
