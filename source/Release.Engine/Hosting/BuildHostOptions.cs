namespace Release.Engine.Hosting;

/// <summary>
/// What a run sees of the outside world. Defaults are the real process's; tests pass their own so several builds can
/// run in one process at once.
/// </summary>
public sealed record BuildHostOptions
{
    /// <summary>The root directory; null means <c>--root</c>, else the nearest folder upwards holding <c>.nuke/</c>.</summary>
    public string? RootDirectory { get; init; }

    /// <summary>The working directory used to find the root; null means the process's current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Environment variables; null means the process's.</summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Where output goes; null means standard output.</summary>
    public TextWriter? Output { get; init; }

    /// <summary>Whether missing required parameters may be asked for; null means: only on a terminal, outside CI.</summary>
    public bool? Interactive { get; init; }

    /// <summary>Reads an answer to a prompt (parameter name, is secret); null means the console.</summary>
    public Func<string, bool, CancellationToken, Task<string?>>? Prompt { get; init; }

    /// <summary>Receives target events.</summary>
    public IBuildObserver? Observer { get; init; }

    /// <summary>Whether to write <c>.nuke/build.schema.json</c> when the root has a <c>.nuke</c> folder.</summary>
    public bool WriteSchema { get; init; } = true;

    /// <summary>The clock targets read (<see cref="BuildContext.Clock"/>); null means <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// Per-run services given from outside, by the type targets ask for (<see cref="BuildContext.GetOrAddService{T}"/>):
    /// a test's stand-in for a tool runner, say. The run uses them instead of creating its own and does not dispose them.
    /// Add them with <see cref="WithService{T}"/>.
    /// </summary>
    public IReadOnlyDictionary<Type, object> Services { get; init; } = new Dictionary<Type, object>();

    /// <summary>These options with <paramref name="service"/> given as the run's <typeparamref name="T"/>.</summary>
    public BuildHostOptions WithService<T>(T service) where T : class
    {
        ArgumentNullException.ThrowIfNull(service);
        return this with { Services = new Dictionary<Type, object>(Services) { [typeof(T)] = service } };
    }
}
