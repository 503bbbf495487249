using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Billing;
using ClinicHip.Domain.Scheduling;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Billing.PriceList;

/// <summary>Sets the item an appointment type is billed as by default (its visit invoice's line).</summary>
/// <param name="ItemId">An active Service item of the price list.</param>
public sealed record SetAppointmentTypeItemCommand(Guid ItemId) : IRequest<AppointmentTypeItemDto>
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid AppointmentTypeId { get; init; }
}

/// <summary>An appointment type's default item.</summary>
public sealed record AppointmentTypeItemDto(Guid AppointmentTypeId, Guid ItemId);

public sealed class SetAppointmentTypeItemValidator : AbstractValidator<SetAppointmentTypeItemCommand>
{
    public SetAppointmentTypeItemValidator() => RuleFor(c => c.ItemId).NotEmpty();
}

public sealed class SetAppointmentTypeItemHandler(IApplicationDbContext db) : IRequestHandler<SetAppointmentTypeItemCommand, AppointmentTypeItemDto>
{
    public async Task<AppointmentTypeItemDto> Handle(SetAppointmentTypeItemCommand request, CancellationToken cancellationToken)
    {
        var typeId = new AppointmentTypeId(request.AppointmentTypeId);
        var itemId = new BillableItemId(request.ItemId);
        if (!await db.AppointmentTypes.AnyAsync(t => t.Id == typeId, cancellationToken))
        {
            throw new NotFoundException("Appointment type", request.AppointmentTypeId);
        }

        var item = await db.BillableItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken)
            ?? throw new NotFoundException("Billable item", request.ItemId);
        if (!item.IsActive)
        {
            throw new UnprocessableRequestException("billing.item-inactive", $"{item.Code} is no longer on the price list.");
        }

        var link = await db.AppointmentTypeItems.SingleOrDefaultAsync(l => l.AppointmentTypeId == typeId, cancellationToken);
        if (link is null)
        {
            db.AppointmentTypeItems.Add(AppointmentTypeItem.Link(typeId, itemId));
        }
        else
        {
            link.ChangeItem(itemId);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new AppointmentTypeItemDto(request.AppointmentTypeId, request.ItemId);
    }
}
