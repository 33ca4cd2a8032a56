namespace Release.CI;

/// <summary>
/// The declared CI configuration of a build: which jobs exist, when pipelines run, where they deploy, what they cache
/// and which secrets they import. Expose it from the build: <c>CiConfiguration IContinuousIntegration.Ci =&gt; new
/// CiConfiguration().Job(nameof(Test))...</c>. Targets and parameters are named with <c>nameof</c>, so a rename breaks the compile, not the pipeline.
/// </summary>
public sealed class CiConfiguration
{
    private readonly List<string> _jobs = [];
    private readonly Dictionary<string, TargetCiOptions> _targets = new(StringComparer.Ordinal);
    private readonly List<string> _branches = [];
    private readonly List<EnvironmentDeclaration> _environments = [];
    private readonly List<ScheduleDeclaration> _schedules = [];
    private readonly List<string> _secrets = [];
    private readonly HashSet<string> _secretFiles = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _variables = [];
    private readonly List<string> _everyJob = [];

    /// <summary>Entry targets: each becomes a job (or several, when partitioned), in declaration order.</summary>
    public IReadOnlyList<string> Jobs => _jobs;

    /// <summary>Per-target CI options (partitions, reports), keyed by target name.</summary>
    public IReadOnlyDictionary<string, TargetCiOptions> Targets => _targets;

    /// <summary>Branch rules that start a pipeline on push: exact names (<c>main</c>) or a trailing <c>*</c> (<c>release/*</c>).</summary>
    public IReadOnlyList<string> Branches => _branches;

    /// <summary>Whether merge requests (GitLab) and pull requests (Azure) start a pipeline.</summary>
    public bool MergeRequests { get; private set; }

    /// <summary>Deployment environments and the branch rules that deploy to them.</summary>
    public IReadOnlyList<EnvironmentDeclaration> Environments => _environments;

    /// <summary>Scheduled pipelines and the target each runs.</summary>
    public IReadOnlyList<ScheduleDeclaration> Schedules => _schedules;

    /// <summary>Names of <c>[Secret]</c> parameters the jobs import from the CI system's secret store (never values).</summary>
    public IReadOnlyList<string> Secrets => _secrets;

    /// <summary>The imported secrets whose value is a file's content and whose parameter takes that file's path
    /// (<see cref="ImportSecretFiles"/>).</summary>
    public IReadOnlySet<string> SecretFiles => _secretFiles;

    /// <summary>
    /// Names of non-secret parameters a team sets as CI variables for real runs (a registry, a mirror): listed in each
    /// file's header, and mapped by name into Azure jobs. Never values.
    /// </summary>
    public IReadOnlyList<string> TeamVariables => _variables;

    /// <summary>
    /// Targets that prepare a job's workspace (a checkout outside <c>artifacts/</c>): never given a job of their own, they
    /// run inside every job whose targets need them, named on its command line so <c>--skip</c> does not skip them.
    /// </summary>
    public IReadOnlyList<string> EveryJobTargets => _everyJob;

    /// <summary>Whether NuGet packages are cached between jobs.</summary>
    public bool CachesNuGetPackages { get; private set; }

    /// <summary>Whether one first job compiles the build definition and every other job reuses it (see <see cref="ShareCompiledBuild"/>).</summary>
    public bool SharesCompiledBuild { get; private set; }

    /// <summary>GitLab file options.</summary>
    public GitLabOptions GitLab { get; private set; } = new();

    /// <summary>Azure Pipelines file options.</summary>
    public AzureOptions Azure { get; private set; } = new();

    /// <summary>Makes <paramref name="target"/> an entry target: a job runs it and what only it needs.</summary>
    public CiConfiguration Job(string target, Action<TargetCiOptions>? configure = null)
    {
        if (!_jobs.Contains(target)) _jobs.Add(target);
        configure?.Invoke(OptionsOf(target));
        return this;
    }

    /// <summary>Splits <paramref name="target"/>'s job into <paramref name="count"/> jobs, each running <c>--partition N/count</c>.</summary>
    public CiConfiguration Partition(string target, int count) => Job(target, t => t.Partitions = count);

