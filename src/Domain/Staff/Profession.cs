namespace ClinicHip.Domain.Staff;

public enum Profession
{
    Physiotherapist,
    SportsPhysician,
    ExercisePhysiologist,
    Podiatrist,
}
