namespace Release.CI.Planning;

/// <summary>
/// One planned job: the targets it runs, the contexts it runs in, the jobs it waits for, and what it publishes.
/// Both CI writers render the same jobs, so the two files cannot drift apart.
/// </summary>
internal sealed class CiJob
{
    /// <summary>The target the job exists for.</summary>
    public required string EntryTarget { get; init; }

    /// <summary>Why the job exists: declared entry, environment deployment, schedule, or shared work.</summary>
    public required CiJobKind Kind { get; init; }

    /// <summary>1-based partition number, when the entry target is partitioned.</summary>
    public int PartitionIndex { get; init; }

    /// <summary>Number of partitions (1: not partitioned).</summary>
    public int PartitionCount { get; init; } = 1;

    /// <summary>
    /// The environment the job works for: the one a deployment job deploys to, or the one whose deployment a job after
    /// it (integration tests) works on. Null for jobs that are the same for every environment.
    /// </summary>
    public EnvironmentDeclaration? Environment { get; init; }

    /// <summary>The command-line spelling of the parameter the environment's name is passed to (<c>--environment</c>).</summary>
    public string? EnvironmentArgument { get; init; }

    /// <summary>Whether the job runs its target with everything it depends on, needing no other job (a scheduled target).</summary>
    public bool SelfContained => Kind == CiJobKind.Scheduled;

    /// <summary>Whether the job deploys to <see cref="Environment"/> (GitLab environment, Azure deployment job).</summary>
    public bool Deploys => Kind == CiJobKind.Deployment;

    /// <summary>Contexts the configuration itself gave this job.</summary>
    public required HashSet<PipelineContext> OwnContexts { get; init; }

    /// <summary>Every context the job runs in: its own plus those of every job that relies on it.</summary>
    public HashSet<PipelineContext> Contexts { get; set; } = [];

    /// <summary>The targets the job runs, in declaration order.</summary>
    public List<string> Targets { get; set; } = [];

    /// <summary>Jobs this job waits for.</summary>
    public List<JobNeed> Needs { get; } = [];

    /// <summary>Globs of the files the job's targets produce (published as artifacts).</summary>
    public List<string> Produces { get; } = [];

    /// <summary>The reports the job's targets write.</summary>
    public List<CiReports> Reports { get; } = [];

    /// <summary>Environment variable names of the secrets imported into this job.</summary>
    public List<string> Secrets { get; } = [];

    /// <summary>Environment variable names of the team's non-secret CI variables this job reads.</summary>
    public List<string> Variables { get; } = [];

    /// <summary>
    /// Globs of the files whose change in a merge request runs this job (see <see cref="ChangeFilters"/>); null when any
    /// change may matter.
    /// </summary>
    public IReadOnlyList<string>? ChangedBy
    {
        get => _changedBy;
        set
        {
            _changedBy = value;
            ChangedBySet = value?.ToHashSet(StringComparer.Ordinal);
        }
    }

    private IReadOnlyList<string>? _changedBy;

    /// <summary><see cref="ChangedBy"/> as a set, for the containment checks every need of every job asks.</summary>
    public IReadOnlySet<string>? ChangedBySet { get; private set; }

    /// <summary>The family member the job's entry target is (a module's name: <c>gateway</c> of <c>Push.gateway</c>), or null.</summary>
    public string? Member { get; set; }

    /// <summary>The GitLab job name.</summary>
    public string GitLabName { get; set; } = "";

    /// <summary>The Azure stage and job identifier.</summary>
    public string AzureName { get; set; } = "";

    /// <summary>Whether a person starts the job (GitLab <c>when: manual</c>); jobs after it wait for it.</summary>
    public bool Manual => Deploys && Environment!.Manual;

    /// <summary>
    /// The command line: <c>./build.sh A B --skip</c>, plus the partition and the environment; a self-contained job
    /// names only its target and does not skip, so the build runs everything it depends on.
    /// </summary>
    public string Command => SelfContained
        ? "./build.sh " + EntryTarget
        : "./build.sh " + string.Join(' ', Targets) + " --skip" +
          (PartitionCount > 1 ? $" --partition {PartitionIndex}/{PartitionCount}" : "") +
          (Environment is not null && EnvironmentArgument is not null ? $" {EnvironmentArgument} {ShellWord(Environment.Name)}" : "");

    private static string ShellWord(string text) =>
        text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/') ? text : "'" + text + "'";

    /// <summary>A readable label for messages: <c>Test (partition 2/3)</c>, <c>Deploy (environment production)</c>.</summary>
    public string Label => EntryTarget
        + (PartitionCount > 1 ? $" (partition {PartitionIndex}/{PartitionCount})" : "")
        + (Environment is not null ? $" (environment {Environment.Name})" : "");
}

/// <summary>Why a job exists.</summary>
internal enum CiJobKind
{
    /// <summary>Declared with <c>Job</c> or <c>Partition</c>.</summary>
    Entry,
    /// <summary>Declared with <c>Deploy</c>.</summary>
    Deployment,
    /// <summary>Declared with <c>Schedule</c> for a target without a job: runs self-contained.</summary>
    Scheduled,
    /// <summary>Work that several jobs of one pipeline need, run once in a job of its own.</summary>
    Shared,
}

/// <summary>A job another job waits for.</summary>
/// <param name="Job">The job waited for.</param>
/// <param name="Artifacts">Whether its artifacts are downloaded.</param>
/// <param name="ArtifactGlobs">The consumed globs (empty: all it publishes).</param>
/// <param name="Optional">Ordering only: the job may not be in every pipeline this one is in.</param>
internal sealed record JobNeed(CiJob Job, bool Artifacts, IReadOnlyList<string> ArtifactGlobs, bool Optional);
