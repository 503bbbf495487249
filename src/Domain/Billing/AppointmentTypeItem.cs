using ClinicHip.Domain.Scheduling;

namespace ClinicHip.Domain.Billing;

/// <summary>The item an appointment type is billed as by default (an initial assessment, a follow-up).</summary>
public sealed class AppointmentTypeItem
{
    private AppointmentTypeItem()
    {
    }

    public AppointmentTypeId AppointmentTypeId { get; private set; }

    public BillableItemId ItemId { get; private set; }

    public static AppointmentTypeItem Link(AppointmentTypeId type, BillableItemId item) => new() { AppointmentTypeId = type, ItemId = item };

    public void ChangeItem(BillableItemId item) => ItemId = item;
}
