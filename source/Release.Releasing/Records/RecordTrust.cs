using Release.Engine;
using Release.Process.Approvals;
using Release.Process.Signing;
using Release.Releasing.Approvals;
using Release.Releasing.Common;

namespace Release.Releasing.Records;

/// <summary>
/// Where the build's rosters meet the records: whether records must be signed (a roster names keys), the build
/// check that an environment requiring blessing has a roster with keys, who a signing key belongs to, and the
/// verified view of a record that every decision reads.
/// </summary>
internal static class RecordTrust
{
    /// <summary>The rosters of every gate.</summary>
    public static IReadOnlyList<RoleRoster> Rosters(IReleaseProcess build) => build.Gates.Select(g => g.Roster).ToArray();

    /// <summary>True when records must be signed.</summary>
    public static bool SigningRequired(IReleaseProcess build) => Rosters(build).Any(r => r.NamesKeys);

    /// <summary>
    /// A gate of an environment that accepts only blessed releases (production) without a roster of keys is a
    /// configuration error (exit 2): without keys, anyone who can push to the records repository can vote.
    /// </summary>
    /// <exception cref="BuildInputException">Such a gate.</exception>
    public static void CheckConfiguration(IReleaseProcess build)
    {
        foreach (var gate in build.Gates.Where(g => GateEvaluation.IsProductionLike(build, g.Environment) && !g.Roster.NamesKeys))
            throw new BuildInputException(
                $"Gate '{gate.Environment}' guards an environment that accepts only blessed releases, but its roster names no keys, so anyone who " +
                    "can push " +
                "to the records repository could vote. Give the gate a roster with each member's SSH public key in the build definition, e.g. " +
                $"GatePolicy.SeedDefault(\"{gate.Environment}\").WithRoster(RosterFile.Read(RootDirectory / \"build\" / \"release-roster\")) with " +
                    "a line per key in that file " +
                "(see docs/release-process.md, 'Trust model').");
    }

    /// <summary>The roster signer holding <paramref name="key"/>, or null.</summary>
    public static RosterSigner? SignerOf(IReleaseProcess build, SshPublicKey key) =>
        Rosters(build).SelectMany(r => r.Signers).FirstOrDefault(s => s.Keys.Contains(key));

    /// <summary>The events of <paramref name="record"/> that verify (all of them when no roster names keys).</summary>
    public static VerifiedRecord Verify(IReleaseProcess build, ReleaseRecord record) => RecordVerification.Verify(record, Rosters(build));

    /// <summary>The verified view; refused when not even the release's creation verifies.</summary>
    /// <exception cref="ReleaseRefusedException">The creation event does not verify.</exception>
    public static ReleaseRecord Trusted(IReleaseProcess build, ReleaseRecord record) =>
        Verify(build, record).Trusted ?? throw new ReleaseRefusedException(
            $"Release {record.ReleaseId}: {string.Join(" ", Verify(build, record).Refused)}");

    /// <summary>The verified views of every record whose creation verifies (others take part in no decision).</summary>
    public static IReadOnlyList<ReleaseRecord> TrustedAll(IReleaseProcess build, IEnumerable<ReleaseRecord> records) =>
        records.Select(r => Verify(build, r).Trusted).OfType<ReleaseRecord>().ToArray();
}
