using Release.Containers.BaseImages;
using Release.Containers.Builders;
using Release.Oci;
using Release.Testing;
using Release.Tooling.Processes;

namespace Release.Delivery.Tests.Support;

/// <summary>
/// The real samples/director image, built once per test run (base image assembled from this host, app published with
/// the .NET SDK) into the shared registry, plus a private copy of the sample with its integration tests. A variant
/// (<paramref name="tag"/>, <paramref name="version"/>, <paramref name="patch"/>) builds a changed copy of the sample,
/// e.g. a release whose health answers but whose API is broken.
/// </summary>
internal sealed class DirectorImage(string registry, string tag = DirectorImage.Tag, string version = "1.2.3", Func<string, string>? patch = null) : IDisposable
{
    private readonly TempDirectory _work = new("release-delivery-director");
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _digest;

    public const string Repository = "build/director";
    public const string Tag = "build-1";

    public string Registry => registry;

    /// <summary>This variant's tag (<see cref="Tag"/> for the sample as it is).</summary>
    public string ImageTag => tag;

    /// <summary>The copy of samples/director (sources only).</summary>
    public string SampleDirectory => _work.Combine("director");

    /// <summary>The copied integration test project.</summary>
    public string IntegrationTests => Path.Combine(SampleDirectory, "tests", "Director.IntegrationTests");

    /// <summary>The app as the SDK published it for the image (the process runtime of local deploys runs it); exists after <see cref="DigestAsync"/>.</summary>
    public string PublishDirectory => Path.Combine(SampleDirectory, "src", "Director", "bin", "Release", "net10.0", "publish");

    /// <summary>Builds the image on first use; returns its manifest digest.</summary>
    public async Task<string> DigestAsync()
    {
        await _gate.WaitAsync();
        try
        {
            return _digest ??= await BuildAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> BuildAsync()
    {
        Action<string> log = TestContext.Progress.WriteLine;
        var resolver = new BaseImageResolver(new HostBaseImageAssembler(new ProcessRunner(), log), address => new OciRegistryClient(address, log: log), log);
        var baseImage = await resolver.ResolveAsync(new BaseImageRequest(registry, _work.Path));
        var project = CopySample();
        await new DotNetContainerPublisher(new ProcessRunner(), log).PublishAsync(new DotNetContainerSettings(project, baseImage, Repository)
        {
            Registry = registry,
            Tags = [tag],
            Metadata = new ImageMetadata { Version = version, Revision = "abc1234" },
            Properties = new Dictionary<string, string> { ["Version"] = version, ["SourceRevisionId"] = "abc1234" },
        });
        using var client = new OciRegistryClient(registry);
        return (await client.ResolveDigestAsync(Repository, tag))?.ToString() ?? throw new InvalidOperationException("the director image was not pushed");
    }

    private string CopySample()
    {
        var source = FindSample();
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            var target = Path.Combine(SampleDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
        if (patch is not null)
        {
            var program = Path.Combine(SampleDirectory, "src", "Director", "Program.cs");
            var changed = patch(File.ReadAllText(program));
            if (changed == File.ReadAllText(program)) throw new InvalidOperationException("the patch of the director variant changed nothing in Program.cs");
            File.WriteAllText(program, changed);
        }
        return Path.Combine(SampleDirectory, "src", "Director", "Director.csproj");
    }

    private static string FindSample()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "director");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"samples/director not found above {TestContext.CurrentContext.TestDirectory}.");
    }

    public void Dispose()
    {
        _work.Dispose();
        _gate.Dispose();
    }
}
