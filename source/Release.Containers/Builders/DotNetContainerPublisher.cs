using System.Security;
using System.Text;
using Release.Containers.BaseImages;
using Release.Tooling.Processes;

namespace Release.Containers.Builders;

/// <summary>
/// Builds and pushes an image with the .NET SDK's container support (<c>dotnet publish -t:PublishContainer</c>):
/// no Dockerfile and no daemon, the app layered onto <see cref="DotNetContainerSettings.BaseImage"/>.
/// </summary>
public sealed class DotNetContainerPublisher(ProcessRunner runner, Action<string> log)
{
    /// <summary>
    /// The exact <c>dotnet</c> arguments. <paramref name="labelsTargetsFile"/> is the MSBuild file holding the labels
    /// (labels are MSBuild items, which the command line cannot set); null when there are none.
    /// </summary>
    public static IReadOnlyList<string> Arguments(DotNetContainerSettings settings, string? labelsTargetsFile)
    {
        Validate(settings);
        var args = new List<string> { "publish", settings.Project, "-c", settings.Configuration, "-t:PublishContainer", "--nologo" };
        if (settings.RuntimeIdentifier is { } rid)
            args.AddRange(["-r", rid]);
        args.Add($"-p:ContainerBaseImage={settings.BaseImage}");
        args.Add($"-p:ContainerRepository={settings.Repository}");
        // Several tags need quotes, or MSBuild reads the ';' as the start of another property.
        args.Add(
            settings.Tags.Count == 1 ? $"-p:ContainerImageTags={settings.Tags[0]}" : $"-p:ContainerImageTags=\"{string.Join(';', settings.Tags)}\"");
        args.Add(
            settings.ArchiveOutputPath is { } archive ? $"-p:ContainerArchiveOutputPath={archive}" : $"-p:ContainerRegistry={settings.Registry}");

        var metadata = settings.Metadata;
        // Version and SourceRevisionId also go into the assembly, so the app can report what it was built from.
        if (metadata.Version is { } version)
            args.Add($"-p:Version={version}");
        if (metadata.Revision is { } revision)
            args.Add($"-p:SourceRevisionId={revision}");
        if (labelsTargetsFile is not null)
        {
            // Our labels replace the SDK's generated ones of the same key (the SDK's 'created' would be "now").
            var labels = metadata.ToLabels().Select(l => l.Key).ToHashSet();
            foreach (var (key, property) in GeneratedLabelSwitches)
            {
                if (labels.Contains(key))
                    args.Add($"-p:{property}=false");
            }
            args.Add($"-p:CustomAfterMicrosoftCommonTargets={labelsTargetsFile}");
        }
        foreach (var (name, value) in settings.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            args.Add($"-p:{name}={value}");
        return args;
    }

    /// <summary>The MSBuild file that adds <c>ContainerLabel</c> items for <paramref name="metadata"/>.</summary>
    public static string LabelsTargets(ImageMetadata metadata)
    {
        var xml = new StringBuilder("<Project>\n  <!-- Written by Release.Containers: OCI labels for the image. -->\n  <ItemGroup>\n");
        foreach (var (key, value) in metadata.ToLabels())
            xml.Append($"    <ContainerLabel Include=\"{Escape(key)}\" Value=\"{Escape(value)}\" />\n");
        return xml.Append("  </ItemGroup>\n</Project>\n").ToString();
    }

    /// <summary>Publishes the image; returns the references written (<c>registry/repository:tag</c>, or the archive path).</summary>
    /// <exception cref="BaseImageUnavailableException">The SDK could not pull the base image.</exception>
    /// <exception cref="ContainerBuildException">Any other build or push failure.</exception>
    public async Task<IReadOnlyList<string>> PublishAsync(DotNetContainerSettings settings, CancellationToken cancellationToken = default)
    {
        Validate(settings);
        var labels = settings.Metadata.ToLabels();
        var scratch = labels.Count > 0 ? Directory.CreateTempSubdirectory("release-container-labels-") : null;
        try
        {
            string? labelsFile = null;
            if (scratch is not null)
            {
                labelsFile = Path.Combine(scratch.FullName, "ContainerLabels.targets");
                await File.WriteAllTextAsync(labelsFile, LabelsTargets(settings.Metadata), cancellationToken).ConfigureAwait(false);
            }
            var environment = new Dictionary<string, string?>();
            if (settings.InsecureRegistries.Count > 0)
                environment["DOTNET_CONTAINER_INSECURE_REGISTRIES"] = string.Join(';', settings.InsecureRegistries);
            var spec = new ProcessSpec("dotnet", Arguments(settings, labelsFile))
            {
                Environment = environment,
                OnOutput = log,
                AllowNonZeroExit = true,
                Timeout = TimeSpan.FromMinutes(30),
            };
            log($"Publishing {settings.Project} as {settings.Repository}:{string.Join(',', settings.Tags)} on {settings.BaseImage}");
            var result = await runner.RunAsync(spec, cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
                throw BuildFailures.From("dotnet publish (PublishContainer)", settings.BaseImage, spec, result, IsBaseImageFailure(settings));
            return settings.ArchiveOutputPath is { } archive
                ? [archive]
                : settings.Tags.Select(tag => $"{settings.Registry}/{settings.Repository}:{tag}").ToList();
        }
        finally
        {
            scratch?.Delete(recursive: true);
        }
    }

    private static readonly (string Label, string Property)[] GeneratedLabelSwitches =
    [
        (ImageMetadata.CreatedLabel, "ContainerGenerateLabelsImageCreated"),
        (ImageMetadata.VersionLabel, "ContainerGenerateLabelsImageVersion"),
        (ImageMetadata.RevisionLabel, "ContainerGenerateLabelsImageRevision"),
        (ImageMetadata.SourceLabel, "ContainerGenerateLabelsImageSource"),
    ];

    // CONTAINER1015: the SDK found the registry but not the repository/tag; a connection error to the base
    // image's registry shows up as an HttpRequestException naming its host (the pull comes before any push).
    private static Func<string, bool> IsBaseImageFailure(DotNetContainerSettings settings)
    {
        var host = ImageReference.Parse(settings.BaseImage).Registry;
        var hostName = host.Split(':')[0];
        return line => line.Contains("CONTAINER1015", StringComparison.Ordinal)
            || (line.Contains("HttpRequestException", StringComparison.Ordinal)
                && (line.Contains($"({host})", StringComparison.Ordinal) || line.Contains($"({hostName}:", StringComparison.Ordinal)));
    }

    private static void Validate(DotNetContainerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Tags.Count == 0)
            throw new ArgumentException("DotNetContainerSettings.Tags is empty; give at least one tag (e.g. the version).", nameof(settings));
        if (settings.Registry is null == settings.ArchiveOutputPath is null)
            throw new ArgumentException(
                "Give exactly one of DotNetContainerSettings.Registry (push) or ArchiveOutputPath (write a tar).", nameof(settings));
        ImageReference.Parse(settings.BaseImage);
    }

    // Labels become MSBuild item metadata: escape both XML and MSBuild's special characters (%, $, @, ;, ', *, ?).
    private static string Escape(string value)
    {
        var msbuild = new StringBuilder();
        foreach (var c in value)
            msbuild.Append("%$@;'*?".Contains(c) ? $"%{(int)c:X2}" : c.ToString());
        return SecurityElement.Escape(msbuild.ToString());
    }
}
