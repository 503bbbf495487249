using ClinicHip.Domain.RunningLoad;

namespace ClinicHip.Application.RunningLoad;

/// <summary>A runner's weekly training with the load flags.</summary>
/// <param name="PatientId">The runner.</param>
/// <param name="Weeks">Week by week, oldest first.</param>
public sealed record RunningLoadDto(Guid PatientId, IReadOnlyList<RunningLoadPoint> Weeks);
