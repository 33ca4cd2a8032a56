using System.Net;
using System.Net.Sockets;

namespace Release.Stages.Tests.Support;

/// <summary>A loopback port nothing listens on (for "unreachable registry" cases).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
