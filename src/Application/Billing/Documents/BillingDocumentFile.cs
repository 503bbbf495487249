namespace ClinicHip.Application.Billing.Documents;

/// <summary>A rendered document, and whose it is (the audit trail records the patient).</summary>
/// <param name="FileName">A file name for the download, e.g. <c>INV-000042.pdf</c>.</param>
/// <param name="Content">The PDF.</param>
/// <param name="PatientId">The patient it concerns.</param>
public sealed record BillingDocumentFile(string FileName, byte[] Content, Guid PatientId);
