using System.Net;
using System.Net.Sockets;
using ClinicHip.Application.Common.Interfaces;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClinicHip.Infrastructure.Webhooks;

/// <summary>
/// Keeps webhooks away from the clinic's own network (server-side request forgery): https only outside Development,
/// and no host that resolves to an internal address. Checked when a subscription is made and again on every connection
/// (<see cref="ConnectAsync"/>), so a name that later resolves elsewhere (DNS rebinding) is still refused.
/// </summary>
public sealed class WebhookTargetPolicy(IOptions<WebhookOptions> options, IHostEnvironment environment) : IWebhookTargetPolicy
{
    public const string HttpClientName = "webhooks";

    private static readonly IPNetwork[] InternalNetworks =
    [
        IPNetwork.Parse("0.0.0.0/8"), IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("100.64.0.0/10"), IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"), IPNetwork.Parse("172.16.0.0/12"), IPNetwork.Parse("192.0.0.0/24"), IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"), IPNetwork.Parse("224.0.0.0/4"), IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"), IPNetwork.Parse("::1/128"), IPNetwork.Parse("fc00::/7"), IPNetwork.Parse("fe80::/10"), IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private bool AllowsHttp => options.Value.AllowHttpTargets ?? environment.IsDevelopment();

    /// <summary>IPv4-compatible, SIIT and NAT64 prefixes whose last 32 bits are an IPv4 address (RFC 4291, 6145, 6052).</summary>
    private static readonly IPNetwork[] EmbedInTheLast32Bits =
    [
        IPNetwork.Parse("::/96"), IPNetwork.Parse("::ffff:0:0:0/96"), IPNetwork.Parse("64:ff9b::/96"),
    ];

    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork Teredo = IPNetwork.Parse("2001::/32");

    /// <summary>The local-use NAT64 prefix (RFC 8215) translates to whatever the operator chose: refused outright.</summary>
    private static readonly IPNetwork LocalNat64 = IPNetwork.Parse("64:ff9b:1::/48");

    /// <summary>
    /// Whether a webhook may not connect to <paramref name="address"/>: an internal address, or an IPv6 address that maps,
    /// translates or tunnels to an internal IPv4 address (mapped, compatible, NAT64, SIIT, 6to4, Teredo), since a gateway
    /// on the way would deliver it there.
    /// </summary>
    public static bool IsInternal(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return InternalNetworks.Any(network => network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            || (address.AddressFamily == AddressFamily.InterNetworkV6 && (LocalNat64.Contains(address) || EmbeddedIPv4(address).Any(IsInternal)));
    }

    private static IEnumerable<IPAddress> EmbeddedIPv4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();

        // IPNetwork does not match a mapped address against an IPv6 prefix, so it is asked directly.
        if (address.IsIPv4MappedToIPv6 || EmbedInTheLast32Bits.Any(prefix => prefix.Contains(address)))
        {
            yield return new IPAddress(bytes.AsSpan(12, 4));
        }

        if (SixToFour.Contains(address))
        {
            yield return new IPAddress(bytes.AsSpan(2, 4));
        }

        if (Teredo.Contains(address))
        {
            // The Teredo server, then the client, whose address is stored inverted.
            yield return new IPAddress(bytes.AsSpan(4, 4));
            yield return new IPAddress(bytes[12..].Select(b => (byte)~b).ToArray());
        }
    }

    public async Task<string?> RefusalAsync(Uri target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.Scheme != Uri.UriSchemeHttps && !(AllowsHttp && target.Scheme == Uri.UriSchemeHttp))
        {
            return "Webhook URLs must use https.";
        }

        if (options.Value.AllowPrivateTargets)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(target.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return $"The host '{target.Host}' could not be resolved.";
        }

        return addresses.Length == 0 ? $"The host '{target.Host}' could not be resolved."
            : addresses.Any(IsInternal) ? $"The host '{target.Host}' is a private, loopback, link-local or otherwise internal address."
            : null;
    }

    /// <summary>
    /// The connection step of the webhook HTTP client: resolves the host afresh and connects only to an address that is
    /// allowed, so what was checked is what is connected to.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var addresses = await ResolveAsync(context.DnsEndPoint.Host, cancellationToken);
        var allowed = options.Value.AllowPrivateTargets ? addresses : addresses.Where(a => !IsInternal(a)).ToArray();
        if (allowed.Length == 0 || allowed.Length < addresses.Length)
        {
            throw new HttpRequestException($"Refused to connect to '{context.DnsEndPoint.Host}': it resolves to an internal address.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
}
