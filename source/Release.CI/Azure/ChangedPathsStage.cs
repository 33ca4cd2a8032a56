using Release.CI.Planning;
using Release.CI.Yaml;

namespace Release.CI.Azure;

/// <summary>
/// Azure's stand-in for GitLab's <c>rules: changes:</c>, which Azure lacks: a first stage lists the files a pull
/// request changes and sets one output variable per module (per distinct set of <c>ChangedBy</c> globs, named after the
/// family member, e.g. <c>gateway</c>), <c>true</c> when a changed file matches one of its globs. Each filtered stage
/// depends on it and runs only when its variable is <c>true</c>; a need such a change may leave out may be
/// <c>Skipped</c> only when its own variable says its files did not change (a need skipped because something before it
/// failed still stops the stage). Branch and scheduled builds set every variable to <c>true</c>: as on GitLab, a push
/// runs every job.
/// </summary>
internal sealed class ChangedPathsStage
{
    /// <summary>The stage's and its job's identifier.</summary>
    public const string Name = "ChangedPaths";

    /// <summary>The step that sets the variables (its name is part of every reference to them).</summary>
    public const string StepName = "paths";

    private readonly Dictionary<CiJob, string> _variableOf = [];
    private readonly List<(string Variable, IReadOnlyList<string> Globs)> _variables = [];

    private ChangedPathsStage(CiPipeline pipeline)
    {
        var groups = pipeline.Jobs.Where(ChangeFilters.RunsOnlyForChanges)
            .GroupBy(j => string.Join('\n', j.ChangedBy!.Order(StringComparer.Ordinal)), StringComparer.Ordinal)
            .ToList();
        var members = groups.Select(g => g.Select(j => j.Member).OfType<string>().Distinct().ToList()).ToList();
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < groups.Count; i++)
        {
            // A module's jobs share its globs: the variable takes the module's name when only that module has them.
            var sameMember = members[i] is [var member] && members.Count(m => m.Contains(member)) == 1;
            var name = JobNames.AzureIdentifier(sameMember ? members[i][0] : groups[i].First().AzureName);
            for (var n = 2; !taken.Add(name); n++) name = JobNames.AzureIdentifier($"{groups[i].First().AzureName}_{n}");
            _variables.Add((name, groups[i].First().ChangedBy!));
            foreach (var job in groups[i]) _variableOf[job] = name;
        }
    }

    /// <summary>The changes of <paramref name="pipeline"/>: empty when no job runs only for changes.</summary>
    public static ChangedPathsStage For(CiPipeline pipeline) => new(pipeline);

    /// <summary>Whether any stage depends on the changes (then the stage is written).</summary>
    public bool Exists => _variables.Count > 0;

    /// <summary>The variable that says whether <paramref name="job"/>'s files changed, or null when it runs for every change.</summary>
    public string? VariableOf(CiJob job) => _variableOf.GetValueOrDefault(job);

    /// <summary>The condition under which a filtered job runs: its files changed (always true outside pull requests).</summary>
    public string? Condition(CiJob job) => VariableOf(job) is { } variable ? $"eq({Reference(variable)}, 'true')" : null;

    /// <summary>Whether <paramref name="job"/> may run with <paramref name="needed"/> skipped for want of changes.</summary>
    public bool MayRunWithout(CiJob job, CiJob needed) => VariableOf(needed) is not null && ChangeFilters.MayRunWithout(job, needed);

    /// <summary>The result check of a need a change may leave out: it succeeded, or it was skipped because its files did not change.</summary>
    public string NeedCondition(CiJob needed, string ok) =>
        $"or(in(dependencies.{needed.AzureName}.result, {ok}), " +
        $"and(eq(dependencies.{needed.AzureName}.result, 'Skipped'), ne({Reference(VariableOf(needed)!)}, 'true')))";

    /// <summary>Whether <paramref name="job"/>'s stage reads the variables (then it must depend on this stage).</summary>
    public bool IsReadBy(CiJob job) => VariableOf(job) is not null || job.Needs.Any(n => MayRunWithout(job, n.Job));

    /// <summary>
    /// The job variable through which a stage's steps read whether <paramref name="needed"/>'s files changed (steps cannot
    /// read other stages' outputs directly), and its value: the output of this stage.
    /// </summary>
    public (string Name, string Value) JobVariable(CiJob needed) =>
        ("changed_" + VariableOf(needed), $"$[ stageDependencies.{Name}.{Name}.outputs['{StepName}.{VariableOf(needed)}'] ]");

    private static string Reference(string variable) => $"dependencies.{Name}.outputs['{Name}.{StepName}.{variable}']";

    /// <summary>The stage: a checkout deep enough for the merge commit's parents, and the script.</summary>
    public YMap Build() => new YMap()
        .Add("stage", Name)
        .Add("displayName", "List the changed files")
        .Add("dependsOn", YSeq.Of(Array.Empty<YNode>()))
        .Add("jobs", YSeq.Of([new YMap()
            .Add("job", Name)
            .Add("displayName", "List the changed files")
            .Add("steps", YSeq.Of([
                new YMap().Add("checkout", "self").Add("fetchDepth", YScalar.Number(2)),
                new YMap().Add("bash", YScalar.Lines(ChangedPathsScript.Lines(_variables))).Add("name", StepName)
                    .Add("displayName", "Set a variable per module: did this pull request change its files"),
            ]))]));
}
