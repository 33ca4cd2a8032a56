using Release.Containers.Builders;

namespace Release.Containers.Tests.Builders;

public class DockerfileBuilderArgumentsTests
{
    private static readonly DockerfileBuildSettings Settings = new("/src/web", ["localhost:5000/apps/web:1.4.0", "localhost:5000/apps/web:latest"])
    {
        BaseImage = "mirror.example.com/dotnet/aspnet:10.0",
        BuildArguments = new Dictionary<string, string> { ["CONFIGURATION"] = "Release" },
        Metadata = new ImageMetadata { Revision = "3f2a9c1", Version = "1.4.0" },
        TlsVerify = false,
    };

    // The tools differ in their command and options; the build arguments, labels, tags and context they pass alike.
    private static readonly string[] ArgumentsLabelsTagsAndContext =
    [
        "--build-arg", "BASE_IMAGE=mirror.example.com/dotnet/aspnet:10.0",
        "--build-arg", "CONFIGURATION=Release",
        "--label", "org.opencontainers.image.revision=3f2a9c1",
        "--label", "org.opencontainers.image.version=1.4.0",
        "-t", "localhost:5000/apps/web:1.4.0",
        "-t", "localhost:5000/apps/web:latest",
        "/src/web",
    ];

    [Test]
    public void Buildah_bud_uses_vfs_chroot_and_runc_with_labels_and_tags()
    {
        var builder = new BuildahTool();
        Assert.That(builder.BuildArguments(Settings), Is.EqualTo(new[]
        {
            "bud", "--storage-driver", "vfs", "--isolation", "chroot", "--runtime", "/usr/sbin/runc", "--tls-verify=false",
            "-f", "/src/web/Dockerfile",
        }.Concat(ArgumentsLabelsTagsAndContext)));
    }

    [Test]
    public void Buildah_with_a_private_storage_root_passes_root_and_runroot_to_build_and_push()
    {
        var builder = new BuildahTool { StorageRoot = "/tmp/b" };
        Assert.That(builder.BuildArguments(Settings with { TlsVerify = true }).Take(10), Is.EqualTo(new[]
        {
            "bud", "--storage-driver", "vfs", "--root", "/tmp/b", "--runroot", "/tmp/b-run", "--isolation", "chroot", "--runtime",
        }));
        Assert.That(builder.PushArguments("localhost:5000/apps/web:1.4.0", tlsVerify: false), Is.EqualTo(new[]
        {
            "push", "--storage-driver", "vfs", "--root", "/tmp/b", "--runroot", "/tmp/b-run", "--tls-verify=false",
            "localhost:5000/apps/web:1.4.0", "docker://localhost:5000/apps/web:1.4.0",
        }));
    }

    [Test]
    public void A_timestamp_is_buildahs_timestamp_and_dockers_source_date_epoch()
    {
        var commit = DateTimeOffset.FromUnixTimeSeconds(1764979200);
        Assert.That(new BuildahTool().BuildArguments(Settings with { Timestamp = commit }).Skip(7).Take(3),
            Is.EqualTo(new[] { "--tls-verify=false", "--timestamp", "1764979200" }));
        Assert.That(new DockerTool().BuildArguments(Settings with { Timestamp = commit }).Take(3),
            Is.EqualTo(new[] { "build", "--build-arg", "SOURCE_DATE_EPOCH=1764979200" }));
        Assert.That(new BuildahTool().BuildArguments(Settings), Does.Not.Contain("--timestamp"), "no timestamp: buildah's own (now)");
    }

    [Test]
    public void Docker_build_and_push_arguments()
    {
        Assert.That(new DockerTool().BuildArguments(Settings with { Dockerfile = "/src/web/Containerfile" }), Is.EqualTo(new[]
        {
            "build", "-f", "/src/web/Containerfile",
        }.Concat(ArgumentsLabelsTagsAndContext)));
        Assert.That(new DockerTool().PushArguments("localhost:5000/apps/web:1.4.0", tlsVerify: false), Is.EqualTo(new[] { "push", "localhost:5000/apps/web:1.4.0" }));
    }

    [Test]
    public void Each_tool_knows_its_own_lines_for_an_unpullable_base_image_and_docker_its_daemon()
    {
        const string BuildahLine = "Error: creating build container: initializing source docker://localhost:5000/base/absent:10.0: reading manifest 10.0: manifest unknown";
        const string BuildKitLine = "ERROR: failed to solve: failed to resolve source metadata for localhost:5000/base/absent:10.0";
        Assert.That(new BuildahTool().MeansBaseImageUnpullable(BuildahLine), Is.True);
        Assert.That(new BuildahTool().MeansBaseImageUnpullable(BuildKitLine), Is.False);
        Assert.That(new DockerTool().MeansBaseImageUnpullable(BuildKitLine), Is.True);
        Assert.That(new DockerTool().MeansBaseImageUnpullable("Step 3/3 : COPY greeting.txt /app/"), Is.False);
        Assert.That(new DockerTool { DockerHost = "unix:///run/ci/docker.sock" }.Environment["DOCKER_HOST"], Is.EqualTo("unix:///run/ci/docker.sock"));
        Assert.That(new BuildahTool().Environment, Is.Empty);
    }

    [Test]
    public void Image_metadata_labels_are_sorted_and_extra_labels_win()
    {
        var metadata = new ImageMetadata
        {
            Version = "1.0.0",
            Created = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
            Extra = new Dictionary<string, string> { ["org.opencontainers.image.version"] = "1.0.0-custom", ["a.first"] = "x" },
        };
        Assert.That(metadata.ToLabels().Select(l => $"{l.Key}={l.Value}"), Is.EqualTo(new[]
        {
            "a.first=x", "org.opencontainers.image.created=2026-01-02T01:04:05Z", "org.opencontainers.image.version=1.0.0-custom",
        }));
    }
}
