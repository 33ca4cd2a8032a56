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

    /// <summary>The environment a deployment job deploys to.</summary>
    public EnvironmentDeclaration? Environment { get; init; }

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

    /// <summary>The GitLab job name.</summary>
    public string GitLabName { get; set; } = "";

    /// <summary>The Azure stage and job identifier.</summary>
    public string AzureName { get; set; } = "";

    /// <summary>Whether a person starts the job (GitLab <c>when: manual</c>).</summary>
    public bool Manual => Environment?.Manual == true;

    /// <summary>The command line: <c>./build.sh A B --skip</c>, plus the partition.</summary>
    public string Command => "./build.sh " + string.Join(' ', Targets) + " --skip" +
        (PartitionCount > 1 ? $" --partition {PartitionIndex}/{PartitionCount}" : "");

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
    /// <summary>Declared with <c>Schedule</c>.</summary>
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
