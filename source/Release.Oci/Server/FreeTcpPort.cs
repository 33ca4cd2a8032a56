using System.Net;
using System.Net.Sockets;

namespace Release.Oci.Server;

/// <summary>Asks the kernel for a free TCP port on 127.0.0.1.</summary>
internal static class FreeTcpPort
{
    /// <summary>
    /// A port that was free a moment ago. Another process may take it before the caller binds it,
    /// so callers retry with a new port when the bind fails.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when <paramref name="port"/> can be bound on 127.0.0.1 right now (nothing else listens there).</summary>
    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
