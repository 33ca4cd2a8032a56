namespace Release.Containers.Running;

/// <summary>The CLI that runs containers.</summary>
public enum ContainerEngine
{
    /// <summary>podman: daemonless; needs the containers.conf from <see cref="PodmanConfiguration"/> on hosts like CI containers.</summary>
    Podman,

    /// <summary>docker: talks to a daemon (DOCKER_HOST).</summary>
    Docker,
}
