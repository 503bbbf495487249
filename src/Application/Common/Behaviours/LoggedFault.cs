namespace ClinicHip.Application.Common.Behaviours;

/// <summary>
/// Remembers on the exception itself that a fault has been logged, so the handler that finally answers it (the API's
/// exception handler) does not log it a second time. The first log names the use case; later ones could not add to it.
/// </summary>
public static class LoggedFault
{
    private const string Key = "ClinicHip.FaultLogged";

    public static void Mark(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        exception.Data[Key] = true;
    }

    public static bool IsLogged(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.Data.Contains(Key);
    }
}
