using Release.CI;
using Release.CI.Files;
using Release.Delivery.Deploy;
using Release.Engine;
using Release.Operations.Dashboard;
using Release.Operations.Delivery;
using Release.Operations.Diagrams;
using Release.Operations.Runbooks;
using Release.Releasing;
using Release.Releasing.Overview;

namespace Release.Operations;

/// <summary>
/// Release operations people can see, generated from the build definition and never written by hand:
/// <c>GenerateDocs</c> writes the runbook (Markdown and HTML), the RACI matrix and the flow diagrams (Mermaid) under
/// <c>docs/operations/</c>, <c>CheckDocs</c> fails when the committed copies are stale (CI runs it, like CheckCI), and
/// <c>Dashboard</c> writes the static release dashboard to <c>artifacts/dashboard/</c> from the release records.
/// </summary>
public interface IOperations : IRelease
{
    /// <summary>The folder of the generated documents, relative to the root.</summary>
    string OperationsDocsFolder => "docs/operations";

    /// <summary>The target whose stages the pipeline diagram shows.</summary>
    string PipelineTarget => "Pipeline";

    /// <summary>Batch name per environment when releases go out in groups (drawn as groups in the promotion diagram); none by default.</summary>
    IReadOnlyDictionary<string, string> PromotionBatches => new Dictionary<string, string>();

    /// <summary>Writes the operations documents from the build definition.</summary>
    Target GenerateDocs => _ => _
        .Description("Writes the runbook, RACI matrix and flow diagrams (Mermaid) under docs/operations from the build definition")
        .Executes(() =>
        {
            var files = OperationsDocuments.Generate(this);
            var changed = CiFileWriter.Write(RootDirectory, files);
            foreach (var file in files)
                Log.Information(changed.Contains(file.RelativePath) ? $"wrote {file.RelativePath}" : $"{file.RelativePath} is up to date");
        });

    /// <summary>Fails, showing a diff, when a committed operations document differs from what the definition generates.</summary>
    Target CheckDocs => _ => _
        .Description("Fails when the committed runbook, RACI matrix or diagrams differ from what the build definition generates")
        .Executes(() =>
        {
            var files = OperationsDocuments.Generate(this);
            var differences = CiFileCheck.Differences(RootDirectory, files);
            if (differences.Count == 0)
            {
                Log.Information("Operations documents are up to date");
                return;
            }
            foreach (var difference in differences) Log.Information(difference);
            throw new CiFilesOutOfDateException(
                $"{string.Join(", ", files.Select(f => f.RelativePath))}: {differences.Count} file(s) differ from the build definition. Run " +
                    "./build.sh GenerateDocs and commit the result.");
        });

    /// <summary>Writes the static release dashboard from the release records.</summary>
    Target Dashboard => _ => _
        .Description(
            "Writes the release dashboard (releases, gates, votes, checklist, environments, evidence, delivery charts) to artifacts/dashboard")
        .Produces("artifacts/dashboard/**")
        .Executes(ct => new DashboardWriter(this).WriteAsync(ct));
}
