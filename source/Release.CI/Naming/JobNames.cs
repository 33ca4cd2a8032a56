using System.Text;
using Release.CI.Planning;

namespace Release.CI;

/// <summary>
/// Turns target names into CI identifiers: GitLab job names in kebab case, Azure stage/job identifiers limited to
/// <c>[A-Za-z0-9_]</c>. Two jobs whose identifiers clash (Azure compares ignoring case) are an error, never renamed silently.
/// </summary>
internal static class JobNames
{
    /// <summary>Top-level GitLab keywords that cannot be job names.</summary>
    private static readonly HashSet<string> GitLabReserved =
        ["image", "services", "stages", "types", "before_script", "after_script", "variables", "cache", "include",
         "true", "false", "nil", "default", "workflow", "spec", "pages"];

    public static void Assign(IReadOnlyList<CiJob> jobs, CiProblems problems)
    {
        foreach (var job in jobs)
        {
            var environment = job.Environment is null ? "" : "-" + Kebab(job.Environment.Name);
            var partition = job.PartitionCount > 1 ? $"-{job.PartitionIndex}-of-{job.PartitionCount}" : "";
            job.GitLabName = Kebab(job.EntryTarget) + environment + partition;
            job.AzureName = AzureIdentifier(job.EntryTarget + (job.Environment is null ? "" : "_" + job.Environment.Name)
                + (job.PartitionCount > 1 ? $"_{job.PartitionIndex}_of_{job.PartitionCount}" : ""));
            if (GitLabReserved.Contains(job.GitLabName))
                problems.Add(
                    $"target {job.EntryTarget}",
                    $"its GitLab job name '{job.GitLabName}' is a reserved GitLab keyword",
                    "rename the target");
        }
        Clashes(jobs, j => j.GitLabName, StringComparer.Ordinal, "GitLab job name", problems);
        Clashes(jobs, j => j.AzureName, StringComparer.OrdinalIgnoreCase, "Azure stage/job identifier", problems);
    }

    /// <summary><c>PublishPackages</c> becomes <c>publish-packages</c>; anything but letters and digits becomes one dash.</summary>
    public static string Kebab(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsLetterOrDigit(c)) { Dash(builder); continue; }
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])
                || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                Dash(builder);
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString().Trim('-');
    }

    /// <summary>Azure identifiers allow only ASCII letters, digits and '_', and may not start with a digit.</summary>
    public static string AzureIdentifier(string name)
    {
        var text = new string(name.Select(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' ? c : '_').ToArray());
        return char.IsDigit(text[0]) ? "_" + text : text;
    }

    private static void Dash(StringBuilder builder)
    {
        if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
    }

    private static void Clashes(IReadOnlyList<CiJob> jobs, Func<CiJob, string> name, StringComparer comparer, string what, CiProblems problems)
    {
        foreach (var group in jobs.GroupBy(name, comparer).Where(g => g.Count() > 1))
            problems.Add($"targets {string.Join(" and ", group.Select(j => j.Label))}",
                $"they become the same {what} '{group.Key}'",
                "rename one of the targets so their names differ in more than case, '_' or characters the CI system does not allow");
    }
}
