using ClinicHip.Domain.Patients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClinicHip.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Keeps <see cref="PatientNameWord"/> rows in step with each saved patient's search key, in the same save, so the
/// word index can never disagree with the name it was made from, whatever use case changed the patient.
/// </summary>
public sealed class PatientNameWordsInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Synchronise(eventData?.Context);
        return base.SavingChanges(eventData!, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Synchronise(eventData?.Context);
        return base.SavingChangesAsync(eventData!, result, cancellationToken);
    }

    private static void Synchronise(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<Patient>().ToList())
        {
            var key = entry.Property(p => p.SearchName);
            var (before, after) = entry.State switch
            {
                EntityState.Added => ([], PatientSearchKey.WordsOf(key.CurrentValue)),
                EntityState.Modified when key.IsModified => (PatientSearchKey.WordsOf(key.OriginalValue), PatientSearchKey.WordsOf(key.CurrentValue)),
                _ => ((IReadOnlyList<string>)[], (IReadOnlyList<string>)[]),
            };

            var words = context.Set<PatientNameWord>();
            foreach (var word in before.Except(after, StringComparer.Ordinal))
            {
                var row = Tracked(words, entry.Entity.Id, word) ?? words.Attach(new PatientNameWord(entry.Entity.Id, word));
                row.State = EntityState.Deleted;
            }

            foreach (var word in after.Except(before, StringComparer.Ordinal))
            {
                if (Tracked(words, entry.Entity.Id, word) is { State: EntityState.Deleted } removed)
                {
                    removed.State = EntityState.Unchanged;
                }
                else
                {
                    words.Add(new PatientNameWord(entry.Entity.Id, word));
                }
            }
        }
    }

    private static EntityEntry<PatientNameWord>? Tracked(DbSet<PatientNameWord> words, PatientId patientId, string word) =>
        words.Local.FindEntryUntyped([patientId, word]);
}
