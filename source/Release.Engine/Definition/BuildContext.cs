using Release.Foundation.Secrets;
using System.Collections.Concurrent;
using Release.Engine.Output;
using Release.Engine.Parameters;

namespace Release.Engine;

/// <summary>
/// Everything one build run owns: root directory, environment, parameters, log, secrets and summary figures.
/// A new context per run is what lets tests run several builds in one process at once.
/// </summary>
public sealed class BuildContext
{
    private readonly AsyncLocal<string?> _currentTarget = new();
    // Created on first use: --help and --plan need neither, and their start-up then skips loading the concurrent collections.
    private ConcurrentDictionary<string, ConcurrentQueue<(string Key, string Value)>>? _figures;
    private readonly BuildLog _log;
    private ConcurrentDictionary<Type, Lazy<object>>? _services;
    private readonly IReadOnlyDictionary<Type, object> _givenServices;

    internal BuildContext(AbsolutePath rootDirectory, IReadOnlyDictionary<string, string> environment, Func<TextWriter> output, SecretMasker masker,
        TimeProvider? clock = null, IReadOnlyDictionary<Type, object>? givenServices = null)
    {
        RootDirectory = rootDirectory;
        Environment = environment;
        Secrets = masker;
        Clock = clock ?? TimeProvider.System;
        _givenServices = givenServices ?? EmptyServices;
        _log = new BuildLog(output, masker, () => _currentTarget.Value);
        Parameters = new ParameterValues([]);
    }

    /// <summary>The build's root directory.</summary>
    public AbsolutePath RootDirectory { get; }

    /// <summary>The environment variables this run sees (a copy: tests give each build its own).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The resolved parameters.</summary>
    public ParameterValues Parameters { get; internal set; }

    /// <summary>The secret values to mask; tools receive them so their output is masked too.</summary>
    public SecretMasker Secrets { get; }

    /// <summary>
    /// The clock for what targets stamp or compare with now (records, votes, expiry). The system clock unless the
    /// host was given another (<see cref="Hosting.BuildHostOptions.Clock"/>), so tests can fix the instant.
    /// </summary>
    public TimeProvider Clock { get; }

    /// <summary>The log (target-prefixed, masked).</summary>
    public IBuildLog Log => _log;

    /// <summary>The target graph of this build: what CI generators read.</summary>
    public TargetGraph Graph { get; internal set; } = new([], []);

    /// <summary>The names of the targets invoked on the command line (or the default target).</summary>
    public IReadOnlyList<string> InvokedTargets { get; internal set; } = [];

    /// <summary>The target running on the current async flow, if any.</summary>
    public string? CurrentTarget => _currentTarget.Value;

    /// <summary>Adds a key figure to the current target's line in the summary.</summary>
    public void ReportSummary(string key, string value) =>
        LazyInitializer.EnsureInitialized(ref _figures, () => new()).GetOrAdd(_currentTarget.Value ?? "", _ => new())
            .Enqueue((key, Secrets.Mask(value)));

    /// <summary>
    /// A per-run service (an embedded registry, a shared HTTP client, a tool runner), created on first use and disposed
    /// when the run ends. Components use it instead of static state, since interfaces cannot hold fields. A service
    /// given to the host for <typeparamref name="T"/> (<see cref="Hosting.BuildHostOptions.Services"/>) is returned
    /// instead, and left to its owner: that is how tests substitute one.
    /// </summary>
    public T GetOrAddService<T>(Func<T> factory) where T : class =>
        _givenServices.TryGetValue(typeof(T), out var given) ? (T)given
            : (T)LazyInitializer.EnsureInitialized(ref _services, () => new()).GetOrAdd(typeof(T), _ => new Lazy<object>(() => factory())).Value;

    private static readonly IReadOnlyDictionary<Type, object> EmptyServices = new Dictionary<Type, object>();

    /// <summary>Disposes every per-run service that was created, newest first.</summary>
    internal Task DisposeServicesAsync() => _services is null || _services.IsEmpty ? Task.CompletedTask : DisposeCreatedServicesAsync(_services);

    private static async Task DisposeCreatedServicesAsync(ConcurrentDictionary<Type, Lazy<object>> services)
    {
        foreach (var service in services.Values.Where(l => l.IsValueCreated).Select(l => l.Value).Reverse())
        {
            if (service is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            else if (service is IDisposable disposable) disposable.Dispose();
        }
        services.Clear();
    }

    internal BuildLog HostLog => _log;

    internal IReadOnlyList<(string Key, string Value)> FiguresOf(string target) =>
        _figures is not null && _figures.TryGetValue(target, out var figures) ? figures.ToList() : [];

    internal void EnterTarget(string? name) => _currentTarget.Value = name;
}
