using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ClinicHip.Api.Infrastructure.Http;

/// <summary>
/// Behind a reverse proxy every connection comes from the proxy: the client's address (rate limits per address, the
/// audit trail) and scheme (HTTPS redirection) arrive in <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>. Those
/// headers are believed only from the proxies configured in <c>ForwardedHeaders:KnownProxies</c> (addresses) or
/// <c>ForwardedHeaders:KnownNetworks</c> (CIDR); with neither set they are ignored, since any client could send them.
/// </summary>
internal static class ForwardedHeadersSetup
{
    public static bool AddClinicForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        var networks = configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0)
        {
            return false;
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return true;
    }
}
