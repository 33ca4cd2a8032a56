using Release.Foundation.IO;
namespace Release.Containers.Running;

/// <summary>
/// The containers.conf podman needs to run containers on a host that is itself a restricted container (no
/// cgroup delegation, no systemd, no network namespaces, low rlimits). Written to a private file that only
/// our podman calls read (through CONTAINERS_CONF), so the machine's own podman settings stay untouched.
/// </summary>
public static class PodmanConfiguration
{
    /// <summary>The file content. Each setting avoids one failure seen on such hosts (see README).</summary>
    public const string Content =
        """
        # Written by Release.Containers; read through CONTAINERS_CONF.
        [containers]
        # The host's hard limits are lower than podman's defaults (1048576), which runc then fails to set.
        default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]
        # No permission to create network namespaces: containers share the host network (use --network host).
        netns = "none"

        [engine]
        runtime = "runc"
        # No systemd: manage cgroups directly.
        cgroup_manager = "cgroupfs"
        # No journald either.
        events_logger = "file"

        """;

    /// <summary>
    /// Writes the file into <paramref name="directory"/> (created if needed) and returns its path. The write goes
    /// through a temporary file and a rename, so concurrent runners never read a half-written file.
    /// </summary>
    public static async Task<string> WriteAsync(string directory, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(directory, "containers.conf");
        await AtomicFile.WriteTextAsync(path, Content, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>A per-user default folder for the file under the temp directory.</summary>
    public static string DefaultDirectory => Path.Combine(Path.GetTempPath(), $"release-podman-{Environment.UserName}");
}
