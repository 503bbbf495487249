using ClinicHip.Domain.Webhooks;

namespace ClinicHip.Domain.UnitTests.Webhooks;

public class WebhookSubscriptionTests
{
    private static readonly Uri Url = new("https://hooks.example.com/clinic");
    private static readonly DateTime Now = new(2026, 11, 29, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Create_ByAClient_RecordsTheClientAndNoUser()
    {
        var client = Guid.CreateVersion7();

        var subscription = WebhookSubscription.Create(Url, ["appointment.booked"], null, "protected", createdByUserId: null, createdByClientId: client, Now);

        subscription.CreatedByClientId.ShouldBe(client);
        subscription.CreatedByUserId.ShouldBeNull();
    }

    [Fact]
    public void Create_WithBothOrNeitherCreator_IsRefused()
    {
        Should.Throw<ArgumentException>(() => WebhookSubscription.Create(Url, ["appointment.booked"], null, "protected", Guid.CreateVersion7(), Guid.CreateVersion7(), Now));
        Should.Throw<ArgumentException>(() => WebhookSubscription.Create(Url, ["appointment.booked"], null, "protected", null, null, Now));
    }
}
