using System.Runtime.CompilerServices;

namespace Release.Engine;

/// <summary>
/// The fluent definition of a target. Every call adds to the definition; order of calls does not matter,
/// except that <see cref="Executes(Action)"/> actions run in the order they were added.
/// </summary>
public interface ITargetDefinition
{
    /// <summary>Sets the description shown by <c>--help</c> and in generated CI files.</summary>
    ITargetDefinition Description(string description);

    /// <summary>Hides the target from <c>--help</c> (it can still be invoked).</summary>
    ITargetDefinition Unlisted();

    /// <summary>The given targets run before this one and are pulled into the plan.</summary>
    ITargetDefinition DependsOn(params Target[] targets);

    /// <summary>A component's target runs before this one; the build must implement <typeparamref name="T"/>.</summary>
    ITargetDefinition DependsOn<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>Like <see cref="DependsOn{T}"/>, but ignored when the build does not implement <typeparamref name="T"/>.</summary>
    ITargetDefinition TryDependsOn<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>Every member of a <see cref="TargetFamily"/> runs before this one and is pulled into the plan.</summary>
    ITargetDefinition DependsOn(TargetFamily family);

    /// <summary>
    /// The named members of a family run before this one and are pulled into the plan; none when
    /// <paramref name="members"/> is empty (a module that depends on no other module). An unknown member is an error.
    /// </summary>
    ITargetDefinition DependsOn(TargetFamily family, IEnumerable<string> members);

    /// <summary>This target runs before the given targets whenever they are planned, and is pulled in by them.</summary>
    ITargetDefinition DependentFor(params Target[] targets);

    /// <summary>Component form of <see cref="DependentFor(Target[])"/>.</summary>
    ITargetDefinition DependentFor<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>Like <see cref="DependentFor{T}"/>, but ignored when the build does not implement <typeparamref name="T"/>.</summary>
    ITargetDefinition TryDependentFor<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>When both are planned, this target runs before the given ones. Pulls nothing in.</summary>
    ITargetDefinition Before(params Target[] targets);

    /// <summary>Component form of <see cref="Before(Target[])"/>; ignored when the build does not implement <typeparamref name="T"/>.</summary>
    ITargetDefinition TryBefore<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>When both are planned, this target runs after the given ones. Pulls nothing in.</summary>
    ITargetDefinition After(params Target[] targets);

    /// <summary>Component form of <see cref="After(Target[])"/>; ignored when the build does not implement <typeparamref name="T"/>.</summary>
    ITargetDefinition TryAfter<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>When planned, the named members of a family run before this one. Pulls nothing in.</summary>
    ITargetDefinition After(TargetFamily family, IEnumerable<string> members);

    /// <summary>The given targets are pulled into the plan and run after this one.</summary>
    ITargetDefinition Triggers(params Target[] targets);

    /// <summary>Component form of <see cref="Triggers(Target[])"/>; ignored when the build does not implement <typeparamref name="T"/>.</summary>
    ITargetDefinition TryTriggers<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>This target is pulled into the plan by the given targets and runs after them.</summary>
    ITargetDefinition TriggeredBy(params Target[] targets);

    /// <summary>Component form of <see cref="TriggeredBy(Target[])"/>; ignored when the build does not implement <typeparamref name="T"/>.</summary>
    ITargetDefinition TryTriggeredBy<T>(params Func<T, Target>[] targets) where T : IBuild;

    /// <summary>
    /// Skips the target when the condition is false, decided before anything runs.
    /// The condition's source text becomes the skip reason.
    /// </summary>
    ITargetDefinition OnlyWhenStatic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null);

    /// <summary>
    /// Skips the target when the condition is false, decided just before the target would start.
    /// The condition's source text becomes the skip reason.
    /// </summary>
    ITargetDefinition OnlyWhenDynamic(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null);

    /// <summary>Fails the plan before anything runs when the parameter has no value: <c>Requires(() =&gt; ApiKey)</c>.</summary>
    ITargetDefinition Requires<T>(Func<T?> parameter, [CallerArgumentExpression(nameof(parameter))] string? parameterText = null) where T : class;

    /// <summary>Fails the plan before anything runs when a nullable value parameter has no value: <c>Requires(() =&gt; Port)</c>.</summary>
    ITargetDefinition Requires<T>(Func<T?> parameter, [CallerArgumentExpression(nameof(parameter))] string? parameterText = null) where T : struct;

    /// <summary>Fails the plan before anything runs when the condition is false; its source text is the message.</summary>
    ITargetDefinition Requires(Func<bool> condition, [CallerArgumentExpression(nameof(condition))] string? conditionText = null);

    /// <summary>What happens to dependencies when this target is skipped by a condition.</summary>
    ITargetDefinition WhenSkipped(DependencyBehavior behavior);

    /// <summary>When this target fails, other targets that do not depend on it still run (the build still fails).</summary>
    ITargetDefinition ProceedAfterFailure();

    /// <summary>This target runs even after another target failed or the build was cancelled (clean-up, reports).</summary>
    ITargetDefinition AssuredAfterFailure();

    /// <summary>Files this target writes (globs relative to the root). CI generation publishes them; incremental skipping checks them.</summary>
    ITargetDefinition Produces(params string[] globs);

    /// <summary>Files this target reads (globs relative to the root). Incremental skipping hashes them.</summary>
    ITargetDefinition Consumes(params string[] globs);

    /// <summary>Artifacts of another target this target reads; empty <paramref name="globs"/> means all it produces.</summary>
    ITargetDefinition Consumes(Target producer, params string[] globs);

    /// <summary>Artifacts of one member of a family this target reads; empty <paramref name="globs"/> means all it produces.</summary>
    ITargetDefinition Consumes(TargetFamily producer, string member, params string[] globs);

    /// <summary>
    /// The source files whose changes this target's work depends on (globs relative to the root, e.g. a module's
    /// folder <c>samples/pricing/**</c>). CI generators read them to run the target's job only for a change that
    /// touches them (GitLab <c>rules:changes</c>, Azure path conditions); the engine itself does not use them.
    /// </summary>
    ITargetDefinition ChangedBy(params string[] globs);

    /// <summary>Component form of <see cref="Consumes(Target, string[])"/>; ignored when the build does not implement
    /// <typeparamref name="T"/>.</summary>
    ITargetDefinition TryConsumes<T>(Func<T, Target> producer, params string[] globs) where T : IBuild;

    /// <summary>Records a tool's version in the incremental-skip hash (e.g. <c>"dotnet"</c> and a function returning its version).</summary>
    ITargetDefinition TracksToolVersion(string tool, Func<CancellationToken, Task<string>> version);

    /// <summary>Applies a component's own definition of a target that the build overrides, then continues with this one.</summary>
    ITargetDefinition Inherit<T>(Func<T, Target> target, [CallerArgumentExpression(nameof(target))] string? targetText = null) where T : IBuild;

    /// <summary>Applies the definition this target overrides (a base class's virtual target, or the component's default).</summary>
    ITargetDefinition Base();

    /// <summary>Adds a synchronous action.</summary>
    ITargetDefinition Executes(Action action);

    /// <summary>Adds an asynchronous action.</summary>
    ITargetDefinition Executes(Func<Task> action);

    /// <summary>Adds an asynchronous action that honours cancellation (Ctrl-C, or another target's failure).</summary>
    ITargetDefinition Executes(Func<CancellationToken, Task> action);
}
