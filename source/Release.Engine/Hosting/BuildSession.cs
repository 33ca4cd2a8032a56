using Release.Foundation.Secrets;
using System.Collections;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Release.Engine.Execution;
using Release.Engine.Incremental;
using Release.Engine.Output;
using Release.Engine.Parameters;
using Release.Engine.Planning;
using Release.Engine.Startup;

namespace Release.Engine.Hosting;

/// <summary>One run of one build: the instance, its context, its targets, and the steps from plan to summary.</summary>
internal sealed class BuildSession
{
    private readonly IBuild _build;
    private readonly BuildArguments _arguments;
    private readonly BuildHostOptions _options;
    private readonly IReadOnlyList<ExecutableTarget> _targets;
    private readonly BuildTypeModel _model;

    private BuildSession(
        IBuild build,
        BuildContext context,
        BuildArguments arguments,
        BuildHostOptions options,
        IReadOnlyList<ExecutableTarget> targets,
        BuildTypeModel model)
    {
        _model = model;
        _build = build;
        Context = context;
        _arguments = arguments;
        _options = options;
        _targets = targets;
    }

    public BuildContext Context { get; }

    public IReadOnlyList<TargetResult> LastResults { get; private set; } = [];

    /// <summary>
    /// Loads the build: parameters from every source, then the targets. Nothing in it waits on I/O but the reading of
    /// the small parameters files, which is synchronous (see <see cref="ParameterFiles.Read"/>).
    /// </summary>
    public static BuildSession Create<T>(BuildArguments arguments, BuildHostOptions options, SecretMasker masker, BuildTypeModel model)
        where T : Build, new()
    {
        var root = RootLocator.Find(options, arguments);
        var environment = options.Environment ?? ProcessEnvironment();
        var output = options.Output;
        var context = new BuildContext(
            root,
            environment,
            output is null ? () => model.ConsoleOutput : () => output,
            masker,
            options.Clock,
            options.Services);
        context.HostLog.Verbose = arguments.Verbose;
        var build = new T();
        build.Attach(context);

        // The files and the target properties are read while the parameters are found on the type model's thread, but
        // their errors are reported in the order they always were: parameters, files, values, then targets.
        IReadOnlyList<ParameterFile> files = [];
        ExceptionDispatchInfo? filesFailure = null;
        try { files = ParameterFiles.Read(root, arguments.Profiles); }
        catch (Exception e) { filesFailure = ExceptionDispatchInfo.Capture(e); }
        IReadOnlyList<(string Name, PropertyInfo Property)> targetProperties = [];
        ExceptionDispatchInfo? targetPropertiesFailure = null;
        try { targetProperties = TargetDiscovery.FindDeclarations(typeof(T)); }
        catch (Exception e) { targetPropertiesFailure = ExceptionDispatchInfo.Capture(e); }
        var descriptors = model.Parameters;
        filesFailure?.Throw();
        context.Parameters = ParameterResolver.Resolve(descriptors, new ParameterSources(arguments.Parameters, environment, files), root, masker);
        foreach (var descriptor in descriptors.Where(d => d.IsInjectable && context.Parameters.IsSet(d.Name)))
            descriptor.WriteTo(build, context.Parameters.Get<object>(descriptor.Name));
        // Secrets set in code (defaults) are masked too, not only those that came from a source.
        foreach (var descriptor in descriptors.Where(d => d.IsSecret))
            if (descriptor.ReadFrom(build) is string secret) masker.Add(secret);

        targetPropertiesFailure?.Throw();
        var targets = TargetDiscovery.Discover(build, targetProperties);
        context.Graph = GraphBuilder.Build(targets, descriptors);
        return new BuildSession(build, context, arguments, options, targets, model);
    }

    private static Dictionary<string, string> ProcessEnvironment()
    {
        var variables = System.Environment.GetEnvironmentVariables();
        var environment = new Dictionary<string, string>(variables.Count);
        foreach (DictionaryEntry variable in variables)
            environment[(string)variable.Key] = (string?)variable.Value ?? "";
        return environment;
    }

