using Release.Engine;
using Release.Oci;
using Release.Pipeline.Registries;
using Release.Tooling.Processes;

namespace Release.Pipeline;

/// <summary>
/// What every stage shares: which module is shipped, where it comes from, and where the pipeline's files live.
/// Stages pass results to each other only through files under <c>artifacts/</c>, so a CI job can run one stage
/// with the files an upstream job produced.
/// </summary>
public interface IPipeline : IBuild
{
    /// <summary>The module's name: image repository, chart name and release names derive from it.</summary>
    [Parameter("Name of the module being shipped"), NotEmpty]
    string Module => TryGetValue(() => Module) ?? "director";

    /// <summary>The module's folder inside the cloned repository.</summary>
    [Parameter("Folder of the module inside the cloned repository"), NotEmpty]
    string ModuleDirectory => TryGetValue(() => ModuleDirectory) ?? "samples/director";

    /// <summary>User for the registries this build pushes to (Build's, Push's and the chart's); anonymous when unset.</summary>
    [Parameter("User name for the registries the build pushes to (--registry, --push-registry, charts)")]
    string? RegistryUsername => TryGetValue(() => RegistryUsername);

    /// <summary>Password or token for those registries; masked everywhere, offered only when a registry asks.</summary>
    [Parameter("Password or token for the registries the build pushes to"), Secret]
    string? RegistryPassword => TryGetValue(() => RegistryPassword);

    /// <summary>The files the stages read and write for this module.</summary>
    PipelinePaths Paths => new(RootDirectory, Module);

    /// <summary>
    /// The registry this run starts when no <c>--registry</c> is given (one per run). Stages that read a registry
    /// address from an upstream record call <see cref="Registries.EmbeddedRegistry.EnsureRunningAsync"/> first: the
    /// record may come from an earlier run.
    /// </summary>
    EmbeddedRegistry EmbeddedRegistry => Context.GetOrAddService(() => new EmbeddedRegistry(Paths.ServicesDirectory / "registry", Log.Information));

    /// <summary>
    /// Registry clients with this build's credentials, retries and log: the one place that decides which registry is
    /// offered the credentials (those the build pushes to). A client for the embedded registry's address starts that
    /// registry before its first request: records from an earlier run (push.json, release records) name it.
    /// </summary>
    RegistryConnections RegistryConnections => new(RegistryUsername, RegistryPassword, Log.Information,
        new OciRegistryClientOptions { BeforeFirstRequest = EmbeddedRegistry.EnsureRunningAsync });

    /// <summary>
    /// What stages start tools with (a per-run service): the real <see cref="ProcessRunner"/> unless the host was given
    /// another <see cref="IProcessRunner"/> (<c>BuildHostOptions.WithService</c>), as tests do. The time stages stamp
    /// comes from <c>Context.Clock</c> the same way.
    /// </summary>
    IProcessRunner Processes => Context.GetOrAddService<IProcessRunner>(() => new ProcessRunner());
}
