using Release.Oci;
using Release.Engine;
using Release.Pipeline;
using Release.Pipeline.Records;
using Release.Pipeline.References;
using Release.Pipeline.Registries;

namespace Release.Delivery.Push;

/// <summary>
/// The Push stage: copies the image Build produced, by digest, to the target registry and repository under an
/// immutable tag, and records the digest in <c>artifacts/push/push.json</c>. A tag that already points at another
/// digest is refused. <see cref="Promoter"/> copies images between repositories or registries for the release process.
/// </summary>
public interface IPush : IPipeline
{
    /// <summary>The registry to push to; by default the one Build pushed to.</summary>
    [Parameter("Registry to push the release image to, host[:port] (default: the registry Build pushed to)")]
    string? PushRegistry => TryGetValue(() => PushRegistry);

    /// <summary>The repository to push to; by default the one Build pushed to.</summary>
    [Parameter("Repository to push the release image to (default: the repository Build pushed to)")]
    [Pattern(ParameterForms.OciRepository, ParameterForms.OciRepositoryText)]
    string? PushRepository => TryGetValue(() => PushRepository);

    /// <summary>The immutable tag; by default the version with the commit (<c>1.4.0_g0156133</c>), the chart's OCI tag.</summary>
    [Parameter("Immutable tag of the release image (default: VERSION_gSHA from Clone's record, else Build's tag)")]
    [Pattern(ParameterForms.OciTag, ParameterForms.OciTagText)]
    string? PushTag => TryGetValue(() => PushTag);

    /// <summary>Copies images by digest between repositories or registries, without rebuilding (promotion).</summary>
    ImagePromoter Promoter => new(RegistryConnections);

    /// <summary>Pushes the built image under an immutable tag and records its digest.</summary>
    Target Push => _ => _
        .Description("Pushes the built image by digest under an immutable tag and records it in artifacts/modules/MODULE/push/push.json")
        .TryDependsOn<Release.Stages.BuildImage.IBuildImage>(x => x.Build)
        // A release image is pushed only after it was tested and scanned, when those stages are part of the run.
        .TryAfter<Release.Stages.UnitTest.IUnitTest>(x => x.UnitTest)
        .TryAfter<Release.Stages.Scan.IScan>(x => x.Scan)
        .Consumes(Paths.Glob("build/image.json"))
        .Produces(Paths.Glob("push/push.json"))
        .Executes(ct => new PushStage(this).RunAsync(ct));
}
