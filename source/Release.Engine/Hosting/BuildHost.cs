using Release.Foundation.Secrets;
using System.Runtime.CompilerServices;
using Release.Engine.Definition;
using Release.Engine.Execution;
using Release.Engine.Incremental;
using Release.Engine.Output;
using Release.Engine.Parameters;
using Release.Engine.Planning;
using Release.Engine.Startup;

namespace Release.Engine.Hosting;

/// <summary>
/// Creates and runs a build: <c>static Task&lt;int&gt; Main(string[] args) =&gt; BuildHost.RunConsoleAsync&lt;Build&gt;(args, x =&gt;
/// x.Compile);</c>. Holds no state: every run gets its own context, so tests can run builds side by side in one process.
/// </summary>
public static class BuildHost
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Success = 0;
    /// <summary>Exit code when a target failed.</summary>
    public const int TargetFailed = 1;
    /// <summary>Exit code for bad input or a broken definition.</summary>
    public const int BadInput = 2;
    /// <summary>Exit code after cancellation.</summary>
    public const int Cancelled = 130;

    /// <summary>Runs a build in a console process: Ctrl-C cancels running targets, then assured targets run.</summary>
    public static Task<int> RunConsoleAsync<T>(string[] args, Func<T, Target>? defaultTarget = null,
        [CallerArgumentExpression(nameof(defaultTarget))] string? defaultTargetText = null) where T : Build, new()
    {
        // The type model's thread starts before anything else, the first await included (each async method's first call
        // is JIT-compiled), so that what it finds is ready sooner. When the bootstrap check below sends the run to the
        // script again, its work is left unused.
        var model = BuildTypeModel.Start(typeof(T), openConsole: true);
        return RunConsoleAsync<T>(args, model, DefaultName(defaultTarget, defaultTargetText));
    }

    private static async Task<int> RunConsoleAsync<T>(string[] args, BuildTypeModel model, Func<string?> defaultName) where T : Build, new()
    {
        // A bootstrap script may still be checking whether this compiled build is out of date (see BootstrapCheck).
        if (BootstrapCheck.ScriptToRunAgain() is { } script) return await BootstrapCheck.RunAgainAsync(script, args).ConfigureAwait(false);
        using var cancellation = new CancellationTokenSource();
        // Ctrl-C is taken over only once something can be cancelled (a prompt or targets), not for --help or --plan:
        // hooking the console's signals costs a start-up more than printing the help does.
        return await RunAsync<T>(args, defaultName, new BuildHostOptions(), model, () => new CancelKeyHandler(cancellation), cancellation.Token)
            .ConfigureAwait(false);
    }

    /// <summary>Runs a build with the given arguments and options, returning the exit code.</summary>
    public static Task<int> RunAsync<T>(IReadOnlyList<string> args, Func<T, Target>? defaultTarget = null,
        BuildHostOptions? options = null, CancellationToken cancellationToken = default,
        [CallerArgumentExpression(nameof(defaultTarget))] string? defaultTargetText = null) where T : Build, new()
    {
        options ??= new BuildHostOptions();
        var model = BuildTypeModel.Start(typeof(T), openConsole: options.Output is null);
        return RunAsync<T>(args, DefaultName(defaultTarget, defaultTargetText), options, model, null, cancellationToken);
    }

    // The default target's name, from the lambda's text (x => x.Compile); what MemberNames throws is reported as bad input.
    private static Func<string?> DefaultName<T>(Func<T, Target>? defaultTarget, string? text) =>
        () => defaultTarget is null ? null : MemberNames.Of(text, "a target property, like x => x.Compile");

    private static async Task<int> RunAsync<T>(IReadOnlyList<string> args, Func<string?> defaultTarget, BuildHostOptions options,
        BuildTypeModel model, Func<IDisposable>? beforeExecution, CancellationToken cancellationToken) where T : Build, new()
    {
        var masker = new SecretMasker();
        try
        {
            var arguments = BuildArguments.Parse(args);
            var session = BuildSession.Create<T>(arguments, options, masker, model);
            var defaultName = defaultTarget();
            try { return await session.RunAsync(defaultName, beforeExecution, cancellationToken).ConfigureAwait(false); }
            finally { await session.Context.DisposeServicesAsync().ConfigureAwait(false); }
        }
        catch (Exception e) when (e is BuildInputException or BuildDefinitionException)
        {
            await ReportAsync(options, masker, e, args).ConfigureAwait(false);
            return BadInput;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Cancelled;
        }
        catch (Exception e)
        {
            // Outside any target (a prompt, the schema file, the engine itself): still a message, not a stack trace.
            await ReportAsync(options, masker, e, args).ConfigureAwait(false);
            return TargetFailed;
        }
    }

    /// <summary>The message for users; the exception's type and stack only with <c>--verbose</c>, for whoever debugs the build.</summary>
    private static async Task ReportAsync(BuildHostOptions options, SecretMasker masker, Exception e, IReadOnlyList<string> args)
    {
        var output = options.Output ?? Console.Out;
        await output.WriteLineAsync("error: " + masker.Mask(e.Message)).ConfigureAwait(false);
        if (args.Contains("--verbose")) await output.WriteLineAsync("debug: " + masker.Mask(e.ToString())).ConfigureAwait(false);
        await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Ctrl-C cancels the run's token instead of ending the process, while registered.</summary>
    private sealed class CancelKeyHandler : IDisposable
    {
        private readonly ConsoleCancelEventHandler _onCancel;

        public CancelKeyHandler(CancellationTokenSource cancellation)
        {
            _onCancel = (_, e) => { e.Cancel = true; cancellation.Cancel(); };
            Console.CancelKeyPress += _onCancel;
        }

        public void Dispose() => Console.CancelKeyPress -= _onCancel;
    }

    /// <summary>Loads a build's target graph without running anything (for generators and tests).</summary>
    public static Task<TargetGraph> InspectAsync<T>(
        BuildHostOptions? options = null,
        CancellationToken cancellationToken = default) where T : Build, new()
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<TargetGraph>(cancellationToken);
        try
        {
            var session = BuildSession.Create<T>(
                BuildArguments.Parse([]),
                options ?? new BuildHostOptions { WriteSchema = false },
                new SecretMasker(),
                BuildTypeModel.Start(typeof(T), openConsole: false));
            return Task.FromResult(session.Context.Graph);
        }
        catch (Exception e) { return Task.FromException<TargetGraph>(e); }
    }
}
