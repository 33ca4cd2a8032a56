using Release.Engine;
using Release.Engine.Hosting;
using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Testing;

namespace Release.Operations.Tests;

/// <summary>A team's build with the operations component and a gate of its own (Security joins production's gate).</summary>
public sealed class DocsBuild : Build, IOperations
{
    IReadOnlyList<GatePolicy> IReleaseProcess.Gates =>
    [
        new("production", [ApprovalRole.Sre, new ApprovalRole("Security")], QuorumRule.AllRequiredRoles,
            [new ChecklistItem("pen-test", new ApprovalRole("Security"), "Penetration test passed", null, true)], null),
    ];
}

/// <summary>GenerateDocs and CheckDocs run in-process as a build runs them, like GenerateCI and CheckCI.</summary>
public class OperationsDocsTests
{
    private static readonly string[] Files = ["docs/operations/runbook.md", "docs/operations/runbook.html", "docs/operations/raci.md", "docs/operations/diagrams.md"];

    [Test]
    public async Task GenerateDocs_writes_the_runbook_RACI_and_diagrams_of_the_definition_and_CheckDocs_then_passes()
    {
        using var root = new TempDirectory("release-docs-root");
        var (generate, generated) = await RunAsync(root.Path, "GenerateDocs");
        Assert.That(generate, Is.EqualTo(BuildHost.Success), generated);
        foreach (var file in Files) Assert.That(File.Exists(root.Combine(file)), Is.True, file);

        var raci = File.ReadAllText(root.Combine("docs/operations/raci.md"));
        Assert.That(raci, Does.Contain("| Release manager | Sre | Security |").And.Not.Contain("| Qa |"));
        var runbook = File.ReadAllText(root.Combine("docs/operations/runbook.md"));
        Assert.That(runbook, Does.Contain("`./build.sh Attest --release VERSION --item pen-test --role Security").And.Contain("`./build.sh Vote --release VERSION --role Security --decision go"));
        var diagrams = File.ReadAllText(root.Combine("docs/operations/diagrams.md"));
        Assert.That(diagrams, Does.Contain("```mermaid\nflowchart LR").And.Contain("Go/NoGo production: Sre, Security"));

        var (check, output) = await RunAsync(root.Path, "CheckDocs");
        Assert.That(check, Is.EqualTo(BuildHost.Success), output);
        Assert.That(output, Does.Contain("Operations documents are up to date"));
        Assert.That(Directory.GetFiles(root.Path, "*.tmp", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public async Task CheckDocs_fails_with_a_diff_when_a_committed_document_was_edited_by_hand()
    {
        using var root = new TempDirectory("release-docs-root");
        await RunAsync(root.Path, "GenerateDocs");
        var path = root.Combine("docs/operations/runbook.md");
        File.WriteAllText(path, File.ReadAllText(path).Replace("./build.sh Rollback --environment production", "kubectl rollout undo", StringComparison.Ordinal));

        var (exit, output) = await RunAsync(root.Path, "CheckDocs");

        Assert.That(exit, Is.Not.EqualTo(BuildHost.Success));
        Assert.That(output, Does.Contain("--- docs/operations/runbook.md (committed)").And.Contain("+++ docs/operations/runbook.md (generated)"));
        Assert.That(output, Does.Contain("kubectl rollout undo"));
        Assert.That(output, Does.Contain("Run ./build.sh GenerateDocs and commit the result."));
        Assert.That(output, Does.Not.Contain("raci.md (committed)"), "only the edited file differs");
    }

    [Test]
    public async Task CheckDocs_names_a_missing_document()
    {
        using var root = new TempDirectory("release-docs-root");
        var (exit, output) = await RunAsync(root.Path, "CheckDocs");
        Assert.That(exit, Is.Not.EqualTo(BuildHost.Success));
        Assert.That(output, Does.Contain("docs/operations/raci.md is missing."));
    }

    private static async Task<(int Exit, string Output)> RunAsync(string root, params string[] args)
    {
        Directory.CreateDirectory(Path.Combine(root, ".nuke"));
        var output = new StringWriter();
        var exit = await BuildHost.RunAsync<DocsBuild>(args, null, new BuildHostOptions
        {
            RootDirectory = root, Environment = new Dictionary<string, string>(), Output = TextWriter.Synchronized(output), Interactive = false, WriteSchema = false,
        });
        return (exit, output.ToString());
    }
}
