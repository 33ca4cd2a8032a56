using System.Net;
using System.Net.Sockets;

namespace Release.Containers.Tests.Support;

/// <summary>A loopback port that was free a moment ago (the OS picks it).</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
