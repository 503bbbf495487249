using ClinicHip.Domain.Patients;
using ClinicHip.Domain.Staff;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Common.Interfaces;

/// <summary>The clinic's data, as the use cases see it.</summary>
public interface IApplicationDbContext
{
    DbSet<Patient> Patients { get; }

    DbSet<StaffMember> StaffMembers { get; }

    DbSet<Clinician> Clinicians { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one database transaction: all of it is committed, or none.</summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken);
}
