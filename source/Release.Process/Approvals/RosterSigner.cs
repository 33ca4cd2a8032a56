using Release.Process.Signing;

namespace Release.Process.Approvals;

/// <summary>Who holds keys on a <see cref="RoleRoster"/>: a person (votes, attests, acts) or a CI job (acts only).</summary>
/// <param name="Name">The person's e-mail or user id, or the job's name.</param>
/// <param name="Keys">The public keys.</param>
/// <param name="IsJob">True for a CI job's identity.</param>
public sealed record RosterSigner(string Name, IReadOnlyList<SshPublicKey> Keys, bool IsJob);
