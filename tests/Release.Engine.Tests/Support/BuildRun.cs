using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Release.Engine;
using Release.Engine.Hosting;

namespace Release.Engine.Tests.Support;

/// <summary>Runs a build class in-process, in its own temp root, with its own environment, and keeps what it printed.</summary>
public sealed class BuildRun : IBuildObserver
{
    private readonly ConcurrentQueue<string> _events = new();

    public int ExitCode { get; private set; }
    public string Output { get; private set; } = "";
    public IReadOnlyList<string> Events => _events.ToList();

    public void TargetStarted(string target) => _events.Enqueue("start:" + target);
    public void TargetFinished(string target, TargetStatus status) => _events.Enqueue($"end:{target}:{status}");

    /// <summary>The targets whose actions started, in order.</summary>
    public List<string> Started => Events.Where(e => e.StartsWith("start:")).Select(e => e[6..]).ToList();

    public static async Task<BuildRun> RunAsync<T>(string root, params string[] args) where T : Build, new() =>
        await RunAsync<T>(root, new Dictionary<string, string>(), CancellationToken.None, args);

    public static Task<BuildRun> RunAsync<T>(string root, IReadOnlyDictionary<string, string> environment,
        CancellationToken cancellationToken, params string[] args) where T : Build, new() =>
        RunAsync<T>(root, environment, null, null, cancellationToken, args);

    /// <summary>Runs with no target named, so the build's default target (<paramref name="defaultTarget"/>) runs.</summary>
    public static Task<BuildRun> RunWithDefaultTargetAsync<T>(string root, Func<T, Target> defaultTarget,
        [CallerArgumentExpression(nameof(defaultTarget))] string? defaultTargetText = null) where T : Build, new() =>
        RunAsync(root, new Dictionary<string, string>(), defaultTarget, defaultTargetText, CancellationToken.None, []);

    private static async Task<BuildRun> RunAsync<T>(string root, IReadOnlyDictionary<string, string> environment,
        Func<T, Target>? defaultTarget, string? defaultTargetText, CancellationToken cancellationToken, string[] args) where T : Build, new()
    {
        var run = new BuildRun();
        var writer = new StringWriter();
        var options = new BuildHostOptions
        {
            RootDirectory = root, Environment = environment, Output = TextWriter.Synchronized(writer), Interactive = false, Observer = run,
        };
        run.ExitCode = await BuildHost.RunAsync(args, defaultTarget, options, cancellationToken, defaultTargetText);
        run.Output = writer.ToString();
        return run;
    }

    /// <summary>The summary row of a target, e.g. "| Compile | Succeeded | ...".</summary>
    public string StatusOf(string target)
    {
        var row = Output.Split('\n').Select(l => l.Split('|', StringSplitOptions.TrimEntries)).LastOrDefault(cells => cells.Length > 3 && cells[1] == target)
            ?? throw new AssertionException($"No summary row for {target} in:\n{Output}");
        return row[2];
    }
}
