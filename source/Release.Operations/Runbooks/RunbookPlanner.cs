using Release.Process.Approvals;

namespace Release.Operations.Runbooks;

/// <summary>
/// Plans the runbook of a release from the build definition: open the release; for each environment of the chain in
/// order, its gate (attestations of the checklist items people may attest, one vote per required role, the gate's
/// status), its blessing when it accepts only blessed releases, then the promotion; finally tag, release notes,
/// evidence and its independent verification. Who is responsible, accountable, consulted and informed follows from
/// the gate's roles: a gate role answers for its own items and vote; the release manager for the rest; the gate's
/// roles are consulted before blessing and promotion past their gate and informed of every promotion.
/// </summary>
public static class RunbookPlanner
{
    private const string SigningKey = "--signing-key ~/.ssh/id_ed25519";

    /// <summary>The runbook for <paramref name="version"/> (give <c>VERSION</c> for a template).</summary>
    /// <param name="definition">The release process of the build definition.</param>
    /// <param name="version">The release's version.</param>
    public static Runbook Plan(RunbookDefinition definition, string version)
    {
        var steps = new List<RunbookStep>();
        var manager = OperationsRoles.ReleaseManager;
        var gateRoles = definition.Gates.SelectMany(g => g.RequiredRoles).Distinct().Select(r => r.Name).ToList();
        var job = definition.ProductionJob;
        var jobRole = job is null ? manager : OperationsRoles.CiJob(job.Name);
        var release = $"--release {version}";
        void Add(string title, string command, string responsible, string accountable, IEnumerable<string> consulted, IEnumerable<string> informed,
            IEnumerable<string> before, string onFailure, string rollback)
        {
            var asked = consulted.Where(r => r != responsible && r != accountable).Distinct().ToList();
            steps.Add(new RunbookStep(steps.Count + 1, title, command, responsible, accountable, asked,
                informed.Where(r => r != responsible && r != accountable && !asked.Contains(r)).Distinct().ToList(), before
                    .ToList(), onFailure, rollback));
        }

        Add($"Open release {version} of {definition.Module}", $"./build.sh OpenRelease {release}", manager, manager, [], gateRoles,
            [$"The pipeline of the release's commit passed on {string.Join(" or ", definition.BlessedBranches)} (QualityGate wrote the release " +
                "channel)"],
            "The message names what is missing (version, records repository, roster key); fix it and run the command again: an existing record is " +
                "kept as it is.",
            "Nothing to undo: a record only grows; a release that is not wanted is simply never blessed.");

        string? previous = null;
        foreach (var environment in definition.Chain.Environments)
        {
            var reached = previous is null ? [] : new[] { $"{version} runs in '{previous}' (the same digest)" };
            var gate = definition.Gates.FirstOrDefault(g => g.Environment == environment.Name);
            var gateDone = new List<string>();
            if (gate is not null)
            {
                var roles = gate.RequiredRoles.Select(r => r.Name).ToList();
                foreach (var item in gate.Checklist.Where(i => i.AttestationAllowed))
                {
                    var conditions = new List<string> { $"You act only as {item.Role} on this release, and neither authored nor triggered it" };
                    if (item.AttestableOnceIn is { } on) conditions.Add($"{version} has reached '{on}'");
                    if (item.EvidenceKey is { } key) conditions.Add($"Needed only when the pipeline recorded no '{key}' evidence");
                    Add($"Attest '{item.Key}' ({environment.Name} gate): {item.Description}",
                        $"./build.sh Attest {release} --item {item.Key} --role {item.Role} --text \"...link...\" {SigningKey}",
                        item.Role.Name, item.Role.Name, [], [manager], conditions,
                        "The refusal names the rule broken (wrong role, segregation of duties, environment not reached, key not on the roster): " +
                            "have a person who may attest do it.",
                        $"An attestation is never removed; if it no longer holds, vote NoGo: ./build.sh Vote {release} --role {item.Role} " +
                            $"--decision nogo --reason \"...\" {SigningKey}");
                }
                foreach (var role in gate.RequiredRoles)
                {
                    var items = gate.Checklist.Where(i => i.Role.Equals(role)).Select(i =>
                        $"Checklist '{i.Key}': {i.Description} ({Satisfaction(i)})").ToList();
                    if (gate.Window is { } window) items.Add($"Inside the voting window {window}");
                    Add($"Vote Go/NoGo as {role} ({environment.Name} gate)",
                        $"./build.sh Vote {release} --role {role} --decision go {SigningKey}",
                        role.Name, role.Name, [], [manager], [.. reached, .. items],
                        "A refused vote names the rule (window, segregation of duties, one person one role, roster key). The rollback below is a " +
                            "veto; a later Go by the same voter lifts it.",
                        $"./build.sh Vote {release} --role {role} --decision nogo --reason \"...\" {SigningKey}");
                }
                Add($"Check the {environment.Name} gate", $"./build.sh GateStatus {release}", manager, manager, roles, [],
                    [$"Go from {gate.Quorum}: {string.Join(", ", roles)}", $"Every checklist item of the gate satisfied ({gate.Checklist.Count})"],
                    "GateStatus lists each blocker (missing vote, NoGo, unsatisfied item, refused record): ask the role named to act.",
                    "Read-only: nothing to undo.");
                gateDone.Add($"Gate '{environment.Name}' passed (./build.sh GateStatus {release})");
            }
            if (environment.RequiresBlessing)
            {
                if (job is not null)
                    Add($"Start the manual CI job '{job.Name}'", $"Start '{job.Name}' on the pipeline of the release's commit (it runs: " +
                        $"{job.Command})",
                        manager, manager, gate?.RequiredRoles.Select(r => r.Name) ?? [], gateRoles, [.. reached, .. gateDone],
                        "Read the job's log: each of the next steps names what it refused; fix that and start the job again (steps already " +
                            "recorded are kept).",
                        "See the rollback of the promotion below.");
                Add($"Bless {version} for '{environment.Name}'", Prefix(job, $"./build.sh Bless {release}"), jobRole, manager,
                    gate?.RequiredRoles.Select(r => r.Name) ?? [], gateRoles,
                    [.. gateDone, $"Built from {string.Join(" or ", definition.BlessedBranches)}", "The quality gate put the release on the Stable " +
                        "channel"],
                    "Bless lists every unmet condition (gate, branch, channel, digests); fix them and bless again.",
                    "A blessing is not withdrawn: roll the environment back and never promote the release again.");
                gateDone = [$"{version} is blessed (image and chart digests recorded)"];
            }
            Add($"Promote {version} to '{environment.Name}'", Prefix(
                environment.RequiresBlessing ? job : null,
                $"./build.sh Promote {release} --to {environment.Name}"),
                environment.RequiresBlessing ? jobRole : manager, manager, environment.RequiresBlessing
                    ? gate?.RequiredRoles.Select(r => r.Name) ?? []
                    : [],
                gateRoles, [.. reached, .. gateDone],
                "Promote refuses with every reason (skipped environment, unblessed or overwritten digest) before changing anything; a deployer " +
                    "failure leaves the record unchanged: fix and promote again. " +
                "The rollback returns the environment to the release deployed before (add --to VERSION for an older one).",
                $"./build.sh Rollback --environment {environment.Name}");
            previous = environment.Name;
        }

        var last = definition.Chain.Environments[^1].Name;
        Add($"Tag {version}", Prefix(job, "./build.sh Tag"), jobRole, manager, [], gateRoles, [$"{version} runs in '{last}'"],
            "A tag that exists on another commit is refused: find out which commit was released before doing anything else.",
            $"git push origin :refs/tags/v{version} (only when the tag names the wrong commit)");
        Add("Write the release notes", Prefix(job, "./build.sh ReleaseNotes"), jobRole, manager, [], gateRoles, [$"{version} is tagged"],
            "ReleaseNotes names the commit or file it could not read; fix and run again (it rewrites the notes).",
            "Run it again: the notes are regenerated from the commits.");
        Add(
            $"Write the evidence of {version}",
            Prefix(job, $"./build.sh Evidence {release}"),
            jobRole,
            manager,
            [],
            [.. gateRoles, OperationsRoles.Auditor],
            ["The release notes are written", "The pipeline's test, scan and integration results are in artifacts/"],
            "Evidence names the missing input; restore it from the pipeline's artifacts and run again.",
            "Evidence is append-only (hash chain): a wrong bundle is superseded by the next release's, never removed.");
        Add($"Verify the evidence of {version}", $"./build.sh VerifyEvidence {release} --trusted-keys FILE", OperationsRoles.Auditor, OperationsRoles
            .Auditor, [], [manager],
            ["The evidence bundle artifacts/evidence/VERSION/ and the records repository are at hand".Replace(
                "VERSION",
                version,
                StringComparison.Ordinal),
             "FILE holds the public keys the auditor trusts, from their own copy of the roster"],
            "Every changed, missing or extra file and every broken chain link is named: restore them from the original artifacts and the records' " +
                "history, and raise an incident.",
            "Read-only: nothing to undo.");
        return new Runbook(definition.Module, version, steps);
    }

    private static string Satisfaction(ChecklistItem item) =>
        (item.EvidenceKey, item.AttestationAllowed) switch
        {
            ({ } key, true) => $"pipeline evidence '{key}' or an attestation",
            ({ } key, false) => $"pipeline evidence '{key}'",
            _ => "an attestation",
        };

    private static string Prefix(ProductionJob? job, string command) => job is null ? command : $"{command} (run by CI job {job.Name})";
}