    /// <summary>
    /// Reports <paramref name="target"/> writes, wired into each CI system's native report support (paths relative to
    /// the root). <paramref name="trx"/>: TRX results for Azure; <paramref name="coverageLine"/>: the regular expression
    /// GitLab reads the job's coverage figure from (see <see cref="CiReports.CoverageLine"/>).
    /// </summary>
    public CiConfiguration Reports(string target, string? junit = null, string? coberturaCoverage = null,
        string? containerScanning = null, string? cyclonedx = null, string? dotenv = null, string? trx = null, string? coverageLine = null)
    {
        OptionsOf(target).Reports = new CiReports(junit, coberturaCoverage, containerScanning, cyclonedx, dotenv)
        {
            Trx = trx, CoverageLine = coverageLine,
        };
        return this;
    }

    /// <summary>Pushes to these branches start a pipeline: exact names, or a pattern ending in <c>*</c>.</summary>
    public CiConfiguration OnBranches(params string[] branchRules)
    {
        foreach (var rule in branchRules.Where(r => !_branches.Contains(r))) _branches.Add(rule);
        return this;
    }

    /// <summary>Merge requests (GitLab) and pull requests (Azure) start a pipeline; rule name <c>merge-request</c>.</summary>
    public CiConfiguration OnMergeRequests()
    {
        MergeRequests = true;
        return this;
    }

    /// <summary>
    /// Deploys to <paramref name="environment"/> by running <paramref name="deployTarget"/> in a job of its own, when a
    /// pipeline matches one of <paramref name="branchRules"/> (declared branch rules, or <c>merge-request</c>), passing
    /// the environment's name to the build parameter <paramref name="parameter"/> (<c>--environment staging</c>).
    /// Jobs for targets that depend on <paramref name="deployTarget"/> are planned once per environment, after its
    /// deployment and under its branch rules. A manual deployment waits for a person to start it on GitLab; on Azure,
    /// configure an approval on the environment.
    /// <paramref name="promotes"/> names environments deployed earlier in the same pipelines whose verified result this
    /// deployment promotes (production after what a test environment's jobs checked): its jobs rely on their jobs
    /// (order and artifacts) instead of running that work again for this environment.
    /// </summary>
    public CiConfiguration Deploy(string deployTarget, string environment, IEnumerable<string> branchRules, bool manual = false,
        string parameter = EnvironmentDeclaration.DefaultParameter, IEnumerable<string>? promotes = null)
    {
        _environments.Add(new EnvironmentDeclaration(environment, deployTarget, branchRules.ToList(), manual, parameter)
        {
            Promotes = promotes?.ToList() ?? [],
        });
        return this;
    }

    /// <summary>
    /// The usual promotion: <c>staging</c> branch to staging, merge requests to pre-prod, <c>main</c> or <c>master</c>
    /// to production (manual). Declares those branch rules and merge requests as pipeline triggers; each deployment
    /// passes its environment's name to <paramref name="parameter"/>.
    /// </summary>
    public CiConfiguration StandardEnvironments(string deployTarget, string parameter = EnvironmentDeclaration.DefaultParameter) =>
        OnBranches("main", "master", "staging").OnMergeRequests()
            .Deploy(deployTarget, "staging", ["staging"], parameter: parameter)
            .Deploy(deployTarget, "pre-prod", [BranchTrigger.MergeRequestName], parameter: parameter)
            .Deploy(deployTarget, "production", ["main", "master"], manual: true, parameter: parameter);

    /// <summary>
    /// Runs <paramref name="targets"/> inside every job whose targets depend on them instead of in a job of their own:
    /// for targets that prepare the job's machine (a checkout into a temp folder) rather than produce artifacts.
    /// Their own dependencies must be such targets too. Their files are not published as artifacts.
    /// </summary>
    public CiConfiguration RunInEveryJob(params string[] targets)
    {
        foreach (var target in targets.Where(t => !_everyJob.Contains(t))) _everyJob.Add(target);
        return this;
    }

    /// <summary>
    /// Declares non-secret parameters that CI must set for real runs (e.g. the team's registry and base-image mirror):
    /// the files' headers list them (never values) and Azure jobs map them by name (<c>env: NAME: $(NAME)</c>).
    /// </summary>
    public CiConfiguration Variables(params string[] parameterNames)
    {
        foreach (var name in parameterNames.Where(n => !_variables.Contains(n))) _variables.Add(name);
        return this;
    }

