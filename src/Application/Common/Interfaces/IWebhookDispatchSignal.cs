namespace ClinicHip.Application.Common.Interfaces;

/// <summary>Tells this instance's dispatcher that work is waiting, so it need not wait for its next poll.</summary>
public interface IWebhookDispatchSignal
{
    void Wake();
}
