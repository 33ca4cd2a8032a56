using System.Net;
using System.Net.Sockets;

namespace Release.Testing.Network;

/// <summary>A loopback port that was free a moment ago (the OS picks it): for servers tests start, and for "unreachable" cases.</summary>
public static class FreePort
{
    /// <summary>Asks the OS for a free port on 127.0.0.1 and releases it at once.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
