using Release.CI.Files;
using Release.Engine;

namespace Release.CI;

/// <summary>
/// Build component that keeps the CI files in step with the build definition. Implement <see cref="Ci"/> to declare
/// the pipeline; <see cref="GenerateCI"/> writes the files and <see cref="CheckCI"/> fails when they are stale.
/// </summary>
public interface IContinuousIntegration : IBuild
{
    /// <summary>The declared CI configuration: jobs, branch rules, environments, schedules, secrets, caching.</summary>
    CiConfiguration Ci { get; }

    /// <summary>
    /// The partition a partitioned job runs (<c>--partition 2/3</c>), or null outside partitioned jobs.
    /// Read it with <see cref="CiPartition.Parse"/> to pick this job's share of the work.
    /// </summary>
    [Parameter("The partition this CI job runs, as N/TOTAL (set by generated CI files)."), CiPartition]
    string? Partition => TryGetValue(() => Partition);

    /// <summary>Writes the GitLab and Azure files (both or neither).</summary>
    Target GenerateCI => _ => _
        .Description("Writes .gitlab-ci.yml and azure-pipelines.yml from the build definition")
        .Executes(() =>
        {
            var files = CiFiles.Generate(Context.Graph, Ci, GetType().Name);
            var changed = CiFileWriter.Write(RootDirectory, files);
            foreach (var file in files)
                Log.Information(changed.Contains(file.RelativePath) ? $"wrote {file.RelativePath}" : $"{file.RelativePath} is up to date");
        });

    /// <summary>Fails, showing a diff, when a committed CI file differs from what the definition generates.</summary>
    Target CheckCI => _ => _
        .Description("Fails when the committed CI files differ from what the build definition generates")
        .Executes(() =>
        {
            var files = CiFiles.Generate(Context.Graph, Ci, GetType().Name);
            var differences = CiFileCheck.Differences(RootDirectory, files);
            if (differences.Count == 0)
            {
                Log.Information("CI files are up to date");
                return;
            }
            foreach (var difference in differences) Log.Information(difference);
            throw new CiFilesOutOfDateException(
                $"{string.Join(", ", files.Select(f => f.RelativePath))}: {differences.Count} file(s) differ from the build definition. Run " +
                    "./build.sh GenerateCI and commit the result.");
        });
}
