using Release.Operations.Runbooks;
using Release.Process.Approvals;
using Release.Process.Promotion;

namespace Release.Operations.Tests;

public class RunbookTests
{
    private static RunbookDefinition Seed(ProductionJob? job = null) =>
        new("director", EnvironmentChain.Default(), [GatePolicy.SeedDefault()], ["main", "master"], job);

    private static int IndexOf(Runbook runbook, string commandStart) =>
        runbook.Steps.ToList().FindIndex(s => s.Command.StartsWith(commandStart, StringComparison.Ordinal));

    [Test]
    public void Steps_follow_the_chain_gate_before_blessing_before_production_and_verification_last()
    {
        var runbook = RunbookPlanner.Plan(Seed(), "1.4.0");
        var open = IndexOf(runbook, "./build.sh OpenRelease --release 1.4.0");
        var staging = IndexOf(runbook, "./build.sh Promote --release 1.4.0 --to staging");
        var preProd = IndexOf(runbook, "./build.sh Promote --release 1.4.0 --to pre-prod");
        var firstVote = IndexOf(runbook, "./build.sh Vote --release 1.4.0");
        var status = IndexOf(runbook, "./build.sh GateStatus");
        var bless = IndexOf(runbook, "./build.sh Bless --release 1.4.0");
        var production = IndexOf(runbook, "./build.sh Promote --release 1.4.0 --to production");
        Assert.That(new[] { open, staging, preProd, firstVote, status, bless, production }, Is.Ordered.And.All.GreaterThanOrEqualTo(0));
        Assert.That(open, Is.Zero);
        Assert.That(runbook.Steps[^1].Command, Is.EqualTo("./build.sh VerifyEvidence --release 1.4.0 --trusted-keys FILE"));
        Assert.That(runbook.Steps[^1].Responsible, Is.EqualTo(OperationsRoles.Auditor));
        Assert.That(runbook.Steps.Select(s => s.Number), Is.EqualTo(Enumerable.Range(1, runbook.Steps.Count)));
        Assert.That(runbook.Steps[production].Rollback, Is.EqualTo("./build.sh Rollback --environment production"));
        Assert.That(runbook.Steps[production].Before, Does.Contain("1.4.0 runs in 'pre-prod' (the same digest)").And.Contain("1.4.0 is blessed (image and chart digests recorded)"));
    }

    [Test]
    public void Every_required_role_votes_and_sees_its_checklist_items_before_it()
    {
        var runbook = RunbookPlanner.Plan(Seed(), "1.4.0");
        var votes = runbook.Steps.Where(s => s.Command.StartsWith("./build.sh Vote", StringComparison.Ordinal)).ToList();
        Assert.That(votes.Select(v => v.Responsible), Is.EquivalentTo(new[] { "ModuleLead", "Sre", "Qa", "ProductManagement" }));
        var lead = votes.Single(v => v.Responsible == "ModuleLead");
        // An item only evidence can satisfy is a precondition of the vote, not an attestation step.
        Assert.That(lead.Before, Has.Some.StartsWith("Checklist 'unit-tests-captured'").And.Some.Contains("Inside the voting window"));
        Assert.That(runbook.Steps.Any(s => s.Command.Contains("--item unit-tests-captured", StringComparison.Ordinal)), Is.False);
        var qaSuite = runbook.Steps.Single(s => s.Command.Contains("--item qa-suite-preprod", StringComparison.Ordinal));
        Assert.That(qaSuite.Responsible, Is.EqualTo("Qa"));
        Assert.That(qaSuite.Before, Does.Contain("1.4.0 has reached 'pre-prod'"));
        Assert.That(lead.Rollback, Does.StartWith("./build.sh Vote --release 1.4.0 --role ModuleLead --decision nogo"));
    }

    [Test]
    public void A_production_job_runs_bless_promote_tag_and_evidence_and_the_release_manager_starts_it()
    {
        var runbook = RunbookPlanner.Plan(Seed(new ProductionJob("release-to-production", "./build.sh ReleaseTo --skip --to production")), "VERSION");
        var start = runbook.Steps.Single(s => s.Title.StartsWith("Start the manual CI job", StringComparison.Ordinal));
        Assert.That(start.Responsible, Is.EqualTo(OperationsRoles.ReleaseManager));
        Assert.That(start.Command, Does.Contain("./build.sh ReleaseTo --skip --to production"));
        foreach (var command in new[] { "./build.sh Bless", "./build.sh Promote --release VERSION --to production", "./build.sh Tag", "./build.sh Evidence" })
            Assert.That(runbook.Steps[IndexOf(runbook, command)].Responsible, Is.EqualTo("CI job release-to-production"), command);
        Assert.That(runbook.Steps[IndexOf(runbook, "./build.sh Promote --release VERSION --to staging")].Responsible, Is.EqualTo(OperationsRoles.ReleaseManager));
    }

    [Test]
    public void The_RACI_matrix_has_one_responsible_and_one_accountable_per_step_and_a_column_per_declared_role()
    {
        var security = new ApprovalRole("Security");
        var gate = new GatePolicy("production", [ApprovalRole.Sre, security], QuorumRule.AtLeast(1),
            [new ChecklistItem("pen-test", security, "Penetration test done", null, true)], null);
        var runbook = RunbookPlanner.Plan(new RunbookDefinition("api", EnvironmentChain.Default(), [gate], ["main"]), "2.0.0");
        var matrix = RaciMatrix.From(runbook);
        Assert.That(matrix.Roles, Is.SupersetOf(new[] { OperationsRoles.ReleaseManager, "Sre", "Security", OperationsRoles.Auditor }));
        Assert.That(matrix.Roles, Does.Not.Contain("Qa"));
        foreach (var row in matrix.Rows)
        {
            Assert.That(row.Cells.Count(c => c.Contains('R')), Is.EqualTo(1), row.Step);
            Assert.That(row.Cells.Count(c => c.Contains('A')), Is.EqualTo(1), row.Step);
            Assert.That(row.Cells.All(c => !(c.Contains('C') && c.Contains('I'))), Is.True, $"{row.Step}: consulted roles are not also listed as informed");
        }
        var attest = matrix.Rows.Single(r => r.Step.Contains("pen-test", StringComparison.Ordinal));
        Assert.That(attest.Cells[matrix.Roles.ToList().IndexOf("Security")], Is.EqualTo("RA"));

        var markdown = RunbookMarkdown.Raci(matrix, "api");
        Assert.That(markdown, Does.StartWith(RunbookMarkdown.GeneratedNotice).And.Contain("| # | Step | Release manager |"));
        Assert.That(markdown.Split('\n').Count(l => l.StartsWith("| ", StringComparison.Ordinal) && char.IsDigit(l[2])), Is.EqualTo(runbook.Steps.Count));
    }

    [Test]
    public void The_runbook_documents_show_each_step_with_command_and_rollback_and_escape_html()
    {
        var runbook = RunbookPlanner.Plan(Seed(), "1.4.0");
        var markdown = RunbookMarkdown.Runbook(runbook);
        Assert.That(markdown, Does.Contain("## 1. Open release 1.4.0 of director").And.Contain("- **Rollback:** `./build.sh Rollback --environment production`"));
        var html = RunbookHtml.Document(runbook);
        Assert.That(html, Does.Contain("&quot;...link...&quot;").And.Not.Contain("<script"));
        Assert.That(html, Does.Contain("<table class=\"raci\">"));
    }
}
