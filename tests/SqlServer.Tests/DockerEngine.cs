using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClinicHip.SqlServer.Tests;

/// <summary>Whether a Docker engine answers here: a ping on DOCKER_HOST or the default Unix socket.</summary>
internal static class DockerEngine
{
    public const string Unavailable = "No Docker engine answers on this machine (DOCKER_HOST or /var/run/docker.sock), so there is no SQL Server container to test against.";

    public static bool IsAvailable { get; } = Ping();

    private static bool Ping()
    {
        try
        {
            var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
            using var socket = host switch
            {
                null or "" => Connect(new UnixDomainSocketEndPoint("/var/run/docker.sock"), ProtocolType.Unspecified),
                _ when host.StartsWith("unix://", StringComparison.Ordinal) => Connect(new UnixDomainSocketEndPoint(host["unix://".Length..]), ProtocolType.Unspecified),
                _ when host.StartsWith("tcp://", StringComparison.Ordinal) => ConnectTcp(new Uri(host)),
                _ => null,
            };
            if (socket is null)
            {
                return false;
            }

            socket.Send(Encoding.ASCII.GetBytes("GET /_ping HTTP/1.0\r\n\r\n"));
            var buffer = new byte[512];
            var read = socket.Receive(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static Socket Connect(EndPoint endpoint, ProtocolType protocol)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, protocol) { ReceiveTimeout = 2000, SendTimeout = 2000 };
        socket.Connect(endpoint);
        return socket;
    }

    private static Socket ConnectTcp(Uri uri)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 2000, SendTimeout = 2000 };
        socket.Connect(uri.Host, uri.Port);
        return socket;
    }
}
