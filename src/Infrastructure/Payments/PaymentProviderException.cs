namespace ClinicHip.Infrastructure.Payments;

/// <summary>
/// The provider failed or answered what it should not: a fault of the integration, logged as one, not a refusal of the
/// caller (those are Application's expected outcomes).
/// </summary>
public sealed class PaymentProviderException(string message, Exception? innerException = null) : Exception(message, innerException);
