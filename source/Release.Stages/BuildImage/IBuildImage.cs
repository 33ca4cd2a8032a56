using Release.Engine;
using Release.Stages.Clone;
using Release.Stages.Common;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Stages.BuildImage;

/// <summary>
/// The Build stage: compiles the module in Release and builds its container image with the .NET SDK's container
/// publishing on a base image from a registry mirror (<c>--base-image</c>), pushes it to <c>--registry</c>, and records
/// it in <c>artifacts/build/image.json</c> with an OCI image layout copy under <c>artifacts/build/image-layout</c>.
/// Without <c>--registry</c> an embedded registry is started for the run; without <c>--base-image</c> an embedded
/// base image is assembled from this machine's .NET runtime (see README.md).
/// </summary>
public interface IBuildImage : IClone
{
    /// <summary>The base image, normally from a registry mirror, e.g. <c>registry.bank.internal/dotnet/aspnet:10.0</c>.</summary>
    [Parameter("Base image from a registry mirror, e.g. registry.example.internal/dotnet/aspnet:10.0 (default: embedded base assembled from this " +
        "machine)")]
    string? BaseImage => TryGetValue(() => BaseImage);

    /// <summary>The registry the image is pushed to (<c>host:port</c>); null starts an embedded registry for the run.</summary>
    [Parameter("Registry to push the image to, host[:port] (default: an embedded registry on 127.0.0.1 for this run)")]
    string? Registry => TryGetValue(() => Registry);

    /// <summary>The image's repository in the registry; the module's name by default.</summary>
    [Parameter("Image repository in the registry (default: the module name)")]
    [Pattern(ParameterForms.OciRepository, ParameterForms.OciRepositoryText)]
    string? ImageRepository => TryGetValue(() => ImageRepository);

    /// <summary>The solution to compile, relative to the module folder; the module's only solution by default.</summary>
    [Parameter("Solution to compile, relative to the module folder (default: the only *.sln in it)")]
    string? ModuleSolution => TryGetValue(() => ModuleSolution);

    /// <summary>The application project to containerize, relative to the module folder; the only web project by default.</summary>
    [Parameter("Application project to build the image from, relative to the module folder (default: the only ASP.NET project)")]
    string? AppProject => TryGetValue(() => AppProject);

    /// <summary>Compiles, builds and pushes the image, and keeps an OCI layout copy of it.</summary>
    Target Build => _ => _
        .Description("Compiles the module and builds, pushes and records its container image")
        .DependsOn<IClone>(x => x.Clone)
        // The commit decides the image (it is built reproducibly), so Clone's record is the input; with the SDK and
        // the registry unchanged, a second run on the same commit skips Build and reuses the image it pushed.
        .TryConsumes<IClone>(x => x.Clone)
        .TracksToolVersion("dotnet-sdk", ct => Context.GetOrAddService(() => new DotNetSdkVersion(Paths.Workspace)).GetAsync(ct))
        .TracksToolVersion("registry", _ => Task.FromResult(Registry ?? EmbeddedRegistry.RememberedAddress ?? "embedded registry, never started"))
        .Produces(Paths.Glob("build/**"))
        .Executes(ct => new BuildImageStage(this).RunAsync(ct));
}
