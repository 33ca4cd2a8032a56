namespace Release.Tooling.Tools;

/// <summary>The tools the release pipeline uses, with their Debian packages and install hints. Immutable data.</summary>
public static class KnownTools
{
    private static ToolInfo Apt(string executable, string package) =>
        new(executable, package, $"run 'apt-get update && apt-get install -y --no-install-recommends {package}' (as root).");

    /// <summary>git, the version control CLI.</summary>
    public static ToolInfo Git { get; } = Apt("git", "git");

    /// <summary>The .NET SDK driver; not a Debian package.</summary>
    public static ToolInfo Dotnet { get; } = new("dotnet", "",
        "install the .NET SDK named in global.json (https://dot.net/install) and put 'dotnet' on PATH.");

    /// <summary>buildah, builds OCI images from Dockerfiles without a daemon.</summary>
    public static ToolInfo Buildah { get; } = Apt("buildah", "buildah");

    /// <summary>The docker CLI and daemon (Debian package docker.io).</summary>
    public static ToolInfo Docker { get; } = Apt("docker", "docker.io");

    /// <summary>podman, runs containers without a daemon.</summary>
    public static ToolInfo Podman { get; } = Apt("podman", "podman");

    /// <summary>skopeo, copies images between layouts and registries.</summary>
    public static ToolInfo Skopeo { get; } = Apt("skopeo", "skopeo");

    /// <summary>umoci, edits OCI image layouts on disk.</summary>
    public static ToolInfo Umoci { get; } = Apt("umoci", "umoci");

    /// <summary>kubectl, the Kubernetes client (Debian package kubernetes-client).</summary>
    public static ToolInfo Kubectl { get; } = Apt("kubectl", "kubernetes-client");

    /// <summary>helm; Debian does not package it.</summary>
    public static ToolInfo Helm { get; } = new("helm", "",
        "helm is not packaged in Debian: download it from https://helm.sh/docs/intro/install/ and put it on PATH.");

    /// <summary>The CNCF distribution registry server (Debian package docker-registry).</summary>
    public static ToolInfo DockerRegistry { get; } = Apt("docker-registry", "docker-registry");

    /// <summary>runc, the OCI container runtime used by buildah and podman.</summary>
    public static ToolInfo Runc { get; } = Apt("runc", "runc");

    /// <summary>rsync, needed by gitlab-ci-local.</summary>
    public static ToolInfo Rsync { get; } = Apt("rsync", "rsync");

    /// <summary>Every tool above, for lookups by executable name.</summary>
    public static IReadOnlyList<ToolInfo> All { get; } =
        [Git, Dotnet, Buildah, Docker, Podman, Skopeo, Umoci, Kubectl, Helm, DockerRegistry, Runc, Rsync];

    /// <summary>Returns the known tool with this executable name, or <c>null</c>.</summary>
    public static ToolInfo? FindByExecutable(string executable) =>
        All.FirstOrDefault(t => string.Equals(t.Executable, executable, StringComparison.Ordinal));
}
