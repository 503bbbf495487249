using System.Security.Cryptography;
using System.Text;
using ClinicHip.Infrastructure.Webhooks;

namespace ClinicHip.Api.IntegrationTests.Webhooks;

/// <summary>Deliveries are signed as the Standard Webhooks specification says; secrets issued before keep their signature.</summary>
public class WebhookSignatureTests
{
    [Fact]
    public void Sign_StandardSecret_MatchesTheSpecificationsTestVector()
    {
        // The test vector of the Standard Webhooks reference libraries.
        var signature = WebhookSender.Sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, """{"test": 2432232314}""");

        signature.ShouldBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    [Fact]
    public void Sign_SecretIssuedBeforeTheStandard_KeepsTheFormerSignature()
    {
        const string secret = "whsec_q4Bv8c1yXn2mT7pLk9sDf3gHj6wEr0tYu5iOa-Zb_Qe";

        var signature = WebhookSender.Sign(secret, "b7c0e5e2-5d7a-4a57-9e55-5f0d2b1c9a10", 1614265330, "{}");

        signature.ShouldBe("v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "1614265330.{}"u8)));
    }
}
