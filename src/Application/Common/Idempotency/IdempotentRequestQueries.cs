using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClinicHip.Application.Common.Exceptions;
using ClinicHip.Application.Common.Interfaces;
using ClinicHip.Domain.Idempotency;
using Microsoft.EntityFrameworkCore;

namespace ClinicHip.Application.Common.Idempotency;

/// <summary>
/// An Idempotency-Key's first answer, saved in the same transaction as what the request changed (a booking, a payment),
/// so a retry with the same key and body gets it again and changes nothing, and the same key with another body is refused.
/// </summary>
internal static class IdempotentRequestQueries
{
    /// <summary>The request's fingerprint, without its key.</summary>
    public static string Hash<TRequest>(TRequest requestWithoutKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(requestWithoutKey))));

    /// <summary>The first answer to this key, null when the key is new; 422 when it was used with another request.</summary>
    public static async Task<TAnswer?> ReplayAsync<TAnswer>(
        this IApplicationDbContext db, Guid userId, string key, string requestHash, CancellationToken cancellationToken)
        where TAnswer : class
    {
        var first = await db.IdempotentRequests.AsNoTracking().SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, cancellationToken);
        if (first is null)
        {
            return null;
        }

        return first.RequestHash == requestHash
            ? JsonSerializer.Deserialize<TAnswer>(first.ResponseJson)
            : throw new UnprocessableRequestException("idempotency.key-reused", "This Idempotency-Key was used with a different request. Use a new key for a new request.");
    }

    /// <summary>Adds the answer to be saved with what the request changes: a retry sees both or neither.</summary>
    public static void RememberAnswer<TAnswer>(this IApplicationDbContext db, Guid userId, string key, string requestHash, TAnswer answer, DateTime nowUtc) =>
        db.IdempotentRequests.Add(new IdempotentRequest
        {
            UserId = userId,
            Key = key,
            RequestHash = requestHash,
            ResponseJson = JsonSerializer.Serialize(answer),
            CreatedAtUtc = nowUtc,
        });
}