    /// <summary>
    /// Runs <paramref name="target"/> on a schedule (five-field cron, UTC) on <paramref name="branch"/>. GitLab schedules
    /// live in the project settings: the file's header says which to create. A target declared with <c>Job</c> (and not
    /// planned per environment) runs in its job on the schedule too, with its upstream jobs; any other target runs as one
    /// self-contained job, <c>./build.sh TARGET</c> without <c>--skip</c>, needing no other job, so scheduled pipelines
    /// never wait for jobs that only exist in push pipelines or deployments.
    /// </summary>
    public CiConfiguration Schedule(string target, string cron, string name = "nightly", string branch = "main")
    {
        _schedules.Add(new ScheduleDeclaration(name, target, cron, branch));
        return this;
    }

    /// <summary>Imports <c>[Secret]</c> parameters by name into the jobs whose targets require them.</summary>
    public CiConfiguration ImportSecrets(params string[] parameterNames)
    {
        foreach (var name in parameterNames.Where(n => !_secrets.Contains(n))) _secrets.Add(name);
        return this;
    }

    /// <summary>
    /// Imports <c>[Secret]</c> parameters that take the path of a file holding the secret (a private key, a kubeconfig),
    /// as <see cref="ImportSecrets"/> does. The headers then say how each CI system provides a file: on GitLab a variable
    /// of type File (the job gets a temporary file's path), on Azure a secure file whose path the variable holds.
    /// </summary>
    public CiConfiguration ImportSecretFiles(params string[] parameterNames)
    {
        ImportSecrets(parameterNames);
        foreach (var name in parameterNames) _secretFiles.Add(name);
        return this;
    }

    /// <summary>Caches NuGet packages, keyed on lock and project files (GitLab <c>cache:</c>, Azure <c>Cache@2</c>).</summary>
    public CiConfiguration CacheNuGetPackages()
    {
        CachesNuGetPackages = true;
        return this;
    }

    /// <summary>
    /// Compiles the build definition once per pipeline: a first job (GitLab <c>build-definition</c>, Azure stage
    /// <c>BuildDefinition</c>) runs <c>./build.sh --help</c> and publishes <c>.nuke/temp/bin</c>; every other job waits
    /// for it and downloads that folder, which <c>build.sh</c> reuses because it holds a content hash of the build's
    /// sources (file times in a fresh checkout say nothing). Without it every job compiles the build itself.
    /// </summary>
    public CiConfiguration ShareCompiledBuild()
    {
        SharesCompiledBuild = true;
        return this;
    }

    /// <summary>Sets GitLab file options: where the file goes and the default job image.</summary>
    public CiConfiguration UseGitLab(string path = ".gitlab-ci.yml", string? image = null)
    {
        GitLab = GitLab with { Path = path, Image = image };
        return this;
    }

    /// <summary>
    /// On GitLab, when the team sets no <paramref name="registry"/> variable and the project's container registry is on,
    /// every job gives these parameters GitLab's registry (<c>CI_REGISTRY</c>), the job's registry credentials
    /// (<c>CI_REGISTRY_USER</c>, <c>CI_REGISTRY_PASSWORD</c>) and the project's image path, the way GitLab users expect
    /// images to be handed from job to job. A team variable always wins. Parameters are named with <c>nameof</c>.
    /// </summary>
    public CiConfiguration UseGitLabContainerRegistry(string registry, string userName, string password, string repository)
    {
        GitLab = GitLab with { ContainerRegistry = new GitLabContainerRegistry(registry, userName, password, repository) };
        return this;
    }

    /// <summary>
    /// Sets Azure file options: where the file goes, the agent pool (a Microsoft-hosted image or a named pool) and the
    /// .NET SDK version every job installs (null: the one the checkout's <c>global.json</c> names).
    /// </summary>
    public CiConfiguration UseAzure(
        string path = "azure-pipelines.yml",
        string? vmImage = "ubuntu-latest",
        string? poolName = null,
        string? dotNetSdkVersion = null)
    {
        Azure = new AzureOptions { Path = path, VmImage = vmImage, PoolName = poolName, DotNetSdkVersion = dotNetSdkVersion };
        return this;
    }

    private TargetCiOptions OptionsOf(string target)
    {
        if (!_targets.TryGetValue(target, out var options)) _targets[target] = options = new TargetCiOptions();
        return options;
    }
}
