using System.Globalization;

namespace Release.Containers.Builders;

/// <summary>The docker CLI, for hosts with a docker daemon.</summary>
public sealed class DockerTool : DockerfileTool
{
    /// <summary>Daemon address (DOCKER_HOST), e.g. <c>unix:///run/ci/docker.sock</c>; null uses docker's default.</summary>
    public string? DockerHost { get; init; }

    /// <inheritdoc />
    public override string Command => "docker";

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, string?> Environment =>
        DockerHost is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { ["DOCKER_HOST"] = DockerHost };

    /// <summary>The exact arguments of <c>docker build</c>.</summary>
    /// <remarks>BuildKit reads <c>SOURCE_DATE_EPOCH</c> for the image's creation time when <see cref="DockerfileBuildSettings.Timestamp"/> is set.</remarks>
    public override IReadOnlyList<string> BuildArguments(DockerfileBuildSettings settings) =>
        settings.Timestamp is { } timestamp
            ? ["build", "--build-arg", "SOURCE_DATE_EPOCH=" + timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                .. DockerfileArguments(settings)]
            : ["build", .. DockerfileArguments(settings)];

    /// <summary>The exact arguments of <c>docker push</c> (TLS is the daemon's setting: its insecure registries).</summary>
    public override IReadOnlyList<string> PushArguments(string tag, bool tlsVerify) => ["push", tag];

    /// <summary>Classic builder: "pull access denied" / "manifest unknown"; BuildKit: "failed to resolve source metadata for IMAGE".</summary>
    public override bool MeansBaseImageUnpullable(string line) =>
        line.Contains("pull access denied", StringComparison.Ordinal) || line.Contains("manifest unknown", StringComparison.Ordinal)
        || line.Contains("failed to resolve source metadata", StringComparison.Ordinal) || line.Contains(
            "not found: manifest",
            StringComparison.Ordinal);
}
