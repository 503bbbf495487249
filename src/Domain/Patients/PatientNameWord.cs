namespace ClinicHip.Domain.Patients;

/// <summary>
/// One word of a patient's search key (<see cref="PatientSearchKey"/>), stored one row a word so that a name search
/// starts from an index range (<c>word &gt;= 'jos' AND word &lt; 'jot'</c>) instead of a scan of every key.
/// Derived from <see cref="Patient.SearchName"/> whenever a patient is saved; never edited on its own.
/// </summary>
public sealed class PatientNameWord
{
    public PatientNameWord(PatientId patientId, string word)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        PatientId = patientId;
        Word = word;
    }

    public PatientId PatientId { get; private set; }

    public string Word { get; private set; }
}
