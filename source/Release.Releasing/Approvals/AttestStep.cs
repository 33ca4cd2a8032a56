using Release.Engine;
using Release.Process.Approvals;
using Release.Releasing.Common;
using Release.Releasing.Records;

namespace Release.Releasing.Approvals;

/// <summary>
/// What the Attest target does: records a person's statement that a checklist item is done, in the role they act in
/// (<c>--role</c>, else the role they already voted or attested in on this release). <see cref="AttestationAdmission"/>
/// decides on the newest record (again after a concurrent push); a refused attestation changes nothing.
/// </summary>
internal sealed class AttestStep(IGoNoGo build, ReleaseSelection? release = null)
{
    public async Task RunAsync(CancellationToken ct)
    {
        // An application release (Sets/VoteSetStep, AttestSetStep) is named by the caller; a module's by --release.
        var selection = release ?? await ReleaseSelection.ResolveAsync(build, ct).ConfigureAwait(false);
        var key = build.Item!.Trim();
        var text = build.Text!.Trim();
        if (text.Length == 0) throw new BuildInputException($"Attest on release {selection.Id}: --text is empty; say what was done, with links.");
        SecretGuard.Check(build, text, $"The attestation text for '{key}' on release {selection.Id}");
        var by = await People.ActorAsync(build, $"Attest on release {selection.Id}", ct, personOnly: true).ConfigureAwait(false);
        SecretGuard.Check(build, by, $"The attester of '{key}' on release {selection.Id}");
        var given = build.Role is null ? null : RoleOf(build.Role);

        var records = await RecordsRepository.OpenAsync(build, ct).ConfigureAwait(false);
        await using var recordsDisposal = records.ConfigureAwait(false);
        ApprovalRole? role = null;
        await new ReleaseRecordStore(records).UpdateAsync(selection.Id, by, $"attestation '{key}' by {by}", existing =>
        {
            var record = existing
                ?? throw new ReleaseRefusedException($"Attest: release {selection.Id} has no record in {records.Shown}. Check --release.");
            role = given ?? AttestationAdmission.RoleClaimedBy(by, record.Votes(), record.Attestations())?.Role;
            var attestation = new Attestation(selection.Id, key, by, build.Clock.GetUtcNow(), text, role);
            if (new AttestationAdmission(build.Clock).Check(
                attestation,
                record.ToCandidate([]),
                build.Gates,
                record.Votes(),
                record.Attestations()) is { } refusal)
                throw new ReleaseRefusedException($"{refusal.Message} (refused: {refusal.Reason}; nothing was recorded)");
            return record.Append(new AttestationRecorded(attestation.At, key, by, text, role!.Name));
        }, ct).ConfigureAwait(false);
        build.Log.Information($"Recorded attestation '{key}' by {by} as {role} on release {selection.Id}");
        build.ReportSummary("attested", $"{key} ({role})");
    }

    // The build's own spelling of the role when it declares it (module-lead -> ModuleLead), else the text as a role.
    private ApprovalRole RoleOf(string text)
    {
        var declared = build.Gates.SelectMany(g => g.RequiredRoles).Distinct().ToArray();
        var role = declared.FirstOrDefault(r => VoteStep.Normalize(r.Name) == VoteStep.Normalize(text));
        if (role is not null) return role;
        try { return new ApprovalRole(text.Trim()); }
        catch (ArgumentException e)
        {
            throw new BuildInputException($"--role '{text}': {e.Message} Roles of this build's gates: {string.Join(", ", declared)}.");
        }
    }
}
