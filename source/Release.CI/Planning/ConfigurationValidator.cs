using System.Text.RegularExpressions;
using Release.Engine;
using Release.Engine.Parameters;

namespace Release.CI.Planning;

/// <summary>
/// Checks a CI configuration against the target graph before anything is planned: every named target, rule,
/// schedule, environment and secret must exist and be well formed.
/// </summary>
internal static partial class ConfigurationValidator
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9 _./-]*$")]
    private static partial Regex EnvironmentOrScheduleName();

    public static void Validate(CiConfiguration config, TargetIndex index, CiProblems problems)
    {
        foreach (var job in config.Jobs) CheckTarget(job, $"Job(\"{job}\")", index, problems);
        foreach (var (target, options) in config.Targets)
        {
            if (!config.Jobs.Contains(target)) CheckTarget(target, $"Reports(\"{target}\")", index, problems);
            if (options.Partitions is < 1 or > 100)
                problems.Add(
                    $"Partition(\"{target}\", {options.Partitions})",
                    "the partition count must be between 1 and 100",
                    "give a count such as 2 or 4");
            foreach (var (kind, path) in options.Reports.All())
                if (Path.IsPathRooted(path) || path.Contains(".."))
                    problems.Add(
                        $"Reports(\"{target}\", {kind})",
                        $"'{path}' is not a path inside the repository",
                        "give a path relative to the root, like artifacts/tests/*.xml");
            if (options.Reports.CoverageLine is { } coverage && !IsCoverageExpression(coverage))
                problems.Add($"Reports(\"{target}\", coverageLine)", $"'{coverage}' is not a regular expression with one group around the percentage",
                    "give one like Line coverage: (\\d+(?:\\.\\d+)?)%");
        }

        var declaredRules = new List<string>();
        foreach (var rule in config.Branches)
        {
            if (BranchTrigger.TryParse(rule, out var problem) is null)
                problems.Add(
                    $"OnBranches(\"{rule}\")",
                    $"unknown branch rule: {problem}",
                    "use a branch name like \"main\" or a prefix pattern like \"release/*\"");
            else if (BranchTrigger.IsMergeRequestName(rule))
                problems.Add($"OnBranches(\"{rule}\")", "merge requests are not a branch", "call OnMergeRequests() instead");
            else declaredRules.Add(rule);
        }

        foreach (var (target, options) in config.Targets)
            foreach (var name in options.Environments ?? [])
                if (!config.Environments.Any(e => e.Name == name))
                    problems.Add($"Job(\"{target}\")", $"its Environments name '{name}', which is no declared environment",
                        $"name one declared with Deploy(...): {string.Join(", ", config.Environments.Select(e => e.Name).Distinct())}");

        foreach (var environment in config.Environments)
        {
            var place = $"Deploy(\"{environment.DeployTarget}\", \"{environment.Name}\")";
            CheckTarget(environment.DeployTarget, place, index, problems);
            if (!EnvironmentOrScheduleName().IsMatch(environment.Name))
                problems.Add(
                    place,
                    $"environment name '{environment.Name}' has characters CI systems reject",
                    "use letters, digits, '-', '_', '.', '/' or spaces");
            if (config.Jobs.Contains(environment.DeployTarget))
                problems.Add(
                    place,
                    $"'{environment.DeployTarget}' is also declared with Job(), so it would run in every pipeline, not only deployments",
                    $"remove Job(\"{environment.DeployTarget}\")");
            if (!index.Graph.Parameters.Any(p => string.Equals(p.Name, environment.Parameter, StringComparison.OrdinalIgnoreCase)))
                problems.Add(place, $"the build declares no parameter '{environment.Parameter}' to pass the environment name '{environment.Name}' to",
                    $"declare [Parameter] string {environment.Parameter} in the build, or name the parameter the deploy target reads: Deploy(..., " +
                        "parameter: nameof(...))");
            if (config.EveryJobTargets.Any(t => string.Equals(t, environment.DeployTarget, StringComparison.OrdinalIgnoreCase)))
                problems.Add(
                    place,
                    $"'{environment.DeployTarget}' is also declared with RunInEveryJob(), so it would deploy from every job",
                    $"remove \"{environment.DeployTarget}\" from RunInEveryJob(...)");
            if (environment.BranchRules.Count == 0)
                problems.Add(place, "no branch rule says when to deploy", "name at least one declared branch rule, or \"merge-request\"");
            foreach (var promoted in environment.Promotes)
            {
                var earlier = config.Environments.FirstOrDefault(e => e.Name == promoted);
                if (earlier is null || promoted == environment.Name)
                    problems.Add(place, $"it promotes '{promoted}', which is {(earlier is null ? "no declared environment" : "itself")}",
                        $"name an environment declared with Deploy(...) other than '{environment.Name}'");
                else if (!environment.BranchRules.Any(earlier.BranchRules.Contains))
                    problems.Add(place, $"it promotes '{promoted}', but the two are never deployed in the same pipeline",
                        $"give Deploy(..., \"{promoted}\") a branch rule of '{environment.Name}'");
            }
            foreach (var rule in environment.BranchRules)
            {
                if (BranchTrigger.IsMergeRequestName(rule) ? config.MergeRequests : declaredRules.Contains(rule)) continue;
                var known = declaredRules.Concat(config.MergeRequests ? [BranchTrigger.MergeRequestName] : []).ToList();
                problems.Add(place, $"unknown branch rule '{rule}' (declared rules: {(known.Count == 0 ? "none" : string.Join(", ", known))})",
                    BranchTrigger.IsMergeRequestName(rule)
                        ? "call OnMergeRequests()"
                        : $"declare it with OnBranches(\"{rule}\") or use a declared rule");
            }
        }

        foreach (var schedule in config.Schedules)
        {
            var place = $"Schedule(\"{schedule.Target}\", \"{schedule.Cron}\")";
            CheckTarget(schedule.Target, place, index, problems);
            if (CronExpression.Problem(schedule.Cron) is { } cronProblem)
                problems.Add(place, $"invalid cron expression: {cronProblem}", "write five fields, e.g. \"0 2 * * *\" for 02:00 UTC daily");
            if (!EnvironmentOrScheduleName().IsMatch(schedule.Name))
                problems.Add(place, $"schedule name '{schedule.Name}' has characters CI systems reject", "use letters, digits, '-', '_' or spaces");
            if (BranchTrigger.TryParse(schedule.Branch, out var branchProblem) is not { IsPattern: false, IsMergeRequest: false })
                problems.Add(
                    place,
                    $"schedule branch '{schedule.Branch}' is not a single branch{(branchProblem is null ? "" : ": " + branchProblem)}",
                    "name one branch, like \"main\"");
        }
        foreach (var duplicate in config.Schedules.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            problems.Add(
                $"Schedule(name: \"{duplicate.Key}\")",
                "two schedules share this name, so their pipelines cannot be told apart",
                "give each schedule its own name");

        foreach (var secret in config.Secrets) CheckSecret(secret, index.Graph.Parameters, problems);
        foreach (var variable in config.TeamVariables) CheckVariable(variable, index.Graph.Parameters, problems);
        CheckEveryJobTargets(config, index, problems);
        if (config.GitLab.ContainerRegistry is { } registry)
            foreach (var name in new[] { registry.Registry, registry.UserName, registry.Password, registry.Repository })
                if (!index.Graph.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                    problems.Add(
                        $"UseGitLabContainerRegistry(\"{name}\")",
                        $"the build declares no parameter '{name}'",
                        "name the build's parameters with nameof(...)");

        if (config.Jobs.Count == 0 && config.Environments.Count == 0 && config.Schedules.Count == 0)
            problems.Add("CiConfiguration", "it declares no job", "add an entry target with Job(nameof(Test)), a Deploy(...) or a Schedule(...)");
    }

    private static void CheckTarget(string name, string place, TargetIndex index, CiProblems problems)
    {
        if (index.Find(name) is not null) return;
        var closest = NameMatching.Closest(name, index.Graph.Targets.Select(t => t.Name));
        problems.Add(place, $"'{name}' is not a target of the build",
            closest.Count > 0
                ? $"did you mean {string.Join(" or ", closest)}? Name targets with nameof(...)"
                : "name a Target property of the build with nameof(...)");
    }

    private static void CheckEveryJobTargets(CiConfiguration config, TargetIndex index, CiProblems problems)
    {
        var known = config.EveryJobTargets.Where(t => index.Find(t) is not null).Select(t => index.Find(t)!.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var target in config.EveryJobTargets)
        {
            var place = $"RunInEveryJob(\"{target}\")";
            CheckTarget(target, place, index, problems);
            if (index.Find(target) is not { } node) continue;
            if (config.Jobs.Any(j => string.Equals(j, target, StringComparison.OrdinalIgnoreCase)))
                problems.Add(
                    place,
                    $"'{node.Name}' is also declared with Job(), but a target run in every job has no job of its own",
                    $"remove Job(\"{target}\") or RunInEveryJob(\"{target}\")");
            if (config.Schedules.Any(s => string.Equals(s.Target, target, StringComparison.OrdinalIgnoreCase)))
                problems.Add(
                    place,
                    $"'{node.Name}' is also scheduled, but a target run in every job has no job of its own",
                    $"schedule a target that depends on {node.Name} instead");
            var others = index.Closure(node.Name).Where(t => t != node.Name && !known.Contains(t)).OrderBy(index.OrderOf).ToList();
            if (others.Count > 0)
                problems.Add(place, $"'{node.Name}' depends on {string.Join(", ", others)}, which every job would then have to run too",
                    $"declare {string.Join(", ", others.Select(o => $"nameof({o})"))} with RunInEveryJob as well, or remove the dependency");
        }
    }

    private static void CheckVariable(string name, IReadOnlyList<ParameterDescriptor> parameters, CiProblems problems)
    {
        var place = $"Variables(\"{name}\")";
        var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (parameter is null)
            problems.Add(place, $"the build declares no parameter '{name}'", $"declare it in the build class: [Parameter] readonly string {name};");
        else if (parameter.IsSecret)
            problems.Add(
                place,
                $"parameter '{parameter.Name}' is a [Secret], and secrets are imported by name, not listed as plain variables",
                $"move it to ImportSecrets(nameof({parameter.Name}))");
    }

    private static void CheckSecret(string name, IReadOnlyList<ParameterDescriptor> parameters, CiProblems problems)
    {
        var place = $"ImportSecrets(\"{name}\")";
        var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (parameter is null)
            problems.Add(
                place,
                $"the build declares no parameter '{name}'",
                $"declare it in the build class: [Parameter, Secret] readonly string {name};");
        else if (!parameter.IsSecret)
            problems.Add(
                place,
                $"parameter '{parameter.Name}' is not marked [Secret], so its value would not be masked",
                $"add [Secret] to {parameter.Name}");
    }

    private static bool IsCoverageExpression(string pattern)
    {
        try
        {
            return !pattern.Contains('/') && new System.Text.RegularExpressions.Regex(pattern).GetGroupNumbers().Length >= 2;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