    /// <summary>
    /// Runs the session; <paramref name="beforeExecution"/> is called (and its result disposed at the end) once the run
    /// goes past --help and --plan, where prompts and targets can be cancelled.
    /// </summary>
    public Task<int> RunAsync(string? defaultTarget, Func<IDisposable>? beforeExecution, CancellationToken cancellationToken) =>
        _arguments.Help ? HelpAsync(defaultTarget, cancellationToken) : RunTargetsAsync(defaultTarget, beforeExecution, cancellationToken);

    /// <summary>
    /// The schema, then the help. Not an async method while the schema file already holds the schema, the usual case:
    /// an async method's state machine is JIT-compiled at its first call, and --help is the start people wait for.
    /// </summary>
    private Task<int> HelpAsync(string? defaultTarget, CancellationToken cancellationToken)
    {
        var schema = WriteSchemaAsync(cancellationToken);
        return schema.IsCompletedSuccessfully ? Task.FromResult(WriteHelp(defaultTarget)) : HelpAfterAsync(schema, defaultTarget);
    }

    private async Task<int> HelpAfterAsync(Task schema, string? defaultTarget)
    {
        await schema.ConfigureAwait(false);
        return WriteHelp(defaultTarget);
    }

    private int WriteHelp(string? defaultTarget)
    {
        HelpWriter.Write(Context.HostLog, Context.Graph, Context.Parameters, defaultTarget, Context.Environment);
        return BuildHost.Success;
    }

    private async Task<int> RunTargetsAsync(string? defaultTarget, Func<IDisposable>? beforeExecution, CancellationToken cancellationToken)
    {
        var log = Context.HostLog;
        var invoked = _arguments.Targets.Count > 0 ? _arguments.Targets
            : defaultTarget is not null ? [defaultTarget]
            : throw new BuildInputException("No target given and the build has no default target. Name one: " +
                $"{string.Join(", ", _targets.Where(t => !t.Definition.IsUnlisted).Select(t => t.Name))}.");
        var plan = ExecutionPlanner.Plan(_targets, invoked);
        Context.InvokedTargets = invoked.Select(name => ExecutionPlanner.Find(_targets, name).Name).ToList();
        var skipped = Preflight.DecideSkips(plan, _targets, _arguments, Context.InvokedTargets);

        if (_arguments.PlanOnly)
        {
            await WriteSchemaAsync(cancellationToken).ConfigureAwait(false);
            PlanWriter.Write(log, plan, skipped, Context.InvokedTargets);
            return BuildHost.Success;
        }

        using var execution = beforeExecution?.Invoke();
        await Preflight.CheckRequirementsAsync(_build, plan, skipped, Context, _options, cancellationToken).ConfigureAwait(false);
        // Written only once the input is known to be good: bad input leaves nothing behind.
        await WriteSchemaAsync(cancellationToken).ConfigureAwait(false);
        PlanWriter.Write(log, plan, skipped, Context.InvokedTargets);

        // --force runs every target but still records what it ran, so the run after it can skip again.
        var incremental = new IncrementalCache(Context.RootDirectory, Context.Parameters);
        var runner = new TargetRunner(Context, incremental, _options.Observer, force: _arguments.Force);
        var scheduler = new TargetScheduler(plan, skipped, runner.RunAsync, _arguments.MaxParallel ?? System.Environment.ProcessorCount);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcomes = await scheduler.RunAsync(cancellationToken).ConfigureAwait(false);

        var results = plan.Select(
            t => new TargetResult(t.Name, outcomes[t].Status, runner.DurationOf(t), outcomes[t].Reason, Context.FiguresOf(t.Name))).ToList();
        SummaryWriter.Write(Context, results, clock.Elapsed);
        LastResults = results;
        if (cancellationToken.IsCancellationRequested) return BuildHost.Cancelled;
        if (runner.FailedOnBadInput) return BuildHost.BadInput;
        return results.Any(r => r.Status is TargetStatus.Failed or TargetStatus.Cancelled or TargetStatus.NotRun)
            ? BuildHost.TargetFailed
            : BuildHost.Success;
    }

    private Task WriteSchemaAsync(CancellationToken cancellationToken) => _options.WriteSchema
        ? SchemaFile.WriteAsync(Context.RootDirectory, () => BuildSchema.Render(Context.Graph, _model.SchemaParameters), cancellationToken)
        : Task.CompletedTask;
}
