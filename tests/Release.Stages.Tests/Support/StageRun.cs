using Release.Engine;
using Release.Engine.Hosting;

namespace Release.Stages.Tests.Support;

/// <summary>Runs a build class in-process with its own root, environment and output, and keeps what it printed.</summary>
public sealed class StageRun : IBuildObserver
{
    private readonly List<string> _events = [];

    public int ExitCode { get; private set; }
    public string Output { get; private set; } = "";

    /// <summary>Targets whose actions started, in order.</summary>
    public IReadOnlyList<string> Started { get { lock (_events) return _events.ToList(); } }

    public void TargetStarted(string target) { lock (_events) _events.Add(target); }
    public void TargetFinished(string target, TargetStatus status) { }

    public static Task<StageRun> RunAsync<T>(string root, params string[] args) where T : Build, new() =>
        RunWithEnvironmentAsync<T>(root, new Dictionary<string, string>(), args);

    /// <summary>Runs with the process's environment plus <paramref name="overrides"/>.</summary>
    public static async Task<StageRun> RunWithEnvironmentAsync<T>(string root, IReadOnlyDictionary<string, string> overrides, params string[] args) where T : Build, new()
    {
        var run = new StageRun();
        var writer = new StringWriter();
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => !((string)e.Key).StartsWith("CI_", StringComparison.Ordinal) && (string)e.Key != "BUILD_SOURCEBRANCHNAME")
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        foreach (var (name, value) in overrides) environment[name] = value;
        var options = new BuildHostOptions
        {
            RootDirectory = root, Environment = environment, Output = TextWriter.Synchronized(writer), Interactive = false, Observer = run,
            WriteSchema = false,
        };
        run.ExitCode = await BuildHost.RunAsync<T>(args, null, options, CancellationToken.None);
        run.Output = writer.ToString();
        TestContext.Progress.WriteLine($"--- {string.Join(' ', args)} -> exit {run.ExitCode}");
        return run;
    }

    /// <summary>The summary row's status of a target, e.g. "Succeeded".</summary>
    public string StatusOf(string target)
    {
        var row = Output.Split('\n').Select(l => l.Split('|', StringSplitOptions.TrimEntries)).LastOrDefault(cells => cells.Length > 3 && cells[1] == target)
            ?? throw new AssertionException($"No summary row for {target} in:\n{Output}");
        return row[2];
    }
}
